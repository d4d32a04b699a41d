package io.voucherport.domain.observe;

import io.voucherport.domain.Require;

/**
 * A use-case operation about to run. Both texts are low-cardinality, fit for tags.
 *
 * @param useCase the use case, e.g. {@code CheckDiscountCodes}
 * @param operation what it does, e.g. {@code check} or {@code issue}
 */
public record UseCaseStart(String useCase, String operation) {

    /**
     * Validates.
     *
     * @param useCase the use case, e.g. {@code CheckDiscountCodes}
     * @param operation what it does, e.g. {@code check} or {@code issue}
     */
    public UseCaseStart {
        Require.text(useCase, "use case");
        Require.text(operation, "operation");
    }
}
