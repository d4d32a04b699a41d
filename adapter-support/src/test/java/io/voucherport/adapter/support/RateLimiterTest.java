package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper virtual = d -> {
        waits.add(d);
        nanos.addAndGet(d.toNanos());
    };

    @Test
    void aFullBucketServesABurstThenPacesAtTheRefillRate() {
        RateLimiter limiter = new RateLimiter(40, 2, nanos::get, virtual);
        for (int i = 0; i < 40; i++) {
            assertThat(limiter.acquire()).isTrue();
        }
        assertThat(waits).isEmpty();
        for (int i = 0; i < 10; i++) {
            limiter.acquire();
        }
        assertThat(nanos.get()).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void idleTimeRefillsButNeverAboveCapacity() {
        RateLimiter limiter = new RateLimiter(3, 1, nanos::get, virtual);
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }
        assertThat(waits).isEmpty();
        limiter.acquire();
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }
}
