package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.Money;
import java.math.BigDecimal;

/** The face value a product is sold at: one fixed value, or any value in a range. */
public sealed interface ProductValue permits ProductValue.Fixed, ProductValue.Ranged {

    /**
     * {@return whether a code of this face value can be bought}
     *
     * @param faceValue the value one code would carry, not null; a fixed value must equal it, a
     *     range must hold it in its currency, bounds and step
     */
    boolean accepts(Money faceValue);

    /**
     * A single face value.
     *
     * @param faceValue the value of one code
     */
    record Fixed(Money faceValue) implements ProductValue {

        /**
         * Validates.
         *
         * @param faceValue the value of one code
         */
        public Fixed {
            Require.present(faceValue, "face value");
        }

        @Override
        public boolean accepts(Money value) {
            return faceValue.equals(value);
        }
    }

    /**
     * Any face value from {@code min} to {@code max}, in steps of {@code step} from {@code min} when given.
     *
     * @param min lowest value
     * @param max highest value, same currency, not below min
     * @param step increment, positive, within {@link Require#decimal} bounds (so that checking a value
     *     against it is cheap), when the supplier imposes one
     */
    record Ranged(Money min, Money max, Option<BigDecimal> step) implements ProductValue {

        /**
         * Validates.
         *
         * @param min lowest value
         * @param max highest value, same currency, not below min
         * @param step increment, positive, within {@link Require#decimal} bounds (so that checking a value against it is cheap), when the supplier imposes one
         */
        public Ranged {
            Require.present(min, "min");
            Require.present(max, "max");
            Require.present(step, "step");
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("min " + min + " must not exceed max " + max);
            }
            step.peek(s -> Require.decimal(s, "step")).filter(s -> s.signum() <= 0).peek(s -> {
                throw new IllegalArgumentException("step must be positive but was " + s);
            });
        }

        @Override
        public boolean accepts(Money value) {
            if (!value.currency().equals(min.currency()) || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                return false;
            }
            return step.map(s -> value.amount().subtract(min.amount()).remainder(s).signum() == 0).getOrElse(true);
        }
    }
}
