package io.voucherport.adapter.ez;

import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.supply.Product;

/**
 * An EZ catalog product: the product in the domain's words and {@link #raw()}, EZ's item as read
 * (secrets masked), for any field not modelled — EZ does not document its product shape.
 *
 * @param product the item as the domain models it: SKU, name, face value, price tiers,
 *     delivery and country
 * @param raw EZ's catalog item as read, secrets masked
 */
public record EzProduct(Product product, RawFields raw) {

    /**
     * Validates.
     *
     * @param product the item as the domain models it: SKU, name, face value, price tiers,
     *     delivery and country
     * @param raw EZ's catalog item as read, secrets masked
     */
    public EzProduct {
        Require.present(product, "product");
        Require.present(raw, "raw");
    }
}
