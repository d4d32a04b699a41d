package io.voucherport.domain.observe;

import io.voucherport.domain.Require;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One use-case operation as a listener follows it, from {@link VoucherportListener#useCaseStarted}:
 * told of its end exactly once, on the thread that started it.
 */
@FunctionalInterface
public interface UseCaseObservation {

    /** The handle that does nothing. */
    UseCaseObservation NONE = (outcome, latency) -> {
    };

    /**
     * The operation ended.
     *
     * @param outcome {@link Outcome#OK}, a result kind of the use case (e.g. {@code exhausted}) or
     *     a failure type's simple name; low-cardinality
     * @param latency how long it took
     */
    void finished(String outcome, Duration latency);

    /**
     * Runs {@code work} as the operation {@code start} names, telling {@code listener} (guarded: it
     * never changes the result) when it starts and how it ended. When {@code work} throws, the
     * outcome is the exception's simple class name and the exception is rethrown as it is.
     *
     * @param listener who hears it; guarded here, so it may throw
     * @param start the use case and operation
     * @param work the operation's body, run once on the calling thread, not null
     * @param outcome the low-cardinality outcome of a result (e.g.
     *     {@link Outcome#of(io.vavr.control.Either)})
     * @param <T> the result's type
     * @return what {@code work} returned
     */
    static <T> T around(VoucherportListener listener, UseCaseStart start, Supplier<T> work,
            Function<? super T, String> outcome) {
        Require.present(work, "work");
        Require.present(outcome, "outcome");
        VoucherportListener safe = VoucherportListener.guarded(listener);
        UseCaseObservation observation = safe.useCaseStarted(Require.present(start, "start"));
        long started = System.nanoTime();
        T result;
        try {
            result = work.get();
        } catch (Throwable e) {   // an undeclared checked exception too (a Kotlin port): the observation still ends
            observation.finished(e.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        String told;
        try {
            told = outcome.apply(result);
        } catch (RuntimeException e) {   // an outcome that cannot be named is no reason to lose the result
            told = "unknown";
        }
        observation.finished(told == null || told.isBlank() ? "unknown" : told, latency);
        return result;
    }
}
