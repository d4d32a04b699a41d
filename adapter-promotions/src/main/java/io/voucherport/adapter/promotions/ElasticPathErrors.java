package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ErrorClassifier;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * What Elastic Path's error answers mean: the error-body parser ({@code {"errors": [{status,
 * title, detail}]}}, {@code errors} as a single object, {@code status} as a number or a string),
 * the classifier, and which failure says that a token was rejected. The only place a status is read.
 */
final class ElasticPathErrors {

    private ElasticPathErrors() {
    }

    /**
     * Plain HTTP meaning ({@link ErrorClassifier#standard}): Elastic Path's error bodies carry no
     * codes of their own; "Too many jobs" and an existing code are 400/422, invalid requests.
     */
    static ErrorClassifier classifier(String provider) {
        return ErrorClassifier.standard(provider);
    }

    /** A 401 means the token is no longer accepted (expired or revoked); a 403 (implicit token writing) does not. */
    static boolean tokenRejected(ProviderFailure failure) {
        return failure instanceof ProviderFailure.AccessDenied && failure.httpStatus().contains(401);
    }

    /** Reads the error body; anything unreadable is an empty body. */
    static ProblemDecoder.BodyParser parser(ObjectMapper json) {
        return ProblemDecoder.jsonObject(json, root -> {
            JsonNode errors = root.get("errors");
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
        });
    }
}
