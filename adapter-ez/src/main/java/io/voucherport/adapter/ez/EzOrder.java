package io.voucherport.adapter.ez;

import io.vavr.control.Option;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import java.util.List;
import java.util.Map;

/**
 * An EZ order in full: the order in the domain's words plus what EZ tells beside it — its own order
 * number, the currency it was paid with, the exchange rates of a cross-currency order, each SKU's
 * unit price in the product's own currency — and {@link #raw()}, EZ's answer as read (secrets
 * masked) for any field not modelled here. Holds no secret: {@code toString} is safe to log.
 *
 * @param order the order as the port reports it ({@code OrderedLine.unitPrice} is EZ's {@code unitPrice})
 * @param ezOrderNumber EZ's own order number ({@code ezOrderNumber}), when sent
 * @param payWithCurrency the currency the order was paid with ({@code payWithCurrency}), when sent
 * @param fxSummary the rates the order was converted at ({@code fxSummary}: {@code EUR/USD} is EUR → USD);
 *     EZ sends them on the answer to a placement, and a list item may lack them
 * @param unitPricesOriginal per SKU, the unit price in the product's currency ({@code unitPriceOriginal}),
 *     for the SKUs EZ sent one for
 * @param raw EZ's answer for this order as read, secrets masked
 */
public record EzOrder(
        SupplierOrder order, Option<String> ezOrderNumber, Option<CurrencyCode> payWithCurrency,
        List<ExchangeRate> fxSummary, Map<Sku, Money> unitPricesOriginal, RawFields raw) {

    /**
     * Validates and copies.
     *
     * @param order the order as the port reports it ({@code OrderedLine.unitPrice} is EZ's {@code unitPrice})
     * @param ezOrderNumber EZ's own order number ({@code ezOrderNumber}), when sent
     * @param payWithCurrency the currency the order was paid with ({@code payWithCurrency}), when sent
     * @param fxSummary the rates the order was converted at ({@code fxSummary}: {@code EUR/USD} is EUR → USD); EZ sends them on the answer to a placement, and a list item may lack them
     * @param unitPricesOriginal per SKU, the unit price in the product's currency ({@code unitPriceOriginal}), for the SKUs EZ sent one for
     * @param raw EZ's answer for this order as read, secrets masked
     */
    public EzOrder {
        Require.present(order, "order");
        Require.present(ezOrderNumber, "EZ order number");
        Require.present(payWithCurrency, "pay-with currency");
        fxSummary = List.copyOf(Require.present(fxSummary, "fx summary"));
        unitPricesOriginal = Map.copyOf(Require.present(unitPricesOriginal, "unit prices original"));
        Require.present(raw, "raw");
    }

    /** What a placement's answer adds to EZ's order list for {@code order(id)}: nothing else of it is kept. */
    Placement placement() {
        return new Placement(ezOrderNumber, payWithCurrency, fxSummary, unitPricesOriginal);
    }

    /**
     * This order with the placement's {@code payWithCurrency} and {@code fxSummary} where this
     * answer lacks them (EZ's order list may omit both); everything else as this answer says.
     */
    EzOrder withPlacement(Placement placed) {
        return new EzOrder(order, ezOrderNumber.orElse(placed.ezOrderNumber()),
                payWithCurrency.orElse(placed.payWithCurrency()),
                fxSummary.isEmpty() ? placed.fxSummary() : fxSummary, unitPricesOriginal.isEmpty()
                        ? placed.unitPricesOriginal() : unitPricesOriginal, raw);
    }

    /** The few fields of a placement's answer remembered for {@code order(id)}; no raw answer, no secret. */
    record Placement(Option<String> ezOrderNumber, Option<CurrencyCode> payWithCurrency, List<ExchangeRate> fxSummary,
            Map<Sku, Money> unitPricesOriginal) {

        Placement {
            fxSummary = List.copyOf(fxSummary);
            unitPricesOriginal = Map.copyOf(unitPricesOriginal);
        }
    }
}
