package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ProblemDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Elastic Path's error bodies: {@code {"errors": [{status, title, detail}]}}, {@code errors} as a
 * single object, {@code status} as a number or a string.
 */
final class ElasticPathErrors {

    private ElasticPathErrors() {
    }

    /** Reads the error body; anything unreadable is an empty body. */
    static ProblemDecoder.BodyParser parser(ObjectMapper json) {
        return body -> {
            try {
                JsonNode root = json.readTree(body);
                JsonNode errors = root == null ? null : root.get("errors");
                if (errors == null || errors.isNull()) {
                    return ProblemDecoder.ParsedBody.EMPTY;
                }
                List<String> messages = new ArrayList<>();
                for (JsonNode e : errors.isArray() ? errors : List.of(errors)) {
                    String title = e.path("title").asText("");
                    String detail = e.path("detail").asText("");
                    String text = title.isBlank() ? detail : detail.isBlank() ? title : title + ": " + detail;
                    if (!text.isBlank()) {
                        messages.add(text);
                    }
                }
                return new ProblemDecoder.ParsedBody(Option.none(), Option.none(), messages);
            } catch (IOException | RuntimeException notJson) {
                return ProblemDecoder.ParsedBody.EMPTY;
            }
        };
    }
}
