package io.voucherport.adapter.jdbc;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.LeaseLostException;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.StoredForm;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@link PurchaseJournal} in a relational database over plain JDBC (PostgreSQL 12 or later):
 * durable across restarts and shared by every instance of a service that uses the same tables
 * (create them with {@link JdbcSchema} or the SQL files it runs, see the package documentation).
 *
 * <p>Correctness comes from the database, never from reading and then writing: the primary key on
 * the reference makes {@link #open} atomic; {@link #claim} and {@link #claimDue} are single
 * {@code UPDATE}s that take a lease only when it is free or ran out ({@code claimDue} picks its
 * rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers get disjoint purchases); and
 * every claim increments a fencing token ({@code lease_token}) that {@link #append} and
 * {@link #renew} must match, so a writer whose lease was taken over fails with
 * {@link LeaseLostException}. {@link #append} applies {@link JournaledPurchase#with} in Java to
 * the purchase it is given (which is current: nobody else writes while the lease holds, and the
 * event count is checked too) and writes the event and the purchase's new state in one statement.
 *
 * <p>Statements per call (see {@link #roundTrips()}): {@code open} 1 (2 when the reference is
 * journaled already), {@code append}, {@code renew}, {@code release}, {@code find},
 * {@code unfinished}, {@code claim} and {@code claimDue} 1 each (a claim reads the events again,
 * one more statement per purchase, only when an event was committed while it ran).
 *
 * <p>Requests and events are stored in {@link StoredForm}'s versioned text, so event times are kept
 * exactly; {@code openedAt} and lease times are kept to the microsecond ({@code timestamptz}),
 * and the journal hands out the same truncated values it stores. A {@link SQLException} becomes a
 * {@link JournalException} whose message names the operation and the SQLState only; after one,
 * a write may or may not have happened, so the caller claims the purchase again (which reads it
 * back) before going on. Every statement runs with the query timeout. Thread-safe.
 */
public final class JdbcPurchaseJournal implements PurchaseJournal {

    private static final int OPEN_ATTEMPTS = 3;

    private final Database database;
    private final String openSql;
    private final String findSql;
    private final String claimSql;
    private final String claimDueSql;
    private final String eventsSql;
    private final String appendSql;
    private final String heldSql;
    private final String renewSql;
    private final String releaseSql;
    private final String unfinishedSql;

    private JdbcPurchaseJournal(JdbcSettings settings) {
        this.database = new Database(settings,
                (operation, e) -> new JournalException(Database.describe("the purchase journal", operation, e),
                        Database.withoutDetail(e)));
        String purchases = database.table("voucherport_purchase");
        String events = database.table("voucherport_purchase_event");
        String withEvents = " LEFT JOIN " + events + " e ON e.reference = c.reference";
        String claimedColumns = "RETURNING p.reference, p.opened_supplier, p.opened_request, p.opened_at, "
                + "p.event_count, p.lease_owner, p.lease_token, p.lease_until, p.due_at";
        this.openSql = "INSERT INTO " + purchases + " (reference, status, opened_supplier, opened_request, supplier,"
                + " request, event_count, opened_at, updated_at, due_at, lease_owner, lease_token, lease_until)"
                + " VALUES (?, 'OPEN', ?, ?, ?, ?, 0, ?, ?, ?, ?, 1, ?)"
                + " ON CONFLICT (reference) DO NOTHING RETURNING lease_token";
        this.findSql = "SELECT c.reference, c.opened_supplier, c.opened_request, c.opened_at, c.event_count,"
                + " e.seq, e.form FROM " + purchases + " c" + withEvents + " WHERE c.reference = ? ORDER BY e.seq";
        this.claimSql = "WITH c AS (UPDATE " + purchases + " p SET lease_owner = ?, lease_token = p.lease_token + 1,"
                + " lease_until = ? WHERE p.reference = ? AND p.status = 'OPEN'"
                + " AND (p.lease_owner IS NULL OR p.lease_owner = ? OR p.lease_until <= ?) " + claimedColumns + ")"
                + " SELECT c.*, e.seq, e.form FROM c" + withEvents + " ORDER BY e.seq";
        this.claimDueSql = "WITH due AS (SELECT reference FROM " + purchases
                + " WHERE status = 'OPEN' AND due_at <= ? AND (lease_owner IS NULL OR lease_until <= ?)"
                + " ORDER BY due_at, reference LIMIT ? FOR UPDATE SKIP LOCKED),"
                + " c AS (UPDATE " + purchases + " p SET lease_owner = ?, lease_token = p.lease_token + 1,"
                + " lease_until = ? FROM due WHERE p.reference = due.reference " + claimedColumns + ")"
                + " SELECT c.*, e.seq, e.form FROM c" + withEvents + " ORDER BY c.due_at, c.reference, e.seq";
        this.eventsSql = "SELECT form FROM " + events + " WHERE reference = ? ORDER BY seq";
        this.appendSql = "WITH fenced AS (UPDATE " + purchases + " SET status = ?, supplier = ?, request = ?,"
                + " event_count = event_count + 1, lease_until = ?, updated_at = ?"
                + " WHERE reference = ? AND lease_owner = ? AND lease_token = ? AND event_count = ?"
                + " RETURNING reference, event_count)"
                + " INSERT INTO " + events + " (reference, seq, kind, form, recorded_at)"
                + " SELECT reference, event_count, ?, ?, ? FROM fenced";
        this.heldSql = "SELECT event_count FROM " + purchases
                + " WHERE reference = ? AND lease_owner = ? AND lease_token = ?";
        this.renewSql = "UPDATE " + purchases + " SET lease_until = ?"
                + " WHERE reference = ? AND lease_owner = ? AND lease_token = ?";
        this.releaseSql = "UPDATE " + purchases + " SET lease_owner = NULL, lease_until = NULL, due_at = ?"
                + " WHERE reference = ? AND lease_owner = ? AND lease_token = ?";
        this.unfinishedSql = "WITH o AS (SELECT reference FROM " + purchases
                + " WHERE status = 'OPEN' ORDER BY opened_at, reference LIMIT ?)"
                + " SELECT c.reference, c.opened_supplier, c.opened_request, c.opened_at, c.event_count, e.seq, e.form"
                + " FROM o JOIN " + purchases + " c ON c.reference = o.reference" + withEvents
                + " ORDER BY c.opened_at, c.reference, e.seq";
    }

    /** A builder over {@code dataSource} (required): schema and query timeout are optional. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Opens the purchase with one {@code INSERT … ON CONFLICT (reference) DO NOTHING}; only when the
     * reference was journaled already, a second statement reads the existing purchase. Safe to
     * retry: a retry after an open that took effect unseen answers the (now existing) purchase.
     */
    @Override
    public Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier, String owner, Instant now,
            Duration leaseFor) {
        Require.present(request, "request");
        Require.text(supplier, "supplier");
        Require.text(owner, "owner");
        Instant at = Database.micros(Require.present(now, "now"));
        Instant until = until(at, leaseFor);
        String reference = request.reference().value();
        String form = StoredForm.of(request);
        return database.run("open a purchase", connection -> {
            for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
                try (PreparedStatement insert = database.prepare(connection, openSql)) {
                    insert.setString(1, reference);
                    insert.setString(2, supplier);
                    insert.setString(3, form);
                    insert.setString(4, supplier);
                    insert.setString(5, form);
                    Database.setInstant(insert, 6, at);
                    Database.setInstant(insert, 7, at);
                    Database.setInstant(insert, 8, at);
                    insert.setString(9, owner);
                    Database.setInstant(insert, 10, until);
                    try (ResultSet inserted = database.query(insert)) {
                        if (inserted.next()) {
                            return Either.right(new Claimed(JournaledPurchase.open(supplier, request, at),
                                    new Lease(request.reference(), owner, inserted.getLong(1), until)));
                        }
                    }
                }
                Option<JournaledPurchase> existing = find(connection, reference);
                if (existing.isDefined()) {
                    return Either.left(existing.get());
                }
                // the row that blocked the insert is gone again (deleted by an operator): try again
            }
            throw new JournalException("the purchase journal could not open purchase " + reference
                    + ": it kept appearing and disappearing", null);
        });
    }

    /** One statement, a consistent snapshot of the purchase and its events. Safe to retry. */
    @Override
    public Option<JournaledPurchase> find(OrderReference reference) {
        Require.present(reference, "reference");
        return database.run("find a purchase", connection -> find(connection, reference.value()));
    }

    /**
     * One {@code UPDATE … RETURNING} that takes the lease only when the purchase is open and its
     * lease is free, ran out, or is {@code owner}'s own, joined with the purchase's events.
     */
    @Override
    public Option<Claimed> claim(OrderReference reference, String owner, Instant now, Duration leaseFor) {
        Require.present(reference, "reference");
        Require.text(owner, "owner");
        Instant at = Database.micros(Require.present(now, "now"));
        Instant until = until(at, leaseFor);
        return database.run("claim a purchase", connection -> {
            try (PreparedStatement claim = database.prepare(connection, claimSql)) {
                claim.setString(1, owner);
                Database.setInstant(claim, 2, until);
                claim.setString(3, reference.value());
                claim.setString(4, owner);
                Database.setInstant(claim, 5, at);
                List<Claimed> claimed = claimed(connection, claim);
                return claimed.isEmpty() ? Option.none() : Option.some(claimed.get(0));
            }
        });
    }

    /**
     * One statement: the due purchases are picked with {@code FOR UPDATE SKIP LOCKED} in a
     * subquery and leased by the {@code UPDATE} around it, so concurrent callers (in any instance)
     * never get the same purchase, and none waits for another.
     */
    @Override
    public List<Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max) {
        Require.text(owner, "owner");
        Require.positive(max, "max");
        Instant at = Database.micros(Require.present(now, "now"));
        Instant until = until(at, leaseFor);
        return database.run("claim due purchases", connection -> {
            try (PreparedStatement claim = database.prepare(connection, claimDueSql)) {
                Database.setInstant(claim, 1, at);
                Database.setInstant(claim, 2, at);
                claim.setInt(3, max);
                claim.setString(4, owner);
                Database.setInstant(claim, 5, until);
                return claimed(connection, claim);
            }
        });
    }

    /**
     * Applies the event to {@code claimed.purchase()} in Java (the rules of
     * {@link JournaledPurchase#with}; nothing is written when they refuse it), then one statement
     * updates the purchase row, fenced by owner, token and event count, and inserts the event row
     * only if that update happened.
     *
     * @throws LeaseLostException when another owner has claimed the purchase since
     * @throws IllegalStateException when the rules forbid the event, or {@code claimed} is not the
     *     latest state of the purchase (an older {@code Claimed} of the same lease)
     */
    @Override
    public Claimed append(Claimed claimed, PurchaseEvent event, Instant now, Duration leaseFor) {
        Require.present(claimed, "claimed");
        Require.present(event, "event");
        Instant at = Database.micros(Require.present(now, "now"));
        Instant until = until(at, leaseFor);
        JournaledPurchase next = claimed.purchase().with(event);
        Lease lease = claimed.lease();
        int count = claimed.purchase().events().size();
        return database.run("append an event", connection -> {
            try (PreparedStatement append = database.prepare(connection, appendSql)) {
                append.setString(1, next.status().name());
                append.setString(2, next.supplier());
                append.setString(3, StoredForm.of(next.request()));
                Database.setInstant(append, 4, until);
                Database.setInstant(append, 5, at);
                append.setString(6, lease.reference().value());
                append.setString(7, lease.owner());
                append.setLong(8, lease.token());
                append.setInt(9, count);
                append.setString(10, StoredForm.kind(event));
                append.setString(11, StoredForm.of(event));
                Database.setInstant(append, 12, at);
                if (database.update(append) == 1) {
                    return new Claimed(next, new Lease(lease.reference(), lease.owner(), lease.token(), until));
                }
            }
            throw notWritten(connection, lease, count);
        });
    }

    /** One fenced {@code UPDATE}. Safe to retry. */
    @Override
    public Lease renew(Lease lease, Instant now, Duration leaseFor) {
        Require.present(lease, "lease");
        Instant until = until(Database.micros(Require.present(now, "now")), leaseFor);
        return database.run("renew a lease", connection -> {
            try (PreparedStatement renew = database.prepare(connection, renewSql)) {
                Database.setInstant(renew, 1, until);
                setLease(renew, 2, lease);
                if (database.update(renew) == 0) {
                    throw new LeaseLostException(lease.reference(), lease.owner());
                }
                return new Lease(lease.reference(), lease.owner(), lease.token(), until);
            }
        });
    }

    /** One fenced {@code UPDATE}; a lost lease changes nothing. Safe to retry. */
    @Override
    public void release(Lease lease, Instant dueAt) {
        Require.present(lease, "lease");
        Instant due = Database.micros(Require.present(dueAt, "due at"));
        database.run("release a lease", connection -> {
            try (PreparedStatement release = database.prepare(connection, releaseSql)) {
                Database.setInstant(release, 1, due);
                setLease(release, 2, lease);
                return database.update(release);
            }
        });
    }

    /** One statement. Ties in {@code openedAt} are ordered by reference. */
    @Override
    public List<JournaledPurchase> unfinished(int max) {
        Require.positive(max, "max");
        return database.run("list unfinished purchases", connection -> {
            try (PreparedStatement unfinished = database.prepare(connection, unfinishedSql)) {
                unfinished.setInt(1, max);
                try (ResultSet rows = database.query(unfinished)) {
                    return PurchaseRows.read(rows, false).stream().map(PurchaseRows.Read::purchase).toList();
                }
            }
        });
    }

    /**
     * How many SQL statements this journal has sent to the database since it was built (each is
     * one round trip; borrowing a pooled connection is not counted). For benchmarks and tests.
     */
    public long roundTrips() {
        return database.statements();
    }

    private Option<JournaledPurchase> find(Connection connection, String reference) throws SQLException {
        try (PreparedStatement find = database.prepare(connection, findSql)) {
            find.setString(1, reference);
            try (ResultSet rows = database.query(find)) {
                List<PurchaseRows.Read> read = PurchaseRows.read(rows, false);
                return read.isEmpty() ? Option.none() : Option.some(read.get(0).purchase());
            }
        }
    }

    /** Runs a claim statement and reads what it leased, reading events again where the claim missed some. */
    private List<Claimed> claimed(Connection connection, PreparedStatement claim) throws SQLException {
        List<PurchaseRows.Read> read;
        try (ResultSet rows = database.query(claim)) {
            read = PurchaseRows.read(rows, true);
        }
        List<Claimed> claimed = new ArrayList<>(read.size());
        for (PurchaseRows.Read one : read) {
            JournaledPurchase purchase = one.complete() ? one.purchase() : reread(connection, one);
            claimed.add(new Claimed(purchase, one.lease()));
        }
        return claimed;
    }

    /** The purchase with every event, read in a new statement (which sees every committed event). */
    private JournaledPurchase reread(Connection connection, PurchaseRows.Read claimed) throws SQLException {
        String reference = claimed.purchase().reference().value();
        try (PreparedStatement events = database.prepare(connection, eventsSql)) {
            events.setString(1, reference);
            try (ResultSet rows = database.query(events)) {
                JournaledPurchase purchase = claimed.purchase();
                List<PurchaseEvent> all = PurchaseRows.events(reference, rows);
                if (all.size() != claimed.eventCount()) {
                    throw new JournalException("the purchase journal holds " + all.size() + " events of purchase "
                            + reference + " but its row counts " + claimed.eventCount(), null);
                }
                return new JournaledPurchase(purchase.opened(), purchase.openedAt(), all);
            }
        }
    }

    /** Why a fenced append wrote nothing: the lease was lost, or the caller's purchase is not the latest. */
    private RuntimeException notWritten(Connection connection, Lease lease, int count) throws SQLException {
        try (PreparedStatement held = database.prepare(connection, heldSql)) {
            setLease(held, 1, lease);
            try (ResultSet row = database.query(held)) {
                if (row.next() && row.getInt(1) != count) {
                    return new IllegalStateException("purchase " + lease.reference() + " has " + row.getInt(1)
                            + " events, not the " + count + " of the Claimed given: append with the Claimed that the"
                            + " last append returned");
                }
            }
        }
        return new LeaseLostException(lease.reference(), lease.owner());
    }

    private static void setLease(PreparedStatement statement, int first, Lease lease) throws SQLException {
        statement.setString(first, lease.reference().value());
        statement.setString(first + 1, lease.owner());
        statement.setLong(first + 2, lease.token());
    }

    private static Instant until(Instant now, Duration leaseFor) {
        Require.present(leaseFor, "lease duration");
        if (leaseFor.isNegative()) {
            throw new IllegalArgumentException("lease duration must not be negative but was " + leaseFor);
        }
        return Database.micros(now.plus(leaseFor));
    }

    @Override
    public String toString() {
        return "JdbcPurchaseJournal[schema=" + (database.schema() == null ? "(search_path)" : database.schema())
                + ", queryTimeout=" + database.queryTimeout() + "]";
    }

    /** Builds a {@link JdbcPurchaseJournal}. */
    public static final class Builder extends JdbcBuilder<Builder> {

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        /** The journal. It does not touch the database until first used. */
        public JdbcPurchaseJournal build() {
            return new JdbcPurchaseJournal(settings());
        }
    }
}
