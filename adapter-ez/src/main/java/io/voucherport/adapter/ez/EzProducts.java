package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.PriceTier;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one EZ catalog item. EZ does not document its product shape, so every plausible shape is
 * read: money as {@code {amount, currency}}, a number or a decimal string (in the product's
 * top-level {@code currency}), or {@code "9.75 USD"}; price tiers under any of
 * {@link #TIERS}; a face value under any of {@link #FACE_VALUE}. Throws
 * {@link IllegalArgumentException} or {@link MalformedAnswerException} (the reason, never a value
 * beyond the product's own non-secret fields) when an item still cannot be read; the caller reports
 * it as that item's {@code UnreadableItem}.
 */
final class EzProducts {

    /** Where a fixed face value may be. */
    static final List<String> FACE_VALUE = List.of("faceValue", "denomination", "value");
    /** Where the bounds of a ranged value may be. */
    static final List<String> MIN_FACE_VALUE = List.of("minFaceValue", "faceValueMin", "minValue");
    static final List<String> MAX_FACE_VALUE = List.of("maxFaceValue", "faceValueMax", "maxValue");
    /** Where the price tiers may be. */
    static final List<String> TIERS = List.of("priceTiers", "tiers", "tierPrices", "volumePrices", "prices");
    /** Where a single price (or a tier's price) may be. */
    static final List<String> PRICE = List.of("price", "unitPrice", "cost");
    /** Where a tier's lowest quantity may be. */
    static final List<String> TIER_QUANTITY = List.of("minQuantity", "minQty", "fromQuantity", "quantity");
    /** Where the product's own currency may be, for money sent as a bare amount. */
    static final List<String> CURRENCY = List.of("currency", "currencyCode");

    private EzProducts() {
    }

    /** What names an item in a report: its SKU (shortened), or its place on the page. */
    static String identify(JsonNode item, int page, int index) {
        JsonNode sku = item == null ? null : item.get("sku");
        if (sku != null && sku.isValueNode() && !sku.isNull() && !sku.asText().isBlank()) {
            String text = sku.asText().strip();
            return text.length() <= 80 ? text : text.substring(0, 80) + "…";
        }
        return "item " + (index + 1) + " of page " + page;
    }

    /**
     * Judgement: a ranged value when EZ sends both bounds, a fixed value otherwise (none at all is
     * refused); price tiers without a price are skipped, a single price is one tier from 1, a tier
     * from 0 is a tier from 1 and a negative or overflowing tier quantity is refused; the delivery
     * is instant unless EZ says otherwise; a blank name falls back to the SKU.
     */
    static Product product(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw new MalformedAnswerException("the item is not an object");
        }
        String skuText = text(p.get("sku")).getOrElseThrow(() -> new MalformedAnswerException("the item has no SKU"));
        Option<CurrencyCode> currency = first(p, CURRENCY).flatMap(EzProducts::text).map(EzProducts::currency);
        Option<Money> fixed = first(p, FACE_VALUE).flatMap(m -> money(m, currency, "face value"));
        Option<Money> min = first(p, MIN_FACE_VALUE).flatMap(m -> money(m, currency, "minimum face value"));
        Option<Money> max = first(p, MAX_FACE_VALUE).flatMap(m -> money(m, currency, "maximum face value"));
        ProductValue value = min.isDefined() && max.isDefined()
                ? new ProductValue.Ranged(min.get(), max.get(), Option.of(p.get("faceValueStep"))
                        .filter(s -> !s.isNull()).map(s -> step(s, currency)))
                : new ProductValue.Fixed(fixed.getOrElseThrow(
                        () -> new MalformedAnswerException("the product has no face value")));
        List<PriceTier> tiers = new ArrayList<>();
        for (JsonNode tier : first(p, TIERS).filter(t -> !t.isNull()).map(EzProducts::asList).getOrElse(List.of())) {
            if (tier == null || !tier.isObject()) {
                throw new MalformedAnswerException("a price tier is not an object");
            }
            Option<Money> price = first(tier, PRICE).flatMap(m -> money(m, currency, "tier price"));
            if (price.isDefined()) {
                tiers.add(new PriceTier(tierQuantity(first(tier, TIER_QUANTITY)), price.get()));
            }
        }
        if (tiers.isEmpty()) {
            first(p, PRICE).flatMap(m -> money(m, currency, "price")).peek(price -> tiers.add(new PriceTier(1, price)));
        }
        Option<String> delivery = text(p.get("deliveryType"));
        boolean instant = delivery.isEmpty() || delivery.get().equalsIgnoreCase("INSTANT");
        Option<String> name = text(p.get("name"));
        return new Product(Sku.of(skuText), name.getOrElse(skuText), value, tiers, instant, text(p.get("countryCode")));
    }

    /**
     * Money in any of EZ's plausible shapes; none when absent or null (or an object without an
     * amount, as before); refused when it has an amount but no currency, or another shape.
     */
    static Option<Money> money(JsonNode node, Option<CurrencyCode> productCurrency, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Option.none();
        }
        if (node.isObject()) {
            Option<JsonNode> amount = first(node, List.of("amount", "value")).filter(a -> !a.isNull());
            if (amount.isEmpty()) {
                return Option.none();
            }
            Option<CurrencyCode> currency = first(node, CURRENCY).flatMap(EzProducts::text).map(EzProducts::currency)
                    .orElse(productCurrency);
            return Option.some(Money.of(decimal(amount.get(), what),
                    currency.getOrElseThrow(() -> noCurrency(what))));
        }
        if (node.isNumber()) {
            return Option.some(Money.of(decimal(node, what), productCurrency.getOrElseThrow(() -> noCurrency(what))));
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (text.isEmpty()) {
                return Option.none();
            }
            String[] parts = text.split("\\s+");
            if (parts.length == 2 && parts[1].length() == 3 && Character.isLetter(parts[1].charAt(0))) {
                return Option.some(Money.of(decimal(parts[0], what), currency(parts[1])));
            }
            if (parts.length == 2 && parts[0].length() == 3 && Character.isLetter(parts[0].charAt(0))) {
                return Option.some(Money.of(decimal(parts[1], what), currency(parts[0])));
            }
            return Option.some(Money.of(decimal(text, what), productCurrency.getOrElseThrow(() -> noCurrency(what))));
        }
        throw new MalformedAnswerException("the " + what + " is neither {amount, currency}, a number nor a text");
    }

    private static BigDecimal step(JsonNode step, Option<CurrencyCode> currency) {
        return step.isObject() ? money(step, currency, "face value step").map(Money::amount)
                .getOrElseThrow(() -> new MalformedAnswerException("the face value step has no amount"))
                : decimal(step, "face value step");
    }

    private static int tierQuantity(Option<JsonNode> quantity) {
        if (quantity.isEmpty() || quantity.get().isNull()) {
            return 1;
        }
        int from = EzMapper.count(decimal(quantity.get(), "tier quantity"), "tier quantity");
        return Math.max(1, from);   // a tier from 0 applies from the first code
    }

    private static BigDecimal decimal(JsonNode node, String what) {
        if (node.isNumber()) {
            return JsonSupport.bounded(node.decimalValue());
        }
        if (node.isTextual()) {
            return decimal(node.asText(), what);
        }
        throw new MalformedAnswerException("the " + what + " is not a number");
    }

    private static BigDecimal decimal(String text, String what) {
        try {
            return JsonSupport.decimal(text);
        } catch (NumberFormatException notANumber) {
            throw new MalformedAnswerException("the " + what + " is not a number");
        }
    }

    private static CurrencyCode currency(String code) {
        return CurrencyCode.of(code.strip().toUpperCase(Locale.ROOT));
    }

    private static MalformedAnswerException noCurrency(String what) {
        return new MalformedAnswerException("the " + what + " names no currency (neither its own nor the product's)");
    }

    /** The first of {@code names} present in {@code node}. */
    private static Option<JsonNode> first(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null) {
                return Option.some(value);
            }
        }
        return Option.none();
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    private static Option<String> text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? Option.some(node.asText().strip()) : Option.none();
    }
}
