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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * {@link LeaseLostException}. {@link #open}, {@link #append} and {@link #finish} apply
 * {@link JournaledPurchase#with} in Java (to the purchase they are given, which is current: nobody
 * else writes while the lease holds, and the event count is checked too) and write the events
 * and the purchase's new state in one statement, all or none; {@link #finish} gives the lease
 * back in that same statement.
 *
 * <p>Statements per call (see {@link #roundTrips()}), whatever the number of events: {@code open}
 * 1 (2 when the reference is journaled already), {@code append}, {@code finish}, {@code renew},
 * {@code release}, {@code find}, {@code unfinished}, {@code claim} and {@code claimDue} 1 each (a
 * claim reads the events again, one more statement per purchase, only when an event was committed
 * while it ran; an {@code append} or {@code finish} that wrote nothing reads the row once more to
 * tell a lost lease from an outdated {@code Claimed}).
 *
 * <p>Requests and events are stored in {@link StoredForm}'s versioned text, so event times are kept
 * exactly; {@code openedAt} and lease times are kept to the microsecond ({@code timestamptz}),
 * and the journal hands out the same truncated values it stores. A {@link SQLException} becomes a
 * {@link JournalException} whose message names the operation and the SQLState only; after one,
 * a write may or may not have happened, so the caller claims the purchase again (which reads it
 * back) before going on. Every statement runs with the query timeout. Thread-safe.
 */
public final class JdbcPurchaseJournal implements PurchaseJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPurchaseJournal.class);
    private static final Duration PARKED = Duration.ofHours(1);

    private static final int OPEN_ATTEMPTS = 3;

    private final Database database;
    private final String purchases;
    private final String events;
    private final String findSql;
    private final String claimSql;
    private final String claimDueSql;
    private final String eventsSql;
    private final String heldSql;
    private final String renewSql;
    private final String releaseSql;
    private final String unfinishedSql;

    private JdbcPurchaseJournal(JdbcSettings settings) {
        this.database = new Database(settings,
                (operation, e) -> new JournalException(Database.describe("the purchase journal", operation, e),
                        Database.withoutDetail(e)));
        this.purchases = database.table("voucherport_purchase");
        this.events = database.table("voucherport_purchase_event");
        String withEvents = " LEFT JOIN " + events + " e ON e.reference = c.reference";
        String claimedColumns = "RETURNING p.reference, p.opened_supplier, p.opened_request, p.opened_at, "
                + "p.event_count, p.lease_owner, p.lease_token, p.lease_until, p.due_at";
        this.findSql = "SELECT c.reference, c.opened_supplier, c.opened_request, c.opened_at, c.event_count,"
                + " e.seq, e.form FROM " + purchases + " c" + withEvents + " WHERE c.reference = ? ORDER BY e.seq";
        this.claimSql = "WITH c AS (UPDATE " + purchases + " p SET lease_owner = ?, lease_token = p.lease_token + 1,"
                + " lease_until = ? WHERE p.reference = ? AND p.status = 'OPEN'"
                + " AND (p.lease_owner IS NULL OR p.lease_until <= ?) " + claimedColumns + ")"
                + " SELECT c.*, e.seq, e.form FROM c" + withEvents + " ORDER BY e.seq";
        this.claimDueSql = "WITH due AS (SELECT reference FROM " + purchases
                + " WHERE status = 'OPEN' AND due_at <= ? AND (lease_owner IS NULL OR lease_until <= ?)"
                + " ORDER BY due_at, reference LIMIT ? FOR UPDATE SKIP LOCKED),"
                + " c AS (UPDATE " + purchases + " p SET lease_owner = ?, lease_token = p.lease_token + 1,"
                + " lease_until = ? FROM due WHERE p.reference = due.reference " + claimedColumns + ")"
                + " SELECT c.*, e.seq, e.form FROM c" + withEvents + " ORDER BY c.due_at, c.reference, e.seq";
        this.eventsSql = "SELECT form FROM " + events + " WHERE reference = ? ORDER BY seq";
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

    /**
     * {@return a builder over {@code dataSource} (required): schema and query timeout are optional}
     *
     * @param dataSource the PostgreSQL data source holding the journal's tables, shared by every
     *     instance of the service, not null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Applies the {@code first} events to the new purchase in Java (the rules of
     * {@link JournaledPurchase#with}; nothing is written when they refuse one), then opens it with
     * one statement: {@code INSERT … ON CONFLICT (reference) DO NOTHING} of the purchase row, and
     * in the same statement the rows of its events, inserted only when the purchase row was. Only
     * when the reference was journaled already, a second statement reads the existing purchase.
     * Safe to retry: a retry after an open that took effect unseen answers the (now existing)
     * purchase.
     */
    @Override
    public Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier, List<PurchaseEvent> first,
            String owner, Instant now, Duration leaseFor) {
        Require.present(request, "request");
        Require.text(supplier, "supplier");
        Require.text(owner, "owner");
        List<PurchaseEvent> events = List.copyOf(Require.present(first, "first events"));
        Instant at = Database.micros(Require.present(now, "now"));
        Instant until = until(at, leaseFor);
        JournaledPurchase opened = after(JournaledPurchase.open(supplier, request, at), events);
        String reference = request.reference().value();
        String sql = openSql(events.size());
        return database.run("open a purchase", connection -> {
            for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
                try (PreparedStatement insert = database.prepare(connection, sql)) {
                    int index = 1;
                    insert.setString(index++, reference);
                    insert.setString(index++, opened.status().name());
                    insert.setString(index++, supplier);
                    insert.setString(index++, StoredForm.of(request));
                    insert.setString(index++, opened.supplier());
                    insert.setString(index++, StoredForm.of(opened.request()));
                    insert.setInt(index++, events.size());
                    Database.setInstant(insert, index++, at);
                    Database.setInstant(insert, index++, at);
                    Database.setInstant(insert, index++, at);
                    insert.setString(index++, owner);
                    Database.setInstant(insert, index++, until);
                    setEvents(insert, index, events, at);
                    try (ResultSet inserted = database.query(insert)) {
                        if (inserted.next()) {
                            return Either.right(new Claimed(opened,
                                    new Lease(request.reference(), owner, inserted.getLong("lease_token"), until)));
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
                Database.setInstant(claim, 4, at);
                List<Claimed> claimed = claimed(connection, claim, new int[1]);
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
            List<Claimed> claimed = new ArrayList<>();
            int[] parked = {0};
            do {   // purchases parked as unreadable leave room for others in this claim
                parked[0] = 0;
                try (PreparedStatement claim = database.prepare(connection, claimDueSql)) {
                    Database.setInstant(claim, 1, at);
                    Database.setInstant(claim, 2, at);
                    claim.setInt(3, max - claimed.size());
                    claim.setString(4, owner);
                    Database.setInstant(claim, 5, until);
                    claimed.addAll(claimed(connection, claim, parked));
                }
            } while (parked[0] > 0 && claimed.size() < max);
            return claimed;
        });
    }

    /**
     * Applies the events to {@code claimed.purchase()} in Java (the rules of
     * {@link JournaledPurchase#with}; nothing is written when they refuse one), then one statement
     * updates the purchase row, fenced by owner, token and event count, and inserts the event rows
     * (one multi-row {@code INSERT}) only if that update happened: all events or none.
     *
     * @throws LeaseLostException when another owner has claimed the purchase since
     * @throws IllegalStateException when the rules forbid an event, or {@code claimed} is not the
     *     latest state of the purchase (an older {@code Claimed} of the same lease)
     */
    @Override
    public Claimed append(Claimed claimed, List<PurchaseEvent> events, Instant now, Duration leaseFor) {
        Require.present(claimed, "claimed");
        List<PurchaseEvent> written = List.copyOf(Require.present(events, "events"));
        Instant at = Database.micros(Require.present(now, "now"));
        Instant until = until(at, leaseFor);
        JournaledPurchase next = after(claimed.purchase(), written);
        Lease lease = claimed.lease();
        write("append events", claimed, next, written, at, until);
        return new Claimed(next, new Lease(lease.reference(), lease.owner(), lease.token(), until));
    }

    /**
     * As {@link #append}, in one statement that also gives the lease back ({@code lease_owner} and
     * {@code lease_until} become null; the token stays). The events are checked to end the
     * purchase before anything is written.
     *
     * @throws LeaseLostException when another owner has claimed the purchase since
     * @throws IllegalStateException when the rules forbid an event, the events do not end the
     *     purchase, or {@code claimed} is not the latest state of the purchase
     */
    @Override
    public JournaledPurchase finish(Claimed claimed, List<PurchaseEvent> events, Instant now) {
        Require.present(claimed, "claimed");
        List<PurchaseEvent> written = List.copyOf(Require.present(events, "events"));
        Instant at = Database.micros(Require.present(now, "now"));
        JournaledPurchase ended = after(claimed.purchase(), written);
        if (!ended.status().isEnded()) {
            throw new IllegalStateException("purchase " + ended.reference() + " is still " + ended.status()
                    + " after the events given: finish takes events that end it");
        }
        write("finish a purchase", claimed, ended, written, at, null);
        return ended;
    }

    /**
     * Writes {@code next} (the claimed purchase after {@code events}) in one fenced statement:
     * with {@code until}, the lease is extended to it; without, it is given back.
     */
    private void write(String operation, Claimed claimed, JournaledPurchase next, List<PurchaseEvent> events,
            Instant at, Instant until) {
        Lease lease = claimed.lease();
        int count = claimed.purchase().events().size();
        String sql = writeSql(events.size(), until != null);
        database.run(operation, connection -> {
            try (PreparedStatement write = database.prepare(connection, sql)) {
                int index = 1;
                write.setString(index++, next.status().name());
                write.setString(index++, next.supplier());
                write.setString(index++, StoredForm.of(next.request()));
                Database.setInstant(write, index++, at);
                if (until != null) {
                    Database.setInstant(write, index++, until);
                }
                setLease(write, index, lease);
                index += 3;
                write.setInt(index++, count);
                setEvents(write, index, events, at);
                if (database.update(write) == Math.max(events.size(), 1)) {
                    return null;
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
     * {@return how many SQL statements this journal has sent to the database since it was built (each is
     * one round trip; borrowing a pooled connection is not counted)} For benchmarks and tests.
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
    /** The purchases a claim returned; unreadable ones are parked and counted in {@code parked[0]}. */
    private List<Claimed> claimed(Connection connection, PreparedStatement claim, int[] parked) throws SQLException {
        List<PurchaseRows.Read> read;
        try (ResultSet rows = database.query(claim)) {
            read = PurchaseRows.read(rows, true);
        }
        List<Claimed> claimed = new ArrayList<>(read.size());
        for (PurchaseRows.Read one : read) {
            if (!one.readable()) {
                park(connection, one.lease());
                parked[0]++;
                continue;
            }
            JournaledPurchase purchase = one.complete() ? one.purchase() : reread(connection, one);
            claimed.add(new Claimed(purchase, one.lease()));
        }
        return claimed;
    }

    /** The purchase with every event, read in a new statement (which sees every committed event). */
    /**
     * Gives back the lease on a purchase this version cannot read (written by a newer version, say)
     * and makes it due only in an hour, logged at {@code WARN} (SLF4J): it must not hold up the others, and
     * an instance that can read it will take it then.
     */
    private void park(Connection connection, Lease lease) throws SQLException {
        LOG.warn("purchase {} holds a stored form this version cannot read; left for an instance that can"
                + " (due again in {})", lease.reference(), PARKED);
        try (PreparedStatement release = database.prepare(connection, releaseSql)) {
            Database.setInstant(release, 1, Database.micros(lease.until().plus(PARKED)));
            setLease(release, 2, lease);
            database.update(release);
        }
    }

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

    /**
     * The open statement for {@code n} first events. Parameters: reference, status, opened supplier
     * and request, supplier, request, event count, opened/updated/due at, lease owner, lease until,
     * then kind, form and recorded at of each event.
     */
    private String openSql(int n) {
        String insert = "INSERT INTO " + purchases + " (reference, status, opened_supplier, opened_request, supplier,"
                + " request, event_count, opened_at, updated_at, due_at, lease_owner, lease_token, lease_until)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"
                + " ON CONFLICT (reference) DO NOTHING RETURNING reference, lease_token";
        if (n == 0) {
            return insert;
        }
        return "WITH p AS (" + insert + "), e AS (INSERT INTO " + events
                + " (reference, seq, kind, form, recorded_at) SELECT p.reference, e.seq, e.kind, e.form, e.recorded_at"
                + " FROM p CROSS JOIN " + eventValues(n) + ") SELECT lease_token FROM p";
    }

    /**
     * The fenced write of {@code n} events, extending the lease ({@code extend}) or giving it back.
     * Parameters: status, supplier, request, updated at, [lease until,] reference, lease owner,
     * lease token, event count as the caller saw it, then kind, form and recorded at of each event.
     * When written, it updates one row (no event) or inserts {@code n}.
     */
    private String writeSql(int n, boolean extend) {
        String update = "UPDATE " + purchases + " SET status = ?, supplier = ?, request = ?,"
                + " event_count = event_count + " + n + ", updated_at = ?,"
                + (extend ? " lease_until = ?" : " lease_owner = NULL, lease_until = NULL")
                + " WHERE reference = ? AND lease_owner = ? AND lease_token = ? AND event_count = ?";
        if (n == 0) {
            return update;
        }
        return "WITH fenced AS (" + update + " RETURNING reference, event_count)"
                + " INSERT INTO " + events + " (reference, seq, kind, form, recorded_at)"
                + " SELECT f.reference, f.event_count - " + n + " + e.seq, e.kind, e.form, e.recorded_at"
                + " FROM fenced f CROSS JOIN " + eventValues(n);
    }

    /** {@code (VALUES (1, ?, ?, ?), …, (n, ?, ?, ?)) e(seq, kind, form, recorded_at)}. */
    private static String eventValues(int n) {
        StringBuilder values = new StringBuilder("(VALUES ");
        for (int seq = 1; seq <= n; seq++) {
            values.append(seq == 1 ? "" : ", ").append('(').append(seq)
                    .append(", CAST(? AS varchar), CAST(? AS text), CAST(? AS timestamptz))");
        }
        return values.append(") e(seq, kind, form, recorded_at)").toString();
    }

    /** Binds kind, form and recorded at of each event from parameter {@code first} on. */
    private static void setEvents(PreparedStatement statement, int first, List<PurchaseEvent> events, Instant at)
            throws SQLException {
        int index = first;
        for (PurchaseEvent event : events) {
            statement.setString(index++, StoredForm.kind(event));
            statement.setString(index++, StoredForm.of(event));
            Database.setInstant(statement, index++, at);
        }
    }

    /** {@code purchase} after {@code events}, checked by {@link JournaledPurchase#with}; nothing is written. */
    private static JournaledPurchase after(JournaledPurchase purchase, List<PurchaseEvent> events) {
        JournaledPurchase next = purchase;
        for (PurchaseEvent event : events) {
            next = next.with(event);
        }
        return next;
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

        /**
         * {@return the journal} It does not touch the database until first used.
         */
        public JdbcPurchaseJournal build() {
            return new JdbcPurchaseJournal(settings());
        }
    }
}
