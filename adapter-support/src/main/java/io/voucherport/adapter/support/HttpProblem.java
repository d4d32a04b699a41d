package io.voucherport.adapter.support;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import java.time.Duration;
import java.util.List;

/**
 * An error answer as read off the wire, before it becomes a domain failure.
 *
 * @param status the HTTP status of the error answer (4xx or 5xx in practice)
 * @param requestId the provider's request id, from the body or a header
 * @param code the provider's machine-readable error code, e.g. {@code CLIENT_ORDER_NUMBER_DUPLICATE}
 * @param messages the provider's human-readable messages
 * @param retryAfter the {@code Retry-After} the provider sent
 */
public record HttpProblem(
        int status, Option<String> requestId, Option<String> code, List<String> messages, Option<Duration> retryAfter) {

    /**
     * Validates and copies.
     *
     * @param status the HTTP status of the error answer
     * @param requestId the provider's request id, from the body or a header
     * @param code the provider's machine-readable error code, e.g. {@code CLIENT_ORDER_NUMBER_DUPLICATE}
     * @param messages the provider's human-readable messages
     * @param retryAfter the {@code Retry-After} the provider sent
     */
    public HttpProblem {
        Require.present(requestId, "request id");
        Require.present(code, "code");
        messages = List.copyOf(Require.present(messages, "messages"));
        Require.present(retryAfter, "retry after");
    }

    /**
     * {@return the failure details of this problem for {@code provider}}
     *
     * @param provider the provider's name the failure is reported under, not blank
     */
    public FailureDetails details(String provider) {
        return FailureDetails.of(provider, status, requestId, describe());
    }

    /**
     * For example {@code HTTP 409 CLIENT_ORDER_NUMBER_DUPLICATE: duplicate client order number}.
     *
     * @return a one-line description for failures and logs: the status, the provider's error code
     *     and its messages
     */
    public String describe() {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        code.peek(c -> text.append(' ').append(c));
        if (!messages.isEmpty()) {
            text.append(": ").append(String.join("; ", messages));
        }
        return text.toString();
    }

    /** {@return the provider's messages, or the description when it sent none} */
    public List<String> reasons() {
        return messages.isEmpty() ? List.of(describe()) : messages;
    }
}
