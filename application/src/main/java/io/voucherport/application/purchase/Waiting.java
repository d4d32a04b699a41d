package io.voucherport.application.purchase;

import io.voucherport.domain.Require;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Time as the use cases see it: the clock deciding deadlines, how a blocking caller waits, how an
 * asynchronous caller is called back later, and the randomness of jitter. Replace it in tests to
 * run in virtual time.
 *
 * @param clock the clock deciding deadlines
 * @param sleeper how a blocking purchase waits
 * @param later how an asynchronous purchase continues after a delay, without blocking a thread
 * @param random jitter source, 0 to 1
 */
public record Waiting(Clock clock, Sleeper sleeper, Later later, DoubleSupplier random) {

    /** Waits for a while, blocking. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits {@code duration}.
         *
         * @param duration how long to wait (not negative)
         * @throws InterruptedException when the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Runs a step after a delay. */
    @FunctionalInterface
    public interface Later {
        /**
         * Runs {@code step} after {@code delay}.
         *
         * @param delay how long to wait before running {@code step}, not negative
         * @param step what to run then; must not block a thread while waiting
         */
        void run(Duration delay, Runnable step);
    }

    /**
     * Validates.
     *
     * @param clock the clock deciding deadlines
     * @param sleeper how a blocking purchase waits
     * @param later how an asynchronous purchase continues after a delay, without blocking a thread
     * @param random jitter source, 0 to 1
     */
    public Waiting {
        Require.present(clock, "clock");
        Require.present(sleeper, "sleeper");
        Require.present(later, "later");
        Require.present(random, "random");
    }

    /**
     * Real time: the system clock, {@code Thread.sleep}, {@code scheduler} for asynchronous waits.
     *
     * @param scheduler the executor asynchronous purchases continue on after a delay, not null;
     *     owned by the caller, who shuts it down
     * @return real time on {@code scheduler}
     */
    public static Waiting real(ScheduledExecutorService scheduler) {
        Require.present(scheduler, "scheduler");
        return new Waiting(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()),
                (d, step) -> scheduler.schedule(step, d.toNanos(), TimeUnit.NANOSECONDS),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Real time for blocking use; asynchronous waits use {@link CompletableFuture#delayedExecutor}.
     *
     * @return real time, asynchronous waits on the common pool's delayed executor
     */
    public static Waiting real() {
        return new Waiting(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()),
                (d, step) -> delayed(d).execute(step), () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    private static Executor delayed(Duration d) {
        return CompletableFuture.delayedExecutor(d.toNanos(), TimeUnit.NANOSECONDS);
    }
}
