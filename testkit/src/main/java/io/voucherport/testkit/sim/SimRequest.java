package io.voucherport.testkit.sim;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a request a simulator reads: method, decoded path segments, query and JSON body.
 *
 * @param method e.g. {@code GET}
 * @param path the raw path, e.g. {@code /v2/orders/t%201/codes}
 * @param query decoded query parameters (first value of each)
 * @param body the body text, empty when none
 * @param wireMockRequest the request as WireMock saw it, for headers
 */
public record SimRequest(String method, String path, Map<String, String> query, String body, Request wireMockRequest) {

    /**
     * Reads a WireMock request.
     *
     * @param request the request as WireMock received it, not null
     * @return the request's method, path, decoded query parameters and body, with the WireMock
     *     request kept for headers
     */
    public static SimRequest of(Request request) {
        URI uri = URI.create(request.getUrl());
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new SimRequest(request.getMethod().getName(), uri.getRawPath(), query, request.getBodyAsString(), request);
    }

    /** {@return the decoded path segments, without the empty first one} */
    public List<String> segments() {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(SimRequest::decode).toList();
    }

    /**
     * {@return a header's value}
     *
     * @param name the header's name, compared ignoring case
     */
    public Optional<String> header(String name) {
        var h = wireMockRequest.getHeader(name);
        return Optional.ofNullable(h);
    }

    /**
     * {@return a query parameter}
     *
     * @param name the query parameter's name, not null
     */
    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * {@return an integer query parameter, or {@code fallback}}
     *
     * @param name the query parameter's name, not null
     * @param fallback the value when the parameter is absent or not an integer
     */
    public int intParam(String name, int fallback) {
        try {
            return param(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@return the body as a JSON object (empty when no body)} */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        return Json.read(body, Map.class);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
