package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

    @RepeatedTest(20)
    void delaysGrowExponentiallyWithJitterUpToTheCap() {
        assertThat(policy.delayBefore(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(policy.delayBefore(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(policy.delayBefore(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(policy.delayBefore(9)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(policy.delayBefore(60)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void validates() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessage("max attempts must be at least 1 but was 0");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("max delay at least the initial delay");
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
