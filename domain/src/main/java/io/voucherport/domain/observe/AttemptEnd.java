package io.voucherport.domain.observe;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Duration;

/**
 * How one attempt of a provider call went.
 *
 * @param attempt the attempt's number, from 1
 * @param outcome {@link Outcome#OK} or the failure type's simple name (e.g. {@code Unavailable});
 *     low-cardinality
 * @param httpStatus the HTTP status of the answer, when one came and is known
 * @param latency how long the attempt took (a listener's own time excluded)
 * @param retryWait the wait before the next attempt, when the attempt is retried; none when it is
 *     the last
 */
public record AttemptEnd(int attempt, String outcome, Option<Integer> httpStatus, Duration latency,
        Option<Duration> retryWait) {

    /**
     * Validates.
     *
     * @param attempt the attempt's number, from 1
     * @param outcome {@link Outcome#OK} or the failure type's simple name (e.g.
     *     {@code Unavailable}); low-cardinality
     * @param httpStatus the HTTP status of the answer, when one came and is known
     * @param latency how long the attempt took (a listener's own time excluded)
     * @param retryWait the wait before the next attempt, when the attempt is retried; none when it
     *     is the last
     */
    public AttemptEnd {
        Require.positive(attempt, "attempt");
        Require.text(outcome, "outcome");
        Require.present(httpStatus, "http status");
        Require.present(latency, "latency");
        Require.present(retryWait, "retry wait");
    }
}
