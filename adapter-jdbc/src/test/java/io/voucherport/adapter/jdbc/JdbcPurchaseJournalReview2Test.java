package io.voucherport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.journal.PurchaseJournal.Claimed;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PurchaseRecovery claims with BATCH = 1 and ends its pass when a claim returns fewer than BATCH.
 * A claim that parks an unreadable purchase returns an empty list although readable purchases are
 * due, so every unreadable row ends a recovery pass: N such rows delay every other recovery by N passes.
 */
class JdbcPurchaseJournalReview2Test {

    @Test
    void aClaimOfOneThatParksAnUnreadablePurchaseStillReturnsADuePurchase() throws Exception {
        String schema = EmbeddedDatabase.freshSchema();
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource()).schema(schema).build();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        OrderReference good = OrderReference.of("good-1");
        journal.open(OrderRequest.of(good, OrderLine.of("SKU", 1)), "ez", "a", t0, Duration.ofMinutes(2));
        try (Connection c = EmbeddedDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + schema + ".voucherport_purchase (reference, status, opened_supplier, opened_request,"
                    + " supplier, request, event_count, opened_at, updated_at, due_at, lease_token)"
                    + " VALUES ('from-v2', 'OPEN', 'ez', 'request/v2|from-v2||SKU,1,,|new-field', 'ez',"
                    + " 'request/v2|from-v2||SKU,1,,|new-field', 0, '2025-12-31T00:00:00Z', '2025-12-31T00:00:00Z',"
                    + " '2025-12-31T00:00:00Z', 0)");
        }
        Instant later = t0.plus(Duration.ofMinutes(10));

        List<Claimed> claimed = journal.claimDue("recovery", later, Duration.ofMinutes(2), 1);

        assertThat(claimed).as("a batch of one that parked an unreadable row reads as 'nothing more is due'")
                .extracting(c -> c.purchase().reference()).containsExactly(good);
    }
}
