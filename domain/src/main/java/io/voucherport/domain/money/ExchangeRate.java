package io.voucherport.domain.money;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * How many units of {@code quote} one unit of {@code base} buys, as a provider reported it.
 *
 * @param base the currency sold
 * @param quote the currency bought
 * @param rate a positive rate, kept with every digit the provider sent, within {@link Require#decimal} bounds
 * @param asOf when the provider last updated the rate, if it said
 */
public record ExchangeRate(CurrencyCode base, CurrencyCode quote, BigDecimal rate, Option<Instant> asOf) {

    /**
     * Validates that every part is present and the rate is positive.
     *
     * @param base the currency sold
     * @param quote the currency bought
     * @param rate a positive rate, kept with every digit the provider sent, within {@link Require#decimal} bounds
     * @param asOf when the provider last updated the rate, if it said
     */
    public ExchangeRate {
        Require.present(base, "base currency");
        Require.present(quote, "quote currency");
        Require.decimal(rate, "rate");
        Require.present(asOf, "asOf");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive but was " + rate);
        }
    }
}
