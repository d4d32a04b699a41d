package io.voucherport.benchmarks;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A journal that counts and times the calls {@code BuyCodes} makes to the journal it wraps: per
 * operation ({@code append} per event kind), the time spent inside, and per calling thread (a
 * blocking purchase makes every journal call on its caller's thread, so that count is exact per
 * purchase at any concurrency). The same wrapper goes around both journals compared.
 */
final class MeteredJournal implements PurchaseJournal {

    private final PurchaseJournal journal;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();
    private final ThreadLocal<long[]> onThisThread = ThreadLocal.withInitial(() -> new long[1]);

    MeteredJournal(PurchaseJournal journal) {
        this.journal = journal;
    }

    /** The journal wrapped. */
    PurchaseJournal journal() {
        return journal;
    }

    /** Calls so far per operation, e.g. {@code open}, {@code append Sent}, {@code release}. */
    Map<String, Long> calls() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Every call so far. */
    long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Nanoseconds spent inside the wrapped journal so far, summed over threads. */
    long nanos() {
        return nanos.sum();
    }

    /** Calls made on the current thread so far. */
    long callsOnThisThread() {
        return onThisThread.get()[0];
    }

    private <T> T metered(String operation, Supplier<T> call) {
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
        onThisThread.get()[0]++;
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    @Override
    public Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier, List<PurchaseEvent> first,
            String owner, Instant now, Duration leaseFor) {
        return metered("open" + kinds(first), () -> journal.open(request, supplier, first, owner, now, leaseFor));
    }

    @Override
    public Option<JournaledPurchase> find(OrderReference reference) {
        return metered("find", () -> journal.find(reference));
    }

    @Override
    public Option<Claimed> claim(OrderReference reference, String owner, Instant now, Duration leaseFor) {
        return metered("claim", () -> journal.claim(reference, owner, now, leaseFor));
    }

    @Override
    public List<Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max) {
        return metered("claimDue", () -> journal.claimDue(owner, now, leaseFor, max));
    }

    @Override
    public Claimed append(Claimed claimed, List<PurchaseEvent> events, Instant now, Duration leaseFor) {
        return metered("append" + kinds(events), () -> journal.append(claimed, events, now, leaseFor));
    }

    @Override
    public JournaledPurchase finish(Claimed claimed, List<PurchaseEvent> events, Instant now) {
        return metered("finish" + kinds(events), () -> journal.finish(claimed, events, now));
    }

    private static String kinds(List<PurchaseEvent> events) {
        StringBuilder kinds = new StringBuilder();
        events.forEach(e -> kinds.append(' ').append(e.getClass().getSimpleName()));
        return kinds.toString();
    }

    @Override
    public Lease renew(Lease lease, Instant now, Duration leaseFor) {
        return metered("renew", () -> journal.renew(lease, now, leaseFor));
    }

    @Override
    public void release(Lease lease, Instant dueAt) {
        metered("release", () -> {
            journal.release(lease, dueAt);
            return null;
        });
    }

    @Override
    public List<JournaledPurchase> unfinished(int max) {
        return metered("unfinished", () -> journal.unfinished(max));
    }
}
