package io.voucherport.adapter.ez;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import java.time.Instant;
import java.util.List;

/**
 * EZ's Get Exchange Rates answer in full: the rates (as {@link EzCardsSupplier#exchangeRates}), the
 * currencies EZ's products are priced in ({@code productCurrencies}) and when EZ last updated its
 * rate table ({@code updatedAt}, also each rate's {@link ExchangeRate#asOf()}).
 *
 * @param rates the rates asked for, or every rate EZ offers
 * @param productCurrencies the currencies EZ's products are priced in, in EZ's order
 * @param updatedAt when EZ updated its rates, when sent and readable
 */
public record EzRates(List<ExchangeRate> rates, List<CurrencyCode> productCurrencies, Option<Instant> updatedAt) {

    /**
     * Validates and copies.
     *
     * @param rates the rates asked for, or every rate EZ offers
     * @param productCurrencies the currencies EZ's products are priced in, in EZ's order
     * @param updatedAt when EZ updated its rates, when sent and readable
     */
    public EzRates {
        rates = List.copyOf(Require.present(rates, "rates"));
        productCurrencies = List.copyOf(Require.present(productCurrencies, "product currencies"));
        Require.present(updatedAt, "updated at");
    }
}
