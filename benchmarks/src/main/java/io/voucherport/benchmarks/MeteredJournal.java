package io.voucherport.benchmarks;

import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.testkit.journal.ForwardingPurchaseJournal;
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
final class MeteredJournal extends ForwardingPurchaseJournal {

    private final PurchaseJournal journal;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();
    private final ThreadLocal<long[]> onThisThread = ThreadLocal.withInitial(() -> new long[1]);

    MeteredJournal(PurchaseJournal journal) {
        super(journal);
        this.journal = journal;
    }

    /** The journal wrapped. */
    PurchaseJournal journal() {
        return journal;
    }

    /** Calls so far per operation, e.g. {@code open Sent}, {@code finish Accepted Delivered}, {@code release}. */
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

    @Override
    protected <T> T call(String operation, Supplier<T> call) {
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
        onThisThread.get()[0]++;
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }
}
