package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.net.httpserver.HttpServer;
import feign.Headers;
import feign.Logger;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The masking logger through a real SLF4J provider (Logback, captured with every logger at its
 * most verbose, as the testkit's {@code LogCapture} does): what it shows at each level, what it
 * reads, and that it never throws.
 */
class MaskingLoggerTest {

    private static final String KEY = "Api#call()";
    private static final String SECRET = "SECRET-VALUE-8d1f";
    private static final int MIB = 1 << 20;

    private final List<String> lines = new ArrayList<>();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            synchronized (lines) {
                lines.add(event.getFormattedMessage());
            }
        }
    };
    private Level previous;

    @BeforeEach
    void capture() {
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(previous);
        context.getLogger("io.voucherport.http.test").setLevel(null);
    }

    private String logged() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private static MaskingLogger logger(int maxBytes) {
        return new MaskingLogger("test", Masker.of(List.of("redeemCode", "client_id"), List.of(SECRET)), maxBytes);
    }

    @Test
    void aHugeMaskedValueAtFullLevelIsMaskedAndHandedOnIntact() {
        for (int size : new int[] {MIB, 10 * MIB}) {
            lines.clear();
            String code = "C0DE-" + "A".repeat(size);
            byte[] body = ("{\"redeemCode\":\"" + code + "\",\"sku\":\"keep\"}").getBytes(StandardCharsets.UTF_8);
            Response handedOn = assertTimeout(Duration.ofSeconds(60), () -> logger(16 * MIB)
                    .logAndRebufferResponse(KEY, Logger.Level.FULL, response(200, body, null, "application/json"), 5));
            assertThat(logged()).contains("{\"redeemCode\":\"****\",\"sku\":\"keep\"}").doesNotContain("C0DE-AAAA")
                    .contains("<--- END HTTP (" + body.length + "-byte body)");
            assertThat(read(handedOn)).isEqualTo(body);
        }
    }

    @Test
    void requestsAreMaskedByHeaderNameJsonFieldAndFormField() {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        headers.put("AUTHORIZATION", List.of("Bearer " + "tok-123456"));
        headers.put("X-Trace", List.of("trace " + SECRET));
        byte[] form = ("grant_type=client_credentials&client_id=cid-98765&client_secret=cs-98765").getBytes(StandardCharsets.UTF_8);
        logger(MIB).logRequest(KEY, Logger.Level.FULL, Request.create(Request.HttpMethod.POST,
                "https://p.example/oauth?client_secret=q-98765&k=" + SECRET, headers, form, StandardCharsets.UTF_8, null));
        assertThat(logged()).contains("[Api#call] ---> POST https://p.example/oauth?client_secret=****&k=**** HTTP/1.1")
                .contains("AUTHORIZATION: ****").contains("X-Trace: trace ****")
                .contains("grant_type=client_credentials&client_id=****&client_secret=****")
                .contains("---> END HTTP (" + form.length + "-byte body)")
                .doesNotContain("tok-123456").doesNotContain("98765").doesNotContain(SECRET);
    }

    @Test
    void everySecretHeaderIsMaskedByNameInAnyCase() {
        List<String> names = new ArrayList<>(Masker.COMMON_HEADERS);
        names.addAll(List.of("Location", "Content-Location", "X-Store-Key"));
        MaskingLogger logger = new MaskingLogger("test",
                Masker.of(List.of(), List.of()).withHeaders(List.of("x-store-key")), MIB);
        for (String name : names) {
            for (String spelled : List.of(name, name.toUpperCase(Locale.ROOT), mixedCase(name))) {
                String value = "hv-" + Math.abs(spelled.hashCode()) + "-secret";
                Map<String, Collection<String>> headers = Map.of(spelled, List.of(value, value + "-2"));
                logger.logRequest(KEY, Logger.Level.HEADERS, Request.create(Request.HttpMethod.GET, "https://p/x",
                        headers, null, null, null));
                logger.logAndRebufferResponse(KEY, Logger.Level.HEADERS, Response.builder().status(200)
                        .headers(headers).request(request()).build(), 1);
                assertThat(logged()).as(spelled).doesNotContain(value).contains(spelled + ": ****");
            }
        }
    }

    @Test
    void aDeeplyNestedAnswerIsWithheldAndHandedOn() {
        byte[] body = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        Response handedOn = logger(MIB).logAndRebufferResponse(KEY, Logger.Level.FULL,
                response(200, body, null, "application/json"), 1);
        assertThat(logged()).contains("<200000 bytes of application/json, not logged: beyond the JSON limits>");
        assertThat(read(handedOn)).isEqualTo(body);
        Map<String, Collection<String>> json = Map.of("Content-Type", List.of("application/json"));
        logger(MIB).logRequest(KEY, Logger.Level.FULL, Request.create(Request.HttpMethod.POST, "https://p/x", json,
                body, StandardCharsets.UTF_8, null));
        assertThat(logged()).contains("---> END HTTP (200000-byte body)");
    }

    @Test
    void aMalformedAnswerWithAnUnquotedSecretIsNotLogged() {
        byte[] body = ("{\"sku\": \"a\", \"redeemCode\": UNQUOTED-CODE-5521, \"pin\": 7}").getBytes(StandardCharsets.UTF_8);
        Response handedOn = logger(MIB).logAndRebufferResponse(KEY, Logger.Level.FULL,
                response(500, body, null, "application/json; charset=utf-8"), 1);
        assertThat(logged()).doesNotContain("UNQUOTED-CODE-5521")
                .contains("<" + body.length + " bytes of application/json, not logged: not readable JSON>");
        assertThat(read(handedOn)).isEqualTo(body);
    }

    @Test
    void fullLoggingOfAnEndlessAnswerReadsNoMoreThanTheLimitAndTheDecoderRefusesIt() throws IOException {
        Counting endless = new Counting(Long.MAX_VALUE);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Response handedOn = logger(MIB).logAndRebufferResponse(KEY, Logger.Level.FULL,
                response(200, endless, null, "application/json"), 1);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(endless.read).isEqualTo(MIB + 1);
        assertThat(allocated).as("bytes allocated while logging").isLessThan(16L * MIB);
        assertThat(logged()).contains("<more than 1048576 bytes of application/json, not logged: larger than the limit>");
        assertThatThrownBy(() -> new JsonDecoder(JsonSupport.newObjectMapper(), MIB).decode(handedOn, Object.class))
                .isInstanceOf(MalformedAnswerException.class).hasMessageContaining("larger than the limit");
        try (InputStream in = handedOn.body().asInputStream()) {
            assertThat(in.readNBytes(MIB + 1)).hasSize(MIB + 1);
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("larger than the limit");
        }
        assertThat(endless.read).isEqualTo(MIB + 1);
        handedOn.close();
        assertThat(endless.closed).isTrue();
    }

    @Test
    void anAnswerDeclaredLargerThanTheLimitIsNotReadAtAll() {
        Counting large = new Counting(4L * MIB);
        Response original = response(200, large, 4 * MIB, "application/json");
        Response handedOn = logger(MIB).logAndRebufferResponse(KEY, Logger.Level.FULL, original, 1);
        assertThat(handedOn).isSameAs(original);
        assertThat(large.read).isZero();
        assertThat(logged()).contains("<4194304 bytes of application/json, not logged: larger than the limit of 1048576 bytes>");
    }

    @Test
    void belowFullOrWithDebugOffNothingIsRead() {
        for (Logger.Level level : List.of(Logger.Level.NONE, Logger.Level.BASIC, Logger.Level.HEADERS)) {
            Counting body = new Counting(MIB);
            Response original = response(200, body, null, "application/json");
            assertThat(logger(MIB).logAndRebufferResponse(KEY, level, original, 1)).isSameAs(original);
            assertThat(body.read).as(level.name()).isZero();
        }
        assertThat(logged()).contains("<--- HTTP/1.1 200 R (1ms)").contains("<--- END HTTP (body not read)");
        context.getLogger("io.voucherport.http.test").setLevel(Level.INFO);
        lines.clear();
        Counting body = new Counting(MIB);
        Response original = response(200, body, null, "application/json");
        assertThat(logger(MIB).logAndRebufferResponse(KEY, Logger.Level.FULL, original, 1)).isSameAs(original);
        assertThat(body.read).isZero();
        assertThat(logged()).isEmpty();
    }

    @Test
    void aReadThatFailsIsHandedOnToTheDecoderAfterTheBytesRead() throws IOException {
        IOException reset = new IOException("connection reset");
        InputStream failing = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return 'x';
                }
                throw reset;
            }
        };
        Response handedOn = logger(MIB).logAndRebufferResponse(KEY, Logger.Level.FULL,
                response(200, failing, null, "application/json"), 1);
        assertThat(logged()).contains("<10 bytes of application/json, not logged: reading failed (IOException)>");
        try (InputStream in = handedOn.body().asInputStream()) {
            assertThat(in.readNBytes(10)).containsOnly('x');
            assertThatThrownBy(in::read).isSameAs(reset);
        }
    }

    @Test
    void loggingNeverThrows() {
        Response.Body broken = new Response.Body() {
            @Override
            public Integer length() {
                throw new StackOverflowError();
            }

            @Override
            public boolean isRepeatable() {
                return false;
            }

            @Override
            public InputStream asInputStream() {
                return new InputStream() {
                    @Override
                    public int read() {
                        throw new StackOverflowError();
                    }
                };
            }

            @Override
            public Reader asReader(Charset charset) {
                throw new StackOverflowError();
            }

            @Override
            public void close() {
            }
        };
        MaskingLogger logger = logger(MIB);
        for (Logger.Level level : Logger.Level.values()) {
            Response original = Response.builder().status(200).reason("OK\r\nInjected: " + SECRET)
                    .headers(Map.of("Content-Type", List.of("application/json"))).request(request()).body(broken).build();
            Response handedOn = logger.logAndRebufferResponse("no parenthesis", level, original, 1);
            assertThat(handedOn.status()).isEqualTo(200);
            logger.logRequest(null, level, Request.create(Request.HttpMethod.POST, "https://p/x?a=%zz",
                    Map.of(), new byte[] {1, 2, 3}, null, null));
            logger.logIOException("k()", level, new IOException((String) null), 1);
            logger.logIOException("k()", level, new IOException("failed with " + SECRET), 1);
            logger.logRetry("k()", level);
            logger.log("k()", "%s", "client_secret=" + SECRET);
        }
        assertThat(logged()).contains("reading failed (StackOverflowError)").contains("[no parenthesis] ")
                .contains("<3 bytes of unknown type, not logged: binary>").contains("---> RETRYING")
                .doesNotContain(SECRET).doesNotContain("\nInjected");
    }

    @Test
    void theRequestPathLogsMaskedAndRefusesAnAnswerOverTheLimitAtFullLevel() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/thing", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean large = exchange.getRequestURI().getPath().endsWith("large");
            byte[] body = large ? ("{\"value\":\"" + "v".repeat(2 * MIB) + "\"}").getBytes(StandardCharsets.UTF_8)
                    : ("{\"value\":\"ok\",\"redeemCode\":\"CODE-77123\",\"link\":\"https://x/y\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, large ? 0 : body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        AtomicBoolean done = new AtomicBoolean();
        try {
            AdapterBuilder.Settings settings = new LocalProvider.Builder().logLevel(HttpLogLevel.FULL).maxResponseBytes(MIB)
                    .settings();
            ProviderSpec spec = ProviderSpec.of("test", JsonSupport.newObjectMapper()).withMaskedFields("redeemCode")
                    .withStaticHeader("x-api-key", Secret.of("api-key-31337"));
            try (ProviderClient<ThingApi> client = ProviderClient.open(ThingApi.class,
                    "http://127.0.0.1:" + server.getAddress().getPort(), spec, settings)) {
                assertThat(client.read("thing", ThingApi::thing).get().value()).isEqualTo("ok");
                Either<ProviderFailure, Thing> large = client.read("large", ThingApi::large);
                assertThat(large.getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
                assertThat(large.getLeft().message()).contains("larger than the limit");
                done.set(true);
            }
        } finally {
            server.stop(0);
        }
        assertThat(done).isTrue();
        assertThat(logged()).contains("x-api-key: ****").contains("\"redeemCode\":\"****\"").contains("\"link\":\"****\"")
                .contains("not logged: larger than the limit").doesNotContain("CODE-77123").doesNotContain("api-key-31337")
                .doesNotContain("vvvvvvvv");
    }

    /** The answer and body shape of the test API. */
    record Thing(String value) {
    }

    @Headers("Accept: application/json")
    interface ThingApi {
        @RequestLine("GET /thing")
        Thing thing();

        @RequestLine("GET /thing/large")
        Thing large();
    }


    /** A body of {@code size} bytes of {@code 'x'} (endless for {@code Long.MAX_VALUE}) that counts what is read. */
    private static final class Counting extends InputStream {
        private final long size;
        long read;
        boolean closed;

        Counting(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            java.util.Arrays.fill(into, offset, offset + n, (byte) 'x');
            read += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Request request() {
        return Request.create(Request.HttpMethod.GET, "https://p/x", Map.of(), null, null, null);
    }

    private static Response response(int status, byte[] body, Integer length, String type) {
        return response(status, new ByteArrayInputStream(body), length != null ? length : body.length, type);
    }

    private static Response response(int status, InputStream body, Integer length, String type) {
        return Response.builder().status(status).reason("R").request(request())
                .headers(Map.of("Content-Type", List.of(type))).body(body, length).build();
    }

    private static byte[] read(Response response) {
        try (InputStream in = response.body().asInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String mixedCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(i % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }
}
