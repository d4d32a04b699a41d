package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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

    private HttpServer server;
    private String baseUrl;
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<ProviderClient<?>> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/thing", this::answer);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        clients.forEach(ProviderClient::close);
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] body = "{\"value\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private ProviderClient<ThingApi> client(ProviderSpec spec) {
        AdapterBuilder.Settings settings = new TestBuilder()
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .readTimeout(Duration.ofSeconds(5)).settings();
        ProviderClient<ThingApi> client = ProviderClient.open(ThingApi.class, baseUrl, spec, settings);
        clients.add(client);
        return client;
    }

    private static ProviderSpec spec() {
        return ProviderSpec.of("test", JsonSupport.newObjectMapper());
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

    private static final class TestBuilder extends AdapterBuilder<TestBuilder> {
        @Override
        protected TestBuilder self() {
            return this;
        }
    }
}
