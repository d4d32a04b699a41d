package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request headers hook, attacked: it cannot turn a read into a write (every de facto
 * method-override header is refused when the client is built — a read is retried, so a read a
 * provider took for a {@code POST} would be a write sent more than once), and a hook whose answer
 * fails only when read (a lazy map, a view computing its values) stops its request before anything
 * is sent, like a hook that throws: {@code Unavailable}, never {@code OutcomeUnknown}.
 */
class RequestHeadersHardeningTest {

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

    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<AutoCloseable> closing = new ArrayList<>();
    private LocalProvider provider;

    @BeforeEach
    void start() throws IOException {
        provider = new LocalProvider("/thing", this::answer);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        provider.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        seen.add(exchange.getRequestMethod());
        LocalProvider.answer(exchange, 200, "{\"value\":\"ok\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "x-http-method", "X-Method-Override",
        "X_Method_Override"})
    void aHookMayNotBeRegisteredForAMethodOverrideHeader(String name) {
        assertThatThrownBy(() -> SharedHttpClient.builder().requestHeaders(Set.of("traceparent", name), (p, o) -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    @Test
    void aHookWhoseAnswerFailsWhenReadStopsTheRequestBeforeItIsSent() {
        Map<String, String> failsWhenRead = new AbstractMap<>() {
            @Override
            public Set<Entry<String, String>> entrySet() {
                throw new IllegalStateException("no span to read");
            }

            @Override
            public int size() {
                throw new IllegalStateException("no span to read");
            }
        };
        SharedHttpClient shared = closing(SharedHttpClient.builder()
                .requestHeaders(Set.of("traceparent"), (p, o) -> failsWhenRead).build());

        Either<ProviderFailure, Thing> read = client(shared).read("catalog", ThingApi::thing);
        Either<ProviderFailure, Thing> written = client(shared).write("make", api -> api.make(new Thing("x")));

        assertThat(read.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(written.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(seen).isEmpty();
    }

    private ProviderClient<ThingApi> client(SharedHttpClient shared) {
        AdapterBuilder.Settings settings = new LocalProvider.Builder().httpClient(shared).retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofSeconds(5)).settings();
        return closing(ProviderClient.open(ThingApi.class, provider.baseUrl(), LocalProvider.spec(), settings));
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
