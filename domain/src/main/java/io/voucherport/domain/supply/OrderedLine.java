package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.Money;

/**
 * One line of an order as the supplier reports it.
 *
 * @param sku the product the line bought
 * @param quantity how many codes were ordered
 * @param unitPrice price of one code, when reported
 * @param totalPrice price of the line, when reported; same currency as the unit price
 * @param status the line's own status (the order's status when the supplier has none per line)
 */
public record OrderedLine(Sku sku, int quantity, Option<Money> unitPrice, Option<Money> totalPrice, OrderStatus status) {

    /**
     * Validates the line.
     *
     * @param sku the product the line bought, not null
     * @param quantity how many codes were ordered
     * @param unitPrice price of one code, when reported
     * @param totalPrice price of the line, when reported; same currency as the unit price
     * @param status the line's own status (the order's status when the supplier has none per line)
     */
    public OrderedLine {
        Require.present(sku, "sku");
        Require.positive(quantity, "quantity");
        Require.present(unitPrice, "unit price");
        Require.present(totalPrice, "total price");
        Require.present(status, "status");
        for (Money unit : unitPrice) {
            for (Money total : totalPrice) {
                if (!unit.currency().equals(total.currency())) {
                    throw new IllegalArgumentException("total price must be in the unit price's currency "
                            + unit.currency() + " but was in " + total.currency());
                }
            }
        }
    }
}
