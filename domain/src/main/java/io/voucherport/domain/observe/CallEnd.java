package io.voucherport.domain.observe;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Duration;

/**
 * How a provider call ended, after all its attempts.
 *
 * @param outcome {@link Outcome#OK} or the failure type's simple name (e.g.
 *     {@code OutcomeUnknown}); low-cardinality
 * @param httpStatus the HTTP status of the last answer, when one came and is known
 * @param attempts how many attempts were made, at least 1
 * @param latency how long the whole call took, retry waits included (listeners' own time excluded)
 */
public record CallEnd(String outcome, Option<Integer> httpStatus, int attempts, Duration latency) {

    /**
     * Validates.
     *
     * @param outcome {@link Outcome#OK} or the failure type's simple name (e.g.
     *     {@code OutcomeUnknown}); low-cardinality
     * @param httpStatus the HTTP status of the last answer, when one came and is known
     * @param attempts how many attempts were made, at least 1
     * @param latency how long the whole call took, retry waits included (listeners' own time
     *     excluded)
     */
    public CallEnd {
        Require.text(outcome, "outcome");
        Require.present(httpStatus, "http status");
        Require.positive(attempts, "attempts");
        Require.present(latency, "latency");
    }
}
