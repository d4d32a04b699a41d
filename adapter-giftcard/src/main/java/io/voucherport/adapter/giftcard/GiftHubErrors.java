package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.ProblemMapper;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GiftHub's error answers ({@code {message}}, sometimes {@code error}/{@code errors}) in the domain's failures. */
final class GiftHubErrors {

    private GiftHubErrors() {
    }

    /** Reads the error body; anything unreadable is an empty body. */
    static ProblemDecoder.BodyParser parser(ObjectMapper json) {
        return body -> {
            try {
                JsonNode root = json.readTree(body);
                if (root == null || !root.isObject()) {
                    return ProblemDecoder.ParsedBody.EMPTY;
                }
                List<String> messages = new ArrayList<>();
                addText(root.get("message"), messages);
                addText(root.get("error"), messages);
                JsonNode errors = root.get("errors");
                if (errors != null && errors.isArray()) {
                    errors.forEach(e -> addText(e.isObject() ? e.get("message") : e, messages));
                }
                return new ProblemDecoder.ParsedBody(Option.of(root.get("requestId")).map(JsonNode::asText)
                        .filter(r -> !r.isBlank()), Option.none(), messages);
            } catch (IOException | RuntimeException notJson) {
                return ProblemDecoder.ParsedBody.EMPTY;
            }
        };
    }

    /** The standard HTTP meaning, plus: 419 → expired; a 400 about funds → insufficient funds. */
    static ProblemMapper mapper() {
        ProblemMapper standard = ProblemMapper.standard(GiftHubSupplier.PROVIDER);
        return (problem, unsafe) -> {
            if (problem.status() == 419) {
                return new ProviderFailure.Expired(problem.details(GiftHubSupplier.PROVIDER));
            }
            boolean funds = problem.messages().stream()
                    .anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("insufficient"));
            if (funds && problem.status() == 400) {
                return new ProviderFailure.InsufficientFunds(problem.details(GiftHubSupplier.PROVIDER));
            }
            return standard.map(problem, unsafe);
        };
    }

    private static void addText(JsonNode node, List<String> messages) {
        if (node != null && node.isValueNode() && !node.asText().isBlank()) {
            messages.add(node.asText());
        }
    }
}
