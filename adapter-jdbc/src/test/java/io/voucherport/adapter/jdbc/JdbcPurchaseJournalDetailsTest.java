package io.voucherport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal.Claimed;
import io.voucherport.domain.journal.StoredForm;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrderId;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the contract does not say: round trips, time precision, failures, settings and the rows written. */
class JdbcPurchaseJournalDetailsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456789Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static OrderRequest request() {
        return OrderRequest.of(OrderReference.generate(), OrderLine.of("AMZ-US-25", 2));
    }

    @Test
    void everyOperationCostsTheStatementsDocumented() {
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource())
                .schema(EmbeddedDatabase.freshSchema()).build();
        OrderRequest request = request();

        Claimed claimed = journal.open(request, "ez", "a", T0, LEASE).get();
        assertThat(journal.roundTrips()).as("open").isEqualTo(1);
        claimed = journal.append(claimed, new PurchaseEvent.Sent("ez", T0), T0, LEASE);
        assertThat(journal.roundTrips()).as("append").isEqualTo(2);
        Lease renewed = journal.renew(claimed.lease(), T0, LEASE);
        assertThat(journal.roundTrips()).as("renew").isEqualTo(3);
        journal.release(renewed, T0);
        assertThat(journal.roundTrips()).as("release").isEqualTo(4);
        journal.claim(request.reference(), "b", T0, LEASE).get();
        assertThat(journal.roundTrips()).as("claim").isEqualTo(5);
        journal.open(request, "ez", "c", T0, LEASE).getLeft();
        assertThat(journal.roundTrips()).as("open of a journaled reference").isEqualTo(7);
        journal.find(request.reference()).get();
        assertThat(journal.roundTrips()).as("find").isEqualTo(8);
        journal.claimDue("d", T0.plusSeconds(60), LEASE, 10);
        assertThat(journal.roundTrips()).as("claimDue").isEqualTo(9);
        journal.unfinished(10);
        assertThat(journal.roundTrips()).as("unfinished").isEqualTo(10);
    }

    @Test
    void writingSeveralEventsCostsOneStatement() {
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource())
                .schema(EmbeddedDatabase.freshSchema()).build();
        OrderRequest request = request();
        SupplierOrderId order = SupplierOrderId.of("E-1");

        Claimed claimed = journal.open(request, "ez", List.of(new PurchaseEvent.Sent("ez", T0)), "a", T0, LEASE).get();
        assertThat(journal.roundTrips()).as("open with an event").isEqualTo(1);
        claimed = journal.append(claimed, List.of(new PurchaseEvent.Accepted("ez", order, T0),
                new PurchaseEvent.LookedUp("ez", Option.some(order), T0)), T0, LEASE);
        assertThat(journal.roundTrips()).as("append of two events").isEqualTo(2);
        JournaledPurchase ended = journal.finish(claimed, List.of(new PurchaseEvent.Delivered(order, 2, T0)), T0);
        assertThat(journal.roundTrips()).as("finish").isEqualTo(3);
        journal.open(request, "ez", List.of(new PurchaseEvent.Sent("ez", T0)), "b", T0, LEASE).getLeft();
        assertThat(journal.roundTrips()).as("open with an event of a journaled reference").isEqualTo(5);
        assertThat(journal.find(request.reference()).get()).isEqualTo(ended);
    }

    @Test
    void refusedEventsCostNoStatement() {
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource())
                .schema(EmbeddedDatabase.freshSchema()).build();
        OrderRequest request = request();
        PurchaseEvent sent = new PurchaseEvent.Sent("ez", T0);

        assertThatThrownBy(() -> journal.open(request, "ez", List.of(sent, sent), "a", T0, LEASE))
                .isInstanceOf(IllegalStateException.class);
        Claimed claimed = journal.open(request, "ez", "a", T0, LEASE).get();
        assertThatThrownBy(() -> journal.append(claimed, List.of(sent, sent), T0, LEASE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.finish(claimed, List.of(sent), T0)).isInstanceOf(IllegalStateException.class);
        assertThat(journal.roundTrips()).as("only the open that was allowed").isEqualTo(1);
    }

    @Test
    void finishWritesTheEndedStatusAndGivesTheLeaseBackInOneRow() throws Exception {
        String schema = EmbeddedDatabase.freshSchema();
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource()).schema(schema).build();
        OrderRequest request = request();
        SupplierOrderId order = SupplierOrderId.of("E-1");
        Claimed claimed = journal.open(request, "ez", List.of(new PurchaseEvent.Sent("ez", T0)), "a", T0, LEASE).get();
        journal.finish(claimed, List.of(new PurchaseEvent.Accepted("ez", order, T0),
                new PurchaseEvent.Delivered(order, 2, T0)), T0.plusSeconds(1));

        try (Connection connection = EmbeddedDatabase.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT p.status, p.event_count, p.lease_owner,"
                        + " p.lease_until, p.lease_token, e.seq, e.kind FROM " + schema + ".voucherport_purchase p"
                        + " JOIN " + schema + ".voucherport_purchase_event e USING (reference)"
                        + " WHERE reference = ? ORDER BY e.seq")) {
            select.setString(1, request.reference().value());
            try (ResultSet rows = select.executeQuery()) {
                for (String kind : List.of("Sent", "Accepted", "Delivered")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString("status")).isEqualTo("DELIVERED");
                    assertThat(rows.getInt("event_count")).isEqualTo(3);
                    assertThat(rows.getString("lease_owner")).isNull();
                    assertThat(rows.getObject("lease_until")).isNull();
                    assertThat(rows.getLong("lease_token")).isEqualTo(1);
                    assertThat(rows.getString("kind")).isEqualTo(kind);
                    assertThat(rows.getInt("seq")).isEqualTo(List.of("Sent", "Accepted", "Delivered").indexOf(kind) + 1);
                }
                assertThat(rows.next()).isFalse();
            }
        }
        assertThat(journal.claim(request.reference(), "b", T0.plusSeconds(60), LEASE)).isEmpty();
    }

    @Test
    void aClaimThatWaitedForAWriterReadsTheEventThatWriterCommitted() throws Exception {
        String schema = EmbeddedDatabase.freshSchema();
        DataSource dataSource = EmbeddedDatabase.dataSource();
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(dataSource).schema(schema).build();
        Claimed opened = journal.open(request(), "ez", "a", T0, LEASE).get();
        String reference = opened.purchase().reference().value();
        PurchaseEvent sent = new PurchaseEvent.Sent("ez", T0);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection writer = dataSource.getConnection()) {
            // an append by the holder, not yet committed: it holds the purchase row's lock
            writer.setAutoCommit(false);
            try (PreparedStatement update = writer.prepareStatement("UPDATE " + schema + ".voucherport_purchase"
                    + " SET event_count = 1 WHERE reference = ?");
                    PreparedStatement insert = writer.prepareStatement("INSERT INTO " + schema
                            + ".voucherport_purchase_event (reference, seq, kind, form, recorded_at) VALUES (?, 1, ?, ?, now())")) {
                update.setString(1, reference);
                update.executeUpdate();
                insert.setString(1, reference);
                insert.setString(2, StoredForm.kind(sent));
                insert.setString(3, StoredForm.of(sent));
                insert.executeUpdate();
            }
            long before = journal.roundTrips();
            // another instance claims once the lease ran out: its UPDATE waits for the row, its join reads an older snapshot
            Future<Claimed> claim = thread.submit(() -> journal.claim(opened.purchase().reference(), "b",
                    T0.plus(LEASE).plusSeconds(1), LEASE).get());
            awaitALockWait(dataSource);
            writer.commit();

            assertThat(claim.get().purchase().events()).containsExactly(sent);
            assertThat(journal.roundTrips() - before).as("the claim, then the events read again").isEqualTo(2);
        } finally {
            thread.shutdownNow();
        }
    }

    private static void awaitALockWait(DataSource dataSource) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the claim never waited for the writer's lock");
    }

    @Test
    void instantsAreKeptToTheMicrosecondAndTheJournalHandsOutWhatItStored() {
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource())
                .schema(EmbeddedDatabase.freshSchema()).build();
        Claimed opened = journal.open(request(), "ez", "a", T0, LEASE).get();
        Instant micros = Instant.parse("2026-01-01T10:00:00.123456Z");

        assertThat(opened.purchase().openedAt()).isEqualTo(micros);
        assertThat(opened.lease().until()).isEqualTo(micros.plus(LEASE));
        Claimed sent = journal.append(opened, new PurchaseEvent.Sent("ez", T0), T0, LEASE);
        JournaledPurchase found = journal.find(opened.purchase().reference()).get();
        assertThat(found).isEqualTo(sent.purchase());
        assertThat(found.events().get(0).at()).as("events keep their exact time").isEqualTo(T0);
    }

    @Test
    void theRowsHoldTheStoredFormsAndTheFoldOfTheEvents() throws Exception {
        String schema = EmbeddedDatabase.freshSchema();
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource()).schema(schema).build();
        OrderRequest request = request();
        Claimed claimed = journal.open(request, "ez", "a", T0, LEASE).get();
        claimed = journal.append(claimed, new PurchaseEvent.Sent("ez", T0), T0, LEASE);
        claimed = journal.append(claimed, new PurchaseEvent.Accepted("ez", SupplierOrderId.of("E-1"), T0), T0, LEASE);
        journal.append(claimed, new PurchaseEvent.Delivered(SupplierOrderId.of("E-1"), 2, T0), T0, LEASE);

        try (Connection connection = EmbeddedDatabase.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT p.status, p.supplier, p.request,"
                        + " p.event_count, p.lease_token, e.seq, e.kind, e.form FROM " + schema + ".voucherport_purchase p"
                        + " JOIN " + schema + ".voucherport_purchase_event e USING (reference)"
                        + " WHERE reference = ? ORDER BY e.seq")) {
            select.setString(1, request.reference().value());
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("status")).isEqualTo("DELIVERED");
                assertThat(rows.getString("supplier")).isEqualTo("ez");
                assertThat(rows.getString("request")).startsWith("request/v1|" + request.reference().value() + "|");
                assertThat(rows.getInt("event_count")).isEqualTo(3);
                assertThat(rows.getLong("lease_token")).isEqualTo(1);
                assertThat(rows.getInt("seq")).isEqualTo(1);
                assertThat(rows.getString("kind")).isEqualTo("Sent");
                assertThat(rows.getString("form")).isEqualTo("Sent/v1|ez|" + T0);
            }
        }
    }

    @Test
    void aStatementThatRunsPastTheQueryTimeoutFailsWithAJournalExceptionNamingOnlyTheOperation() throws Exception {
        String schema = EmbeddedDatabase.freshSchema();
        DataSource dataSource = EmbeddedDatabase.dataSource();
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(dataSource).schema(schema)
                .queryTimeout(Duration.ofMillis(300)).build();
        Claimed claimed = journal.open(request(), "ez", "a", T0, LEASE).get();
        String reference = claimed.purchase().reference().value();

        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement(
                    "SELECT 1 FROM " + schema + ".voucherport_purchase WHERE reference = ? FOR UPDATE")) {
                lock.setString(1, reference);
                lock.executeQuery().close();
            }
            long started = System.nanoTime();
            assertThatThrownBy(() -> journal.append(claimed, new PurchaseEvent.Sent("ez", T0), T0, LEASE))
                    .isInstanceOf(JournalException.class)
                    .hasMessage("the purchase journal could not append events (SQLState 57014)")
                    .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain(reference));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            locker.rollback();
        }
        assertThat(journal.find(claimed.purchase().reference()).get().events()).isEmpty();
    }

    @Test
    void aMissingTableIsAJournalExceptionWithTheSqlStateAndNoSql() {
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource())
                .schema("no_such_schema").build();

        assertThatThrownBy(() -> journal.find(OrderReference.of("vp-secret-looking-1")))
                .isInstanceOf(JournalException.class)
                .hasMessage("the purchase journal could not find a purchase (SQLState 42P01)")
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("SELECT").doesNotContain("vp-secret"));
    }

    @Test
    void theEmbeddedDatabaseCommitsDurablyAsProductionDoes() throws Exception {
        try (Connection connection = EmbeddedDatabase.dataSource().getConnection();
                PreparedStatement show = connection.prepareStatement(
                        "SELECT current_setting('synchronous_commit'), current_setting('fsync')");
                ResultSet row = show.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).as("synchronous_commit").isEqualTo("on");
            assertThat(row.getString(2)).as("fsync").isEqualTo("on");
        }
    }

    @Test
    void settingsAreChecked() {
        DataSource dataSource = EmbeddedDatabase.dataSource();
        assertThatThrownBy(() -> JdbcPurchaseJournal.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("data source");
        for (String bad : List.of("Public", "1st", "a-b", "x\"; DROP TABLE y; --", "", "a".repeat(64))) {
            assertThatThrownBy(() -> JdbcPurchaseJournal.builder(dataSource).schema(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema must be");
        }
        assertThatThrownBy(() -> JdbcPurchaseJournal.builder(dataSource).queryTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query timeout");
        assertThatThrownBy(() -> JdbcPurchaseJournal.builder(dataSource).queryTimeout(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query timeout");
        assertThat(JdbcPurchaseJournal.builder(dataSource).schema("vp_1").queryTimeout(Duration.ofMillis(1500)).build())
                .hasToString("JdbcPurchaseJournal[schema=vp_1, queryTimeout=PT2S]");
    }
}
