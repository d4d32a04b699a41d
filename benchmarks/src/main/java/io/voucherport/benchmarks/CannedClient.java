package io.voucherport.benchmarks;

import feign.Client;
import feign.Request;
import feign.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A Feign client answering from memory with the stub's bodies: the adapters' Feign path (request
 * building, decoding, mapping) measured without any network.
 */
public final class CannedClient implements Client {

    private final Scenario.Bodies bodies = new Scenario.Bodies((long) Payloads.EP_PAGE * Payloads.EP_PAGES);
    private static final Map<String, Collection<String>> JSON = Map.of("content-type", List.of("application/json"));
    private static final Request ANY = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/", Map.of(), null,
            StandardCharsets.UTF_8, null);

    @Override
    public Response execute(Request request, Request.Options options) {
        URI uri = URI.create(request.url());
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = bodies.body(request.httpMethod().name(), target);
        return body == null ? response(request, 404, new byte[0]) : response(request, 200, body);
    }

    /** A 200 JSON answer holding {@code body}, as a Feign client hands it to the decoder. */
    public static Response ok(byte[] body) {
        return response(ANY, 200, body);
    }

    private static Response response(Request request, int status, byte[] body) {
        return Response.builder().status(status).reason(status == 200 ? "OK" : "Not Found").headers(JSON)
                .request(request).body(body).build();
    }
}
