package io.voucherport.adapter.discounts;

import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.discount.PriceRule;

/**
 * A price rule as Shoplazza answered it: the domain's {@link PriceRule} (its usage limit, times
 * used, per-customer and per-checkout limits included) and, for what the domain does not model
 * (entitlements, prerequisites, allocation method, …), the rule's JSON as read ({@link #raw()},
 * read-only, secrets masked), in the spirit of stripe-java's raw JSON. Immutable.
 *
 * @param rule the rule in the domain's terms
 * @param raw the rule's JSON as Shoplazza sent it (the object under {@code price_rule}), masked
 */
public record ShoplazzaRule(PriceRule rule, RawFields raw) {

    /**
     * Validates.
     *
     * @param rule the rule in the domain's terms
     * @param raw the rule's JSON as Shoplazza sent it (the object under {@code price_rule}), masked
     */
    public ShoplazzaRule {
        Require.present(rule, "rule");
        Require.present(raw, "raw");
    }
}
