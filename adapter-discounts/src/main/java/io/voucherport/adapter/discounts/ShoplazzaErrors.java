package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ErrorClassifier;
import io.voucherport.adapter.support.HttpProblem;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Shoplazza's error shapes — {@code {"errors": [..]}}, {@code {"error": ".."}},
 * {@code {"code", "message"}}, and a 2xx whose envelope code is not a success — in the domain's
 * failures, with Shoplazza's messages kept. The one place a Shoplazza status or error code is read:
 * the error-body parser, the classifier for the Open API and for the token endpoint, and what
 * counts as a successful envelope code.
 */
final class ShoplazzaErrors {

    private ShoplazzaErrors() {
    }

    /** Reads the error body; anything unreadable is an empty body. */
    static ProblemDecoder.BodyParser parser(ObjectMapper json) {
        return ProblemDecoder.jsonObject(json, root -> {
            List<String> messages = new ArrayList<>();
            JsonNode errors = root.get("errors");
            if (errors != null && errors.isArray()) {
                errors.forEach(e -> text(e.isObject() ? e.path("message") : e).peek(messages::add));
            } else if (errors != null) {
                text(errors).peek(messages::add);
            }
            text(root.get("error")).peek(messages::add);
            text(root.get("message")).peek(messages::add);
            return new ProblemDecoder.ParsedBody(Option.none(), text(root.get("code")), messages);
        });
    }

    /**
     * The standard HTTP meaning, plus: a 404 about the API version is an {@code InvalidRequest}
     * naming the version (never a "not found" that a lookup would read as "no such code"); a 2xx
     * with a failing envelope code is classified by that code (4xx-like → invalid request, 401/403 →
     * access denied, 404 → not found, 429 → rate limited, 5xx-like → unavailable or outcome unknown).
     */
    static ErrorClassifier classifier(ShoplazzaVersion version) {
        String provider = ShoplazzaDiscounts.PROVIDER;
        ErrorClassifier standard = ErrorClassifier.standard(provider);
        return (problem, operation) -> {
            if (problem.status() == 404 && problem.messages().stream()
                    .anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("version"))) {
                String reason = "Shoplazza does not serve API version " + version.path()
                        + " (retired or unknown): configure a supported version";
                return new ProviderFailure.InvalidRequest(FailureDetails.of(provider, 404, problem.requestId(),
                        reason + " — " + problem.describe()), List.of(reason));
            }
            if (problem.status() >= 200 && problem.status() < 300) {
                return failingEnvelope(problem, operation);
            }
            return standard.classify(problem, operation);
        };
    }

    /** The token endpoint's errors: plain HTTP meaning (401 a rejected client, 400 a rejected refresh token). */
    static ErrorClassifier oauthClassifier() {
        return ErrorClassifier.standard(ShoplazzaDiscounts.PROVIDER);
    }

    /**
     * The failure a 2025-06 envelope under HTTP 2xx reports, for the dialect to throw inside the
     * call (then {@link #classifier} types it): none when its code is absent or a success.
     */
    static Option<HttpProblem> envelopeFailure(String code, String message) {
        if (code == null || success(code)) {
            return Option.none();
        }
        return Option.some(new HttpProblem(200, Option.none(), Option.some(code),
                Option.of(message).filter(m -> !m.isBlank()).toJavaList(), Option.none()));
    }

    /**
     * Which failures mean "this access token is no longer accepted" (then an OAuth token is
     * replaced once): a 401; a 403 is a missing scope, which a new token does not cure.
     */
    static Predicate<ProviderFailure> tokenRejected() {
        return f -> f instanceof ProviderFailure.AccessDenied && f.httpStatus().contains(401);
    }

    /** Whether a 2025-06 envelope code means success: {@code 200}, {@code 0}, {@code Success}, {@code OK} in any spelling. */
    static boolean success(String envelopeCode) {
        String text = envelopeCode.strip();
        return text.equals("200") || text.equals("0") || text.equalsIgnoreCase("success")
                || text.equalsIgnoreCase("ok");
    }

    /** A 2xx whose envelope code is a failure, typed by the code; the real HTTP status is kept. */
    private static ProviderFailure failingEnvelope(HttpProblem problem, Operation operation) {
        FailureDetails details = FailureDetails.of(ShoplazzaDiscounts.PROVIDER, problem.status(), problem.requestId(),
                "envelope code under " + problem.describe());
        int like = statusLike(problem.code().getOrElse(""));
        return switch (like) {
            case 401, 403 -> new ProviderFailure.AccessDenied(details);
            case 404 -> new ProviderFailure.NotFound(details);
            case 429 -> new ProviderFailure.RateLimited(details, Option.none());
            default -> like >= 500
                    ? operation.changesSomething() ? new ProviderFailure.OutcomeUnknown(details) : new ProviderFailure.Unavailable(details, Option.none())
                    : new ProviderFailure.InvalidRequest(details, problem.reasons());
        };
    }

    /**
     * An envelope code like {@code 4001}, {@code "404"}, {@code "InvalidParameter"} or an HTTP reason
     * phrase as an HTTP-like status. Shoplazza's 2025-06 pages describe the error {@code code} as the
     * "Error http message" ({@code "InvalidParameter"}) and its 404 as "Not Found — The ID provided
     * is not existed": a code that reads "not found" or "not exist" in any spelling
     * ({@code "Not Found"}, {@code "NotFound"}, {@code "NOT_FOUND"}, {@code "not-found"},
     * {@code "ResourceNotExist"}) is 404, so a look-up of a missing code answers "none".
     */
    static int statusLike(String code) {
        String c = code.strip();
        if (c.matches("[45]\\d{2,3}")) {
            return Integer.parseInt(c.substring(0, 3));
        }
        String lower = c.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (lower.contains("unauthorized") || lower.contains("forbidden")) {
            return 401;
        }
        if (lower.contains("notfound") || lower.contains("notexist")) {
            return 404;
        }
        if (lower.contains("toomany") || lower.contains("limit")) {
            return 429;
        }
        return lower.contains("internal") || lower.contains("unavailable") ? 500 : 400;
    }

    private static Option<String> text(JsonNode node) {
        return ProblemDecoder.text(node);
    }
}
