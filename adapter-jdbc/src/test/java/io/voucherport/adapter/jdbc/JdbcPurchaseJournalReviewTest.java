package io.voucherport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.journal.JournalException;
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
 * Review: one purchase row this version cannot read (written by a newer version during a rolling
 * deploy, or by the earlier v1 encoding) must not poison recovery of every purchase claimed with it.
 */
class JdbcPurchaseJournalReviewTest {

    @Test
    void oneUnreadablePurchaseDoesNotStarveTheOthersInItsBatch() throws Exception {
        String schema = EmbeddedDatabase.freshSchema();
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource()).schema(schema).build();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        OrderReference good = OrderReference.of("good-1");
        journal.open(OrderRequest.of(good, OrderLine.of("SKU", 1)), "ez", "a", t0, Duration.ofMinutes(2));
        try (Connection c = EmbeddedDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            // due a moment earlier than the good one, so it is always claimed first
            s.execute("INSERT INTO " + schema + ".voucherport_purchase (reference, status, opened_supplier, opened_request,"
                    + " supplier, request, event_count, opened_at, updated_at, due_at, lease_token)"
                    + " VALUES ('from-v2', 'OPEN', 'ez', 'request/v2|from-v2||SKU,1,,|new-field', 'ez',"
                    + " 'request/v2|from-v2||SKU,1,,|new-field', 0, '2025-12-31T00:00:00Z', '2025-12-31T00:00:00Z',"
                    + " '2025-12-31T00:00:00Z', 0)");
        }
        Instant later = t0.plus(Duration.ofMinutes(10));   // the good purchase's opener died: its lease ran out

        List<Claimed> claimed;
        try {
            claimed = journal.claimDue("recovery", later, Duration.ofMinutes(2), 16);
        } catch (JournalException e) {
            claimed = List.of();
        }

        assertThat(claimed).as("the readable purchase is recovered").extracting(c -> c.purchase().reference())
                .contains(good);
        assertThat(journal.claim(good, "other", later.plusSeconds(1), Duration.ofMinutes(2)).isDefined()
                || claimed.stream().anyMatch(c -> c.purchase().reference().equals(good)))
                .as("not left leased to a claim whose caller got an exception").isTrue();
    }
}
