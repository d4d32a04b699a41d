package io.voucherport.adapter.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider on a local HTTP server for request-path tests, and the clients opened against it:
 * {@link #close()} closes them all and stops the server.
 */
final class LocalProvider implements AutoCloseable {

    private final HttpServer server;
    private final String baseUrl;
    private final List<ProviderClient<?>> clients = new ArrayList<>();

    /** Serves {@code path} with {@code handler} on a free local port. */
    LocalProvider(String path, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, handler);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A spec with the standard classification and nothing else. */
    static ProviderSpec spec() {
        return ProviderSpec.of("test", JsonSupport.newObjectMapper());
    }

    /** Shared settings: {@code attempts} calls for a safe read without waiting between them, a 5 s read timeout. */
    static AdapterBuilder.Settings settings(int attempts) {
        return new Builder().retryPolicy(new RetryPolicy(attempts, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .readTimeout(Duration.ofSeconds(5)).settings();
    }

    /** Answers {@code status} with {@code body} as JSON, having read the request. */
    static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** {@link #answer(HttpExchange, int, byte[])} of UTF-8 text. */
    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        answer(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The server's base URL. */
    String baseUrl() {
        return baseUrl;
    }

    /** A client of {@code api} at this provider, closed with it. */
    <A> ProviderClient<A> client(Class<A> api, ProviderSpec spec, int attempts) {
        ProviderClient<A> client = ProviderClient.open(api, baseUrl, spec, settings(attempts));
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(ProviderClient::close);
        server.stop(0);
    }

    /** A builder for the shared settings alone. */
    static final class Builder extends AdapterBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
