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
 * deploy, say) must not poison recovery of the purchases claimed with it.
 */
class JdbcPurchaseJournalReviewTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final OrderReference GOOD = OrderReference.of("good-1");
    /** The good purchase's opener died: its lease ran out. */
    private static final Instant LATER = T0.plus(Duration.ofMinutes(10));

    /** A journal with one readable purchase and, due before it, one it cannot read. */
    private static JdbcPurchaseJournal journalWithAnUnreadablePurchaseDueFirst() throws Exception {
        String schema = EmbeddedDatabase.freshSchema();
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource()).schema(schema).build();
        journal.open(OrderRequest.of(GOOD, OrderLine.of("SKU", 1)), "ez", "a", T0, Duration.ofMinutes(2));
        try (Connection c = EmbeddedDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + schema + ".voucherport_purchase (reference, status, opened_supplier, opened_request,"
                    + " supplier, request, event_count, opened_at, updated_at, due_at, lease_token)"
                    + " VALUES ('from-v2', 'OPEN', 'ez', 'request/v2|from-v2||SKU,1,,|new-field', 'ez',"
                    + " 'request/v2|from-v2||SKU,1,,|new-field', 0, '2025-12-31T00:00:00Z', '2025-12-31T00:00:00Z',"
                    + " '2025-12-31T00:00:00Z', 0)");
        }
        return journal;
    }

    @Test
    void oneUnreadablePurchaseDoesNotStarveTheOthersInItsBatch() throws Exception {
        JdbcPurchaseJournal journal = journalWithAnUnreadablePurchaseDueFirst();

        List<Claimed> claimed;
        try {
            claimed = journal.claimDue("recovery", LATER, Duration.ofMinutes(2), 16);
        } catch (JournalException e) {
            claimed = List.of();
        }

        assertThat(claimed).as("the readable purchase is recovered").extracting(c -> c.purchase().reference())
                .contains(GOOD);
        List<Claimed> seen = claimed;
        assertThat(journal.claim(GOOD, "other", LATER.plusSeconds(1), Duration.ofMinutes(2)).isDefined()
                || seen.stream().anyMatch(c -> c.purchase().reference().equals(GOOD)))
                .as("not left leased to a claim whose caller got an exception").isTrue();
    }

    @Test
    void aClaimOfOneThatParksAnUnreadablePurchaseStillReturnsADuePurchase() throws Exception {
        JdbcPurchaseJournal journal = journalWithAnUnreadablePurchaseDueFirst();

        List<Claimed> claimed = journal.claimDue("recovery", LATER, Duration.ofMinutes(2), 1);

        assertThat(claimed).as("a batch of one that parked an unreadable row reads as 'nothing more is due'")
                .extracting(c -> c.purchase().reference()).containsExactly(GOOD);
    }
}
