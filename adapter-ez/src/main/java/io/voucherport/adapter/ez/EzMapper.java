package io.voucherport.adapter.ez;

import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.domain.Secret;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.OrderedLine;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueMappingStrategy;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Both directions between EZ's wire shapes and the domain: EZ's answers to domain types, and order
 * requests to EZ's request bodies. MapStruct generates every method built field by field; the
 * hand-written defaults are the value conversions it uses as building blocks and the shapes that
 * need a judgement, each marked as which. Throws {@link IllegalArgumentException} when EZ sent
 * something the domain refuses; the request path reports that as an unexpected response
 * ({@code OutcomeUnknown} after a placement).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR,
        nullValueIterableMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT)
interface EzMapper {

    EzMapper INSTANCE = Mappers.getMapper(EzMapper.class);

    // EZ's answers → domain (generated)

    @Mapping(target = "id", source = "transactionId")
    @Mapping(target = "reference", source = "clientOrderNumber")
    @Mapping(target = "lines", source = "products")
    SupplierOrder order(EzDto.Order order);

    OrderedLine line(EzDto.OrderProduct product);

    @Mapping(target = "skus", source = "products")
    OrderCodes codes(SupplierOrderId orderId, List<EzDto.CodesProduct> products);

    // order requests → EZ's request bodies (generated)

    /** An instant order of {@code line} (one code of one SKU), EZ's duplicate check on. */
    @Mapping(target = "clientOrderNumber", source = "request.reference")
    @Mapping(target = "enableClientOrderNumberDupCheck", constant = "true")
    @Mapping(target = "sku", source = "line.sku")
    @Mapping(target = "payWithCurrency", source = "request.settlementCurrency")
    EzDto.InstantOrderRequest instantOrder(OrderRequest request, OrderLine line);

    /** A bulk order of every line of {@code request}, EZ's duplicate check on. */
    @Mapping(target = "clientOrderNumber", source = "reference")
    @Mapping(target = "enableClientOrderNumberDupCheck", constant = "true")
    @Mapping(target = "products", source = "lines")
    @Mapping(target = "payWithCurrency", source = "settlementCurrency")
    EzDto.BulkOrderRequest bulkOrder(OrderRequest request);

    /** One line of a bulk order; a face value is refused before mapping (EZ sells fixed values only). */
    EzDto.Line requestLine(OrderLine line);

    // value conversions: MapStruct's building blocks, both directions

    default SupplierOrderId orderId(String transactionId) {
        return SupplierOrderId.of(transactionId);
    }

    default Sku sku(String sku) {
        return Sku.of(sku);
    }

    default OrderStatus status(String raw) {
        return EzStatuses.orderStatus(raw);
    }

    /** Value conversion: an absent quantity is 0 (a line then fails validation); anything else must be a count. */
    default int quantity(BigDecimal quantity) {
        return quantity == null ? 0 : count(quantity, "quantity");
    }

    default Option<OrderReference> reference(String clientOrderNumber) {
        return Option.of(clientOrderNumber).filter(r -> !r.isBlank()).map(OrderReference::of);
    }

    default Option<Instant> instant(String timestamp) {
        return Timestamps.parse(timestamp);
    }

    default Option<Money> money(EzDto.Money money) {
        return Option.of(money).filter(m -> m.amount() != null && m.currency() != null)
                .map(m -> Money.of(m.amount(), currency(m.currency())));
    }

    default CurrencyCode currency(String code) {
        return CurrencyCode.of(code.strip().toUpperCase(Locale.ROOT));
    }

    default String referenceValue(OrderReference reference) {
        return reference.value();
    }

    default String skuValue(Sku sku) {
        return sku.value();
    }

    /** The settlement currency's code; absent (EZ's default currency) when none is asked for. */
    default String currencyCode(Option<CurrencyCode> currency) {
        return currency.map(CurrencyCode::code).getOrNull();
    }

    // shapes that need a judgement

    /** Judgement: the ordered count is EZ's {@code quantity}, or the number of codes listed when EZ omits it. */
    default SkuCodes skuCodes(EzDto.CodesProduct product) {
        List<DeliveredCode> codes = nonNull(product.codes()).stream().map(this::code).toList();
        return new SkuCodes(sku(product.sku()),
                product.quantity() == null ? codes.size() : count(product.quantity(), "quantity"), codes);
    }

    /**
     * Judgement, one code on its own, its {@code status} read first: a readable status other than
     * COMPLETED is pending whatever the other fields hold (EZ leaves them empty until then, and a
     * pending code is awaited, never given up). A COMPLETED code, or one without a readable status,
     * is delivered when EZ sent a code or PIN, pending when it sent neither, and unreadable
     * (missing, never delivered, its stock id kept when readable) when it is no object or a field
     * has a shape no code has (an object, an array, a fraction as PIN, a boolean).
     */
    default DeliveredCode code(EzDto.Code code) {
        if (code == null || !code.object()) {
            return DeliveredCode.unreadable(Option.none());
        }
        Option<Option<String>> stock = scalar(code.stockId(), true);
        Option<String> stockId = stock.getOrElse(Option.none());
        Option<Option<String>> status = scalar(code.status(), false);
        if (status.isDefined() && status.get().isDefined()
                && EzStatuses.codeStatus(status.get().get()) != CodeStatus.DELIVERED) {
            return DeliveredCode.pending(stockId);
        }
        Option<Option<String>> redeem = scalar(code.redeemCode(), false);
        Option<Option<String>> pinText = scalar(code.pinCode(), true);
        if (stock.isEmpty() || status.isEmpty() || redeem.isEmpty() || pinText.isEmpty()) {
            return DeliveredCode.unreadable(stockId);
        }
        try {
            Option<Secret> redeemCode = redeem.get().map(Secret::of);
            Option<Secret> pin = pinText.get().map(Secret::of);
            if (EzStatuses.codeStatus(status.get().getOrNull()) == CodeStatus.DELIVERED
                    && (redeemCode.isDefined() || pin.isDefined())) {
                return new DeliveredCode(CodeStatus.DELIVERED, redeemCode, pin, Option.none(), Option.none(),
                        Option.none(), stockId);
            }
            return DeliveredCode.pending(stockId);
        } catch (IllegalArgumentException refused) {   // a value the domain refuses (say, a control character)
            return DeliveredCode.unreadable(stockId);
        }
    }

    /**
     * Judgement: the order in the domain's words plus EZ's own fields; an {@code fxSummary} pair is
     * {@code BASE/QUOTE}, dated by its {@code asOfDate}; the first {@code unitPriceOriginal} of a SKU
     * counts (EZ lists each SKU once).
     */
    default EzOrder ezOrder(EzDto.Order order, RawFields raw) {
        java.util.Map<Sku, Money> original = new java.util.LinkedHashMap<>();
        for (EzDto.OrderProduct product : nonNull(order.products())) {
            if (product != null && product.sku() != null) {
                money(product.unitPriceOriginal()).peek(m -> original.putIfAbsent(sku(product.sku()), m));
            }
        }
        List<ExchangeRate> fx = nonNull(order.fxSummary()).stream()
                .map(f -> rate(new EzDto.Rate(f.pair(), null, null, f.rate()), Timestamps.parse(f.asOfDate())))
                .toList();
        return new EzOrder(order(order), text(order.ezOrderNumber()), text(order.payWithCurrency()).map(this::currency),
                fx, original, raw);
    }

    /** Value conversion: EZ's balance is one amount in one currency, without frozen or credit amounts. */
    default Balance balance(EzDto.Balance balance) {
        return Balance.of(Money.of(balance.balance(), currency(balance.currency())));
    }

    /** Judgement: EZ dates its rate table once ({@code updatedAt}); every rate carries that date. */
    default List<ExchangeRate> rates(EzDto.Rates rates) {
        Option<Instant> asOf = Timestamps.parse(rates.updatedAt());
        return nonNull(rates.rates()).stream().map(r -> rate(r, asOf)).toList();
    }

    /**
     * Judgement: the rates as {@link #rates}, with the currencies EZ's products are priced in (none
     * when EZ sends none) and the table's date; a product currency that is not a currency code is a
     * {@link MalformedAnswerException}, never left out.
     */
    default EzRates ezRates(EzDto.Rates rates) {
        List<CurrencyCode> currencies = nonNull(rates.productCurrencies()).stream().map(c -> {
            if (c == null || c.isBlank()) {
                throw new MalformedAnswerException("a product currency is empty");
            }
            try {
                return currency(c);
            } catch (IllegalArgumentException notACode) {
                throw new MalformedAnswerException("a product currency is not a currency code");
            }
        }).toList();
        return new EzRates(rates(rates), currencies, Timestamps.parse(rates.updatedAt()));
    }

    /** Judgement: the currencies are {@code base} and {@code quote}, or else read from a six-letter {@code pair}. */
    default ExchangeRate rate(EzDto.Rate rate, Option<Instant> asOf) {
        String base = rate.base();
        String quote = rate.quote();
        if ((base == null || quote == null) && rate.pair() != null) {
            String pair = rate.pair().replace("/", "").strip();
            base = pair.length() == 6 ? pair.substring(0, 3) : base;
            quote = pair.length() == 6 ? pair.substring(3) : quote;
        }
        if (base == null || quote == null) {
            throw new IllegalArgumentException("exchange rate names no currency pair");
        }
        return new ExchangeRate(currency(base), currency(quote), rate.rate(), asOf);
    }

    /**
     * Value conversion: a count EZ sent (a quantity, a total) as an {@code int}: a whole number
     * from 0 to {@link Integer#MAX_VALUE}. Anything else — negative, a fraction, beyond an
     * {@code int} — is a {@link MalformedAnswerException} naming {@code what}, never clamped.
     */
    static int count(BigDecimal value, String what) {
        BigDecimal whole;
        try {
            whole = value.stripTrailingZeros().scale() <= 0 ? value.setScale(0) : null;
        } catch (ArithmeticException fraction) {
            whole = null;
        }
        if (whole == null || whole.signum() < 0 || whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new MalformedAnswerException("the " + what + " is not a count (a whole number from 0 to "
                    + Integer.MAX_VALUE + "): " + JsonSupport.bounded(value).toString());
        }
        return whole.intValueExact();
    }

    /**
     * A scalar field of a code: none when its shape is no scalar a code holds (the field is then
     * unreadable); some(none) when absent, null or blank; some(text) otherwise. A number is taken
     * as text when whole (EZ documents {@code stockId} and {@code pinCode} as integers), a fraction
     * only when {@code wholeOnly} is false.
     */
    private static Option<Option<String>> scalar(EzDto.Field field, boolean wholeOnly) {
        return switch (field.shape()) {
            case EMPTY -> Option.some(Option.none());
            case TEXT -> Option.some(text(field.text()));
            case WHOLE -> Option.some(Option.some(field.text()));
            case FRACTION -> wholeOnly ? Option.none() : Option.some(Option.some(field.text()));
            case OTHER -> Option.none();
        };
    }

    private static Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
