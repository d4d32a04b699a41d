package io.voucherport.domain.supply;

import io.voucherport.domain.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes of an order, per SKU, as far as the supplier has delivered them.
 *
 * @param orderId the supplier's id of the order these codes belong to
 * @param skus codes per SKU
 */
public record OrderCodes(SupplierOrderId orderId, List<SkuCodes> skus) {

    /**
     * Validates and copies.
     *
     * @param orderId the supplier's id of the order these codes belong to, not null
     * @param skus codes per SKU
     */
    public OrderCodes {
        Require.present(orderId, "order id");
        Require.present(skus, "skus");
        skus = List.copyOf(skus);
    }

    /** {@return every delivered code, over all SKUs} */
    public List<DeliveredCode> delivered() {
        return skus.stream().flatMap(s -> s.delivered().stream()).toList();
    }

    /** {@return whether every ordered code has been delivered} */
    public boolean isComplete() {
        return skus.stream().allMatch(s -> s.missing() == 0);
    }

    /**
     * For each SKU that fell short, how many codes are missing.
     *
     * @return the number of codes still missing per SKU, counted against the supplier's
     *     {@code ordered} figure, only SKUs short by at least one; unmodifiable
     */
    public Map<Sku, Integer> shortfall() {
        Map<Sku, Integer> missing = new LinkedHashMap<>();
        for (SkuCodes s : skus) {
            if (s.missing() > 0) {
                missing.put(s.sku(), s.missing());
            }
        }
        return Map.copyOf(missing);
    }
}
