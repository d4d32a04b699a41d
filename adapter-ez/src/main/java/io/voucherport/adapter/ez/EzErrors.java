package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.ProblemMapper;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** EZ's error answers: {@code {error, message, clientOrderNumber}} (3P), in the domain's failures. */
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
     * The standard HTTP meaning, plus: an {@code INSUFFICIENT…} error code → insufficient funds.
     * Duplicates are recognised only when placing, by {@link #placing}.
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

    /**
     * For placing an order with {@code reference}: the one place where a duplicate is recognised —
     * EZ's {@value #DUPLICATE} code on any 4xx (EZ documents 409, but 400 or 422 with that code
     * is the same refusal), or a 409 → {@code DuplicateReference} without the existing order (the
     * supplier looks it up); anything else as {@link #mapper()}.
     */
    static ProblemMapper placing(OrderReference reference) {
        ProblemMapper others = mapper();
        return (problem, unsafe) -> {
            boolean refused = problem.status() >= 400 && problem.status() < 500;
            boolean duplicateCode = problem.code().exists(c -> c.strip().equalsIgnoreCase(DUPLICATE));
            if (refused && (duplicateCode || problem.status() == 409)) {
                return new ProviderFailure.DuplicateReference(problem.details(EzCardsSupplier.PROVIDER), reference,
                        Option.none());
            }
            return others.map(problem, unsafe);
        };
    }
}
