package io.voucherport.testkit.sim;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client for the simulators' own tests: JSON in, status and JSON out; no adapter involved. */
public final class SimClient {

    /** What came back: a status and the JSON body, or status -1 and the failure (timeout, reset). */
    public record Answer(int status, Map<String, Object> json, Map<String, List<String>> headers, String failure) {

        /** {@code data} of the envelope, as a map. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) json.get("data");
        }

        /** {@code data} of the envelope, as a list. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> dataList() {
            return (List<Map<String, Object>>) json.get("data");
        }

        /** The body as JSON text. */
        public String text() {
            return Json.write(json);
        }
    }

    private static final HttpClient HTTP = client();   // HTTP/1.1, as the adapters: a reset spoils only its own exchange

    /** Below this, a call is one a test expects to time out (a held request): it gets a connection of its own. */
    private static final Duration SHORT = Duration.ofSeconds(1);

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A client of the simulator at {@code baseUrl}. */
    public SimClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends {@code name: value} with every request. */
    public SimClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** GET, waiting up to 5 s. */
    public Answer get(String path) {
        return send("GET", path, null, Duration.ofSeconds(5));
    }

    /** POST of {@code body} as JSON, waiting up to 5 s. */
    public Answer post(String path, Object body) {
        return send("POST", path, body, Duration.ofSeconds(5));
    }

    /** PUT of {@code body} as JSON, waiting up to 5 s. */
    public Answer put(String path, Object body) {
        return send("PUT", path, body, Duration.ofSeconds(5));
    }

    /** Sends in the background. */
    public CompletableFuture<Answer> sendAsync(String method, String path, Object body, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> send(method, path, body, timeout));
    }

    /** Sends, waiting up to {@code timeout} for the answer. */
    @SuppressWarnings("unchecked")
    public Answer send(String method, String path, Object body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        try {
            // a call that may time out never shares its connection: the late answer must not reach the next call
            HttpClient http = timeout.compareTo(SHORT) < 0 ? client() : HTTP;
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = response.body() == null || response.body().isBlank() ? Map.of()
                    : Json.read(response.body(), Map.class);
            return new Answer(response.statusCode(), json, response.headers().map(), null);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), Map.of(), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, Map.of(), Map.of(), "interrupted");
        }
    }
}
