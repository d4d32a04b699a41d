package io.voucherport.adapter.support;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The point in time by which a whole call to a provider must be over — connecting, waiting for a
 * pooled connection, sending, reading the whole answer, retries and token renewal included. The
 * request path sets it for the call running on the current thread ({@link #run}); everything below
 * (the transport, token renewal, retry waits) asks {@link #current()} how much time is left.
 * Measured on the monotonic clock. Immutable and thread-safe.
 */
public final class Deadline {

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    /**
     * {@return a deadline {@code budget} from now}
     *
     * @param budget how long the whole call may take, not negative, not null; above one day counts
     *     as one day
     */
    public static Deadline after(Duration budget) {
        HttpSettings.notNegative(budget, "budget");
        long nanos = budget.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1).toNanos() : budget.toNanos();
        return new Deadline(System.nanoTime() + nanos, budget);
    }

    /** {@return the deadline of the call running on this thread, if any} */
    public static Option<Deadline> current() {
        return Option.of(CURRENT.get());
    }

    /** {@return the time left, zero once passed} */
    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** {@return whether no time is left} */
    public boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** {@return the budget this deadline was set with} */
    public Duration budget() {
        return budget;
    }

    /**
     * Runs {@code work} with this deadline as the thread's current one — or with the current one
     * when that ends sooner (a nested call never extends its caller's deadline) — and restores the
     * previous one afterwards.
     *
     * @param <T> the type of the work's result
     * @param work the work to run under the deadline
     * @return what {@code work} returned
     */
    public <T> T run(Supplier<T> work) {
        Require.present(work, "work");
        Deadline outer = CURRENT.get();
        CURRENT.set(outer != null && outer.endNanos - endNanos < 0 ? outer : this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    @Override
    public String toString() {
        return "Deadline[" + remaining().toMillis() + " ms left of " + budget.toMillis() + " ms]";
    }
}
