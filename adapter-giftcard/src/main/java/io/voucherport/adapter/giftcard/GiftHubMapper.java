package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.PagedSequence;
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
import java.math.RoundingMode;
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

    /** GiftHub's secret fields: masked in logs and in every {@link RawFields}. */
    List<String> SECRET_FIELDS = List.of("redeemCardCode", "redeemPin", "redeemLink", "redeemSerialNumber", "webhookUrl");

    /**
     * The only fields a SKU's entry under {@code redeem}/{@code redeemData} keeps in raw fields:
     * everything else there (cards, PINs, serials, links, instructions, a code under any name) is masked.
     */
    List<String> REDEEM_KEPT = List.of("currency", "value", "expirationDate");

    /**
     * The masking of raw fields: GiftHub's secret fields, links, common secrets and each SKU's
     * redeem data down to {@link #REDEEM_KEPT}.
     */
    ProviderSpec MASKING = redeemMasked(ProviderSpec.of(GiftHubSupplier.PROVIDER, JsonSupport.newObjectMapper())
            .withMaskedFields(SECRET_FIELDS.toArray(String[]::new)));

    /** {@code spec} also masking each SKU's redeem data down to {@link #REDEEM_KEPT} in raw fields. */
    static ProviderSpec redeemMasked(ProviderSpec spec) {
        String[] kept = REDEEM_KEPT.toArray(String[]::new);
        return spec.withSecretEntries("redeem", kept).withSecretEntries("redeemData", kept);
    }

    /**
     * A retrieved order with the id it was asked by (the domain's id for it), and the answer as
     * sent, masked (empty when it was not kept).
     */
    record Retrieved(SupplierOrderId id, GiftHubDto.Order order, RawFields raw) {
        Retrieved(SupplierOrderId id, GiftHubDto.Order order) {
            this(id, order, RawFields.empty());
        }

        /** The order in {@code answer}, its masked copy kept by {@code spec}'s rules. */
        static Retrieved of(SupplierOrderId id, JsonNode answer, ProviderSpec spec) {
            return new Retrieved(id, GiftHubDto.read(answer, GiftHubDto.Order.class),
                    RawFields.of(GiftHubDto.withoutLooseSecrets(answer), spec));
        }
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

    /** The order as {@link #order}, leaving out (for {@link GiftHubOrder#unreadable()} to report) a line whose count cannot be read. */
    @Named("readableOrder")
    @Mapping(target = "reference", source = "order.reference")
    @Mapping(target = "status", source = "order.state")
    @Mapping(target = "lines", source = "order", qualifiedByName = "readableLines")
    @Mapping(target = "grandTotal", source = "order.invoice")
    @Mapping(target = "createdAt", source = "order.createdDate")
    SupplierOrder readableOrder(Retrieved retrieved);

    @Mapping(target = "orderId", source = "id")
    @Mapping(target = "skus", source = "order", qualifiedByName = "orderedSkus")
    OrderCodes codes(Retrieved retrieved);

    @Mapping(target = "order", source = "retrieved", qualifiedByName = "readableOrder")
    @Mapping(target = "codes", source = "retrieved")
    @Mapping(target = "exchangeRates", source = "order.exchangeRates")
    @Mapping(target = "invoice", source = "order.invoice")
    @Mapping(target = "retailInvoice", source = "order.retailInvoice")
    @Mapping(target = "lines", source = "order", qualifiedByName = "giftHubLines")
    @Mapping(target = "unreadable", source = "order", qualifiedByName = "unreadableValues")
    @Mapping(target = "raw", source = "raw")
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
    @Mapping(target = "metaData", source = "metaData")
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
        List<OrderedLine> lines = request.lines().stream().map(l -> {
            Option<Money> total = lineTotal(invoice, l.sku());
            return new OrderedLine(l.sku(), l.quantity(), unitPrice(total, l.quantity()), total, status);
        }).toList();
        return new SupplierOrder(id, Option.some(request.reference()), status, lines, grandTotal(invoice), Option.none());
    }

    /**
     * Judgement: one line per ordered SKU (none for a SKU ordered zero times or without a
     * quantity); a line of a partial order is completed, partially completed or failed by what it
     * delivered. A SKU whose entry or count cannot be read (negative, fractional, beyond
     * {@code int}) is a malformed answer: a count is never clamped.
     */
    @Named("orderedLines")
    default List<OrderedLine> orderedLines(GiftHubDto.Order o) {
        return lines(o, true);
    }

    /** Judgement: {@link #orderedLines}, leaving out a SKU whose entry or count cannot be read. */
    @Named("readableLines")
    default List<OrderedLine> readableLines(GiftHubDto.Order o) {
        return lines(o, false);
    }

    private List<OrderedLine> lines(GiftHubDto.Order o, boolean strict) {
        OrderStatus status = status(o.state());
        Option<GiftHubInvoice> invoice = invoiceOf(o.invoice());
        Map<String, JsonNode> redeem = nonNull(o.redeem());
        List<OrderedLine> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : nonNull(o.products()).entrySet()) {
            Either<String, GiftHubDto.OrderProduct> product = product(entry.getValue());
            Either<String, Integer> count = product.flatMap(GiftHubMapper::ordered);
            if (count.isLeft() && !strict) {
                continue;
            }
            if (count.isLeft()) {
                throw new MalformedAnswerException("the order's SKU " + GiftHubDto.shown(entry.getKey())
                        + " cannot be read: " + count.getLeft());
            }
            int ordered = count.get();
            if (ordered < 1) {
                continue;
            }
            Sku sku = sku(product.get().sku() != null ? product.get().sku() : entry.getKey());
            int delivered = (int) deliveredCodes(redeem.get(entry.getKey())).stream()
                    .filter(DeliveredCode::isDelivered).count();
            Option<Money> total = lineTotal(invoice, sku);
            lines.add(new OrderedLine(sku, ordered, unitPrice(total, ordered), total,
                    lineStatus(status, ordered, delivered)));
        }
        return lines;
    }

    /**
     * Judgement: the codes per ordered SKU, each code read on its own (one that cannot be read is
     * {@link DeliveredCode#unreadable}: missing, never delivered); SKUs absent from the redeem
     * data have none yet (or fell short). A SKU whose count cannot be read counts the codes it
     * was sent (the order's {@link GiftHubOrder#unreadable()} says why); codes of a SKU the
     * products do not list are kept, counted as sent.
     */
    @Named("orderedSkus")
    default List<SkuCodes> orderedSkus(GiftHubDto.Order o) {
        Map<String, JsonNode> redeem = nonNull(o.redeem());
        List<SkuCodes> skus = new ArrayList<>();
        Map<String, JsonNode> products = nonNull(o.products());
        for (Map.Entry<String, JsonNode> entry : products.entrySet()) {
            JsonNode r = redeem.get(entry.getKey());
            List<DeliveredCode> codes = deliveredCodes(r);
            int ordered = product(entry.getValue()).flatMap(GiftHubMapper::ordered).getOrElse(codes.size());
            skus.add(new SkuCodes(sku(entry.getKey()), ordered, codes, instructions(r)));
        }
        redeem.forEach((key, r) -> {
            if (!products.containsKey(key)) {
                List<DeliveredCode> codes = deliveredCodes(r);
                skus.add(new SkuCodes(sku(key), codes.size(), codes, instructions(r)));
            }
        });
        return skus;
    }

    /** Judgement: a webhook names no ordered quantities, so each SKU counts what it was sent. */
    @Named("announcedSkus")
    default List<SkuCodes> announcedSkus(Map<String, JsonNode> redeem) {
        List<SkuCodes> skus = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : nonNull(redeem).entrySet()) {
            List<DeliveredCode> codes = deliveredCodes(entry.getValue());
            skus.add(new SkuCodes(sku(entry.getKey()), codes.size(), codes, instructions(entry.getValue())));
        }
        return skus;
    }

    /**
     * Judgement: the codes of one SKU's redeem data, each read on its own. One code per card
     * (code, PIN, serial number, link — the card's, else the SKU's — and expiry); without cards,
     * one per entry of {@code redeemPin} (its only secret is the PIN, the thing the customer
     * redeems, with the SKU's {@code redeemLink} beside it); with neither, one for a lone
     * {@code redeemLink}. A card or PIN that is not text (or a number), or a card with no code,
     * PIN or link, is {@link DeliveredCode#unreadable} (GiftHub names no stock id); redeem data
     * that is no object is one unreadable code.
     */
    default List<DeliveredCode> deliveredCodes(JsonNode redeemData) {
        if (absent(redeemData)) {
            return List.of();
        }
        GiftHubDto.Redeem r;
        try {
            r = GiftHubDto.read(redeemData, GiftHubDto.Redeem.class);
        } catch (RuntimeException unreadable) {
            return List.of(DeliveredCode.unreadable(Option.none()));
        }
        if (r == null) {
            return List.of(DeliveredCode.unreadable(Option.none()));
        }
        Either<String, Option<Secret>> skuLink = secret(r.redeemLink());
        List<DeliveredCode> codes = new ArrayList<>();
        for (JsonNode card : elements(r.cards())) {
            codes.add(card(card, skuLink.getOrElse(Option.none())));
        }
        if (codes.isEmpty()) {
            for (JsonNode pin : elements(r.redeemPin())) {
                Either<String, Option<Secret>> p = secret(pin);
                codes.add(p.isRight() && p.get().isDefined() ? new DeliveredCode(CodeStatus.DELIVERED, Option.none(),
                        p.get(), Option.none(), skuLink.getOrElse(Option.none()), Option.none(), Option.none())
                        : DeliveredCode.unreadable(Option.none()));
            }
        }
        if (codes.isEmpty() && !absent(r.redeemLink())) {
            codes.add(skuLink.isRight() && skuLink.get().isDefined() ? new DeliveredCode(CodeStatus.DELIVERED,
                    Option.none(), Option.none(), Option.none(), skuLink.get(), Option.none(), Option.none())
                    : DeliveredCode.unreadable(Option.none()));
        }
        return codes;
    }

    /** Judgement: one card as a delivered code, or unreadable (a part that is no text, or no code, PIN or link). */
    private static DeliveredCode card(JsonNode node, Option<Secret> skuLink) {
        if (absent(node) || !node.isObject()) {
            return DeliveredCode.unreadable(Option.none());
        }
        GiftHubDto.Card card = GiftHubDto.read(node, GiftHubDto.Card.class);
        Either<String, Option<Secret>> code = secret(card.redeemCardCode());
        Either<String, Option<Secret>> pin = secret(card.redeemPin());
        Either<String, Option<Secret>> link = secret(card.redeemLink());
        Either<String, Option<Secret>> serial = secret(card.redeemSerialNumber());
        if (code.isLeft() || pin.isLeft() || link.isLeft() || serial.isLeft()) {
            return DeliveredCode.unreadable(Option.none());
        }
        Option<Secret> shownLink = link.get().orElse(skuLink);
        if (code.get().isEmpty() && pin.get().isEmpty() && shownLink.isEmpty()) {
            return DeliveredCode.unreadable(Option.none());
        }
        return new DeliveredCode(CodeStatus.DELIVERED, code.get(), pin.get(), serial.get(), shownLink,
                INSTANCE.instant(card.expirationDate()), Option.none());
    }

    /** Judgement: the redeem steps, else the terms, as plain text; none when absent or unreadable. */
    default Option<String> instructions(JsonNode redeemData) {
        return Option.of(redeemData).filter(JsonNode::isObject).flatMap(r -> Option.of(r.get("redeemInstructions")))
                .filter(JsonNode::isObject)
                .flatMap(i -> Try.of(() -> GiftHubDto.read(i, GiftHubDto.Instructions.class)).toOption())
                .flatMap(i -> text(i.redeem()).orElse(() -> text(i.tnc())));
    }

    /**
     * Judgement: what GiftHub says of each ordered SKU (quote in its base currency, shop item,
     * customer deal, delivered face value); a part that cannot be read is left out here and
     * reported by {@link #unreadableValues}.
     */
    @Named("giftHubLines")
    default List<GiftHubOrder.Line> giftHubLines(GiftHubDto.Order o) {
        Map<String, JsonNode> redeem = nonNull(o.redeem());
        List<GiftHubOrder.Line> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : nonNull(o.products()).entrySet()) {
            Option<GiftHubDto.OrderProduct> product = product(entry.getValue()).toOption();
            Option<GiftHubDto.ShopItem> shop = product.flatMap(p -> shopItem(p.shopItem()).toOption()).flatMap(Option::of);
            Option<BigDecimal> asked = product.flatMap(p -> Option.of(p.request())).flatMap(r -> Option.of(r.quote()))
                    .orElse(() -> shop.flatMap(s -> Option.of(s.quote())));
            Option<Money> quote = shop.flatMap(s -> Option.of(s.baseCurrency()))
                    .flatMap(c -> asked.flatMap(a -> Try.of(() -> Money.of(a, currency(c))).toOption()));
            lines.add(new GiftHubOrder.Line(sku(entry.getKey()), quote, shop.flatMap(s -> text(s.name())),
                    shop.flatMap(s -> text(s.country())), shop.flatMap(s -> text(s.region())),
                    shop.flatMap(s -> text(s.productType())),
                    product.flatMap(p -> deal(p.customerDeal()).toOption()).flatMap(Option::of),
                    faceValue(redeem.get(entry.getKey())).toOption().flatMap(Option::of)));
        }
        return lines;
    }

    /**
     * Judgement: every value of the order that could not be read, with the SKU it belongs to and
     * why (never a secret): a product entry, a count, a quote, a shop item, a customer deal, a
     * face value, a delivered code.
     */
    @Named("unreadableValues")
    default List<ProviderFailure.UnreadableItem> unreadableValues(GiftHubDto.Order o) {
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        Map<String, JsonNode> redeem = nonNull(o.redeem());
        for (Map.Entry<String, JsonNode> entry : nonNull(o.products()).entrySet()) {
            String sku = GiftHubDto.shown(entry.getKey());
            Either<String, GiftHubDto.OrderProduct> product = product(entry.getValue());
            product.flatMap(GiftHubMapper::ordered).swap().peek(why -> unreadable.add(unreadable(sku, why)));
            product.peek(p -> {
                shopItem(p.shopItem()).swap().peek(why -> unreadable.add(unreadable(sku, "shopItem: " + why)));
                shopItem(p.shopItem()).peek(s -> Option.of(s).filter(x -> x.baseCurrency() != null)
                        .filter(x -> Try.of(() -> currency(x.baseCurrency())).isFailure())
                        .peek(x -> unreadable.add(unreadable(sku, "shopItem.baseCurrency is not a currency code"))));
                deal(p.customerDeal()).swap().peek(why -> unreadable.add(unreadable(sku, "customerDeal: " + why)));
            });
        }
        redeem.forEach((key, r) -> {
            String sku = GiftHubDto.shown(key);
            faceValue(r).swap().peek(why -> unreadable.add(unreadable(sku, why)));
            long codes = deliveredCodes(r).stream().filter(c -> c.status() == CodeStatus.UNREADABLE).count();
            if (codes > 0) {
                unreadable.add(unreadable(sku, codes + " delivered code(s) cannot be read (counted as missing)"));
            }
        });
        return unreadable;
    }

    /** Judgement: one product entry of an order; why not when it is no readable entry. */
    private static Either<String, GiftHubDto.OrderProduct> product(JsonNode node) {
        if (absent(node) || !node.isObject()) {
            return Either.left("the product entry is not an object");
        }
        try {
            return Either.right(GiftHubDto.read(node, GiftHubDto.OrderProduct.class));
        } catch (MalformedAnswerException e) {
            return Either.left(e.getMessage());
        }
    }

    /** Judgement: a shop item (none when absent); why not when it cannot be read. */
    private static Either<String, GiftHubDto.ShopItem> shopItem(JsonNode node) {
        return optional(node, GiftHubDto.ShopItem.class);
    }

    /** Judgement: a customer deal (none when absent); why not when it cannot be read. */
    private static Either<String, GiftHubOrder.Deal> deal(JsonNode node) {
        return optional(node, GiftHubDto.CustomerDeal.class).map(d -> d == null ? null
                : new GiftHubOrder.Deal(INSTANCE.text(d.dealState()), adjustment(d.fee()), adjustment(d.discount())));
    }

    private static Option<GiftHubOrder.Adjustment> adjustment(GiftHubDto.Adjustment a) {
        return Option.of(a).filter(x -> x.amount() != null)
                .map(x -> new GiftHubOrder.Adjustment(x.amount(), INSTANCE.text(x.adjustmentMode())));
    }

    /**
     * Judgement: the face value of one SKU's delivered codes ({@code value} in {@code currency});
     * none when absent; why not when either cannot be read.
     */
    private static Either<String, Money> faceValue(JsonNode redeemData) {
        if (absent(redeemData) || !redeemData.isObject()) {
            return Either.right(null);
        }
        JsonNode value = redeemData.get("value");
        JsonNode currency = redeemData.get("currency");
        if (absent(value) && absent(currency)) {
            return Either.right(null);
        }
        try {
            BigDecimal amount = value != null && value.isNumber() ? JsonSupport.bounded(value.decimalValue())
                    : JsonSupport.decimal(MalformedAnswerException.require(value != null && value.isTextual()
                            ? value.asText() : null, "value"));
            return Either.right(Money.of(amount, INSTANCE.currency(MalformedAnswerException.require(
                    currency != null && currency.isTextual() ? currency.asText() : null, "currency"))));
        } catch (RuntimeException e) {
            return Either.left("the face value (redeem value and currency) cannot be read");
        }
    }

    /** Judgement: an optional part of an answer (null when absent); why not when it cannot be read. */
    private static <T> Either<String, T> optional(JsonNode node, Class<T> type) {
        if (absent(node)) {
            return Either.right(null);
        }
        try {
            return Either.right(GiftHubDto.read(node, type));
        } catch (MalformedAnswerException e) {
            return Either.left(e.getMessage());
        }
    }

    /** An item of GiftHub's answer that could not be read, by what identifies it and why. */
    static ProviderFailure.UnreadableItem unreadable(String item, String why) {
        String reason = GiftHubDto.shown(why, 200);
        return new ProviderFailure.UnreadableItem(FailureDetails.of(GiftHubSupplier.PROVIDER,
                "GiftHub sent " + item + " that cannot be read: " + reason), item, reason);
    }

    /** Judgement: the offers of {@link #read(GiftHubDto.Product)}; what cannot be read is left out. */
    default List<GiftHubCatalog.Offer> offers(GiftHubDto.Product p) {
        return read(p).items();
    }

    /**
     * Judgement: each active variant with a positive fixed quote or a range (in the product's base
     * currency) is an offer; an inactive product or variant is not for sale and skipped; an active
     * variant without a readable value, or of a product without a readable base currency, is
     * unreadable (its SKU and why).
     */
    default PagedSequence.Listing<GiftHubCatalog.Offer> read(GiftHubDto.Product p) {
        List<GiftHubCatalog.Offer> offers = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        if (p == null || !active(p.state())) {
            return new PagedSequence.Listing<>(offers, unreadable);
        }
        Try<CurrencyCode> currency = Try.of(() -> currency(MalformedAnswerException.require(p.baseCurrency(),
                "baseCurrency")));
        for (Map.Entry<String, JsonNode> entry : nonNull(p.variants()).entrySet()) {
            String item = GiftHubDto.shown(entry.getKey());
            try {
                GiftHubDto.Variant v = GiftHubDto.read(entry.getValue(), GiftHubDto.Variant.class);
                if (v == null) {
                    throw new MalformedAnswerException("the variant is null");
                }
                String sku = v.sku() != null ? v.sku() : entry.getKey();
                item = GiftHubDto.shown(sku);
                if (!active(v.state())) {
                    continue;
                }
                if (currency.isFailure()) {
                    throw new MalformedAnswerException("its product " + GiftHubDto.shown(p.productId())
                            + " has no readable baseCurrency");
                }
                ProductValue value;
                if (v.quote() != null && v.quote().signum() > 0) {
                    value = new ProductValue.Fixed(Money.of(v.quote(), currency.get()));
                } else if (v.range() != null && v.range().min() != null && v.range().max() != null) {
                    value = new ProductValue.Ranged(Money.of(v.range().min(), currency.get()),
                            Money.of(v.range().max(), currency.get()),
                            Option.of(v.range().step()).filter(s -> s.signum() > 0));
                } else {
                    throw new MalformedAnswerException("neither a positive quote nor a range with min and max");
                }
                String name = text(v.name()).orElse(() -> text(p.name())).getOrElse(sku);
                offers.add(new GiftHubCatalog.Offer(new Product(sku(sku), name, value, List.of(), false,
                        text(p.country())), text(p.productType()).getOrElse("fixed")));
            } catch (MalformedAnswerException e) {
                unreadable.add(unreadable(item, e.getMessage()));
            } catch (RuntimeException e) {
                unreadable.add(unreadable(item, "refused by the domain (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return new PagedSequence.Listing<>(offers, unreadable);
    }

    /** Judgement: one product of a page, read on its own; one that cannot be read at all is unreadable by its id. */
    default PagedSequence.Listing<GiftHubCatalog.Offer> read(JsonNode product) {
        try {
            return read(GiftHubDto.read(product, GiftHubDto.Product.class));
        } catch (MalformedAnswerException e) {
            String id = product != null && product.path("productId").isTextual() ? product.get("productId").asText()
                    : null;
            return new PagedSequence.Listing<>(List.of(), List.of(unreadable("product " + GiftHubDto.shown(id),
                    e.getMessage())));
        }
    }

    /** Judgement: the offers of every product on a page, and what could not be read (a page without results has none). */
    default PagedSequence.Listing<GiftHubCatalog.Offer> offersOf(GiftHubDto.ProductPage page) {
        List<GiftHubCatalog.Offer> offers = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        for (JsonNode product : nonNull(page.result())) {
            PagedSequence.Listing<GiftHubCatalog.Offer> read = read(product);
            offers.addAll(read.items());
            unreadable.addAll(read.unreadable());
        }
        return new PagedSequence.Listing<>(offers, unreadable);
    }

    /**
     * Judgement: the offers of one product of a page (as {@link #read(JsonNode)}: the same items and
     * the same unreadable ones), each with the product's {@code productId}, {@code parentId},
     * {@code region}, {@code customerDeal} and the product item as raw fields (masked by
     * {@code spec}); a deal that cannot be read leaves the deal out and is reported beside, by the
     * product's id and why.
     */
    @Named("giftHubProducts")
    default PagedSequence.Listing<GiftHubProduct> giftHubProducts(JsonNode product, ProviderSpec spec) {
        PagedSequence.Listing<GiftHubCatalog.Offer> offers = read(product);
        if (offers.items().isEmpty()) {
            return new PagedSequence.Listing<>(List.of(), offers.unreadable());
        }
        GiftHubDto.Product p = GiftHubDto.read(product, GiftHubDto.Product.class);
        Either<String, GiftHubOrder.Deal> deal = deal(p.customerDeal());
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>(offers.unreadable());
        deal.swap().peek(why -> unreadable.add(unreadable("product " + GiftHubDto.shown(p.productId()),
                "customerDeal: " + why)));
        RawFields raw = RawFields.of(product, spec);
        List<GiftHubProduct> items = offers.items().stream().map(o -> new GiftHubProduct(o.product(),
                text(p.productId()), text(p.parentId()), text(p.region()), deal.toOption().flatMap(Option::of), raw))
                .toList();
        return new PagedSequence.Listing<>(items, unreadable);
    }

    /**
     * Judgement: the customer info as {@link #balances} and {@link #rates} read it, with its
     * {@code retailCurrency} (none when absent or blank); a retail currency that is not a currency
     * code is a {@link MalformedAnswerException} naming the field, never a guess.
     */
    @Named("account")
    default GiftHubAccount account(GiftHubDto.CustomerInfo info) {
        Option<CurrencyCode> retail = text(info.retailCurrency()).map(c -> Try.of(() -> currency(c))
                .getOrElseThrow(() -> new MalformedAnswerException("retailCurrency is not a currency code")));
        return new GiftHubAccount(balances(info), retail, rates(info.exchangeRates()));
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

    /**
     * Judgement: each rate read on its own; one without both currencies as codes and a positive
     * rate is unreadable (by its position and currencies, and why), never dropped.
     */
    default PagedSequence.Listing<ExchangeRate> rates(List<JsonNode> rates) {
        List<ExchangeRate> read = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        int index = 0;
        for (JsonNode node : nonNull(rates)) {
            String item = "exchange rate " + index++;
            try {
                GiftHubDto.Rate r = MalformedAnswerException.require(GiftHubDto.read(node, GiftHubDto.Rate.class), "rate");
                item += " (" + GiftHubDto.shown(r.baseCurrency()) + " to " + GiftHubDto.shown(r.targetCurrency()) + ")";
                MalformedAnswerException.require(r.baseCurrency(), "baseCurrency");
                MalformedAnswerException.require(r.targetCurrency(), "targetCurrency");
                MalformedAnswerException.require(r.rate(), "rate");
                if (Try.of(() -> currency(r.baseCurrency())).isFailure()
                        || Try.of(() -> currency(r.targetCurrency())).isFailure()) {
                    throw new MalformedAnswerException("a currency is not a three-letter code");
                }
                if (r.rate().signum() <= 0) {
                    throw new MalformedAnswerException("the rate is not positive");
                }
                read.add(rate(r));
            } catch (MalformedAnswerException e) {
                unreadable.add(unreadable(item, e.getMessage()));
            } catch (RuntimeException e) {
                unreadable.add(unreadable(item, "refused by the domain (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return new PagedSequence.Listing<>(read, unreadable);
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

    /**
     * Judgement: the price of one code in the line total's currency (the wallet's), when the total
     * divides exactly by the quantity in that currency's digits; none otherwise.
     */
    default Option<Money> unitPrice(Option<Money> lineTotal, int quantity) {
        return lineTotal.flatMap(t -> Try.of(() -> Money.of(t.amount().divide(BigDecimal.valueOf(quantity),
                Math.max(t.amount().scale(), t.currency().fractionDigits()), RoundingMode.UNNECESSARY),
                t.currency())).toOption());
    }

    /** Value conversion: GiftHub's {@code metaData} (or any part) as a masked, read-only copy. */
    default RawFields raw(JsonNode node) {
        return RawFields.of(node, MASKING);
    }

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

    /**
     * A secret part sent as text (or a number, as some PINs are): none when absent, null or blank;
     * why not when it is an object, array or boolean.
     */
    private static Either<String, Option<Secret>> secret(JsonNode value) {
        if (absent(value)) {
            return Either.right(Option.none());
        }
        if (value.isTextual() || value.isNumber()) {
            return Either.right(Option.of(value.asText()).filter(v -> !v.isBlank()).map(Secret::of));
        }
        return Either.left("not text");
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** The elements of a JSON array; a lone value as one element; none when absent. */
    private static List<JsonNode> elements(JsonNode node) {
        if (absent(node)) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else {
            elements.add(node);
        }
        return elements;
    }

    /**
     * The count of one ordered SKU: none sent is 0 (as before: the line is left out); a
     * negative, fractional or non-numeric count, or one beyond {@code int}, is why not.
     */
    private static Either<String, Integer> ordered(GiftHubDto.OrderProduct product) {
        JsonNode q = product.request() == null ? null : product.request().quantity();
        if (absent(q) || q.isTextual() && q.asText().isBlank()) {
            return Either.right(0);
        }
        BigDecimal n;
        try {
            n = q.isNumber() ? q.decimalValue() : q.isTextual() ? JsonSupport.decimal(q.asText()) : null;
        } catch (RuntimeException e) {
            n = null;
        }
        if (n == null) {
            return Either.left("request.quantity is not a number");
        }
        if (n.signum() < 0) {
            return Either.left("request.quantity is negative");
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            return Either.left("request.quantity is not a whole number");
        }
        if (n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Either.left("request.quantity is larger than " + Integer.MAX_VALUE);
        }
        return Either.right(n.intValue());
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

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
