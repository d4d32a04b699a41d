package io.voucherport.domain.discount;

import io.vavr.control.Either;
import io.voucherport.domain.Done;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;

/**
 * Price rules at a storefront platform: the discount logic codes attach to.
 *
 * <p>No method throws for a provider problem: each returns a {@link ProviderFailure}. Arguments
 * are validated before any call. Every method may also fail with {@code AccessDenied},
 * {@code RateLimited}, {@code Unavailable} and {@code UnexpectedResponse}. Thread-safe.
 */
public interface PriceRules {

    /**
     * {@return all rules, lazily page by page} Safe to retry.
     */
    PagedSequence<PriceRule> list();

    /**
     * {@return one rule} Safe to retry. Failures: {@code NotFound}.
     *
     * @param id the provider's id of the rule, not null
     */
    Either<ProviderFailure, PriceRule> get(PriceRuleId id);

    /**
     * Creates a rule. <b>Not idempotent</b>: after {@code OutcomeUnknown}, list the rules before
     * creating again. Failures: {@code InvalidRequest}, {@code OutcomeUnknown}.
     *
     * @param draft the rule's title, value, usage limit and validity, not null (validated on
     *     construction)
     * @return the rule as the provider created it (with its id), or the failure that prevented it;
     *     never retry an {@code OutcomeUnknown} blindly, since a retry may create a second rule
     */
    Either<ProviderFailure, PriceRule> create(PriceRuleDraft draft);

    /**
     * Replaces a rule's settings. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}, {@code OutcomeUnknown}.
     *
     * @param id the provider's id of the rule to replace, not null
     * @param draft the rule's complete new settings, not null
     * @return the rule as the provider now holds it, or the failure that prevented it; safe to
     *     repeat
     */
    Either<ProviderFailure, PriceRule> update(PriceRuleId id, PriceRuleDraft draft);

    /**
     * Deletes a rule and its codes. Idempotent in effect. Failures: {@code NotFound}.
     *
     * @param id the provider's id of the rule to delete, not null
     * @return {@code Done} once the provider confirmed the deletion of the rule and its codes, or
     *     the failure that prevented it ({@code NotFound} when the rule is already gone)
     */
    Either<ProviderFailure, Done> delete(PriceRuleId id);
}
