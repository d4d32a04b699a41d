package io.voucherport.adapter.support;

import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;

/** Turns an error answer into a domain failure; adapters refine {@link #standard} for their provider. */
@FunctionalInterface
public interface ProblemMapper {

    /**
     * The failure {@code problem} means.
     *
     * @param unsafe whether the call changes something (a POST, PUT or DELETE)
     */
    ProviderFailure map(HttpProblem problem, boolean unsafe);

    /**
     * Plain HTTP meaning: 400, 422 and other 4xx → invalid request; 401, 403 → access denied;
     * 404 → not found; 429 → rate limited; 5xx → unavailable on a safe call and outcome unknown
     * on a call that changes something (the server may have acted before failing).
     */
    static ProblemMapper standard(String provider) {
        return (problem, unsafe) -> {
            FailureDetails details = problem.details(provider);
            int status = problem.status();
            if (status == 401 || status == 403) {
                return new ProviderFailure.AccessDenied(details);
            }
            if (status == 404) {
                return new ProviderFailure.NotFound(details);
            }
            if (status == 429) {
                return new ProviderFailure.RateLimited(details, problem.retryAfter());
            }
            if (status >= 500) {
                return unsafe ? new ProviderFailure.OutcomeUnknown(details)
                        : new ProviderFailure.Unavailable(details, problem.retryAfter());
            }
            if (status >= 400) {
                return new ProviderFailure.InvalidRequest(details, problem.reasons());
            }
            return new ProviderFailure.UnexpectedResponse(details);
        };
    }
}
