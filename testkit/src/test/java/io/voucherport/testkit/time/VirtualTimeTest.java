package io.voucherport.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Virtual time: blocking waits move the clock at once, queued steps run in due order on request. */
class VirtualTimeTest {

    private final VirtualTime time = new VirtualTime();
    private final Instant start = time.now();

    @Test
    void aBlockingWaitMovesTheClockAtOnceAndIsRecorded() {
        time.sleep(Duration.ofSeconds(3));
        time.advance(Duration.ofMillis(250));
        assertThat(time.now()).isEqualTo(start.plusMillis(3_250));
        assertThat(time.clock().instant()).isEqualTo(time.now());
        assertThat(time.clock().nanoTime()).isEqualTo(Duration.ofMillis(3_250).toNanos());
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(250));
    }

    @Test
    void queuedStepsRunOnlyWhenAskedInDueOrderWithTheClockAtTheirDueTime() {
        List<String> ran = new ArrayList<>();
        time.later(Duration.ofSeconds(5), () -> ran.add("b@" + time.now()));
        time.later(Duration.ofSeconds(1), () -> ran.add("a@" + time.now()));
        time.later(Duration.ofSeconds(5), () -> ran.add("c@" + time.now()));
        assertThat(ran).isEmpty();
        assertThat(time.pending()).isEqualTo(3);
        assertThat(time.now()).isEqualTo(start);

        assertThat(time.runNext()).isTrue();
        assertThat(ran).containsExactly("a@" + start.plusSeconds(1));
        time.runAll();
        assertThat(ran).containsExactly("a@" + start.plusSeconds(1), "b@" + start.plusSeconds(5), "c@" + start.plusSeconds(5));
        assertThat(time.runNext()).isFalse();
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(4));
    }

    @Test
    void stepsQueuedByStepsRunToo() {
        List<Instant> ran = new ArrayList<>();
        time.later(Duration.ofSeconds(2), () -> time.later(Duration.ofSeconds(3), () -> ran.add(time.now())));
        time.runAll();
        assertThat(ran).containsExactly(start.plusSeconds(5));
        assertThat(time.pending()).isZero();
    }

    @Test
    void aStepAlreadyDueRunsWithoutMovingTheClock() {
        time.later(Duration.ofSeconds(1), () -> { });
        time.sleep(Duration.ofSeconds(10));
        time.runAll();
        assertThat(time.now()).isEqualTo(start.plusSeconds(10));
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void negativeWaitsAreRefusedAndJitterIsFixed() {
        assertThatThrownBy(() -> time.sleep(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> time.later(Duration.ofSeconds(-1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(time.now()).isEqualTo(start);
        assertThat(time.jitter()).isEqualTo(0.5);
    }

    @Test
    void itMovesAClockItIsGiven() {
        ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        new VirtualTime(clock).sleep(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:01:00Z"));
    }
}
