package io.voucherport.domain.discount;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Done;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;

/**
 * Discount codes attached to price rules at a storefront platform.
 *
 * <p>No method throws for a provider problem: each returns a {@link ProviderFailure}. Arguments
 * are validated before any call. Every method may also fail with {@code AccessDenied},
 * {@code RateLimited}, {@code Unavailable} and {@code UnexpectedResponse}. Thread-safe.
 */
public interface DiscountCodes {

    /**
     * {@return one code of a rule} Safe to retry. Failures: {@code NotFound}.
     *
     * @param ruleId the price rule's id
     * @param id the identifier
     */
    Either<ProviderFailure, DiscountCode> get(PriceRuleId ruleId, DiscountCodeId id);

    /**
     * {@return the code with this text: {@code Some} when it exists, {@code None} when not} Safe to retry.
     *
     * @param code the code
     */
    Either<ProviderFailure, Option<DiscountCode>> lookup(String code);

    /**
     * {@return all codes of a rule, lazily page by page} Safe to retry. Failures: {@code NotFound}.
     *
     * @param ruleId the price rule's id
     */
    PagedSequence<DiscountCode> list(PriceRuleId ruleId);

    /**
     * Creates a code on a rule. Safe to retry: a code text that exists already fails with
     * {@code InvalidRequest}. Failures: {@code NotFound}, {@code InvalidRequest},
     * {@code OutcomeUnknown} (look the code up to learn whether it exists).
     *
     * @param ruleId the price rule's id
     * @param code the code
     * @return the discount code, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, DiscountCode> create(PriceRuleId ruleId, NewDiscountCode code);

    /**
     * Changes a code's text. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}, {@code OutcomeUnknown}.
     *
     * @param ruleId the price rule's id
     * @param id the identifier
     * @param code the code
     * @return the discount code, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, DiscountCode> update(PriceRuleId ruleId, DiscountCodeId id, NewDiscountCode code);

    /**
     * Deletes a code. Idempotent in effect. Failures: {@code NotFound}.
     *
     * @param ruleId the price rule's id
     * @param id the identifier
     * @return the done, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, Done> delete(PriceRuleId ruleId, DiscountCodeId id);
}
