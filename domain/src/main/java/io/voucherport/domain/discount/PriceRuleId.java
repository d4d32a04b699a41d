package io.voucherport.domain.discount;

import io.voucherport.domain.Require;

/**
 * A price rule's identifier at the provider (UUID-like or a very large number: never parsed).
 *
 * @param value opaque non-blank text, never parsed
 */
public record PriceRuleId(String value) {

    /**
     * Validates the id.
     *
     * @param value opaque non-blank text, never parsed
     */
    public PriceRuleId {
        Require.identifier(value, "price rule id");
    }

    /**
     * Parses an id.
     *
     * @param value opaque non-blank text, never parsed
     * @return the price rule id
     */
    public static PriceRuleId of(String value) {
        return new PriceRuleId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
