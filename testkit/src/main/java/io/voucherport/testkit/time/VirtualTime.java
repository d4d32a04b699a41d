package io.voucherport.testkit.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Virtual time for tests: a {@link ManualClock} that moves only when something waits, so code that
 * sleeps, polls or backs off runs at once and deterministically. A blocking wait ({@link #sleep})
 * moves the clock at once; an asynchronous step ({@link #later}) is queued and runs, in due order
 * and on the caller's thread, when the test calls {@link #runNext()} or {@link #runAll()}, the
 * clock moving to each step's due time. Jitter is a fixed {@code 0.5}.
 *
 * <p>Hand its parts to what waits. For the application's use cases ({@code BuyCodes},
 * {@code BuyFromSuppliers}, {@code RecoverPurchases}):
 *
 * <pre>{@code
 * VirtualTime time = new VirtualTime();
 * Waiting waiting = new Waiting(time.clock(), time::sleep, time::later, time::jitter);
 * BuyCodes buyer = BuyCodes.builder("ez", supplier, journal).waiting(waiting).build();
 * }</pre>
 *
 * <p>For an adapter's retries and rate limiter, {@code time::sleep} is a {@code Sleeper} and
 * {@code time.clock()::nanoTime} a nano clock; simulators and in-memory fakes take
 * {@code time.clock()}.
 *
 * <p>Thread-safe: waits may come from any thread; queued steps run outside the lock, on the
 * thread that runs them.
 */
public final class VirtualTime {

    private record Task(Instant due, long order, Runnable step) {
    }

    private final ManualClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due().equals(b.due())
            ? Long.compare(a.order(), b.order()) : a.due().compareTo(b.due()));
    private final List<Duration> waits = new ArrayList<>();
    private long sequence;

    /** Virtual time starting at {@link ManualClock}'s default instant, 2026-11-22T10:00:00Z. */
    public VirtualTime() {
        this(new ManualClock());
    }

    /**
     * Virtual time on {@code clock}, which it moves.
     *
     * @param clock the clock to move; also moved by anybody else who holds it
     */
    public VirtualTime(ManualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The clock this time moves: hand it to whatever reads the time.
     *
     * @return the clock itself (not a copy): it shows every move this time makes
     */
    public ManualClock clock() {
        return clock;
    }

    /**
     * A blocking wait: records it and moves the clock on at once (fits a {@code Sleeper}).
     *
     * @param duration how long the caller waits; not negative
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public void sleep(Duration duration) {
        advance(duration);
    }

    /**
     * An asynchronous wait: queues {@code step} to run {@code delay} from now, when the test runs
     * the queue ({@link #runNext()}, {@link #runAll()}); fits the use cases' {@code Waiting.Later}.
     *
     * @param delay how long after now the step is due; not negative
     * @param step what runs then
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public synchronized void later(Duration delay, Runnable step) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("a delay is not negative: " + delay);
        }
        Objects.requireNonNull(step, "step");
        tasks.add(new Task(clock.instant().plus(delay), sequence++, step));
    }

    /**
     * The jitter source: always {@code 0.5}, so waits with jitter are predictable.
     *
     * @return {@code 0.5}
     */
    public double jitter() {
        return 0.5;
    }

    /**
     * Moves the clock on, recording the wait.
     *
     * @param duration how far; not negative
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public synchronized void advance(Duration duration) {
        clock.advance(duration);
        waits.add(duration);
    }

    /** Runs queued steps in due order, moving the clock to each, until none is left (steps may queue more). */
    public void runAll() {
        boolean ran;
        do {
            ran = runNext();
        } while (ran);
    }

    /**
     * Runs the next queued step, moving the clock to its due time first if that is later (a move
     * recorded as a wait).
     *
     * @return whether a step ran (false when none was queued)
     */
    public boolean runNext() {
        Task task;
        synchronized (this) {
            task = tasks.poll();
            if (task == null) {
                return false;
            }
            if (task.due().isAfter(clock.instant())) {
                advance(Duration.between(clock.instant(), task.due()));
            }
        }
        task.step().run();
        return true;
    }

    /**
     * How many steps are queued.
     *
     * @return the number of queued steps
     */
    public synchronized int pending() {
        return tasks.size();
    }

    /**
     * Now, on the clock.
     *
     * @return the instant the clock shows now
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Every move of the clock so far, in order: blocking waits ({@link #sleep}, {@link #advance})
     * and the moves to queued steps' due times ({@link #runNext()}).
     *
     * @return a copy of the waits
     */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
