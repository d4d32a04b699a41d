package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.Money;

/**
 * One line of an order request: a SKU and how many codes of it to buy.
 *
 * @param sku what to buy
 * @param quantity how many codes, 1 to {@value #MAX_QUANTITY}
 * @param faceValue the chosen face value, for products sold in a range of values
 */
public record OrderLine(Sku sku, int quantity, Option<Money> faceValue) {

    /** Largest quantity one line may ask for; larger numbers are refused as mistakes. */
    public static final int MAX_QUANTITY = 10_000;

    /**
     * Validates the line.
     *
     * @param sku what to buy
     * @param quantity how many codes, 1 to {@value #MAX_QUANTITY}
     * @param faceValue the chosen face value, for products sold in a range of values
     */
    public OrderLine {
        Require.present(sku, "sku");
        Require.positive(quantity, "quantity");
        if (quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException(
                    "quantity must be at most " + MAX_QUANTITY + " but was " + quantity);
        }
        Require.present(faceValue, "face value");
        faceValue.filter(Money::isZero).peek(zero -> {
            throw new IllegalArgumentException("face value must be positive but was " + zero);
        });
    }

    /**
     * {@return a line for a fixed-value product}
     *
     * @param sku what to buy
     * @param quantity how many codes, 1 to {@value #MAX_QUANTITY}
     */
    public static OrderLine of(Sku sku, int quantity) {
        return new OrderLine(sku, quantity, Option.none());
    }

    /**
     * {@return a line for a fixed-value product}
     *
     * @param sku what to buy
     * @param quantity how many codes, 1 to {@value #MAX_QUANTITY}
     */
    public static OrderLine of(String sku, int quantity) {
        return of(Sku.of(sku), quantity);
    }
}
