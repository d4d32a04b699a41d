package io.voucherport.domain.supply;

import io.voucherport.domain.Require;

/**
 * The supplier's own identifier of an order (EZ's {@code transactionId}, GiftHub's order id).
 *
 * @param value opaque non-blank text, never parsed
 */
public record SupplierOrderId(String value) {

    /**
     * Validates the id.
     *
     * @param value opaque non-blank text, never parsed
     */
    public SupplierOrderId {
        Require.identifier(value, "supplier order id");
    }

    /**
     * Parses an id.
     *
     * @param value opaque non-blank text, never parsed
     * @return the supplier order id
     */
    public static SupplierOrderId of(String value) {
        return new SupplierOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
