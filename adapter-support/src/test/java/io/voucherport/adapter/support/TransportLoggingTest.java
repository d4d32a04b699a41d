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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * With a real SLF4J backend (Logback) and every logger at TRACE — HttpClient 5's wire and header
 * loggers included — no API key, token, code in a path, reference in a query or secret in a body
 * reaches any log, on a plain exchange, an error answer, a kept-alive connection and an exchange
 * aborted at its deadline.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransportLoggingTest {

    /** The answer and body shape of the test API. */
    record Thing(String value) {
    }

    @Headers({"Content-Type: application/json", "Accept: application/json"})
    interface CodeApi {
        @RequestLine("POST /codes/{code}/redeem?reference={reference}")
        Thing redeem(@Param("code") String code, @Param("reference") String reference, Thing body);
    }

    private static final String API_KEY = "key-SECRET-1111";
    private static final String TOKEN = "token-SECRET-2222";
    private static final String CODE = "CODE-SECRET-3333";
    private static final String REFERENCE = "REF-SECRET-4444";
    private static final String PIN = "PIN-SECRET-5555";
    private static final String REDEEMED = "REDEEM-SECRET-6666";
    private static final String ERROR_SECRET = "ERROR-SECRET-7777";

    private TraceCapture captured;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        captured = TraceCapture.everything();
        assertThat(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isTraceEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("org.apache.hc.client5.http.headers").isTraceEnabled()).isTrue();
    }

    @AfterEach
    void restore() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        captured.close();
    }

    private ProviderClient<CodeApi> client(RawServer server, Duration callTimeout) {
        AdapterBuilder.Settings settings = new LocalProvider.Builder()
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).callTimeout(callTimeout).settings();
        ProviderSpec spec = ProviderSpec.of("test", JsonSupport.newObjectMapper())
                .withStaticHeader("x-api-key", Secret.of(API_KEY))
                .withTokens(TokenSource.fixed(Secret.of(TOKEN)), AuthScheme.bearer(), f -> false);
        ProviderClient<CodeApi> client = ProviderClient.open(CodeApi.class, server.baseUrl(), spec, settings);
        closing.add(client);
        return client;
    }

    @Test
    void noLoggerAtTraceSeesAKeyATokenACodeAReferenceOrABody() throws IOException {
        RawServer server = new RawServer((head, socket, out) -> {
            if (head.text().contains("fail")) {
                RawServer.json(out, 500, "{\"message\":\"" + ERROR_SECRET + "\"}");
            } else {
                RawServer.json(out, 200, "{\"value\":\"" + REDEEMED + "\"}");
            }
        });
        closing.add(server);
        RawServer dripping = new RawServer((head, socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                    + "{\"value\":\"" + REDEEMED);
            while (true) {
                Thread.sleep(50);
                RawServer.write(out, "a");
            }
        });
        closing.add(dripping);
        ProviderClient<CodeApi> client = client(server, Duration.ofSeconds(10));

        assertThat(client.write("redeem", api -> api.redeem(CODE, REFERENCE, new Thing(PIN))))
                .isEqualTo(Either.right(new Thing(REDEEMED)));
        assertThat(client.write("redeem", api -> api.redeem(CODE, REFERENCE, new Thing(PIN))))
                .isEqualTo(Either.right(new Thing(REDEEMED)));
        assertThat(client.write("redeem", api -> api.redeem(CODE, REFERENCE, new Thing("fail " + PIN))).getLeft())
                .isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(client(dripping, Duration.ofSeconds(1))
                .write("redeem", api -> api.redeem(CODE, REFERENCE, new Thing(PIN))).getLeft())
                .isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(server.requests).allSatisfy(r -> assertThat(r.text()).contains(API_KEY, TOKEN, CODE, REFERENCE, PIN));

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.events()) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" / ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        assertThat(lines).as("HttpClient 5 logged at TRACE (the capture works)")
                .anySatisfy(line -> assertThat(line).startsWith("org.apache.hc.client5"));
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .doesNotContain(API_KEY, TOKEN, CODE, REFERENCE, PIN, REDEEMED, ERROR_SECRET, "SECRET"));
    }
}
