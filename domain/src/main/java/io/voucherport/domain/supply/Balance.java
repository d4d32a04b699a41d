package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;

/**
 * Funds held with a supplier in one currency.
 *
 * @param available what can be spent now
 * @param frozen what is reserved for pending orders, when reported
 * @param credit the credit line, when reported
 */
public record Balance(Money available, Option<Money> frozen, Option<Money> credit) {

    /**
     * Validates that every amount is in one currency.
     *
     * @param available what can be spent now
     * @param frozen what is reserved for pending orders, when reported
     * @param credit the credit line, when reported
     */
    public Balance {
        Require.present(available, "available");
        Require.present(frozen, "frozen");
        Require.present(credit, "credit");
        for (Money m : frozen.toList().appendAll(credit)) {
            if (!m.currency().equals(available.currency())) {
                throw new IllegalArgumentException("balance amounts must share the currency "
                        + available.currency() + " but one is in " + m.currency());
            }
        }
    }

    /**
     * {@return a balance with only an available amount}
     *
     * @param available what can be spent now
     */
    public static Balance of(Money available) {
        return new Balance(available, Option.none(), Option.none());
    }

    /** {@return the balance's currency} */
    public CurrencyCode currency() {
        return available.currency();
    }
}
