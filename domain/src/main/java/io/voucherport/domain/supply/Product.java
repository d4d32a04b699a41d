package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.util.Comparator;
import java.util.List;

/**
 * A product in a supplier's catalog.
 *
 * @param sku what to order it by
 * @param name display name
 * @param value its face value, fixed or ranged
 * @param priceTiers unit prices by quantity, lowest quantity first; empty when the supplier lists none
 * @param instantDelivery whether codes are normally delivered at once
 * @param country the country the product is for, when known
 */
public record Product(
        Sku sku, String name, ProductValue value, List<PriceTier> priceTiers, boolean instantDelivery,
        Option<String> country) {

    /**
     * Validates and sorts the tiers.
     *
     * @param sku what to order it by
     * @param name display name
     * @param value its face value, fixed or ranged
     * @param priceTiers unit prices by quantity, lowest quantity first; empty when the supplier lists none
     * @param instantDelivery whether codes are normally delivered at once
     * @param country the country the product is for, when known
     */
    public Product {
        Require.present(sku, "sku");
        Require.text(name, "product name");
        Require.present(value, "value");
        Require.present(priceTiers, "price tiers");
        Require.present(country, "country");
        priceTiers = priceTiers.stream().sorted(Comparator.comparingInt(PriceTier::minQuantity)).toList();
    }

    /**
     * {@return the tier that applies to {@code quantity}, if any}
     *
     * @param quantity how many codes (positive)
     */
    public Option<PriceTier> tierFor(int quantity) {
        Require.positive(quantity, "quantity");
        return Option.ofOptional(priceTiers.stream().filter(t -> t.minQuantity() <= quantity)
                .reduce((a, b) -> b));
    }
}
