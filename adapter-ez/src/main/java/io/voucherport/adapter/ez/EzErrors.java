package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.ProblemMapper;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** EZ's error answers: {@code {error, message, clientOrderNumber}} (3P), in the domain's failures. */
final class EzErrors {

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
     * The standard HTTP meaning, plus: an {@code INSUFFICIENT…} error code → insufficient funds.
     * A 409 duplicate is turned into {@code DuplicateReference} by the supplier, which knows the
     * reference and looks the existing order up.
     */
    static ProblemMapper mapper() {
        ProblemMapper standard = ProblemMapper.standard(EzCardsSupplier.PROVIDER);
        return (problem, unsafe) -> {
            boolean funds = problem.code().exists(c -> c.toUpperCase(Locale.ROOT).contains("INSUFFICIENT"));
            if (funds && problem.status() >= 400 && problem.status() < 500) {
                return new ProviderFailure.InsufficientFunds(problem.details(EzCardsSupplier.PROVIDER));
            }
            return standard.map(problem, unsafe);
        };
    }
}
