package io.voucherport.testkit.sim;

import com.github.tomakehurst.wiremock.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer a simulator gives: status, JSON body and headers.
 *
 * @param status HTTP status
 * @param body the body, already JSON text (or null for none)
 * @param headers extra headers
 */
public record SimResponse(int status, String body, Map<String, String> headers) {

    /**
     * Copies the headers.
     *
     * @param status HTTP status
     * @param body the body, already JSON text (or null for none)
     * @param headers extra headers
     */
    public SimResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * {@code status} with {@code body} written as JSON.
     *
     * @param status HTTP status
     * @param body the value to write as JSON (maps, lists, scalars)
     * @return the answer with {@code body} as JSON text and no extra header
     */
    public static SimResponse json(int status, Object body) {
        return new SimResponse(status, Json.write(body), Map.of());
    }

    /**
     * 204 without a body.
     *
     * @return an answer 204 with no body and no extra header
     */
    public static SimResponse noContent() {
        return new SimResponse(204, null, Map.of());
    }

    /**
     * {@return a copy with one more header}
     *
     * @param name the header's name, not null
     * @param value the header's value, not null
     */
    public SimResponse header(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new SimResponse(status, body, all);
    }
}
