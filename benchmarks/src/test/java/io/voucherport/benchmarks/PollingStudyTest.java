package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.application.purchase.PollingPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The polling targets, in virtual time: counts and simulated seconds, not timings. */
class PollingStudyTest {

    @Test
    void theDefaultPolicyNeedsAtMostHalfTheRequestsOfFixedPollingWithAMedianDelayUnderTwoSeconds() {
        PollingStudy.Figures fixed = PollingStudy.run(PollingPolicy.fixed(Duration.ofSeconds(1), Duration.ofMinutes(2)),
                2_000, 42);
        PollingStudy.Figures chosen = PollingStudy.run(PollingPolicy.DEFAULT, 2_000, 42);
        System.out.println("fixed " + fixed + "\ndefault " + chosen);
        assertThat(fixed.pollsPerOrder()).isGreaterThan(10);
        assertThat(chosen.pollsPerOrder()).isLessThanOrEqualTo(fixed.pollsPerOrder() / 2);
        assertThat(chosen.requestsPerOrder()).isEqualTo(chosen.pollsPerOrder() + 1);
        assertThat(chosen.medianDelaySeconds()).isBetween(0.0, 2.0);
        assertThat(fixed.medianDelaySeconds()).isBetween(0.0, 1.0);
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        assertThat(PollingStudy.run(PollingPolicy.DEFAULT, 50, 3)).isEqualTo(PollingStudy.run(PollingPolicy.DEFAULT, 50, 3));
    }
}
