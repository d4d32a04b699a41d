package io.voucherport.adapter.giftcard;

import io.vavr.control.Option;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.supply.Product;

/**
 * One variant of a GiftHub catalog product: the domain product (as {@link GiftHubSupplier#catalog()}
 * gives it) with the product's own GiftHub fields and {@link #raw()}, GiftHub's product item as read
 * (secrets masked), for any field not modelled. Every variant of a product carries the same product
 * fields and raw item.
 *
 * @param product the variant in the domain's words
 * @param productId GiftHub's {@code productId} (what {@link GiftHubSupplier#product(String)} takes), when sent
 * @param parentId GiftHub's {@code parentId} (what {@link GiftHubSupplier#catalog(String)} filters by), when sent
 * @param region GiftHub's {@code region}: {@code local} or {@code global}, as sent
 * @param customerDeal the customer's fee and discount on the product ({@code customerDeal}), when sent
 *     and readable (one that cannot be read is reported beside the product in the listing)
 * @param raw GiftHub's product item as read
 */
public record GiftHubProduct(Product product, Option<String> productId, Option<String> parentId,
        Option<String> region, Option<GiftHubOrder.Deal> customerDeal, RawFields raw) {

    /**
     * Validates.
     *
     * @param product the variant in the domain's words
     * @param productId GiftHub's {@code productId} (what {@link GiftHubSupplier#product(String)} takes), when sent
     * @param parentId GiftHub's {@code parentId} (what {@link GiftHubSupplier#catalog(String)} filters by), when sent
     * @param region GiftHub's {@code region}: {@code local} or {@code global}, as sent
     * @param customerDeal the customer's fee and discount on the product ({@code customerDeal}), when sent and readable (one that cannot be read is reported beside the product in the listing)
     * @param raw GiftHub's product item as read
     */
    public GiftHubProduct {
        Require.present(product, "product");
        Require.present(productId, "product id");
        Require.present(parentId, "parent id");
        Require.present(region, "region");
        Require.present(customerDeal, "customer deal");
        Require.present(raw, "raw");
    }
}
