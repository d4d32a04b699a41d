package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request headers hook and the {@code User-Agent}, seen at a real local server: what the hook
 * adds arrives per request with the provider's and the operation's names; a hook can never set a
 * credential or framing header (refused when the client is built) nor override one the request
 * has, and a hook gone wrong stops its request before anything is sent.
 */
class RequestHeadersTest {

    /** The answer shape of the test API. */
    record Thing(String value) {
    }

    @Headers({"Content-Type: application/json", "Accept: application/json", "X-Fixed: adapter"})
    interface ThingApi {
        @RequestLine("GET /thing")
        Thing thing();

        @RequestLine("POST /thing")
        Thing make(Thing thing);
    }

    private final List<Map<String, String>> seen = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
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

    private synchronized void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                String.join(",", values)));
        seen.add(headers);
        int status = statuses.isEmpty() ? 200 : statuses.poll();
        LocalProvider.answer(exchange, status, status == 200 ? "{\"value\":\"ok\"}" : "{\"message\":\"busy\"}");
    }

    @Test
    void theHookAddsItsHeadersToEveryRequestWithTheProviderAndOperation() {
        AtomicInteger calls = new AtomicInteger();
        SharedHttpClient shared = closing(SharedHttpClient.builder()
                .requestHeaders(Set.of("traceparent", "X-Call"), (provider, operation) -> Map.of(
                        "traceparent", String.format("00-%032x-%016x-01", 1, calls.incrementAndGet()),
                        "X-Call", provider + "/" + operation))
                .build());
        statuses.add(503);

        assertThat(client(shared, 2).read("catalog", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
        assertThat(client(shared, 1).write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.right(new Thing("ok")));

        assertThat(seen).extracting(h -> h.get("x-call")).containsExactly("test/catalog", "test/catalog", "test/make");
        assertThat(seen).extracting(h -> h.get("traceparent")).containsExactly(
                "00-00000000000000000000000000000001-0000000000000001-01",
                "00-00000000000000000000000000000001-0000000000000002-01",
                "00-00000000000000000000000000000001-0000000000000003-01");
        assertThat(seen).allSatisfy(h -> assertThat(h.get("x-fixed")).isEqualTo("adapter"));
    }

    @Test
    void theDefaultUserAgentNamesThisLibraryAndItsVersionAsBuilt() throws IOException {
        String version = projectVersion();
        assertThat(SharedHttpClient.DEFAULT_USER_AGENT).isEqualTo("voucherport/" + version);

        assertThat(client(closing(SharedHttpClient.create()), 1).read("catalog", ThingApi::thing).isRight()).isTrue();
        assertThat(provider.client(ThingApi.class, LocalProvider.spec(), 1).read("catalog", ThingApi::thing).isRight())
                .isTrue();

        assertThat(seen).extracting(h -> h.get("user-agent")).containsExactly("voucherport/" + version,
                "voucherport/" + version);
    }

    @Test
    void aServiceMayReplaceTheUserAgent() {
        SharedHttpClient shared = closing(SharedHttpClient.builder()
                .userAgent("gift-shop/2.1 " + SharedHttpClient.DEFAULT_USER_AGENT).build());

        assertThat(client(shared, 1).read("catalog", ThingApi::thing).isRight()).isTrue();

        assertThat(shared.userAgent()).isEqualTo("gift-shop/2.1 " + SharedHttpClient.DEFAULT_USER_AGENT);
        assertThat(seen.get(0).get("user-agent")).isEqualTo("gift-shop/2.1 " + SharedHttpClient.DEFAULT_USER_AGENT);
        assertThatThrownBy(() -> SharedHttpClient.builder().userAgent(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().userAgent("a\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().userAgent("agent-é")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().userAgent("a".repeat(513)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Proxy-Authorization", "Host", "Content-Length",
        "Transfer-Encoding", "Connection", "Content-Type", "Accept", "Accept-Encoding", "User-Agent", "Cookie",
        "X-Api-Key", "x_api_key", "Api-Key", "Access-Token", "Access_Token", "Client-Secret", "Client-Id",
        "X-Auth-Token", "Expect", "TE", "Upgrade"})
    void aHookMayNotBeRegisteredForACredentialOrFramingHeader(String name) {
        assertThatThrownBy(() -> SharedHttpClient.builder().requestHeaders(Set.of("traceparent", name), (p, o) -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    @Test
    void aHookMustNameItsHeadersAsHttpTokens() {
        assertThatThrownBy(() -> SharedHttpClient.builder().requestHeaders(Set.of(), (p, o) -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().requestHeaders(Set.of("bad header"), (p, o) -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().requestHeaders(Set.of("x-a\r\nx-b"), (p, o) -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().requestHeaders(Set.of("traceparent"), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aHeaderTheHookWasNotRegisteredWithStopsTheRequestBeforeItIsSent() {
        assertNothingSent(Set.of("traceparent"), (p, o) -> Map.of("X-Other", "1"));
    }

    @Test
    void aHookMayNotOverrideAHeaderTheRequestCarries() {
        assertNothingSent(Set.of("X-Fixed"), (p, o) -> Map.of("X-Fixed", "hook"));
    }

    @Test
    void aStaticSecretHeaderOfTheProviderCannotBeOverriddenEither() {
        SharedHttpClient shared = closing(SharedHttpClient.builder()
                .requestHeaders(Set.of("traceparent"), (p, o) -> Map.of("traceparent", "00-1-2-01")).build());
        ProviderSpec spec = LocalProvider.spec().withStaticHeader("x-api-key", Secret.of("key-1234"));

        assertThat(client(shared, spec, 1).read("catalog", ThingApi::thing).isRight()).isTrue();

        assertThat(seen.get(0)).containsEntry("x-api-key", "key-1234").containsEntry("traceparent", "00-1-2-01");
    }

    @Test
    void aValueWithALineBreakStopsTheRequestBeforeItIsSent() {
        assertNothingSent(Set.of("traceparent"), (p, o) -> Map.of("traceparent", "00\r\nAuthorization: Bearer x"));
        assertNothingSent(Set.of("traceparent"), (p, o) -> Map.of("traceparent", "é"));
        assertNothingSent(Set.of("traceparent"), (p, o) -> Map.of("traceparent", "a".repeat(8 * 1024 + 1)));
    }

    @Test
    void aHookThatFailsOrAnswersNullStopsTheRequestBeforeItIsSent() {
        assertNothingSent(Set.of("traceparent"), (p, o) -> {
            throw new IllegalStateException("no span");
        });
        assertNothingSent(Set.of("traceparent"), (p, o) -> null);
    }

    /** A read and a write through a client with {@code hook}: both Unavailable (not outcome unknown), the server saw nothing. */
    private void assertNothingSent(Set<String> names, RequestHeaders hook) {
        SharedHttpClient shared = closing(SharedHttpClient.builder().requestHeaders(names, hook).build());

        Either<ProviderFailure, Thing> read = client(shared, 1).read("catalog", ThingApi::thing);
        Either<ProviderFailure, Thing> written = client(shared, 1).write("make", api -> api.make(new Thing("x")));

        assertThat(read.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(written.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(written.getLeft().toString()).doesNotContain("Bearer");
        assertThat(seen).isEmpty();
    }

    private ProviderClient<ThingApi> client(SharedHttpClient shared, int attempts) {
        return client(shared, LocalProvider.spec(), attempts);
    }

    private ProviderClient<ThingApi> client(SharedHttpClient shared, ProviderSpec spec, int attempts) {
        AdapterBuilder.Settings settings = new LocalProvider.Builder().httpClient(shared)
                .retryPolicy(new RetryPolicy(attempts, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .readTimeout(Duration.ofSeconds(5)).settings();
        return closing(ProviderClient.open(ThingApi.class, provider.baseUrl(), spec, settings));
    }

    /** The version in this module's POM (its parent's), read from the source, not from the build's filtering. */
    private static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL).matcher(pom);
        assertThat(parent.find()).as("the module's POM names its parent's version").isTrue();
        return parent.group(1).strip();
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
