package io.voucherport.adapter.support;

import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;

/**
 * The one place where a provider's error answer becomes a domain failure. Each adapter has one
 * ({@code <Provider>Errors}), usually {@link #standard} refined with the provider's own codes; the
 * request path calls it for every error answer, and nothing else re-reads an HTTP status.
 * Implementations must not throw.
 */
@FunctionalInterface
public interface ErrorClassifier {

    /**
     * {@return the failure {@code problem} means for {@code operation}}
     *
     * @param problem the provider's error answer as decoded (status, request id, message,
     *     retry-after), not null
     * @param operation the call that got it, not null; whether it changes something decides between
     *     {@code Unavailable} and {@code OutcomeUnknown}
     */
    ProviderFailure classify(HttpProblem problem, Operation operation);

    /**
     * Plain HTTP meaning: 400, 422 and other 4xx → invalid request; 401, 403 → access denied;
     * 404 → not found; 429 → rate limited; 5xx → unavailable on a safe call and outcome unknown
     * on a call that changes something (the server may have acted before failing).
     *
     * @param provider the provider's name in the failures it makes, not blank
     * @return a classifier by HTTP status alone; never throws
     */
    static ErrorClassifier standard(String provider) {
        return (problem, operation) -> {
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
                return operation.changesSomething() ? new ProviderFailure.OutcomeUnknown(details)
                        : new ProviderFailure.Unavailable(details, problem.retryAfter());
            }
            if (status >= 400) {
                return new ProviderFailure.InvalidRequest(details, problem.reasons());
            }
            return new ProviderFailure.UnexpectedResponse(details);
        };
    }
}
