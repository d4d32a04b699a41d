package io.voucherport.domain.discount;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Instant;

/**
 * A price rule to create or the new state of one to update.
 *
 * @param title the rule's display title, shown to merchants; not blank
 * @param value what it takes off
 * @param usageLimit how often its codes may be used
 * @param startsAt when it starts
 * @param endsAt when it ends; none for no end
 */
public record PriceRuleDraft(
        String title, DiscountValue value, UsageLimit usageLimit, Instant startsAt, Option<Instant> endsAt) {

    /**
     * Validates: the end, when set, comes after the start.
     *
     * @param title the rule's display title, not null and not blank
     * @param value what it takes off
     * @param usageLimit how often its codes may be used
     * @param startsAt when it starts
     * @param endsAt when it ends; none for no end
     */
    public PriceRuleDraft {
        Require.text(title, "title");
        Require.present(value, "value");
        Require.present(usageLimit, "usage limit");
        Require.present(startsAt, "starts at");
        Require.present(endsAt, "ends at");
        endsAt.filter(end -> !end.isAfter(startsAt)).peek(end -> {
            throw new IllegalArgumentException("ends at " + end + " must be after starts at " + startsAt);
        });
    }
}
