package io.voucherport.testkit.journal;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.LeaseLostException;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PurchaseJournal} in this process's memory, for tests and single-process tools: it obeys
 * the same contract as a durable journal ({@code PurchaseJournalContract}) but forgets everything
 * when the process ends, so it protects no purchase across a restart. Share one instance between
 * the "instances" of a test to model a shared database. Thread-safe (one lock).
 */
public final class InMemoryPurchaseJournal implements PurchaseJournal {

    private final Map<OrderReference, Row> rows = new LinkedHashMap<>();
    private long writes;

    private static final class Row {
        JournaledPurchase purchase;
        String owner;
        long token;
        Instant until = Instant.MIN;
        Instant dueAt;

        Row(JournaledPurchase purchase, Instant dueAt) {
            this.purchase = purchase;
            this.dueAt = dueAt;
        }

        boolean held(Instant now) {
            return owner != null && until.isAfter(now);
        }

        Lease lease() {
            return new Lease(purchase.reference(), owner, token, until);
        }
    }

    @Override
    public synchronized Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier,
            List<PurchaseEvent> first, String owner, Instant now, Duration leaseFor) {
        Require.present(request, "request");
        Require.present(first, "first events");
        Require.text(owner, "owner");
        Row existing = rows.get(request.reference());
        if (existing != null) {
            return Either.left(existing.purchase);
        }
        JournaledPurchase purchase = JournaledPurchase.open(supplier, request, now);
        for (PurchaseEvent event : first) {
            purchase = purchase.with(event);
        }
        Row row = new Row(purchase, now);
        rows.put(request.reference(), row);
        writes++;
        return Either.right(lease(row, owner, now, leaseFor));
    }

    @Override
    public synchronized Option<JournaledPurchase> find(OrderReference reference) {
        return Option.of(rows.get(Require.present(reference, "reference"))).map(r -> r.purchase);
    }

    @Override
    public synchronized Option<Claimed> claim(OrderReference reference, String owner, Instant now, Duration leaseFor) {
        Require.text(owner, "owner");
        Row row = rows.get(Require.present(reference, "reference"));
        if (row == null || row.purchase.status().isEnded() || row.held(now)) {
            return Option.none();
        }
        writes++;
        return Option.some(lease(row, owner, now, leaseFor));
    }

    @Override
    public synchronized List<Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max) {
        Require.text(owner, "owner");
        Require.positive(max, "max");
        List<Row> due = rows.values().stream()
                .filter(r -> r.purchase.status() == PurchaseStatus.OPEN && !r.dueAt.isAfter(now)
                        && (r.owner == null || !r.until.isAfter(now)))
                .sorted(Comparator.comparing((Row r) -> r.dueAt)).limit(max).toList();
        List<Claimed> claimed = new ArrayList<>();
        for (Row row : due) {
            claimed.add(lease(row, owner, now, leaseFor));
        }
        writes += claimed.isEmpty() ? 0 : 1;
        return claimed;
    }

    @Override
    public synchronized Claimed append(Claimed claimed, List<PurchaseEvent> events, Instant now, Duration leaseFor) {
        Row row = current(claimed);
        row.purchase = after(row, events);
        row.until = now.plus(leaseFor);
        writes++;
        return new Claimed(row.purchase, row.lease());
    }

    @Override
    public synchronized JournaledPurchase finish(Claimed claimed, List<PurchaseEvent> events, Instant now) {
        Row row = current(claimed);
        JournaledPurchase ended = after(row, events);
        if (!ended.status().isEnded()) {
            throw new IllegalStateException("purchase " + ended.reference() + " does not end with " + events);
        }
        row.purchase = ended;
        row.owner = null;
        row.until = Instant.MIN;
        writes++;
        return ended;
    }

    /** The row {@code claimed} is a current view of, under a held lease. */
    private Row current(Claimed claimed) {
        Require.present(claimed, "claimed");
        Row row = held(claimed.lease());
        if (!row.purchase.equals(claimed.purchase())) {
            throw new IllegalStateException("purchase " + claimed.purchase().reference()
                    + " changed since this view of it was read; read it again");
        }
        return row;
    }

    /** The row's purchase after {@code events}, all or none (nothing is written here). */
    private static JournaledPurchase after(Row row, List<PurchaseEvent> events) {
        JournaledPurchase next = row.purchase;
        for (PurchaseEvent event : Require.present(events, "events")) {
            next = next.with(event);
        }
        return next;
    }

    @Override
    public synchronized Lease renew(Lease lease, Instant now, Duration leaseFor) {
        Row row = held(Require.present(lease, "lease"));
        row.until = now.plus(leaseFor);
        writes++;
        return row.lease();
    }

    @Override
    public synchronized void release(Lease lease, Instant dueAt) {
        Require.present(lease, "lease");
        Require.present(dueAt, "due at");
        Row row = rows.get(lease.reference());
        if (row != null && lease.owner().equals(row.owner) && lease.token() == row.token) {
            row.owner = null;
            row.until = Instant.MIN;
            row.dueAt = dueAt;
            writes++;
        }
    }

    @Override
    public synchronized List<JournaledPurchase> unfinished(int max) {
        Require.positive(max, "max");
        return rows.values().stream().map(r -> r.purchase).filter(p -> p.status() == PurchaseStatus.OPEN)
                .sorted(Comparator.comparing(JournaledPurchase::openedAt)).limit(max).toList();
    }

    /** {@return every purchase journaled, in the order opened (for tests' reconciliation)} */
    public synchronized List<JournaledPurchase> all() {
        return rows.values().stream().map(r -> r.purchase).toList();
    }

    /** {@return how many writes this journal took (opens, claims, appends, renewals, releases)} */
    public synchronized long writes() {
        return writes;
    }

    private Claimed lease(Row row, String owner, Instant now, Duration leaseFor) {
        Require.present(now, "now");
        Require.present(leaseFor, "lease duration");
        row.owner = owner;
        row.token++;
        row.until = now.plus(leaseFor);
        return new Claimed(row.purchase, row.lease());
    }

    private Row held(Lease lease) {
        Row row = rows.get(lease.reference());
        if (row == null || !lease.owner().equals(row.owner) || lease.token() != row.token) {
            throw new LeaseLostException(lease.reference(), lease.owner());
        }
        return row;
    }

    @Override
    public synchronized String toString() {
        return "InMemoryPurchaseJournal[" + rows.size() + " purchases]";
    }
}
