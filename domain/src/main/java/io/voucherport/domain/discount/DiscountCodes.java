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
     * @param ruleId the price rule the code belongs to, not null
     * @param id the provider's id of the code, not null
     */
    Either<ProviderFailure, DiscountCode> get(PriceRuleId ruleId, DiscountCodeId id);

    /**
     * {@return the code with this text: {@code Some} when it exists, {@code None} when not} Safe to retry.
     *
     * @param code the exact text a shopper types, not null and not blank; not a secret
     */
    Either<ProviderFailure, Option<DiscountCode>> lookup(String code);

    /**
     * {@return all codes of a rule, lazily page by page} Safe to retry. Failures: {@code NotFound}.
     *
     * @param ruleId the price rule whose codes to list, not null; an unknown rule ends the listing
     *     with {@code NotFound}
     */
    PagedSequence<DiscountCode> list(PriceRuleId ruleId);

    /**
     * Creates a code on a rule. Safe to retry: a code text that exists already fails with
     * {@code InvalidRequest}. Failures: {@code NotFound}, {@code InvalidRequest},
     * {@code OutcomeUnknown} (look the code up to learn whether it exists).
     *
     * @param ruleId the price rule to attach the code to, not null
     * @param code the text and settings of the new code, not null
     * @return the code as the provider created it (with its id), or the failure that prevented it;
     *     after {@code OutcomeUnknown}, {@link #lookup} the text before creating again
     */
    Either<ProviderFailure, DiscountCode> create(PriceRuleId ruleId, NewDiscountCode code);

    /**
     * Changes a code's text. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}, {@code OutcomeUnknown}.
     *
     * @param ruleId the price rule the code belongs to, not null
     * @param id the provider's id of the code to change, not null
     * @param code the code's new text and settings, not null
     * @return the code as the provider now holds it, or the failure that prevented it; safe to
     *     repeat
     */
    Either<ProviderFailure, DiscountCode> update(PriceRuleId ruleId, DiscountCodeId id, NewDiscountCode code);

    /**
     * Deletes a code. Idempotent in effect. Failures: {@code NotFound}.
     *
     * @param ruleId the price rule the code belongs to, not null
     * @param id the provider's id of the code to delete, not null
     * @return {@code Done} once the provider confirmed the deletion, or the failure that prevented
     *     it ({@code NotFound} when the code is already gone)
     */
    Either<ProviderFailure, Done> delete(PriceRuleId ruleId, DiscountCodeId id);
}
