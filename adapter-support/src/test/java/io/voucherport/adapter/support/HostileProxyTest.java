package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy that grants the {@code CONNECT} tunnel and then fails it — garbage instead of the
 * provider's TLS, the connection closed, or nothing at all — has not let a byte of the request
 * through: TLS to the provider never completed, so nothing was sent, and even a write is
 * {@code Unavailable} (provably not applied), never {@code OutcomeUnknown}. A proxy that stalls is
 * bounded by the call's deadline.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileProxyTest {

    /** The answer shape of the test API. */
    record Thing(String value) {
    }

    @Headers("Accept: application/json")
    interface ThingApi {
        @RequestLine("POST /things")
        @Headers("Content-Type: application/json")
        Thing make(Thing thing);
    }

    @TempDir
    static Path dir;

    private static LocalTls material;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    @BeforeAll
    static void makeCertificates() throws Exception {
        material = new LocalTls(dir);
    }

    @AfterEach
    void stop() throws Exception {
        released.countDown();
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void aTunnelGrantedThenAnsweredWithGarbageSendsNothingEvenForAWrite() throws Exception {
        RawServer proxy = closing(new RawServer((head, socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }));

        Either<ProviderFailure, Thing> made = write(proxy, Duration.ofSeconds(30));

        assertThat(made.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(proxy.requests).extracting(RawServer.Head::requestLine)
                .containsExactly("CONNECT provider.invalid:443 HTTP/1.1");
    }

    @Test
    void aTunnelGrantedThenClosedSendsNothingEvenForAWrite() throws Exception {
        RawServer proxy = closing(new RawServer((head, socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
            out.flush();
            socket.close();
        }));

        Either<ProviderFailure, Thing> made = write(proxy, Duration.ofSeconds(30));

        assertThat(made.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(proxy.requests).hasSize(1);
    }

    @Test
    void aTunnelGrantedThenSilentEndsByTheDeadlineAndSendsNothing() throws Exception {
        RawServer proxy = closing(new RawServer((head, socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
            out.flush();
            released.await();   // the TLS handshake never gets an answer
        }));

        Either<ProviderFailure, Thing> made = write(proxy, Duration.ofSeconds(1));

        assertThat(made.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
    }

    /** A write to an https provider reached through {@code proxy}, with a connect timeout far past {@code callTimeout}. */
    private Either<ProviderFailure, Thing> write(RawServer proxy, Duration callTimeout) {
        SharedHttpClient shared = closing(SharedHttpClient.builder().trustMaterial(material.serverTrust)
                .proxy(HttpProxy.of("127.0.0.1", proxy.port())).build());
        AdapterBuilder.Settings settings = new LocalProvider.Builder().httpClient(shared).retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(50)).readTimeout(Duration.ofSeconds(50)).callTimeout(callTimeout)
                .settings();
        ProviderClient<ThingApi> client = closing(ProviderClient.open(ThingApi.class, "https://provider.invalid",
                LocalProvider.spec(), settings));
        return client.write("make", api -> api.make(new Thing("x")));
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
