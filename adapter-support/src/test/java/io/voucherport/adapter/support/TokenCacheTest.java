package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final AtomicInteger issued = new AtomicInteger();
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private TokenCache cache(Clock clock) {
        return new TokenCache(() -> Either.right(new TokenCache.IssuedToken(
                Secret.of("token-" + issued.incrementAndGet()), now.plus(Duration.ofHours(1)))),
                Duration.ofMinutes(5), clock);
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpires() {
        TokenCache cache = cache(Clock.fixed(now, ZoneOffset.UTC));
        assertThat(cache.current().get().reveal()).isEqualTo("token-1");
        assertThat(cache.current().get().reveal()).isEqualTo("token-1");
        TokenCache late = cache(Clock.fixed(now.plus(Duration.ofMinutes(56)), ZoneOffset.UTC));
        late.current();
        assertThat(late.current().get().reveal()).isEqualTo("token-3");
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndAStaleRejectionDoesNotRenewAgain() {
        TokenCache cache = cache(Clock.fixed(now, ZoneOffset.UTC));
        assertThat(cache.current().get().reveal()).isEqualTo("token-1");
        assertThat(cache.replace(Secret.of("token-1")).get().reveal()).isEqualTo("token-2");
        assertThat(cache.replace(Secret.of("token-1")).get().reveal()).as("a stale rejection does not renew again")
                .isEqualTo("token-2");
        assertThat(cache.issued()).isEqualTo(2);
    }

    @Test
    void theExpiryOfAJwtIsRead() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"x\",\"exp\":1800000000}".getBytes(StandardCharsets.UTF_8));
        assertThat(TokenCache.jwtExpiry("h." + payload + ".s")).contains(Instant.ofEpochSecond(1800000000));
        assertThat(TokenCache.jwtExpiry("opaque-token")).isEmpty();
        assertThat(TokenCache.jwtExpiry("a.!!!.c")).isEmpty();
    }
}
