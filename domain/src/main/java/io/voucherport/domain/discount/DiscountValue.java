package io.voucherport.domain.discount;

import io.voucherport.domain.Require;
import java.math.BigDecimal;

/** What a price rule takes off: a percentage, or a fixed amount in the store's currency. */
public sealed interface DiscountValue permits DiscountValue.Percentage, DiscountValue.FixedAmount {

    /**
     * A percentage off, above 0 and at most 100.
     *
     * @param percent e.g. {@code 10} for 10 % off
     */
    record Percentage(BigDecimal percent) implements DiscountValue {
        /**
         * Validates.
         *
         * @param percent e.g. {@code 10} for 10 % off
         */
        public Percentage {
            Require.decimal(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("percent must be above 0 and at most 100 but was " + percent);
            }
        }
    }

    /**
     * A fixed amount off, in the store's currency.
     *
     * @param amount positive amount
     */
    record FixedAmount(BigDecimal amount) implements DiscountValue {
        /**
         * Validates.
         *
         * @param amount positive amount
         */
        public FixedAmount {
            Require.decimal(amount, "amount");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("amount must be positive but was " + amount);
            }
        }
    }
}
