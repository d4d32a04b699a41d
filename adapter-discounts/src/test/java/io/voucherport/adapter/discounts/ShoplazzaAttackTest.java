package io.voucherport.adapter.discounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.testkit.assertions.LogCapture;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile review of Shoplazza on the one request path: the token side must never throw out of a port. */
class ShoplazzaAttackTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private ShoplazzaSimulator shop;
    private String rule;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        shop = ShoplazzaSimulator.create().withSampleData();
        shop.start();
        rule = shop.rule("Attack", "percentage", "-10", 5, null);
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    private ShoplazzaDiscounts adapter(ShoplazzaVersion version, AccessTokenProvider tokens) {
        return ShoplazzaDiscounts.builder().storeUrl(shop.baseUrl()).version(version).tokens(tokens)
                .logLevel(HttpLogLevel.FULL)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(30)))
                .sleeper(sleeps::add).build();
    }

    private ShoplazzaOAuth oauth(RefreshTokenStore store) {
        return ShoplazzaOAuth.builder().storeUrl(shop.baseUrl())
                .clientId(Secret.of(ShoplazzaSimulator.CLIENT_ID)).clientSecret(Secret.of(ShoplazzaSimulator.CLIENT_SECRET))
                .refreshTokens(store).logLevel(HttpLogLevel.FULL).build();
    }

    /**
     * The refresh-token store is the caller's (a database, a vault): when reading it fails, the
     * port answers a failure. Today {@code ShoplazzaOAuth.refresh} reads it outside the request
     * path, {@code TokenCache.renew} does not guard its issuer and {@code ProviderClient.call} does
     * not guard {@code tokens.current()}: the exception escapes {@code DiscountCodes.lookup}.
     */
    @Test
    void aRefreshTokenStoreThatFailsIsAFailureNotAnException() {
        RefreshTokenStore failing = new RefreshTokenStore() {
            @Override
            public Secret current() {
                throw new IllegalStateException("refresh token table locked");
            }

            @Override
            public void rotated(Secret previous, Secret next) {
                throw new IllegalStateException("refresh token table locked");
            }
        };
        try (ShoplazzaOAuth tokens = oauth(failing);
                ShoplazzaDiscounts discounts = adapter(ShoplazzaVersion.V2025_06, tokens)) {
            AtomicReference<Either<ProviderFailure, Option<DiscountCode>>> found = new AtomicReference<>();
            assertThatCode(() -> found.set(discounts.lookup("FIVEOFF")))
                    .as("nothing escapes a port as an exception").doesNotThrowAnyException();
            assertThat(found.get().isLeft()).isTrue();
        }
    }

    /** A caller's own token provider that fails is a failure of the call too, not an exception. */
    @Test
    void aCallersTokenProviderThatFailsIsAFailureNotAnException() {
        AccessTokenProvider broken = new AccessTokenProvider() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                throw new IllegalStateException("secret manager unreachable");
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                throw new IllegalStateException("secret manager unreachable");
            }
        };
        try (ShoplazzaDiscounts discounts = adapter(ShoplazzaVersion.V2022_01, broken)) {
            AtomicReference<Either<ProviderFailure, DiscountCode>> created = new AtomicReference<>();
            assertThatCode(() -> created.set(discounts.create(PriceRuleId.of(rule), new NewDiscountCode("ATTACK1"))))
                    .as("nothing escapes a port as an exception").doesNotThrowAnyException();
            assertThat(created.get().isLeft()).isTrue();
            assertThat(shop.requests(Endpoint.CREATE_CODE)).isZero();
        }
    }

    /** A static token refused on a write: the refusal is final, the write sent once. */
    @Test
    void aWriteRefusedWithAStaticTokenIsSentOnce() {
        try (ShoplazzaDiscounts discounts = adapter(ShoplazzaVersion.V2022_01,
                AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)))) {
            shop.inject(Endpoint.CREATE_CODE, SimFault.status(401));
            ProviderFailure denied = discounts.create(PriceRuleId.of(rule), new NewDiscountCode("ATTACK2")).getLeft();
            assertThat(denied).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(shop.requests(Endpoint.CREATE_CODE)).isEqualTo(1);
        }
    }

    /** An OAuth token refused with 401 on a write: one refresh, the write sent once more, one code created. */
    @Test
    void aWriteRefusedWithAnOAuthTokenIsSentOnceMoreAfterOneRefresh() {
        RefreshTokenStore store = RefreshTokenStore.inMemory(Secret.of(ShoplazzaSimulator.FIRST_REFRESH_TOKEN));
        try (ShoplazzaOAuth tokens = oauth(store);
                ShoplazzaDiscounts discounts = adapter(ShoplazzaVersion.V2022_01, tokens)) {
            int before = shop.codeCount(rule);
            shop.inject(Endpoint.CREATE_CODE, SimFault.status(401));
            assertThat(discounts.create(PriceRuleId.of(rule), new NewDiscountCode("ATTACK3")).isRight()).isTrue();
            assertThat(shop.requests(Endpoint.CREATE_CODE)).isEqualTo(2);
            assertThat(shop.codeCount(rule)).isEqualTo(before + 1);
            assertThat(tokens.refreshes()).isEqualTo(2);
        }
        List<String> secrets = new ArrayList<>(shop.issuedTokens());
        secrets.addAll(List.of(ShoplazzaSimulator.CLIENT_ID, ShoplazzaSimulator.CLIENT_SECRET,
                ShoplazzaSimulator.FIRST_REFRESH_TOKEN, shop.currentRefreshToken()));
        logs.assertNoneOf(secrets, List.of(store.toString()));
    }
}
