package io.voucherport.domain.money;

import io.voucherport.domain.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative amount of one currency, held as a {@link BigDecimal} exactly as the provider sent
 * it (never a {@code double}), within {@link Require#decimal} bounds (so that printing and
 * arithmetic stay cheap whatever a provider sent). Arithmetic is only defined within one currency: mixing currencies
 * throws. Two amounts are equal when their currency matches and their values compare equal
 * ({@code 9.75 USD} equals {@code 9.750 USD}).
 */
public final class Money implements Comparable<Money> {

    /** Largest number of significant digits accepted; longer amounts are refused as hostile. */
    public static final int MAX_PRECISION = 34;

    private final BigDecimal amount;
    private final CurrencyCode currency;

    private Money(BigDecimal amount, CurrencyCode currency) {
        Require.present(amount, "amount");
        Require.present(currency, "currency");
        Require.decimal(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative but was " + amount);
        }
        if (amount.precision() > MAX_PRECISION) {
            throw new IllegalArgumentException(
                    "amount must have at most " + MAX_PRECISION + " digits but has " + amount.precision());
        }
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * {@return an amount of {@code currency}}
     *
     * @param amount the amount, not null, not negative, at most {@link #MAX_PRECISION} significant
     *     digits; kept at its own scale
     * @param currency the currency of the amount, not null
     */
    public static Money of(BigDecimal amount, CurrencyCode currency) {
        return new Money(amount, currency);
    }

    /**
     * Parses a decimal string such as {@code "9.75"} and a currency code such as {@code "USD"}.
     *
     * @param amount a plain or scientific decimal such as {@code "9.75"}, not null; surrounding
     *     blanks are ignored, and it must not be negative
     * @param currency three upper-case letters such as {@code "USD"}, not null
     * @return the amount; throws {@link IllegalArgumentException} when either text is not valid
     */
    public static Money of(String amount, String currency) {
        Require.present(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount must be a decimal number but was '" + amount + "'", e);
        }
        return new Money(value, CurrencyCode.of(currency));
    }

    /**
     * Zero of {@code currency}.
     *
     * @param currency the currency of the zero amount, not null
     * @return an amount of zero in {@code currency}
     */
    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** {@return the amount} */
    public BigDecimal amount() {
        return amount;
    }

    /** {@return the currency} */
    public CurrencyCode currency() {
        return currency;
    }

    /**
     * {@return this plus {@code other}; throws when the currencies differ}
     *
     * @param other the amount to add, not null; in this amount's currency
     */
    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * {@return this minus {@code other}; throws when the currencies differ or the result would be negative}
     *
     * @param other the amount to take away, not null; in this amount's currency and not larger than
     *     this one
     */
    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        BigDecimal result = amount.subtract(other.amount);
        if (result.signum() < 0) {
            throw new IllegalArgumentException("cannot subtract " + other + " from " + this + ": result would be negative");
        }
        return new Money(result, currency);
    }

    /**
     * {@return this times a quantity of at least 1}
     *
     * @param quantity how many codes (positive)
     */
    public Money times(int quantity) {
        Require.positive(quantity, "quantity");
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /**
     * {@return this amount rounded to its currency's {@link CurrencyCode#fractionDigits() fraction digits}}
     *
     * @param mode how to round the digits dropped, not null (e.g. {@link RoundingMode#HALF_EVEN})
     */
    public Money rounded(RoundingMode mode) {
        Require.present(mode, "rounding mode");
        return new Money(amount.setScale(currency.fractionDigits(), mode), currency);
    }

    /** {@return whether the amount is zero} */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Orders amounts of the same currency; throws when the currencies differ. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other, String operation) {
        Require.present(other, "other amount");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot " + operation + " amounts of different currencies: " + currency + " and " + other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** For example {@code 9.75 USD}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
