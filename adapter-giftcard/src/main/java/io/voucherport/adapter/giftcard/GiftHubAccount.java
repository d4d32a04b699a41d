package io.voucherport.adapter.giftcard;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import java.util.List;

/**
 * GiftHub's customer info in one answer: the wallets' balances (as {@link GiftHubSupplier#balances()}),
 * the customer's retail currency (the currency GiftHub bills an order's later {@code retailInvoice}
 * in) and the exchange rates (as {@link GiftHubSupplier#exchangeRates()}).
 *
 * @param balances one per wallet that states a balance
 * @param retailCurrency GiftHub's {@code retailCurrency}, when sent
 * @param exchangeRates the rates GiftHub bills wallets at, and each rate that could not be read
 */
public record GiftHubAccount(List<Balance> balances, Option<CurrencyCode> retailCurrency,
        PagedSequence.Listing<ExchangeRate> exchangeRates) {

    /**
     * Validates and copies.
     *
     * @param balances one per wallet that states a balance
     * @param retailCurrency GiftHub's {@code retailCurrency}, when sent
     * @param exchangeRates the rates GiftHub bills wallets at, and each rate that could not be read
     */
    public GiftHubAccount {
        balances = List.copyOf(Require.present(balances, "balances"));
        Require.present(retailCurrency, "retail currency");
        Require.present(exchangeRates, "exchange rates");
    }
}
