package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transport against hostile providers on a local raw-socket server: answers that drip past the
 * call's deadline, endless bodies, a slow provider next to a healthy one, compressed answers,
 * redirects, retries that would outlive the deadline. Time bounds are generous (the deadline plus
 * 2 s); a JUnit timeout turns a hang into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileTransportTest {

    /** The answer and body shape of the test API. */
    record Thing(String value) {
    }

    @Headers({"Content-Type: application/json", "Accept: application/json"})
    interface ThingApi {
        @RequestLine("GET /thing")
        Thing thing();

        @RequestLine("POST /thing")
        Thing make(Thing thing);
    }

    private static final Duration SLACK = Duration.ofSeconds(2);

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        background.shutdownNow();
        Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private RawServer server(RawServer.Handler handler) throws IOException {
        RawServer server = new RawServer(handler);
        closing.add(server);
        return server;
    }

    private ProviderClient<ThingApi> client(RawServer server, Function<LocalProvider.Builder, LocalProvider.Builder> settings) {
        LocalProvider.Builder builder = settings.apply(new LocalProvider.Builder()
                .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30))));
        ProviderClient<ThingApi> client = ProviderClient.open(ThingApi.class, server.baseUrl(),
                ProviderSpec.of("test", JsonSupport.newObjectMapper()), builder.settings());
        closing.add(client);
        return client;
    }

    private static <T> Timed<T> timed(java.util.function.Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        return new Timed<>(result, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Timed<T>(T result, Duration took) {
    }

    /** Headers, then one byte every 50 ms for ever: each read is quick, the answer never ends. */
    private static void dripBody(RawServer.Head head, java.net.Socket socket, OutputStream out)
            throws IOException, InterruptedException {
        RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"value\":\"");
        while (true) {
            Thread.sleep(50);
            RawServer.write(out, "a");
        }
    }

    /** The status line, then a header that grows by one byte every 50 ms for ever. */
    private static void dripHeaders(RawServer.Head head, java.net.Socket socket, OutputStream out)
            throws IOException, InterruptedException {
        RawServer.write(out, "HTTP/1.1 200 OK\r\nX-Drip: ");
        while (true) {
            Thread.sleep(50);
            RawServer.write(out, "a");
        }
    }

    @Test
    void aBodyDrippingPastTheDeadlineEndsTheCallAtTheDeadlineAsUnavailableWithoutRetrying() throws IOException {
        RawServer server = server(HostileTransportTest::dripBody);
        ProviderClient<ThingApi> client = client(server, b -> b.readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(1)));

        Timed<Either<ProviderFailure, Thing>> call = timed(() -> client.read("thing", ThingApi::thing));

        assertThat(call.result().getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(call.took()).isLessThan(Duration.ofSeconds(1).plus(SLACK));
        assertThat(server.requests).as("no retry past the deadline").hasSize(1);
    }

    @Test
    void headersDrippingPastTheDeadlineEndTheCallAtTheDeadline() throws IOException {
        RawServer server = server(HostileTransportTest::dripHeaders);
        ProviderClient<ThingApi> client = client(server, b -> b.readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(1)));

        Timed<Either<ProviderFailure, Thing>> call = timed(() -> client.read("thing", ThingApi::thing));

        assertThat(call.result().getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(call.took()).isLessThan(Duration.ofSeconds(1).plus(SLACK));
    }

    @Test
    void aWriteStoppedByTheDeadlineAfterSendingIsOutcomeUnknown() throws IOException {
        RawServer server = server(HostileTransportTest::dripBody);
        ProviderClient<ThingApi> client = client(server, b -> b.readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(1)));

        Timed<Either<ProviderFailure, Thing>> call = timed(() -> client.write("make", api -> api.make(new Thing("x"))));

        assertThat(call.result().getLeft()).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(call.result().getLeft().provablyNotApplied()).isFalse();
        assertThat(call.took()).isLessThan(Duration.ofSeconds(1).plus(SLACK));
        assertThat(server.requests).as("a write is sent once").hasSize(1);
    }

    @Test
    void anEndlessChunkedBodyIsAbortedAtTheSizeLimitNeverDrainedAndItsConnectionNotReused() throws Exception {
        RawServer server = server((head, socket, out) -> {
            if (head.requestLine().startsWith("POST")) {
                RawServer.json(out, 200, "{\"value\":\"fine\"}");
                return;
            }
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            RawServer.write(out, "a\r\n{\"value\":\"\r\n");
            String chunk = "a".repeat(8192);
            while (true) {
                RawServer.write(out, Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
        });
        ProviderClient<ThingApi> client = client(server, b -> b.maxResponseBytes(64 * 1024)
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(5)));

        Timed<Either<ProviderFailure, Thing>> call = timed(() -> client.read("thing", ThingApi::thing));

        assertThat(call.result().getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(call.took()).isLessThan(Duration.ofSeconds(5).plus(SLACK));
        assertThat(client.write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.right(new Thing("fine")));
        assertThat(server.connections).as("the aborted connection is not reused").hasValue(2);
        awaitAbort(server);
    }

    @Test
    void anEndlessBodyUnderTheSizeLimitEndsAtTheDeadline() throws Exception {
        RawServer server = server((head, socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            RawServer.write(out, "a\r\n{\"value\":\"\r\n");
            while (true) {
                Thread.sleep(20);
                RawServer.write(out, "1\r\na\r\n");
            }
        });
        ProviderClient<ThingApi> client = client(server, b -> b.readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(1)));

        Timed<Either<ProviderFailure, Thing>> call = timed(() -> client.read("thing", ThingApi::thing));

        assertThat(call.result().getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(call.took()).isLessThan(Duration.ofSeconds(1).plus(SLACK));
        awaitAbort(server);
    }

    private static void awaitAbort(RawServer server) throws InterruptedException {
        long end = System.nanoTime() + SLACK.toNanos() * 2;
        while (server.abortedByClient.get() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(server.abortedByClient).as("the client closed the connection mid-answer").hasValue(1);
    }

    @Test
    void aSlowProviderHoldingItsConnectionsNeverDelaysACallToAnotherProvider() throws Exception {
        RawServer slow = server((head, socket, out) -> {
            socket.getInputStream().read();   // never answers; returns when the client gives up
            throw new IOException("client gone");
        });
        RawServer healthy = server((head, socket, out) -> RawServer.json(out, 200, "{\"value\":\"ok\"}"));
        SharedHttpClient shared = SharedHttpClient.withMaxConnections(4);
        closing.add(shared);
        assertThat(shared.maxConnectionsPerRoute()).isEqualTo(2);
        Duration connect = Duration.ofSeconds(1);
        Duration slowBudget = Duration.ofSeconds(4);
        ProviderClient<ThingApi> slowClient = client(slow, b -> b.httpClient(shared).connectTimeout(connect)
                .readTimeout(Duration.ofSeconds(10)).callTimeout(slowBudget).retryPolicy(RetryPolicy.none()));
        ProviderClient<ThingApi> healthyClient = client(healthy, b -> b.httpClient(shared).connectTimeout(connect)
                .readTimeout(Duration.ofSeconds(1)).retryPolicy(RetryPolicy.none()));

        List<CompletableFuture<Timed<Either<ProviderFailure, Thing>>>> slowCalls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slowCalls.add(CompletableFuture.supplyAsync(() -> timed(() -> slowClient.read("thing", ThingApi::thing)),
                    background));
        }
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (slow.requests.size() < 2 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Timed<Either<ProviderFailure, Thing>> healthyCall = timed(() -> healthyClient.read("thing", ThingApi::thing));

        assertThat(healthyCall.result()).isEqualTo(Either.right(new Thing("ok")));
        assertThat(healthyCall.took()).as("within its own connect timeout").isLessThan(connect.plus(SLACK));
        List<Timed<Either<ProviderFailure, Thing>>> slowResults = new ArrayList<>();
        for (CompletableFuture<Timed<Either<ProviderFailure, Thing>>> f : slowCalls) {
            slowResults.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(slowResults).allSatisfy(r -> {
            assertThat(r.result().getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
            assertThat(r.took()).isLessThan(slowBudget.plus(SLACK));
        });
        assertThat(slowResults).as("two calls found the provider's share of the pool taken and failed fast, nothing sent")
                .filteredOn(r -> r.took().compareTo(connect.plus(SLACK)) < 0 && r.result().getLeft().provablyNotApplied())
                .hasSize(2);
        assertThat(slow.requests).hasSize(2);
    }

    @Test
    void aWriteWaitingPastTheDeadlineForAPooledConnectionIsUnavailableAndNothingWasSent() throws Exception {
        RawServer slow = server((head, socket, out) -> {
            socket.getInputStream().read();
            throw new IOException("client gone");
        });
        SharedHttpClient shared = SharedHttpClient.withMaxConnections(1);
        closing.add(shared);
        ProviderClient<ThingApi> holder = client(slow, b -> b.httpClient(shared).readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(4)).retryPolicy(RetryPolicy.none()));
        ProviderClient<ThingApi> writer = client(slow, b -> b.httpClient(shared).connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofMillis(500)));
        CompletableFuture<Either<ProviderFailure, Thing>> holding =
                CompletableFuture.supplyAsync(() -> holder.read("thing", ThingApi::thing), background);
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (slow.requests.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }

        Timed<Either<ProviderFailure, Thing>> write = timed(() -> writer.write("make", api -> api.make(new Thing("x"))));

        assertThat(write.result().getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(write.result().getLeft().provablyNotApplied()).isTrue();
        assertThat(write.took()).isLessThan(Duration.ofMillis(500).plus(SLACK));
        assertThat(holding.get(30, TimeUnit.SECONDS).getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(slow.requests).as("the write never went out").hasSize(1);
    }

    @Test
    void aCompressedAnswerIsNeverAskedForNorInflated() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"value\":\"inflated\"}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = zipped.toByteArray();
        RawServer server = server((head, socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n");
            out.write(body);
            out.flush();
        });
        ProviderClient<ThingApi> client = client(server, b -> b);

        Either<ProviderFailure, Thing> answer = client.read("thing", ThingApi::thing);

        assertThat(answer.getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(server.requests).hasSize(1);
        assertThat(server.requests.get(0).header("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void aRedirectToAnotherHostIsAnUnexpectedAnswerNeverFollowed() throws IOException {
        RawServer elsewhere = server((head, socket, out) -> RawServer.json(out, 200, "{\"value\":\"elsewhere\"}"));
        RawServer server = server((head, socket, out) -> RawServer.write(out, "HTTP/1.1 302 Found\r\nLocation: "
                + elsewhere.baseUrl() + "/thing\r\nContent-Length: 0\r\n\r\n"));
        ProviderClient<ThingApi> client = client(server, b -> b);

        assertThat(client.read("thing", ThingApi::thing).getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(client.write("make", api -> api.make(new Thing("x"))).getLeft())
                .isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(elsewhere.requests).isEmpty();
    }

    @Test
    void answersReadToTheirEndKeepTheConnectionAlive() throws IOException {
        RawServer server = server((head, socket, out) -> RawServer.json(out, 200, "{\"value\":\"ok\"}"));
        ProviderClient<ThingApi> client = client(server, b -> b);

        for (int i = 0; i < 5; i++) {
            assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
            assertThat(client.write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.right(new Thing("ok")));
        }
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void noRetryNorRetryWaitIsStartedThatWouldEndPastTheDeadline() throws IOException {
        RawServer server = server((head, socket, out) -> RawServer.write(out,
                "HTTP/1.1 503 Busy\r\nRetry-After: 3\r\nContent-Length: 0\r\n\r\n"));
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        ProviderClient<ThingApi> client = client(server, b -> b.callTimeout(Duration.ofSeconds(2)).sleeper(waits::add));

        assertThat(client.read("thing", ThingApi::thing).getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(waits).as("a 3 s wait would end past the 2 s deadline").isEmpty();
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void theCallTimeoutIsAboveZeroAndAtMostTenMinutes() {
        assertThat(new LocalProvider.Builder().settings().callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(new LocalProvider.Builder().callTimeout(Duration.ofMinutes(10)).settings().callTimeout())
                .isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> new LocalProvider.Builder().callTimeout(Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("call timeout");
        assertThatThrownBy(() -> new LocalProvider.Builder().callTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.withMaxConnections(4, 5)).isInstanceOf(IllegalArgumentException.class);
    }

}
