package io.voucherport.domain.discount;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Instant;

/**
 * A discount code attached to a price rule.
 *
 * @param id the provider's id of the code, used to update or delete it
 * @param priceRuleId the rule it belongs to
 * @param code the text a shopper types
 * @param usageCount how often it has been used
 * @param combinesWithOtherOffers whether it may be used together with other promotions
 * @param createdAt when it was created, when reported
 * @param updatedAt when it was last changed, when reported
 */
public record DiscountCode(
        DiscountCodeId id, PriceRuleId priceRuleId, String code, int usageCount, boolean combinesWithOtherOffers,
        Option<Instant> createdAt, Option<Instant> updatedAt) {

    /**
     * Validates.
     *
     * @param id the provider's id of the code, not null
     * @param priceRuleId the rule it belongs to
     * @param code the text a shopper types
     * @param usageCount how often it has been used
     * @param combinesWithOtherOffers whether it may be used together with other promotions
     * @param createdAt when it was created, when reported
     * @param updatedAt when it was last changed, when reported
     */
    public DiscountCode {
        Require.present(id, "id");
        Require.present(priceRuleId, "price rule id");
        Require.text(code, "discount code");
        Require.notNegative(usageCount, "usage count");
        Require.present(createdAt, "created at");
        Require.present(updatedAt, "updated at");
    }
}
