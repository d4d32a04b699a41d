package io.voucherport.adapter.support;

import io.voucherport.domain.Require;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A client-side token bucket: holds at most {@code capacity} permits, refilled at
 * {@code refillPerSecond}; {@link #acquire()} takes one, waiting (through the {@link Sleeper})
 * until one is free. Share one limiter between every call to one rate-limited account, so the
 * provider's 429 stays the exception. Thread-safe; waiting happens outside the lock.
 */
public final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double permits;
    private long last;

    /**
     * A limiter starting full.
     *
     * @param nanoTime a monotonic clock ({@code System::nanoTime}; replaced in tests)
     * @param capacity the burst size: permits available at once, at least 1
     * @param refillPerSecond permits added back per second, above 0 and finite
     * @param sleeper how a caller waits for a permit, not null; a virtual-time sleeper in tests
     */
    public RateLimiter(int capacity, double refillPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        Require.positive(capacity, "capacity");
        if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("refill per second must be positive but was " + refillPerSecond);
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.nanoTime = Require.present(nanoTime, "nano time");
        this.sleeper = Require.present(sleeper, "sleeper");
        this.permits = capacity;
        this.last = nanoTime.getAsLong();
    }

    /**
     * {@code perSecond} requests per second, with bursts of up to as many.
     *
     * @param perSecond requests per second allowed, at least 1; also the burst size
     * @return a limiter starting full, on the system's monotonic clock, waiting by sleeping the
     *     calling thread
     */
    public static RateLimiter perSecond(int perSecond) {
        return new RateLimiter(perSecond, perSecond, System::nanoTime, Sleeper.THREAD);
    }

    /**
     * Takes a permit, waiting for one when the bucket is empty; false when interrupted while waiting.
     *
     * @return true if so
     */
    public boolean acquire() {
        while (true) {
            Duration wait = tryTake();
            if (wait.isZero()) {
                return true;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Takes a permit now (answering zero) or tells how long until one is free. */
    private synchronized Duration tryTake() {
        long now = nanoTime.getAsLong();
        permits = Math.min(capacity, permits + (now - last) * refillPerNano);
        last = now;
        if (permits >= 1) {
            permits -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1, (long) Math.ceil((1 - permits) / refillPerNano)));
    }

    @Override
    public synchronized String toString() {
        return "RateLimiter[capacity=" + (long) capacity + ", refill/s=" + refillPerNano * NANOS_PER_SECOND + "]";
    }
}
