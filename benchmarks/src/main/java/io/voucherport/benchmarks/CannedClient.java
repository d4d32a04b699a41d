package io.voucherport.benchmarks;

import feign.Client;
import feign.Request;
import feign.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A Feign client answering from memory with the stub's bodies: the adapters' Feign path (request
 * building, decoding, mapping) measured without any network.
 */
final class CannedClient implements Client {

    private final Scenario.Bodies bodies = new Scenario.Bodies((long) Payloads.EP_PAGE * Payloads.EP_PAGES);
    private final Map<String, java.util.Collection<String>> headers = Map.of("content-type", List.of("application/json"));

    @Override
    public Response execute(Request request, Request.Options options) {
        URI uri = URI.create(request.url());
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = bodies.body(request.httpMethod().name(), target);
        return Response.builder().status(body == null ? 404 : 200).reason(body == null ? "Not Found" : "OK")
                .headers(headers).request(request).body(body == null ? new byte[0] : body).build();
    }
}
