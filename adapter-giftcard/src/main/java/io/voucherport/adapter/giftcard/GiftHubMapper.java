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
import io.voucherport.domain.supply.OrderRequest;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.NullValueMappingStrategy;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * GiftHub's wire shapes and the domain, both ways. MapStruct generates every mapping built field
 * by field (requests, orders, codes, rates, invoices, balances, the webhook's event); the
 * hand-written defaults are value conversions (text → {@link Sku}, JSON timestamps, nullable
 * fields → {@link Option}, amounts → {@link Money}) and shapes that need a judgement (which codes
 * were delivered, a partial order's line statuses, which variants are on sale), each marked so.
 * Throws {@link IllegalArgumentException} for what the domain refuses; the request path reports
 * that as an unexpected response.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR,
        nullValueIterableMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT,
        nullValueMapMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT)
interface GiftHubMapper {

    GiftHubMapper INSTANCE = Mappers.getMapper(GiftHubMapper.class);

    /** A retrieved order with the id it was asked by (the domain's id for it). */
    record Retrieved(SupplierOrderId id, GiftHubDto.Order order) {
    }

    // ---- domain → request: generated

    @Mapping(target = "productList", source = "lines")
    @Mapping(target = "wallet", source = "wallet.code")
    @Mapping(target = "reference", source = "reference.value")
    @Mapping(target = "webhookUrl", source = "webhookUrl")
    GiftHubDto.CreateOrderRequest createOrder(List<GiftHubCatalog.Line> lines, CurrencyCode wallet,
            OrderReference reference, Option<String> webhookUrl);

    @Mapping(target = "sku", source = "sku.value")
    GiftHubDto.ProductLine productLine(GiftHubCatalog.Line line);

    @Mapping(target = "orderId", source = "value")
    GiftHubDto.ConfirmRequest confirm(SupplierOrderId id);

    // ---- answer → domain: generated

    @Mapping(target = "reference", source = "order.reference")
    @Mapping(target = "status", source = "order.state")
    @Mapping(target = "lines", source = "order", qualifiedByName = "orderedLines")
    @Mapping(target = "grandTotal", source = "order.invoice")
    @Mapping(target = "createdAt", source = "order.createdDate")
    SupplierOrder order(Retrieved retrieved);

    @Mapping(target = "orderId", source = "id")
    @Mapping(target = "skus", source = "order", qualifiedByName = "orderedSkus")
    OrderCodes codes(Retrieved retrieved);

    @Mapping(target = "order", source = "retrieved")
    @Mapping(target = "codes", source = "retrieved")
    @Mapping(target = "exchangeRates", source = "order.exchangeRates")
    @Mapping(target = "invoice", source = "order.invoice")
    @Mapping(target = "retailInvoice", source = "order.retailInvoice")
    GiftHubOrder full(Retrieved retrieved);

    @Mapping(target = "status", source = "orderState")
    @Mapping(target = "codes", source = "hook")
    GiftHubWebhook.Event event(GiftHubDto.Webhook hook);

    @Mapping(target = "skus", source = "redeemData", qualifiedByName = "announcedSkus")
    OrderCodes announcedCodes(GiftHubDto.Webhook hook);

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

    @Mapping(target = "available", source = "balance", qualifiedByName = "available")
    @Mapping(target = "frozen", source = "frozenBalance")
    @Mapping(target = "credit", source = "creditBalance")
    Balance balance(GiftHubDto.Wallet wallet, @Context CurrencyCode currency);

    // ---- judgements: hand-written

    /** Judgement: the order as placed, from create's invoice and confirm's state (confirmed when it names none). */
    default SupplierOrder placed(SupplierOrderId id, OrderRequest request, GiftHubDto.CreatedOrder created,
            GiftHubDto.Confirmed confirmed) {
        OrderStatus status = confirmed.state() == null ? OrderStatus.CONFIRMED : status(confirmed.state());
        Option<GiftHubInvoice> invoice = invoiceOf(created.invoice());
        List<OrderedLine> lines = request.lines().stream().map(l -> new OrderedLine(l.sku(), l.quantity(),
                Option.none(), lineTotal(invoice, l.sku()), status)).toList();
        return new SupplierOrder(id, Option.some(request.reference()), status, lines, grandTotal(invoice), Option.none());
    }

    /**
     * Judgement: one line per ordered SKU (none for a SKU ordered zero times); a line of a partial
     * order is completed, partially completed or failed by what it delivered.
     */
    @Named("orderedLines")
    default List<OrderedLine> orderedLines(GiftHubDto.Order o) {
        OrderStatus status = status(o.state());
        Option<GiftHubInvoice> invoice = invoiceOf(o.invoice());
        Map<String, GiftHubDto.Redeem> redeem = nonNull(o.redeem());
        List<OrderedLine> lines = new ArrayList<>();
        for (Map.Entry<String, GiftHubDto.OrderProduct> entry : nonNull(o.products()).entrySet()) {
            Sku sku = sku(entry.getValue().sku() != null ? entry.getValue().sku() : entry.getKey());
            int ordered = ordered(entry.getValue());
            if (ordered < 1) {
                continue;
            }
            int delivered = deliveredCodes(redeem.get(entry.getKey())).size();
            lines.add(new OrderedLine(sku, ordered, Option.none(), lineTotal(invoice, sku),
                    lineStatus(status, ordered, delivered)));
        }
        return lines;
    }

    /** Judgement: the codes per ordered SKU; SKUs absent from the redeem data have none yet (or fell short). */
    @Named("orderedSkus")
    default List<SkuCodes> orderedSkus(GiftHubDto.Order o) {
        Map<String, GiftHubDto.Redeem> redeem = nonNull(o.redeem());
        List<SkuCodes> skus = new ArrayList<>();
        for (Map.Entry<String, GiftHubDto.OrderProduct> entry : nonNull(o.products()).entrySet()) {
            GiftHubDto.Redeem r = redeem.get(entry.getKey());
            skus.add(new SkuCodes(sku(entry.getKey()), Math.max(0, ordered(entry.getValue())), deliveredCodes(r),
                    instructions(r)));
        }
        return skus;
    }

    /** Judgement: a webhook names no ordered quantities, so each SKU counts what it delivered. */
    @Named("announcedSkus")
    default List<SkuCodes> announcedSkus(Map<String, GiftHubDto.Redeem> redeem) {
        List<SkuCodes> skus = new ArrayList<>();
        for (Map.Entry<String, GiftHubDto.Redeem> entry : nonNull(redeem).entrySet()) {
            List<DeliveredCode> codes = deliveredCodes(entry.getValue());
            skus.add(new SkuCodes(sku(entry.getKey()), codes.size(), codes, instructions(entry.getValue())));
        }
        return skus;
    }

    /**
     * Judgement: one delivered code per card (code, PIN, serial number, link, expiry); without
     * cards, one per entry of {@code redeemPin} (with the SKU's {@code redeemLink}); with neither,
     * one for a lone {@code redeemLink}.
     */
    default List<DeliveredCode> deliveredCodes(GiftHubDto.Redeem r) {
        if (r == null) {
            return List.of();
        }
        Option<Secret> skuLink = secret(r.redeemLink());
        List<DeliveredCode> codes = new ArrayList<>();
        for (GiftHubDto.Card card : nonNull(r.cards())) {
            if (card == null) {
                continue;
            }
            Option<Secret> code = secret(card.redeemCardCode());
            Option<Secret> pin = secret(card.redeemPin());
            Option<Secret> link = secret(card.redeemLink()).orElse(skuLink);
            if (code.isDefined() || pin.isDefined() || link.isDefined()) {
                codes.add(new DeliveredCode(CodeStatus.DELIVERED, code, pin, secret(card.redeemSerialNumber()), link,
                        instant(card.expirationDate()), Option.none()));
            }
        }
        if (codes.isEmpty()) {
            for (String pin : nonNull(r.redeemPin())) {
                secret(pin).peek(p -> codes.add(new DeliveredCode(CodeStatus.DELIVERED, Option.none(), Option.some(p),
                        Option.none(), skuLink, Option.none(), Option.none())));
            }
        }
        if (codes.isEmpty() && skuLink.isDefined()) {
            codes.add(new DeliveredCode(CodeStatus.DELIVERED, Option.none(), Option.none(), Option.none(), skuLink,
                    Option.none(), Option.none()));
        }
        return codes;
    }

    /** Judgement: the redeem steps, else the terms, as plain text. */
    default Option<String> instructions(GiftHubDto.Redeem r) {
        return Option.of(r).flatMap(x -> Option.of(x.redeemInstructions()))
                .flatMap(i -> text(i.redeem()).orElse(() -> text(i.tnc())));
    }

    /** Judgement: each active variant with a fixed quote or a range is an offer; others are skipped. */
    default List<GiftHubCatalog.Offer> offers(GiftHubDto.Product p) {
        List<GiftHubCatalog.Offer> offers = new ArrayList<>();
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
            offers.add(new GiftHubCatalog.Offer(new Product(sku(sku), name, value, List.of(), false, text(p.country())),
                    text(p.productType()).getOrElse("fixed")));
        }
        return offers;
    }

    /** Judgement: the offers of every product on a page (a page without results has none). */
    default List<GiftHubCatalog.Offer> offersOf(GiftHubDto.ProductPage page) {
        return nonNull(page.result()).stream().flatMap(p -> offers(p).stream()).toList();
    }

    /** Judgement: one balance per wallet that states one (keyed by its currency); others are skipped. */
    default List<Balance> balances(GiftHubDto.CustomerInfo info) {
        List<Balance> balances = new ArrayList<>();
        nonNull(info.wallets()).forEach((code, w) -> {
            if (w != null && w.balance() != null) {
                balances.add(balance(w, currency(code)));
            }
        });
        return balances;
    }

    /** Judgement: the rates that name both currencies and a positive rate; others are skipped. */
    default List<ExchangeRate> rates(List<GiftHubDto.Rate> rates) {
        return nonNull(rates).stream().filter(r -> r.baseCurrency() != null && r.targetCurrency() != null
                && r.rate() != null && r.rate().signum() > 0).map(this::rate).toList();
    }

    /** Judgement: the invoice, or none when absent or unreadable (an invoice never hides an order's codes). */
    default Option<GiftHubInvoice> invoiceOf(GiftHubDto.Invoice invoice) {
        return Option.of(invoice).flatMap(i -> Try.of(() -> invoice(i)).toOption());
    }

    /** Judgement: what the wallet paid for the order, from its invoice when readable. */
    default Option<Money> grandTotal(GiftHubDto.Invoice invoice) {
        return grandTotal(invoiceOf(invoice));
    }

    /** Judgement: what the wallet paid for the order; a negative total is not a price. */
    default Option<Money> grandTotal(Option<GiftHubInvoice> invoice) {
        return invoice.filter(i -> i.total().signum() >= 0).flatMap(i -> Try.of(() -> Money.of(i.total(), i.wallet()))
                .toOption());
    }

    /** Judgement: what the wallet paid for {@code sku}, from the invoice's record of it in the wallet's currency. */
    default Option<Money> lineTotal(Option<GiftHubInvoice> invoice, Sku sku) {
        return invoice.flatMap(i -> Option.ofOptional(i.records().stream().filter(r -> r.sku().equals(sku)).findFirst())
                .flatMap(r -> Option.of(r.totals().get(i.wallet())).filter(a -> a.signum() >= 0)
                        .flatMap(a -> Try.of(() -> Money.of(a, i.wallet())).toOption())));
    }

    // ---- value conversions: hand-written building blocks

    /** Value conversion: GiftHub's SKU text. */
    default Sku sku(String sku) {
        return Sku.of(sku);
    }

    /** Value conversion: money → the amount GiftHub takes (a quote is in its SKU's currency). */
    default BigDecimal amountOf(Money money) {
        return money.amount();
    }

    /** Value conversion: an order id. */
    default SupplierOrderId orderId(String id) {
        return SupplierOrderId.of(id);
    }

    /** Value conversion: a currency code, tolerant of case and blanks. */
    default CurrencyCode currency(String code) {
        return CurrencyCode.of(code.strip().toUpperCase(Locale.ROOT));
    }

    /** Value conversion: GiftHub's order state ({@link GiftHubStatuses}). */
    default OrderStatus status(String state) {
        return GiftHubStatuses.orderStatus(state);
    }

    /** Value conversion: a nullable or blank text → {@link Option}. */
    default Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    /** Value conversion: an optional text → the nullable field GiftHub takes. */
    default String orNull(Option<String> value) {
        return value.getOrNull();
    }

    /** Value conversion: GiftHub's free-text reference, when it is one the domain accepts. */
    default Option<OrderReference> reference(String reference) {
        return text(reference).flatMap(r -> Try.of(() -> OrderReference.of(r)).toOption());
    }

    /** Value conversion: an amount in the wallet's currency; absent or negative is none. */
    default Option<Money> amount(BigDecimal amount, @Context CurrencyCode currency) {
        return Option.of(amount).filter(a -> a.signum() >= 0).map(a -> Money.of(a, currency));
    }

    /** Value conversion: a wallet's available balance; a negative one (credit in use) shows as zero. */
    @Named("available")
    default Money available(BigDecimal balance, @Context CurrencyCode currency) {
        return Money.of(balance.max(BigDecimal.ZERO), currency);
    }

    /**
     * Value conversion: Firestore-style {@code {_seconds, _nanoseconds}}, epoch seconds or
     * milliseconds, or ISO text; none when absent or unreadable.
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

    private static Option<Secret> secret(String value) {
        return Option.of(value).filter(v -> !v.isBlank()).map(Secret::of);
    }

    private static OrderStatus lineStatus(OrderStatus order, int ordered, int delivered) {
        if (order != OrderStatus.PARTIALLY_COMPLETED) {
            return order;
        }
        return delivered >= ordered ? OrderStatus.COMPLETED : delivered == 0 ? OrderStatus.FAILED
                : OrderStatus.PARTIALLY_COMPLETED;
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
