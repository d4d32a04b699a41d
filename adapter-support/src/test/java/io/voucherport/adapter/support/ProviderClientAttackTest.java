package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpExchange;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile review of the one request path against a real local HTTP server: a token source that
 * throws, a call nested on the same thread, a write stopped before sending.
 */
class ProviderClientAttackTest {

    /** The answer shape of the test API. */
    record Thing(String value) {
    }

    @Headers({"Content-Type: application/json", "Accept: application/json"})
    interface ThingApi {
        @RequestLine("GET /thing")
        Thing thing();

        @RequestLine("POST /thing")
        Thing make(Thing thing);
    }

    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private LocalProvider provider;

    @BeforeEach
    void start() throws IOException {
        provider = new LocalProvider("/thing", this::answer);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        LocalProvider.answer(exchange, 200, "{\"value\":\"ok\"}");
    }

    private ProviderClient<ThingApi> client(ProviderSpec spec) {
        return provider.client(ThingApi.class, spec, 3);
    }

    private static ProviderSpec spec() {
        return LocalProvider.spec();
    }

    /**
     * A token source is adapter or caller code (Shoplazza's {@code AccessTokenProvider} is public,
     * an issuer reads a caller's refresh-token store): when it throws, the call must still answer
     * a failure, never an exception out of a port.
     */
    @Test
    void aTokenSourceThatThrowsIsAFailureNotAnException() {
        TokenSource broken = new TokenSource() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                throw new IllegalStateException("vault unreachable");
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                throw new IllegalStateException("vault unreachable");
            }
        };
        ProviderClient<ThingApi> client = client(spec().withTokens(broken, AuthScheme.bearer(),
                f -> f instanceof ProviderFailure.AccessDenied));
        AtomicReference<Either<ProviderFailure, Thing>> result = new AtomicReference<>();
        assertThatCode(() -> result.set(client.write("make", api -> api.make(new Thing("x")))))
                .as("nothing escapes the request path as an exception").doesNotThrowAnyException();
        assertThat(result.get().isLeft()).isTrue();
        assertThat(authorizations).as("nothing sent without a token").isEmpty();
    }

    /** The same with a {@link TokenCache} whose issuer throws (e.g. a refresh-token store that fails). */
    @Test
    void aTokenIssuerThatThrowsIsAFailureNotAnException() {
        TokenCache cache = new TokenCache(() -> {
            throw new IllegalStateException("refresh token store down");
        }, TokenCache.DEFAULT_RENEW_BEFORE, Clock.systemUTC());
        ProviderClient<ThingApi> client = client(spec().withTokens(cache, AuthScheme.bearer(),
                f -> f instanceof ProviderFailure.AccessDenied));
        AtomicReference<Either<ProviderFailure, Thing>> result = new AtomicReference<>();
        assertThatCode(() -> result.set(client.read("thing", ThingApi::thing)))
                .as("nothing escapes the request path as an exception").doesNotThrowAnyException();
        assertThat(result.get().isLeft()).isTrue();
    }

    /**
     * The token travels in a ThreadLocal of the client: a call made on the same client while
     * another runs on the same thread (a lookup inside a call, a lazy page read inside a call)
     * must leave the outer call's token in place for the outer call's own requests.
     */
    @Test
    void aCallNestedOnTheSameThreadLeavesTheOuterCallsToken() {
        ProviderClient<ThingApi> client = client(spec().withTokens(TokenSource.fixed(Secret.of("static-token")),
                AuthScheme.bearer(), f -> f instanceof ProviderFailure.AccessDenied));
        Either<ProviderFailure, Thing> outer = client.read("outer", api -> {
            Either<ProviderFailure, Thing> inner = client.read("inner", ThingApi::thing);
            assertThat(inner.isRight()).isTrue();
            return api.thing();
        });
        assertThat(outer.isRight()).isTrue();
        assertThat(authorizations).as("every request carries the token")
                .containsExactly("Bearer static-token", "Bearer static-token");
    }

    /** No leak the other way: a client's token never reaches a request of a client without tokens. */
    @Test
    void aTokenDoesNotLeakIntoAnotherClientsRequestOnTheSameThread() {
        ProviderClient<ThingApi> withToken = client(spec().withTokens(TokenSource.fixed(Secret.of("static-token")),
                AuthScheme.bearer(), f -> f instanceof ProviderFailure.AccessDenied));
        ProviderClient<ThingApi> without = client(spec());
        Either<ProviderFailure, Thing> outer = withToken.read("outer", api -> {
            assertThat(without.read("other", ThingApi::thing).isRight()).isTrue();
            return api.thing();
        });
        assertThat(outer.isRight()).isTrue();
        assertThat(without.read("after", ThingApi::thing).isRight()).isTrue();
        assertThat(authorizations).element(0).isEqualTo("null");
        assertThat(authorizations).element(2).isEqualTo("null");
    }

    /** A write whose interceptor fails before anything is sent: a failure, nothing sent, not retried. */
    @Test
    void aWriteStoppedBeforeSendingSendsNothingAndIsAFailure() {
        RateLimiter failing = new RateLimiter(1, 1, () -> 0L, wait -> {
            throw new IllegalStateException("sleeper broken");
        });
        ProviderClient<ThingApi> client = client(spec().withLimiter(failing));
        assertThat(client.write("first", api -> api.make(new Thing("x"))).isRight()).isTrue();
        Either<ProviderFailure, Thing> second = client.write("second", api -> api.make(new Thing("y")));
        assertThat(second.isLeft()).isTrue();
        assertThat(authorizations).as("only the first write was sent").hasSize(1);
    }

}
