package io.voucherport.adapter.ez;

import io.vavr.control.Option;
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
import io.voucherport.domain.supply.PriceTier;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
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

    default int quantity(Integer quantity) {
        return quantity == null ? 0 : quantity;
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
        return new SkuCodes(sku(product.sku()), product.quantity() == null ? codes.size() : product.quantity(), codes);
    }

    /** A code counts as delivered only when EZ says COMPLETED and sent a code or PIN; otherwise it is pending. */
    default DeliveredCode code(EzDto.Code code) {
        Option<String> stockId = text(code.stockId());
        Option<Secret> redeemCode = text(code.redeemCode()).map(Secret::of);
        Option<Secret> pin = text(code.pinCode()).map(Secret::of);
        if (EzStatuses.codeStatus(code.status()) == CodeStatus.DELIVERED && (redeemCode.isDefined() || pin.isDefined())) {
            return new DeliveredCode(CodeStatus.DELIVERED, redeemCode, pin, Option.none(), Option.none(),
                    Option.none(), stockId);
        }
        return DeliveredCode.pending(stockId);
    }

    /**
     * Judgement: a ranged value when EZ sends both bounds, a fixed value otherwise (none at all is
     * refused); price tiers without a price are skipped, a single price is one tier from 1; the
     * delivery is instant unless EZ says otherwise; a blank name falls back to the SKU.
     */
    default Product product(EzDto.Product p) {
        Option<Money> fixed = money(p.faceValue());
        Option<Money> min = money(p.minFaceValue());
        Option<Money> max = money(p.maxFaceValue());
        ProductValue value = min.isDefined() && max.isDefined()
                ? new ProductValue.Ranged(min.get(), max.get(), Option.of(p.faceValueStep()))
                : new ProductValue.Fixed(fixed.getOrElseThrow(
                        () -> new IllegalArgumentException("product " + p.sku() + " has no face value")));
        List<PriceTier> tiers = nonNull(p.priceTiers()).stream()
                .flatMap(t -> money(t.unitPrice()).map(price -> new PriceTier(quantityOrOne(t.minQuantity()), price))
                        .toJavaStream())
                .toList();
        if (tiers.isEmpty()) {
            tiers = money(p.price()).map(price -> List.of(new PriceTier(1, price))).getOrElse(List.of());
        }
        boolean instant = p.deliveryType() == null || p.deliveryType().strip().equalsIgnoreCase("INSTANT");
        return new Product(sku(p.sku()), p.name() == null || p.name().isBlank() ? p.sku() : p.name(), value, tiers,
                instant, text(p.countryCode()));
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

    private static int quantityOrOne(Integer quantity) {
        return quantity == null || quantity < 1 ? 1 : quantity;
    }

    private static Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
