package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's password never reaches a log: with a real SLF4J backend (Logback), every logger at
 * TRACE (HttpClient 5's wire and header loggers included) and Voucherport's HTTP log at FULL,
 * calls through a real forward proxy — an {@code http} provider, an {@code https} provider through
 * a tunnel, a tunnel refused (407) and a request refused (407) — log neither the password nor the
 * {@code Proxy-Authorization} value, and neither do the failures nor the clients' descriptions.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProxyLoggingTest {

    /** The answer shape of the test API. */
    record Thing(String value) {
    }

    @Headers({"Content-Type: application/json", "Accept: application/json"})
    interface ThingApi {
        @RequestLine("POST /things/{id}")
        Thing make(@Param("id") String id, Thing thing);
    }

    private static final String USER = "svc-proxy";
    private static final String PASSWORD = "PROXY-SECRET-9999";
    private static final String CREDENTIALS = Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private TraceCapture captured;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        captured = TraceCapture.everything();
    }

    @AfterEach
    void restore() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        captured.close();
    }

    @Test
    void noLoggerAtTraceSeesTheProxyPasswordOrCredentials() throws Exception {
        LocalTls tls = new LocalTls(dir);
        RawServer plain = closing(new RawServer((head, socket, out) -> RawServer.json(out, 200, "{\"value\":\"ok\"}")));
        RawServer secure = closing(tls.server(false, (head, socket, out) -> RawServer.json(out, 200, "{\"value\":\"ok\"}")));
        ForwardProxy proxy = closing(new ForwardProxy("Basic " + CREDENTIALS));
        HttpProxy good = HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, Secret.of(PASSWORD));
        HttpProxy bad = HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, Secret.of(PASSWORD + "-old"));
        SharedHttpClient right = closing(SharedHttpClient.builder().proxy(good).trustMaterial(tls.serverTrust).build());
        SharedHttpClient wrong = closing(SharedHttpClient.builder().proxy(bad).trustMaterial(tls.serverTrust).build());
        List<String> described = new ArrayList<>(List.of(good.toString(), bad.toString(), right.toString(), wrong.toString()));

        assertThat(client(right, "http://127.0.0.1:" + plain.port()).write("make", api -> api.make("1", new Thing("x"))))
                .isEqualTo(Either.right(new Thing("ok")));
        assertThat(client(right, "https://127.0.0.1:" + secure.port()).write("make", api -> api.make("2", new Thing("x"))))
                .isEqualTo(Either.right(new Thing("ok")));
        Either<ProviderFailure, Thing> refusedTunnel = client(wrong, "https://127.0.0.1:" + secure.port())
                .write("make", api -> api.make("3", new Thing("x")));
        Either<ProviderFailure, Thing> refusedRequest = client(wrong, "http://127.0.0.1:" + plain.port())
                .write("make", api -> api.make("4", new Thing("x")));
        described.add(refusedTunnel.getLeft().toString());
        described.add(refusedRequest.getLeft().toString());

        assertThat(refusedTunnel.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(refusedRequest.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(proxy.authorizations).contains("Basic " + CREDENTIALS);
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.events()) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" / ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        assertThat(lines).as("Voucherport's HTTP log and HttpClient 5 logged (the capture works)")
                .anySatisfy(line -> assertThat(line).contains("POST"))
                .anySatisfy(line -> assertThat(line).startsWith("org.apache.hc.client5"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD, CREDENTIALS, "SECRET"));
        assertThat(described).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD, CREDENTIALS, "SECRET"));
    }

    private ProviderClient<ThingApi> client(SharedHttpClient shared, String baseUrl) {
        AdapterBuilder.Settings settings = new LocalProvider.Builder().httpClient(shared).retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofSeconds(5)).logLevel(HttpLogLevel.FULL).settings();
        return closing(ProviderClient.open(ThingApi.class, baseUrl, LocalProvider.spec(), settings));
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
