package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.domain.Secret;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.OrderedLine;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueMappingStrategy;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * GiftHub wire shapes to domain types. MapStruct generates the flat mappings (exchange rates,
 * invoices); the shapes keyed by SKU (products, redeem data) and all Vavr wrapping are written by
 * hand. Throws {@link IllegalArgumentException} for what the domain refuses; the caller's guard
 * reports that as an unexpected response.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR,
        nullValueIterableMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT,
        nullValueMapMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT)
interface GiftHubMapper {

    GiftHubMapper INSTANCE = Mappers.getMapper(GiftHubMapper.class);

    /** A SKU GiftHub sells, with what an order for it must send. */
    record Offer(Product product, String productType) {
    }

    @Mapping(target = "base", source = "baseCurrency")
    @Mapping(target = "quote", source = "targetCurrency")
    @Mapping(target = "asOf", source = "modifiedDate")
    ExchangeRate rate(GiftHubDto.Rate rate);

    @Mapping(target = "amount", source = "effect.amount")
    @Mapping(target = "currency", source = "effect.currency")
    @Mapping(target = "type", source = "type", defaultValue = "unknown")
    @Mapping(target = "description", source = "description", defaultValue = "")
    GiftHubInvoice.Item item(GiftHubDto.InvoiceItem item);

    @Mapping(target = "totals", source = "total")
    GiftHubInvoice.Record record(GiftHubDto.InvoiceRecord record);

    Map<CurrencyCode, BigDecimal> totals(Map<String, BigDecimal> totals);

    GiftHubInvoice invoice(GiftHubDto.Invoice invoice);

    /** The rates that name both currencies and a positive rate; others are skipped. */
    default List<ExchangeRate> rates(List<GiftHubDto.Rate> rates) {
        return nonNull(rates).stream().filter(r -> r.baseCurrency() != null && r.targetCurrency() != null
                && r.rate() != null && r.rate().signum() > 0).map(this::rate).toList();
    }

    /** The invoice, or none when absent or unreadable (an invoice never hides an order's codes). */
    default Option<GiftHubInvoice> invoiceOf(GiftHubDto.Invoice invoice) {
        return Option.of(invoice).flatMap(i -> Try.of(() -> invoice(i)).toOption());
    }

    default Sku sku(String sku) {
        return Sku.of(sku);
    }

    default CurrencyCode currency(String code) {
        return CurrencyCode.of(code.strip().toUpperCase(Locale.ROOT));
    }

    default Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    /**
     * Firestore-style {@code {_seconds, _nanoseconds}}, epoch seconds or milliseconds, or ISO text;
     * none when absent or unreadable.
     */
    default Option<Instant> instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Option.none();
        }
        if (node.isObject()) {
            JsonNode seconds = node.has("_seconds") ? node.get("_seconds") : node.get("seconds");
            JsonNode nanos = node.has("_nanoseconds") ? node.get("_nanoseconds") : node.get("nanoseconds");
            if (seconds == null || !seconds.canConvertToLong()) {
                return Option.none();
            }
            return Option.some(Instant.ofEpochSecond(seconds.asLong(),
                    nanos != null && nanos.canConvertToLong() ? nanos.asLong() : 0));
        }
        return Timestamps.parse(node.asText());
    }

    /** The order as the domain sees it; {@code id} is the id it was asked by. */
    default SupplierOrder order(SupplierOrderId id, GiftHubDto.Order o) {
        OrderStatus status = GiftHubStates.orderStatus(o.state());
        Option<GiftHubInvoice> invoice = invoiceOf(o.invoice());
        Map<String, GiftHubDto.Redeem> redeem = nonNull(o.redeem());
        List<OrderedLine> lines = new ArrayList<>();
        for (Map.Entry<String, GiftHubDto.OrderProduct> entry : nonNull(o.products()).entrySet()) {
            Sku sku = sku(entry.getValue().sku() != null ? entry.getValue().sku() : entry.getKey());
            int ordered = ordered(entry.getValue());
            if (ordered < 1) {
                continue;
            }
            Option<Money> total = lineTotal(invoice, sku);
            int delivered = deliveredCodes(redeem.get(entry.getKey())).size();
            lines.add(new OrderedLine(sku, ordered, Option.none(), total, lineStatus(status, ordered, delivered)));
        }
        return new SupplierOrder(id, reference(o.reference()), status, lines, grandTotal(invoice), instant(o.createdDate()));
    }

    /** What the wallet paid for {@code sku}, from the invoice's record of it. */
    default Option<Money> lineTotal(Option<GiftHubInvoice> invoice, Sku sku) {
        return invoice.flatMap(i -> Option.ofOptional(i.records().stream().filter(r -> r.sku().equals(sku)).findFirst())
                .flatMap(r -> Option.of(r.totals().get(i.wallet())).filter(a -> a.signum() >= 0)
                        .map(a -> Money.of(a, i.wallet()))));
    }

    /** What the wallet paid for the order. */
    default Option<Money> grandTotal(Option<GiftHubInvoice> invoice) {
        return invoice.filter(i -> i.total().signum() >= 0).map(i -> Money.of(i.total(), i.wallet()));
    }

    /** A line of a partial order is completed, partially completed or failed by what it delivered. */
    private static OrderStatus lineStatus(OrderStatus order, int ordered, int delivered) {
        if (order != OrderStatus.PARTIALLY_COMPLETED) {
            return order;
        }
        return delivered >= ordered ? OrderStatus.COMPLETED : delivered == 0 ? OrderStatus.FAILED
                : OrderStatus.PARTIALLY_COMPLETED;
    }

    /** GiftHub's free-text reference, when it is one the domain accepts. */
    default Option<OrderReference> reference(String reference) {
        return text(reference).flatMap(r -> Try.of(() -> OrderReference.of(r)).toOption());
    }

    /** The codes per ordered SKU; SKUs absent from the redeem data have none yet (or fell short). */
    default OrderCodes codes(SupplierOrderId id, GiftHubDto.Order o) {
        Map<String, GiftHubDto.Redeem> redeem = nonNull(o.redeem());
        List<SkuCodes> skus = new ArrayList<>();
        for (Map.Entry<String, GiftHubDto.OrderProduct> entry : nonNull(o.products()).entrySet()) {
            GiftHubDto.Redeem r = redeem.get(entry.getKey());
            skus.add(new SkuCodes(sku(entry.getKey()), Math.max(0, ordered(entry.getValue())), deliveredCodes(r),
                    instructions(r)));
        }
        return new OrderCodes(id, skus);
    }

    /** Codes of a webhook, which names no ordered quantities: each SKU counts what it delivered. */
    default OrderCodes codes(SupplierOrderId id, Map<String, GiftHubDto.Redeem> redeem) {
        List<SkuCodes> skus = new ArrayList<>();
        for (Map.Entry<String, GiftHubDto.Redeem> entry : nonNull(redeem).entrySet()) {
            List<DeliveredCode> codes = deliveredCodes(entry.getValue());
            skus.add(new SkuCodes(sku(entry.getKey()), codes.size(), codes, instructions(entry.getValue())));
        }
        return new OrderCodes(id, skus);
    }

    /**
     * One delivered code per card (code, PIN, serial number, link, expiry); without cards, one per
     * entry of {@code redeemPin} (with the SKU's {@code redeemLink}); with neither, one for a lone
     * {@code redeemLink}.
     */
    default List<DeliveredCode> deliveredCodes(GiftHubDto.Redeem r) {
        if (r == null) {
            return List.of();
        }
        Option<Secret> skuLink = text(r.redeemLink()).map(Secret::of);
        List<DeliveredCode> codes = new ArrayList<>();
        for (GiftHubDto.Card card : nonNull(r.cards())) {
            if (card == null) {
                continue;
            }
            Option<Secret> code = text(card.redeemCardCode()).map(Secret::of);
            Option<Secret> pin = text(card.redeemPin()).map(Secret::of);
            Option<Secret> link = text(card.redeemLink()).map(Secret::of).orElse(skuLink);
            if (code.isDefined() || pin.isDefined() || link.isDefined()) {
                codes.add(new DeliveredCode(CodeStatus.DELIVERED, code, pin,
                        text(card.redeemSerialNumber()).map(Secret::of), link, instant(card.expirationDate()),
                        Option.none()));
            }
        }
        if (codes.isEmpty()) {
            for (String pin : nonNull(r.redeemPin())) {
                text(pin).peek(p -> codes.add(new DeliveredCode(CodeStatus.DELIVERED, Option.none(),
                        Option.some(Secret.of(p)), Option.none(), skuLink, Option.none(), Option.none())));
            }
        }
        if (codes.isEmpty() && skuLink.isDefined()) {
            codes.add(new DeliveredCode(CodeStatus.DELIVERED, Option.none(), Option.none(), Option.none(), skuLink,
                    Option.none(), Option.none()));
        }
        return codes;
    }

    /** The redeem steps, else the terms, as plain text. */
    default Option<String> instructions(GiftHubDto.Redeem r) {
        return Option.of(r).flatMap(x -> Option.of(x.redeemInstructions()))
                .flatMap(i -> text(i.redeem()).orElse(() -> text(i.tnc())));
    }

    /** Each active variant with a fixed quote or a range; others are skipped. */
    default List<Offer> offers(GiftHubDto.Product p) {
        List<Offer> offers = new ArrayList<>();
        if (p == null || p.baseCurrency() == null || !active(p.state())) {
            return offers;
        }
        CurrencyCode currency = currency(p.baseCurrency());
        for (Map.Entry<String, GiftHubDto.Variant> entry : nonNull(p.variants()).entrySet()) {
            GiftHubDto.Variant v = entry.getValue();
            if (v == null || !active(v.state())) {
                continue;
            }
            ProductValue value;
            if (v.quote() != null && v.quote().signum() > 0) {
                value = new ProductValue.Fixed(Money.of(v.quote(), currency));
            } else if (v.range() != null && v.range().min() != null && v.range().max() != null) {
                value = new ProductValue.Ranged(Money.of(v.range().min(), currency), Money.of(v.range().max(), currency),
                        Option.of(v.range().step()).filter(s -> s.signum() > 0));
            } else {
                continue;
            }
            String sku = v.sku() != null ? v.sku() : entry.getKey();
            String name = text(v.name()).orElse(() -> text(p.name())).getOrElse(sku);
            offers.add(new Offer(new Product(sku(sku), name, value, List.of(), false, text(p.country())),
                    text(p.productType()).getOrElse("fixed")));
        }
        return offers;
    }

    default List<Balance> balances(GiftHubDto.CustomerInfo info) {
        Map<String, GiftHubDto.Wallet> wallets = new LinkedHashMap<>(nonNull(info.wallets()));
        List<Balance> balances = new ArrayList<>();
        wallets.forEach((code, w) -> {
            if (w != null && w.balance() != null) {
                CurrencyCode currency = currency(code);
                balances.add(new Balance(Money.of(w.balance().max(BigDecimal.ZERO), currency),
                        amount(w.frozenBalance(), currency), amount(w.creditBalance(), currency)));
            }
        });
        return balances;
    }

    private static Option<Money> amount(BigDecimal amount, CurrencyCode currency) {
        return Option.of(amount).filter(a -> a.signum() >= 0).map(a -> Money.of(a, currency));
    }

    private static boolean active(String state) {
        return state == null || state.isBlank() || state.strip().equalsIgnoreCase("ACTIVE");
    }

    private static int ordered(GiftHubDto.OrderProduct product) {
        return product.request() == null || product.request().quantity() == null ? 0 : product.request().quantity();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
