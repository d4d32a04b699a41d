package io.voucherport.application;

import io.voucherport.application.purchase.Waiting;
import io.voucherport.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Virtual time for tests: a clock that moves only when something waits. Blocking waits move it
 * at once; asynchronous steps queue up and run in due order by {@link #runAll()}, on the test's
 * thread. Jitter is a fixed 0.5. Not thread-safe.
 */
public final class VirtualTime {

    private record Task(Instant due, long order, Runnable step) {
    }

    /** The clock. */
    public final ManualClock clock = new ManualClock();
    private long sequence;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due().equals(b.due())
            ? Long.compare(a.order(), b.order()) : a.due().compareTo(b.due()));
    private final List<Duration> waits = new ArrayList<>();



    /** The use cases' view of this time. */
    public Waiting waiting() {
        return new Waiting(clock, this::advance, (delay, step) -> tasks.add(new Task(clock.instant().plus(delay), sequence++, step)),
                () -> 0.5);
    }

    /** Moves the clock on. */
    public void advance(Duration d) {
        waits.add(d);
        clock.advance(d);
    }

    /** Runs queued asynchronous steps in due order, moving the clock to each, until none is left. */
    public void runAll() {
        while (!tasks.isEmpty()) {
            runNext();
        }
    }

    /** Runs the next queued step; false when none is queued. */
    public boolean runNext() {
        Task task = tasks.poll();
        if (task == null) {
            return false;
        }
        if (task.due().isAfter(clock.instant())) {
            advance(Duration.between(clock.instant(), task.due()));
        }
        task.step().run();
        return true;
    }

    /** The current instant. */
    public Instant now() {
        return clock.instant();
    }

    /** Every wait so far, blocking or not. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
