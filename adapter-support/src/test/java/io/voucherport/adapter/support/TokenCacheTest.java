package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
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

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    /** An issuer that blocks until {@link #release} (at most 30 s), then issues {@code token-<n>}. */
    private Supplier<Either<ProviderFailure, TokenCache.IssuedToken>> hanging() {
        return () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Either.right(new TokenCache.IssuedToken(Secret.of("token-" + issued.incrementAndGet()),
                    now.plus(Duration.ofHours(1))));
        };
    }

    private List<Future<Either<ProviderFailure, Secret>>> eightCallers(Supplier<Either<ProviderFailure, Secret>> call) {
        List<Future<Either<ProviderFailure, Secret>>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(callers.submit(call::get));
        }
        return results;
    }

    @Test
    void eightCallersOfAHangingRenewalEachFailTypedWithinTheirOwnDeadline() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        Supplier<Either<ProviderFailure, TokenCache.IssuedToken>> hanging = hanging();
        TokenCache cache = new TokenCache("test", () -> {
            renewals.incrementAndGet();
            return hanging.get();
        }, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC), io.vavr.control.Option.none());
        long start = System.nanoTime();
        List<Future<Either<ProviderFailure, Secret>>> results = eightCallers(
                () -> Deadline.after(Duration.ofSeconds(1)).run(cache::current));
        for (Future<Either<ProviderFailure, Secret>> result : results) {
            long left = Duration.ofSeconds(1 + 3).toNanos() - (System.nanoTime() - start);
            Either<ProviderFailure, Secret> answer = result.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            assertThat(answer.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
            assertThat(answer.getLeft().message()).contains("nothing was sent");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("all within the deadline plus slack")
                .isLessThan(Duration.ofSeconds(4));
        assertThat(renewals.get()).as("one renewal for all of them").isEqualTo(1);

        release.countDown();   // the renewal was not cancelled: its token is cached for the next caller
        assertThat(Deadline.after(Duration.ofSeconds(10)).run(cache::current).get().reveal()).isEqualTo("token-1");
        assertThat(renewals.get()).isEqualTo(1);
        assertThat(cache.issued()).isEqualTo(1);
    }

    @Test
    void everyWaiterGetsTheOneRenewalsToken() throws Exception {
        TokenCache cache = new TokenCache("test", hanging(), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC),
                io.vavr.control.Option.none());
        List<Future<Either<ProviderFailure, Secret>>> results = eightCallers(cache::current);
        Thread.sleep(200);
        release.countDown();
        for (Future<Either<ProviderFailure, Secret>> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).get().reveal()).isEqualTo("token-1");
        }
        assertThat(cache.issued()).isEqualTo(1);
    }

    @Test
    void aRejectionWhileARenewalIsUnderWayWaitsForItInsteadOfRenewingAgain() throws Exception {
        TokenCache cache = new TokenCache("test", hanging(), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC),
                io.vavr.control.Option.none());
        Future<Either<ProviderFailure, Secret>> first = callers.submit(cache::current);
        Thread.sleep(200);
        Future<Either<ProviderFailure, Secret>> rejected = callers.submit(() -> cache.replace(Secret.of("token-0")));
        Thread.sleep(200);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).get().reveal()).isEqualTo("token-1");
        assertThat(rejected.get(10, TimeUnit.SECONDS).get().reveal()).isEqualTo("token-1");
        assertThat(cache.issued()).isEqualTo(1);
    }

    @Test
    void aCallerWithoutDeadlineWaitsAtMostMaxWait() {
        TokenCache cache = new TokenCache("test", hanging(), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC),
                io.vavr.control.Option.some(Duration.ofMillis(200)));
        assertThat(cache.current().getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
    }

    @Test
    void anIssuerThatThrowsFailsThatRenewalForEveryWaiterAndTheNextCallTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError();
            }
            return Either.right(new TokenCache.IssuedToken(Secret.of("token-ok"), now.plus(Duration.ofHours(1))));
        }, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
        assertThatThrownBy(cache::current).isInstanceOf(StackOverflowError.class);
        assertThat(cache.current().get().reveal()).isEqualTo("token-ok");
        assertThat(cache.issued()).isEqualTo(1);
    }

    @Test
    void aFailedRenewalIsEveryWaitersFailure() {
        TokenCache cache = new TokenCache(() -> Either.left(new ProviderFailure.AccessDenied(
                FailureDetails.of("test", "bad credentials"))), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(cache.current().getLeft()).isInstanceOf(ProviderFailure.AccessDenied.class);
        assertThat(cache.issued()).isZero();
    }
}
