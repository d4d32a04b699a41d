package io.voucherport.domain.discount;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Instant;

/**
 * A price rule: the discount logic that discount codes attach to.
 *
 * @param id the provider's id
 * @param title the rule's title
 * @param value what it takes off, when the shape is one Voucherport knows
 * @param usageLimit how often its codes may be used
 * @param startsAt when it starts, when reported
 * @param endsAt when it ends; none for no end
 */
public record PriceRule(
        PriceRuleId id, String title, Option<DiscountValue> value, UsageLimit usageLimit, Option<Instant> startsAt,
        Option<Instant> endsAt) {

    /** Validates. */
    public PriceRule {
        Require.present(id, "id");
        Require.present(title, "title");
        Require.present(value, "value");
        Require.present(usageLimit, "usage limit");
        Require.present(startsAt, "starts at");
        Require.present(endsAt, "ends at");
    }
}
