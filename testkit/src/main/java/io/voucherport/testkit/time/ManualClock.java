package io.voucherport.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock for tests that moves only when told: hand it to simulators, adapters and use cases, and
 * let waiting {@link #advance} it, so tests run in virtual time. {@link #nanoTime()} reads the same
 * time as a monotonic counter (for rate limiters). Thread-safe.
 */
public final class ManualClock extends Clock {

    private final Instant origin;
    private Instant now;

    /**
     * A clock standing at {@code start}.
     *
     * @param start the instant the clock shows until it is moved, not null
     */
    public ManualClock(Instant start) {
        this.origin = Objects.requireNonNull(start, "start");
        this.now = start;
    }

    /** A clock standing at 2026-11-22T10:00:00Z. */
    public ManualClock() {
        this(Instant.parse("2026-11-22T10:00:00Z"));
    }

    /**
     * Moves the clock on by {@code duration} (never back).
     *
     * @param duration how far to move on, not negative, not null
     */
    public synchronized void advance(Duration duration) {
        if (Objects.requireNonNull(duration, "duration").isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + duration);
        }
        now = now.plus(duration);
    }

    /**
     * Nanoseconds since the clock was made, for code that wants {@code System::nanoTime}.
     *
     * @return nanoseconds the clock has been moved on since it was made, 0 or more
     */
    public synchronized long nanoTime() {
        return Duration.between(origin, now).toNanos();
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
