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

    /** One code of a rule. Safe to retry. Failures: {@code NotFound}. */
    Either<ProviderFailure, DiscountCode> get(PriceRuleId ruleId, DiscountCodeId id);

    /** The code with this text: {@code Some} when it exists, {@code None} when not. Safe to retry. */
    Either<ProviderFailure, Option<DiscountCode>> lookup(String code);

    /** All codes of a rule, lazily page by page. Safe to retry. Failures: {@code NotFound}. */
    PagedSequence<DiscountCode> list(PriceRuleId ruleId);

    /**
     * Creates a code on a rule. Safe to retry: a code text that exists already fails with
     * {@code InvalidRequest}. Failures: {@code NotFound}, {@code InvalidRequest},
     * {@code OutcomeUnknown} (look the code up to learn whether it exists).
     */
    Either<ProviderFailure, DiscountCode> create(PriceRuleId ruleId, NewDiscountCode code);

    /** Changes a code's text. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}, {@code OutcomeUnknown}. */
    Either<ProviderFailure, DiscountCode> update(PriceRuleId ruleId, DiscountCodeId id, NewDiscountCode code);

    /** Deletes a code. Idempotent in effect. Failures: {@code NotFound}. */
    Either<ProviderFailure, Done> delete(PriceRuleId ruleId, DiscountCodeId id);
}
