package io.voucherport.domain.failure;

import io.vavr.control.Option;
import io.voucherport.domain.Require;

/**
 * What every failure tells: which provider, the HTTP status and the provider's request id where
 * there was one, a message fit for logs (never containing a secret), and how many attempts were
 * made before giving up.
 *
 * @param provider the provider's name, e.g. {@code ez-cards}
 * @param httpStatus the HTTP status of the last answer, if an answer came
 * @param requestId the provider's request id, if it sent one (support asks for it)
 * @param message what went wrong
 * @param attempts how many calls were made, at least 1 (more when safe reads were retried)
 */
public record FailureDetails(
        String provider, Option<Integer> httpStatus, Option<String> requestId, String message, int attempts) {

    /**
     * Validates.
     *
     * @param provider the provider's name, e.g. {@code ez-cards}
     * @param httpStatus the HTTP status of the last answer, if an answer came
     * @param requestId the provider's request id, if it sent one (support asks for it)
     * @param message what went wrong
     * @param attempts how many calls were made, at least 1 (more when safe reads were retried)
     */
    public FailureDetails {
        Require.text(provider, "provider");
        Require.present(httpStatus, "http status");
        Require.present(requestId, "request id");
        Require.present(message, "message");
        Require.positive(attempts, "attempts");
    }

    /**
     * Details of a failure without an HTTP answer, after one attempt.
     *
     * @param provider the provider's name, e.g. {@code ez-cards}
     * @param message what went wrong
     * @return details with no HTTP status and no request id, counting one attempt
     */
    public static FailureDetails of(String provider, String message) {
        return new FailureDetails(provider, Option.none(), Option.none(), message, 1);
    }

    /**
     * Details of a failure with an HTTP status and optional request id, after one attempt.
     *
     * @param provider the provider's name, e.g. {@code ez-cards}
     * @param httpStatus the HTTP status of the last answer, if an answer came
     * @param requestId the provider's request id, if it sent one (support asks for it)
     * @param message what went wrong
     * @return details counting one attempt
     */
    public static FailureDetails of(String provider, int httpStatus, Option<String> requestId, String message) {
        return new FailureDetails(provider, Option.some(httpStatus), requestId, message, 1);
    }

    /**
     * {@return a copy with the number of attempts made}
     *
     * @param count how many
     */
    public FailureDetails withAttempts(int count) {
        return new FailureDetails(provider, httpStatus, requestId, message, count);
    }
}
