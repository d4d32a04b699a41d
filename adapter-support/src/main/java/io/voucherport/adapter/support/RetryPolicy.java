package io.voucherport.adapter.support;

import io.voucherport.domain.Require;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How safe reads are retried after a transient failure (429, 5xx, I/O error): at most
 * {@code maxAttempts} calls in all, waiting an exponentially growing delay capped at
 * {@code maxDelay} with "equal jitter" (a random wait between half and all of the delay), or the
 * provider's {@code Retry-After} when it sent one — unless that exceeds {@code maxRetryAfter}, in
 * which case the failure is returned at once. Calls that change something are never retried.
 *
 * @param maxAttempts calls in all, at least 1 (1 = no retry)
 * @param initialDelay delay before the first retry
 * @param maxDelay cap of the exponential delay
 * @param maxRetryAfter longest {@code Retry-After} honoured by waiting
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** Three attempts, 200 ms doubling up to 5 s, honouring Retry-After up to 30 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

    /**
     * Validates.
     *
     * @param maxAttempts calls in all, at least 1 (1 = no retry)
     * @param initialDelay delay before the first retry
     * @param maxDelay cap of the exponential delay
     * @param maxRetryAfter longest {@code Retry-After} honoured by waiting
     */
    public RetryPolicy {
        Require.positive(maxAttempts, "max attempts");
        Require.present(initialDelay, "initial delay");
        Require.present(maxDelay, "max delay");
        Require.present(maxRetryAfter, "max retry after");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must be 0 or more, with max delay at least the initial delay");
        }
    }

    /** {@return one attempt, no retry} */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * {@return the wait before retry number {@code retry} (1 for the first retry), with jitter}
     *
     * @param retry which retry, 1 for the first (the second attempt), at least 1; the wait is
     *     capped at the policy's maximum delay
     */
    public Duration delayBefore(int retry) {
        Require.positive(retry, "retry");
        long base = initialDelay.toMillis();
        long capped = Math.min(maxDelay.toMillis(), retry >= 31 ? Long.MAX_VALUE : base << (retry - 1));
        if (capped <= 0) {
            return Duration.ZERO;
        }
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
