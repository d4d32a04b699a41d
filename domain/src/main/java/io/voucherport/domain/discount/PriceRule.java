package io.voucherport.domain.discount;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Instant;

/**
 * A price rule: the discount logic that discount codes attach to. Its usage limit counts the uses
 * of the rule — of all its codes together — so it is judged against the rule's own
 * {@link #timesUsed}, never against one code's usage count (a rule may hold many codes).
 *
 * @param id the provider's id of the rule, used in every later call about it and its codes
 * @param title the rule's display title, as the provider reports it; may be blank
 * @param value what it takes off, when the shape is one Voucherport knows
 * @param usageLimit how often the rule (all its codes together) may be used
 * @param timesUsed how often the rule has been used, when reported
 * @param perCustomerLimit how often one customer may use the rule, when reported ({@code UsageLimit.of(1)}
 *     for "once per customer", unlimited when the rule does not restrict customers)
 * @param allocationLimit how often the rule may be applied within one checkout, as the provider sent
 *     it, when reported; not interpreted, since providers disagree on what {@code 0} means
 * @param startsAt when it starts, when reported
 * @param endsAt when it ends; none for no end
 */
public record PriceRule(
        PriceRuleId id, String title, Option<DiscountValue> value, UsageLimit usageLimit, Option<Integer> timesUsed,
        Option<UsageLimit> perCustomerLimit, Option<Integer> allocationLimit, Option<Instant> startsAt,
        Option<Instant> endsAt) {

    /**
     * Validates.
     *
     * @param id the provider's id of the rule, not null
     * @param title the rule's display title, not null
     * @param value what it takes off, when the shape is one Voucherport knows
     * @param usageLimit how often the rule (all its codes together) may be used
     * @param timesUsed how often the rule has been used, when reported
     * @param perCustomerLimit how often one customer may use the rule, when reported ({@code UsageLimit.of(1)} for "once per customer", unlimited when the rule does not restrict customers)
     * @param allocationLimit how often the rule may be applied within one checkout, as the provider sent it, when reported; not interpreted, since providers disagree on what {@code 0} means
     * @param startsAt when it starts, when reported
     * @param endsAt when it ends; none for no end
     */
    public PriceRule {
        Require.present(id, "id");
        Require.present(title, "title");
        Require.present(value, "value");
        Require.present(usageLimit, "usage limit");
        Require.present(timesUsed, "times used");
        Require.present(perCustomerLimit, "per customer limit");
        Require.present(allocationLimit, "allocation limit");
        Require.present(startsAt, "starts at");
        Require.present(endsAt, "ends at");
        timesUsed.peek(n -> Require.notNegative(n, "times used"));
        allocationLimit.peek(n -> Require.notNegative(n, "allocation limit"));
    }

    /**
     * {@return whether the rule's uses leave at least one more under its usage limit: {@code true} when
     * unlimited; with a limit, judged by {@link #timesUsed}; none when the limit is a number and the
     * rule's uses are not reported (count the uses of its codes then)}
     */
    public Option<Boolean> allowsAnotherUse() {
        return usageLimit instanceof UsageLimit.Limited ? timesUsed.map(usageLimit::allowsAnotherUse)
                : Option.some(true);
    }
}
