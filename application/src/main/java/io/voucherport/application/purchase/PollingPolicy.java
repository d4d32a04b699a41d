package io.voucherport.application.purchase;

import io.voucherport.domain.Require;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How a purchase waits on a supplier: polls at exponentially growing intervals
 * ({@code initialDelay × multiplier^n}, capped at {@code maxDelay}), each shortened by up to
 * {@code jitter} (a fraction) so that many purchases do not poll in step, until an overall
 * {@code deadline} after which the purchase is reported as pending (resumable by reference).
 *
 * @param initialDelay wait before the first poll
 * @param multiplier growth per poll, at least 1
 * @param maxDelay cap of one wait
 * @param jitter fraction of each wait taken off at random, 0 to 1
 * @param deadline how long a purchase may wait in all
 */
public record PollingPolicy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter, Duration deadline) {

    /**
     * 0.5 s growing by 1.6 up to 4 s, 20 % jitter, 2 minutes in all: for orders completing at a
     * random moment within 30 s, less than half the polls of fixed 1 s polling with a median delay
     * past completion under 2 s (measured by {@code PollingPolicyTest}).
     */
    public static final PollingPolicy DEFAULT =
            new PollingPolicy(Duration.ofMillis(500), 1.6, Duration.ofSeconds(4), 0.2, Duration.ofMinutes(2));

    /**
     * Validates.
     *
     * @param initialDelay wait before the first poll
     * @param multiplier growth per poll, at least 1
     * @param maxDelay cap of one wait
     * @param jitter fraction of each wait taken off at random, 0 to 1
     * @param deadline how long a purchase may wait in all
     */
    public PollingPolicy {
        Require.present(initialDelay, "initial delay");
        Require.present(maxDelay, "max delay");
        Require.present(deadline, "deadline");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || deadline.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative and max delay must be at least the initial delay");
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1 but was " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be 0 to 1 but was " + jitter);
        }
    }

    /**
     * Polls every {@code interval} without growth or jitter (for comparisons and simple tests).
     *
     * @param interval the wait before every poll, the first included; not null
     * @param deadline how long a purchase may wait in all
     * @return a policy with no growth and no jitter
     */
    public static PollingPolicy fixed(Duration interval, Duration deadline) {
        return new PollingPolicy(interval, 1, interval, 0, deadline);
    }

    /**
     * {@return the same policy with another deadline}
     *
     * @param newDeadline how long a purchase may wait in all, not null
     */
    public PollingPolicy deadline(Duration newDeadline) {
        return new PollingPolicy(initialDelay, multiplier, maxDelay, jitter, newDeadline);
    }

    /**
     * {@return the wait before poll number {@code poll} (0 for the first), jittered by {@code random} (0 to 1)}
     *
     * @param poll which poll, 0 for the first, not negative
     * @param random a source of numbers from 0 to 1 for the jitter, not null; called once per delay
     */
    public Duration delayBefore(int poll, DoubleSupplier random) {
        Require.notNegative(poll, "poll");
        double grown = initialDelay.toNanos() * Math.pow(multiplier, Math.min(poll, 64));
        double capped = Math.min(grown, maxDelay.toNanos());
        return Duration.ofNanos((long) (capped * (1 - jitter * random.getAsDouble())));
    }
}
