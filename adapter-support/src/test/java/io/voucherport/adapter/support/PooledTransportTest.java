package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Body;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the adapters' Feign client puts on the wire, and what it hands Feign back. */
class PooledTransportTest {

    @Headers({"Content-Type: application/json", "Accept: application/json"})
    interface Api {
        @RequestLine("GET /things/{id}?q={q}")
        Response get(@Param("id") String id, @Param("q") String q);

        @RequestLine("POST /things")
        @Body("{body}")
        Response post(@Param("body") String body);

        @RequestLine("POST /things/empty")
        Response postNothing();
    }

    private final SharedHttpClient client = SharedHttpClient.create();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aGetCarriesNoBodyHeaders() throws Exception {
        try (RawServer server = new RawServer((head, socket, out) -> RawServer.json(out, 200, "{}"))) {
            api(server).get("1", "a b").close();
            RawServer.Head head = server.requests.get(0);
            assertThat(head.requestLine()).isEqualTo("GET /things/1?q=a%20b HTTP/1.1");
            assertThat(head.header("Content-Type")).isNull();
            assertThat(head.header("Content-Length")).isNull();
            assertThat(head.header("Transfer-Encoding")).isNull();
            assertThat(head.header("Accept")).isEqualTo("application/json");
            assertThat(head.header("Accept-Encoding")).isEqualTo("identity");
            assertThat(head.header("User-Agent")).isEqualTo(SharedHttpClient.DEFAULT_USER_AGENT).startsWith("voucherport/");
            assertThat(head.header("Host")).isEqualTo(server.baseUrl().substring("http://".length()));
        }
    }

    @Test
    void aPostCarriesItsBodyAndItsLength() throws Exception {
        try (RawServer server = new RawServer((head, socket, out) -> RawServer.json(out, 200, "{}"))) {
            api(server).post("{\"a\":1}").close();
            api(server).postNothing().close();
            RawServer.Head post = server.requests.get(0);
            assertThat(post.requestLine()).isEqualTo("POST /things HTTP/1.1");
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            assertThat(post.header("Content-Length")).isEqualTo("7");
            assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
            RawServer.Head empty = server.requests.get(1);
            assertThat(empty.header("Content-Length")).isEqualTo("0");
            assertThat(empty.header("Content-Type")).isNull();
            assertThat(server.connections).hasValue(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "?q=1", "/a/b?c=d&e=f", "/a#fragment", "/a?page[limit]=1&page%5Boffset%5D=2",
        "/caf%C3%A9/~x!$&'()*+,;=:@", "/a%2Fb?x=%3f", "/%7Bid%7D"})
    void theRequestTargetIsWhatTheUrlSays(String rest) throws Exception {
        try (RawServer server = new RawServer((head, socket, out) -> RawServer.json(out, 200, "{}"))) {
            String url = server.baseUrl() + rest;
            send(url).close();
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String expected = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            assertThat(server.requests.get(0).requestLine()).isEqualTo("GET " + expected + " HTTP/1.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/a\"b", "/a<b>", "/a%zz", "/a%2", "/{id}", "/a\\b", "/a\nHost: evil"})
    void anInvalidUrlIsRefusedBeforeAnythingIsSent(String rest) throws Exception {
        try (RawServer server = new RawServer((head, socket, out) -> RawServer.json(out, 200, "{}"))) {
            send(server.baseUrl() + "/ok").close();
            assertThatThrownBy(() -> send(server.baseUrl() + rest)).isInstanceOf(NoConnectionException.class);
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void eachOriginGetsItsOwnRouteAndHost() throws Exception {
        try (RawServer a = new RawServer((head, socket, out) -> RawServer.json(out, 200, "{\"from\":\"a\"}"));
                RawServer b = new RawServer((head, socket, out) -> RawServer.json(out, 200, "{\"from\":\"b\"}"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(body(send(a.baseUrl() + "/x"))).isEqualTo("{\"from\":\"a\"}");
                assertThat(body(send(b.baseUrl() + "/x"))).isEqualTo("{\"from\":\"b\"}");
            }
            assertThat(a.requests).hasSize(3).allSatisfy(h -> assertThat(h.header("Host")).endsWith(":" + port(a)));
            assertThat(b.requests).hasSize(3).allSatisfy(h -> assertThat(h.header("Host")).endsWith(":" + port(b)));
            assertThat(a.connections).hasValue(1);
            assertThat(b.connections).hasValue(1);
        }
    }

    @Test
    void aUrlThatOnlyStartsLikeAKnownOriginIsNotSentThere() throws Exception {
        try (RawServer a = new RawServer((head, socket, out) -> RawServer.json(out, 200, "{}"))) {
            send(a.baseUrl() + "/x").close();
            assertThatThrownBy(() -> send(a.baseUrl() + "0/x")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> send(a.baseUrl() + ".example/x")).isInstanceOf(IOException.class);
            assertThat(a.requests).hasSize(1);
        }
    }

    @Test
    void aConnectionTheProviderClosedWhileIdleIsReplacedNotWrittenTo() throws Exception {
        try (RawServer server = new RawServer((head, socket, out) -> {
            RawServer.json(out, 200, "{}");
            socket.setSoTimeout(300);   // this provider closes connections idle for 300 ms
        })) {
            body(send(server.baseUrl() + "/first"));
            Thread.sleep(1_500);   // idle past the provider's timeout and past the pool's check-after-inactivity
            Request write = Request.create(Request.HttpMethod.POST, server.baseUrl() + "/write",
                    Map.<String, Collection<String>>of(), "{}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
            try (Response response = client.feignClient().execute(write, new Request.Options())) {
                assertThat(response.status()).isEqualTo(200);
            }
            assertThat(server.requests).hasSize(2);
            assertThat(server.connections).hasValue(2);
        }
    }

    @Test
    void answerHeadersReachFeignWithRepeatsMergedAndAnyCase() throws Exception {
        try (RawServer server = new RawServer((head, socket, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\nX-Request-Id: r-1\r\nWarning: one\r\nwarning: two\r\n"
                + "Content-Length: 2\r\n\r\n{}"))) {
            try (Response response = send(server.baseUrl() + "/h")) {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.reason()).isEqualTo("OK");
                assertThat(response.headers().get("x-request-id")).containsExactly("r-1");
                assertThat(response.headers().get("WARNING")).containsExactly("one", "two");
                assertThat(response.headers().get("content-length")).containsExactly("2");
                assertThat(body(response)).isEqualTo("{}");
            }
        }
    }

    @Test
    void theHeaderViewIsAMapOfTheAnswersHeaders() {
        org.apache.hc.core5.http.Header[] headers = {new org.apache.hc.core5.http.message.BasicHeader("A", "1"),
            new org.apache.hc.core5.http.message.BasicHeader("B", "2")};
        assertThat(PooledTransport.HeaderView.of(headers)).isEqualTo(Map.of("A", List.of("1"), "B", List.of("2")));
        org.apache.hc.core5.http.Header[] repeated = {new org.apache.hc.core5.http.message.BasicHeader("A", "1"),
            new org.apache.hc.core5.http.message.BasicHeader("a", "2")};
        assertThat(PooledTransport.HeaderView.of(repeated)).isEqualTo(Map.of("A", List.of("1", "2")));
    }

    private Api api(RawServer server) {
        return Feign.builder().client(client.feignClient()).target(Api.class, server.baseUrl());
    }

    private Response send(String url) throws IOException {
        Request request = Request.create(Request.HttpMethod.GET, url, Map.<String, Collection<String>>of(), null, StandardCharsets.UTF_8, null);
        return client.feignClient().execute(request, new Request.Options());
    }

    private static String body(Response response) throws IOException {
        try (response) {
            return new String(response.body().asInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int port(RawServer server) {
        return URI.create(server.baseUrl()).getPort();
    }
}
