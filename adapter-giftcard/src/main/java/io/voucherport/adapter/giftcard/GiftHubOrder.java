package io.voucherport.adapter.giftcard;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.SupplierOrder;
import java.util.List;

/**
 * A GiftHub order in full: the order and its codes in the domain's words, plus GiftHub's exchange
 * rates and invoices. {@code toString} never shows a code: codes are {@code Secret}s.
 *
 * @param order the order
 * @param codes its codes per SKU as far as delivered (a partial order tells which SKUs fell short)
 * @param exchangeRates the rates the order was billed at
 * @param invoice what was charged to the wallet
 * @param retailInvoice the later invoice in the customer's retail currency, when present
 */
public record GiftHubOrder(
        SupplierOrder order, OrderCodes codes, List<ExchangeRate> exchangeRates, Option<GiftHubInvoice> invoice,
        Option<GiftHubInvoice> retailInvoice) {

    /** Validates and copies. */
    public GiftHubOrder {
        Require.present(order, "order");
        Require.present(codes, "codes");
        exchangeRates = List.copyOf(Require.present(exchangeRates, "exchange rates"));
        Require.present(invoice, "invoice");
        Require.present(retailInvoice, "retail invoice");
    }
}
