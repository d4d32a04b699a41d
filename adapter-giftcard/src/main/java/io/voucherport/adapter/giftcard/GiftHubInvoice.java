package io.voucherport.adapter.giftcard;

import io.vavr.control.Option;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.supply.Sku;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What GiftHub billed for an order, amounts exactly as sent ({@link BigDecimal}, never rounded
 * here; GiftHub rounds down to two decimals, IRT to none).
 *
 * @param wallet the currency of the wallet paid from
 * @param total the amount charged to the wallet, in its currency
 * @param paymentMethod e.g. {@code balance}
 * @param status e.g. {@code paid}
 * @param records one record per SKU
 */
public record GiftHubInvoice(
        CurrencyCode wallet, BigDecimal total, Option<String> paymentMethod, Option<String> status,
        List<GiftHubInvoice.Record> records) {

    /** Item type of the product itself. */
    public static final String MAIN_PRODUCT = "main-product";
    /** Item type of a fee. */
    public static final String FEE = "fee";
    /** Item type of a discount. */
    public static final String DISCOUNTS = "discounts";

    /**
     * Validates and copies.
     *
     * @param wallet the currency of the wallet paid from
     * @param total the amount charged to the wallet, in its currency
     * @param paymentMethod e.g. {@code balance}
     * @param status e.g. {@code paid}
     * @param records one record per SKU
     */
    public GiftHubInvoice {
        Require.present(wallet, "wallet");
        Require.present(total, "total");
        Require.present(paymentMethod, "payment method");
        Require.present(status, "status");
        records = List.copyOf(Require.present(records, "records"));
    }

    /**
     * {@return every item of {@code type} (e.g. {@value #FEE}) over all records}
     *
     * @param type an item type, compared exactly: {@value #MAIN_PRODUCT}, {@value #FEE},
     *     {@value #DISCOUNTS} or any other GiftHub sends
     */
    public List<Item> items(String type) {
        return records.stream().flatMap(r -> r.items().stream()).filter(i -> i.type().equals(type)).toList();
    }

    /**
     * The billing of one SKU.
     *
     * @param sku the SKU billed, as GiftHub knows it
     * @param totals the record's total per currency
     * @param items what makes up the total
     */
    public record Record(Sku sku, Map<CurrencyCode, BigDecimal> totals, List<Item> items) {
        /**
         * Validates and copies.
         *
         * @param sku the SKU billed, as GiftHub knows it
         * @param totals the record's total per currency
         * @param items what makes up the total
         */
        public Record {
            Require.present(sku, "sku");
            totals = Map.copyOf(Require.present(totals, "totals"));
            items = List.copyOf(Require.present(items, "items"));
        }
    }

    /**
     * One line of a record.
     *
     * @param type e.g. {@code main-product}, {@code fee}, {@code exchange-base-currency}; unknown
     *     types kept as sent
     * @param description GiftHub's text
     * @param amount the effect on the total, negative for credits
     * @param currency the currency of {@code amount}
     * @param metaData GiftHub's {@code metaData} of the item (e.g. {@code quantity} and
     *     {@code quote} of the main product, the rate of an exchange), read-only and masked; empty
     *     when absent
     */
    public record Item(String type, String description, BigDecimal amount, CurrencyCode currency, RawFields metaData) {
        /**
         * Validates.
         *
         * @param type e.g. {@code main-product}, {@code fee}, {@code exchange-base-currency};
         *     unknown types kept as sent
         * @param description GiftHub's text
         * @param amount the effect on the total, negative for credits
         * @param currency the currency of {@code amount}
         * @param metaData GiftHub's {@code metaData} of the item (e.g. {@code quantity} and
         *     {@code quote} of the main product, the rate of an exchange), read-only and masked;
         *     empty when absent
         */
        public Item {
            Require.present(type, "type");
            Require.present(description, "description");
            Require.present(amount, "amount");
            Require.present(currency, "currency");
            Require.present(metaData, "meta data");
        }
    }
}
