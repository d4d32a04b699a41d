package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ErrorClassifier;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.ProviderProblemException;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GiftHub's error answers ({@code {message}}, sometimes {@code error}/{@code errors}) in the
 * domain's failures: the error-body parser and the classifier. The only place a GiftHub status is
 * read.
 */
final class GiftHubErrors {

    /** Headers that may carry GiftHub's request id. */
    static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "requestId");

    /** Asking for a token with GET; an answer saying GiftHub does not serve that is {@code NotFound}. */
    static final Operation TOKEN_BY_GET = Operation.read("token (GET)");

    private GiftHubErrors() {
    }

    /** Reads the error body; anything unreadable is an empty body. */
    static ProblemDecoder.BodyParser parser(ObjectMapper json) {
        return ProblemDecoder.jsonObject(json, root -> {
            List<String> messages = new ArrayList<>();
            ProblemDecoder.text(root.get("message")).peek(messages::add);
            ProblemDecoder.text(root.get("error")).peek(messages::add);
            JsonNode errors = root.get("errors");
            if (errors != null && errors.isArray()) {
                errors.forEach(e -> ProblemDecoder.text(e.isObject() ? e.get("message") : e).peek(messages::add));
            }
            return new ProblemDecoder.ParsedBody(Option.of(root.get("requestId")).map(JsonNode::asText)
                    .filter(r -> !r.isBlank()), Option.none(), messages);
        });
    }

    /**
     * The standard HTTP meaning, plus: 419 → expired (confirmed after {@code expiresAt}); a 400
     * about funds → insufficient funds; 404 or 405 to {@link #TOKEN_BY_GET} → not found (this
     * server wants POST). GiftHub keeps no reference unique, so no answer means "duplicate":
     * duplicates are known from the {@code OrderReferenceStore} alone.
     */
    static ErrorClassifier classifier() {
        ErrorClassifier standard = ErrorClassifier.standard(GiftHubSupplier.PROVIDER);
        return (problem, operation) -> {
            FailureDetails details = problem.details(GiftHubSupplier.PROVIDER);
            int status = problem.status();
            if (status == 419) {
                return new ProviderFailure.Expired(details);
            }
            boolean funds = problem.messages().stream()
                    .anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("insufficient"));
            if (funds && status == 400) {
                return new ProviderFailure.InsufficientFunds(details);
            }
            if (operation.equals(TOKEN_BY_GET) && status == 405) {
                return new ProviderFailure.NotFound(details);
            }
            return standard.classify(problem, operation);
        };
    }

    /**
     * Whether {@code failure} means GiftHub no longer accepts the token: a 403 (GiftHub answers
     * every authorisation failure with 403, and a strict resource takes only the latest token).
     */
    static boolean tokenRejected(ProviderFailure failure) {
        return failure instanceof ProviderFailure.AccessDenied && failure.httpStatus().contains(403);
    }

    /**
     * The token answer (read raw, for its {@code Authorization} header) when it is a success;
     * otherwise it is closed and thrown as a {@link ProviderProblemException}, which the request
     * path classifies like any other error answer.
     */
    static Response successful(Response answer, ProblemDecoder problems) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer;
        }
        try (answer) {
            Exception problem = problems.decode("GiftHubTokens#token", answer);
            throw problem instanceof ProviderProblemException known ? known
                    : new IllegalStateException("unexpected error decoding", problem);
        }
    }
}
