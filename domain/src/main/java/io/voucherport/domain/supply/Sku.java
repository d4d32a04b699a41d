package io.voucherport.domain.supply;

import io.voucherport.domain.Require;

/**
 * A supplier's stock-keeping unit: the identifier of one purchasable product or variant. It travels
 * in query strings and bodies, never in a URL path, so it may hold {@code %}.
 *
 * @param value non-blank text without control characters, '/' or '\'
 */
public record Sku(String value) {

    /**
     * Validates the SKU.
     *
     * @param value non-blank text without control characters, '/' or '\'
     */
    public Sku {
        Require.key(value, "sku");
    }

    /**
     * Parses a SKU.
     *
     * @param value non-blank text without control characters, '/' or '\'
     * @return the SKU wrapping {@code value} unchanged; throws {@link IllegalArgumentException}
     *     when it is invalid
     */
    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
