package io.voucherport.domain.discount;

import io.voucherport.domain.Require;

/**
 * A discount code's identifier at the provider (never parsed).
 *
 * @param value opaque non-blank text, never parsed
 */
public record DiscountCodeId(String value) {

    /**
     * Validates the id.
     *
     * @param value opaque non-blank text, never parsed
     */
    public DiscountCodeId {
        Require.identifier(value, "discount code id");
    }

    /**
     * Parses an id.
     *
     * @param value opaque non-blank text, never parsed
     * @return the discount code id
     */
    public static DiscountCodeId of(String value) {
        return new DiscountCodeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
