package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ErrorClassifier;
import io.voucherport.adapter.support.HttpProblem;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EZ's error answers ({@code {error, message, clientOrderNumber}}, sometimes with {@code requestId})
 * in the domain's failures: the error-body parser and the one error classifier of the adapter, the
 * only place where an HTTP status or an EZ error code is read.
 */
final class EzErrors {

    /** EZ's error code for a repeated {@code clientOrderNumber} with the duplicate check on. */
    static final String DUPLICATE = "CLIENT_ORDER_NUMBER_DUPLICATE";

    private EzErrors() {
    }

    /** Reads EZ's error body; anything unreadable is an empty body. */
    static ProblemDecoder.BodyParser parser(ObjectMapper json) {
        return body -> {
            try {
                EzDto.Error error = json.readValue(body, EzDto.Error.class);
                if (error == null) {
                    return ProblemDecoder.ParsedBody.EMPTY;
                }
                List<String> messages = new ArrayList<>();
                Option.of(error.message()).filter(m -> !m.isBlank()).peek(messages::add);
                return new ProblemDecoder.ParsedBody(Option.of(error.requestId()).filter(r -> !r.isBlank()),
                        Option.of(error.error()).filter(e -> !e.isBlank()), messages);
            } catch (IOException | RuntimeException notJson) {
                return ProblemDecoder.ParsedBody.EMPTY;
            }
        };
    }

    /**
     * The standard HTTP meaning, refined by EZ's codes:
     * <ul>
     *   <li>when placing an order ({@link Operation#placing()} is defined), and only then: EZ's
     *       {@value #DUPLICATE} code on any 4xx (EZ documents 409, but 400 or 422 with that code is
     *       the same refusal), or a 409 → {@code DuplicateReference} of the reference being placed,
     *       without the existing order (the supplier looks it up);</li>
     *   <li>an {@code INSUFFICIENT…} code on a 4xx → {@code InsufficientFunds}.</li>
     * </ul>
     */
    static ErrorClassifier classifier() {
        ErrorClassifier standard = ErrorClassifier.standard(EzCardsSupplier.PROVIDER);
        return (problem, operation) -> {
            if (!refused(problem)) {
                return standard.classify(problem, operation);
            }
            if (operation.placing().isDefined() && (problem.status() == 409 || hasCode(problem, DUPLICATE))) {
                return new ProviderFailure.DuplicateReference(problem.details(EzCardsSupplier.PROVIDER),
                        operation.placing().get(), Option.none());
            }
            if (problem.code().exists(c -> c.toUpperCase(Locale.ROOT).contains("INSUFFICIENT"))) {
                return new ProviderFailure.InsufficientFunds(problem.details(EzCardsSupplier.PROVIDER));
            }
            return standard.classify(problem, operation);
        };
    }

    /** A 4xx: EZ refused the request. */
    private static boolean refused(HttpProblem problem) {
        return problem.status() >= 400 && problem.status() < 500;
    }

    private static boolean hasCode(HttpProblem problem, String code) {
        return problem.code().exists(c -> c.strip().equalsIgnoreCase(code));
    }
}
