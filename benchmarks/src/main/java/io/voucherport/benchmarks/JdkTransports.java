package io.voucherport.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The two plain JDK transports the floor client is measured on; the faster is the floor. */
final class JdkTransports {

    private JdkTransports() {
    }

    /** {@link HttpURLConnection}: the JDK's keep-alive cache reuses connections (sized by {@code http.maxConnections}). */
    static FloorClient.Transport urlConnection(String baseUrl) {
        return new FloorClient.Transport() {
            @Override
            public InputStream exchange(String method, String path, Map<String, String> headers, byte[] body)
                    throws IOException {
                HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
                c.setRequestMethod(method);
                c.setConnectTimeout(5_000);
                c.setReadTimeout(30_000);
                c.setUseCaches(false);
                headers.forEach(c::setRequestProperty);
                if (body != null) {
                    // buffered (no streaming mode): head and body leave in one write; streamed, the body
                    // waits for the head's ACK on a socket with Nagle on (HttpURLConnection cannot turn it off)
                    c.setDoOutput(true);
                    try (OutputStream out = c.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = c.getResponseCode();
                if (status / 100 != 2) {
                    try (InputStream error = c.getErrorStream()) {
                        if (error != null) {
                            error.readAllBytes();
                        }
                    }
                    throw new IOException("HTTP " + status + " from " + path);
                }
                return c.getInputStream();
            }

            @Override
            public void close() {
                // the JDK's keep-alive cache is global
            }
        };
    }

    /** {@link HttpClient} over HTTP/1.1, bodies read as byte arrays. */
    static FloorClient.Transport httpClient(String baseUrl) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new FloorClient.Transport() {
            @Override
            public InputStream exchange(String method, String path, Map<String, String> headers, byte[] body)
                    throws IOException {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach(request::header);
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (response.statusCode() / 100 != 2) {
                    throw new IOException("HTTP " + response.statusCode() + " from " + path);
                }
                return new ByteArrayInputStream(response.body());
            }

            @Override
            public void close() {
                // HttpClient has no close() before Java 21; its connections end with the JVM
            }
        };
    }
}
