package io.voucherport.domain.supply;

import io.voucherport.domain.Require;
import io.voucherport.domain.money.Money;

/**
 * The unit price that applies from a quantity on.
 *
 * @param minQuantity the smallest quantity this price applies to, at least 1
 * @param unitPrice the price of one code
 */
public record PriceTier(int minQuantity, Money unitPrice) {

    /**
     * Validates.
     *
     * @param minQuantity the smallest quantity this price applies to, at least 1
     * @param unitPrice the price of one code
     */
    public PriceTier {
        Require.positive(minQuantity, "min quantity");
        Require.present(unitPrice, "unit price");
    }
}
