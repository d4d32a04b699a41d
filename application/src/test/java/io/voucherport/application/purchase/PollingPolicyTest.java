package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The default policy against fixed 1-second polling, in virtual time (counts, not timings): orders
 * completing at a random moment in [0, 30 s].
 */
class PollingPolicyTest {

    private record Figures(double pollsPerOrder, double medianDelaySeconds) {
    }

    private static Figures simulate(PollingPolicy policy, long seed) {
        Random random = new Random(seed);
        long totalPolls = 0;
        List<Double> delays = new ArrayList<>();
        for (int order = 0; order < 2_000; order++) {
            double completesAt = random.nextDouble() * 30;
            double now = 0;
            int poll = 0;
            while (true) {
                now += policy.delayBefore(poll, random::nextDouble).toNanos() / 1e9;
                poll++;
                if (now >= completesAt) {
                    break;
                }
            }
            totalPolls += poll;
            delays.add(now - completesAt);
        }
        Collections.sort(delays);
        return new Figures((double) totalPolls / 2_000, delays.get(delays.size() / 2));
    }

    @Test
    void theDefaultPolicyPollsLessThanHalfAsOftenAsFixedOneSecondPollingWithAMedianDelayUnderTwoSeconds() {
        Figures fixed = simulate(PollingPolicy.fixed(Duration.ofSeconds(1), Duration.ofMinutes(2)), 42);
        Figures chosen = simulate(PollingPolicy.DEFAULT, 42);
        System.out.printf("polls per order: fixed 1 s %.2f, default %.2f; median delay past completion: %.2f s vs %.2f s%n",
                fixed.pollsPerOrder(), chosen.pollsPerOrder(), fixed.medianDelaySeconds(), chosen.medianDelaySeconds());
        assertThat(chosen.pollsPerOrder()).isLessThanOrEqualTo(fixed.pollsPerOrder() / 2);
        assertThat(chosen.medianDelaySeconds()).isLessThanOrEqualTo(2.0);
    }

    @Test
    void delaysGrowAreCappedAndJittered() {
        PollingPolicy policy = PollingPolicy.DEFAULT;
        assertThat(policy.delayBefore(0, () -> 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayBefore(1, () -> 0)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delayBefore(30, () -> 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBefore(30, () -> 1)).isEqualTo(Duration.ofMillis(3200));
        assertThatThrownBy(() -> new PollingPolicy(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
