package io.voucherport.domain.discount;

import io.voucherport.domain.Require;

/**
 * A price rule's identifier at the provider (UUID-like or a very large number: never parsed).
 *
 * @param value opaque non-blank text, never parsed
 */
public record PriceRuleId(String value) {

    /** Validates the id. */
    public PriceRuleId {
        Require.identifier(value, "price rule id");
    }

    /** Parses an id. */
    public static PriceRuleId of(String value) {
        return new PriceRuleId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
