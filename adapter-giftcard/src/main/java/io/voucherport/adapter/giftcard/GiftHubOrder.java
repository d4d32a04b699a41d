package io.voucherport.adapter.giftcard;

import io.vavr.control.Option;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * A GiftHub order in full: the order and its codes in the domain's words, plus what only GiftHub
 * tells — its exchange rates, invoices, each SKU's quote, shop item, customer deal and delivered
 * face value — and the answer itself, masked, for any field not modelled here ({@link #raw()}).
 * Nothing GiftHub sent is dropped silently: a value that could not be read is in
 * {@link #unreadable()} (or, for a rate, in {@code exchangeRates().unreadable()}).
 * {@code toString} never shows a code: codes are {@code Secret}s and {@code raw} is masked.
 *
 * @param order the order in the domain's words: id, reference, status and lines
 * @param codes its codes per SKU as far as delivered (a partial order tells which SKUs fell short)
 * @param exchangeRates the rates the order was billed at, and those that could not be read
 * @param invoice what was charged to the wallet
 * @param retailInvoice the later invoice in the customer's retail currency, when present
 * @param lines what GiftHub says of each SKU of the order, in its order
 * @param unreadable the values of the order that could not be read (a count, a deal, a face
 *     value), each with why
 * @param raw the retrieved order as GiftHub sent it, read-only, every secret masked; empty when
 *     not retrieved
 */
public record GiftHubOrder(
        SupplierOrder order, OrderCodes codes, PagedSequence.Listing<ExchangeRate> exchangeRates,
        Option<GiftHubInvoice> invoice, Option<GiftHubInvoice> retailInvoice, List<Line> lines,
        List<ProviderFailure.UnreadableItem> unreadable, RawFields raw) {

    /**
     * Validates and copies.
     *
     * @param order the order in the domain's words: id, reference, status and lines
     * @param codes its codes per SKU as far as delivered (a partial order tells which SKUs fell
     *     short)
     * @param exchangeRates the rates the order was billed at, and those that could not be read
     * @param invoice what was charged to the wallet
     * @param retailInvoice the later invoice in the customer's retail currency, when present
     * @param lines what GiftHub says of each SKU of the order, in its order
     * @param unreadable the values of the order that could not be read (a count, a deal, a face
     *     value), each with why
     * @param raw the retrieved order as GiftHub sent it, read-only, every secret masked; empty
     *     when not retrieved
     */
    public GiftHubOrder {
        Require.present(order, "order");
        Require.present(codes, "codes");
        Require.present(exchangeRates, "exchange rates");
        Require.present(invoice, "invoice");
        Require.present(retailInvoice, "retail invoice");
        lines = List.copyOf(Require.present(lines, "lines"));
        unreadable = List.copyOf(Require.present(unreadable, "unreadable"));
        Require.present(raw, "raw");
    }

    /**
     * {@return the line of {@code sku}, when the order has one}
     *
     * @param sku the product's SKU at the provider
     */
    public Option<Line> line(Sku sku) {
        return Option.ofOptional(lines.stream().filter(l -> l.sku().equals(sku)).findFirst());
    }

    /**
     * What GiftHub says of one SKU of the order.
     *
     * @param sku the SKU ordered, as GiftHub knows it
     * @param quote the value asked for one code ({@code request.quote}, else
     *     {@code shopItem.quote}) in the SKU's {@code shopItem.baseCurrency}
     * @param name the shop item's display name ({@code shopItem.name}), when sent
     * @param country the shop item's country ({@code shopItem.country}) as GiftHub writes it, when
     *     sent
     * @param region {@code local} or {@code global}
     * @param productType {@code fixed}, {@code range}, {@code time}, {@code custom_fixed}, …
     * @param deal the customer's deal on the SKU, when GiftHub sent one
     * @param faceValue the face value of each delivered code ({@code redeem[sku].value} in
     *     {@code redeem[sku].currency}), once delivered
     */
    public record Line(Sku sku, Option<Money> quote, Option<String> name, Option<String> country,
            Option<String> region, Option<String> productType, Option<Deal> deal, Option<Money> faceValue) {
        /**
         * Validates.
         *
         * @param sku the SKU ordered, as GiftHub knows it
         * @param quote the value asked for one code ({@code request.quote}, else
         *     {@code shopItem.quote}) in the SKU's {@code shopItem.baseCurrency}
         * @param name the shop item's display name ({@code shopItem.name}), when sent
         * @param country the shop item's country ({@code shopItem.country}) as GiftHub writes it,
         *     when sent
         * @param region {@code local} or {@code global}
         * @param productType {@code fixed}, {@code range}, {@code time}, {@code custom_fixed}, …
         * @param deal the customer's deal on the SKU, when GiftHub sent one
         * @param faceValue the face value of each delivered code ({@code redeem[sku].value} in
         *     {@code redeem[sku].currency}), once delivered
         */
        public Line {
            Require.present(sku, "sku");
            Require.present(quote, "quote");
            Require.present(name, "name");
            Require.present(country, "country");
            Require.present(region, "region");
            Require.present(productType, "product type");
            Require.present(deal, "deal");
            Require.present(faceValue, "face value");
        }
    }

    /**
     * GiftHub's {@code customerDeal}: the fee and discount the customer gets on a SKU.
     *
     * @param state {@code dealState}, e.g. {@code ACTIVE}
     * @param fee the fee, when sent
     * @param discount the discount, when sent
     */
    public record Deal(Option<String> state, Option<Adjustment> fee, Option<Adjustment> discount) {
        /**
         * Validates.
         *
         * @param state {@code dealState}, e.g. {@code ACTIVE}
         * @param fee the fee, when sent
         * @param discount the discount, when sent
         */
        public Deal {
            Require.present(state, "state");
            Require.present(fee, "fee");
            Require.present(discount, "discount");
        }
    }

    /**
     * A fee or discount as GiftHub states it, the amount exactly as sent.
     *
     * @param amount e.g. {@code 2.5}
     * @param mode {@code adjustmentMode}, e.g. {@code percentage}
     */
    public record Adjustment(BigDecimal amount, Option<String> mode) {
        /**
         * Validates.
         *
         * @param amount e.g. {@code 2.5}
         * @param mode {@code adjustmentMode}, e.g. {@code percentage}
         */
        public Adjustment {
            Require.present(amount, "amount");
            Require.present(mode, "mode");
        }
    }
}
