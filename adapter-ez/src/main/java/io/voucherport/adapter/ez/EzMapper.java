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
import io.voucherport.domain.supply.OrderReference;
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
 * EZ wire shapes to domain types. MapStruct generates the order mapping; Vavr wrapping and the
 * shapes that need judgement (pending codes, product values) are written by hand. Throws
 * {@link IllegalArgumentException} when the provider sent something the domain refuses; the
 * caller's guard reports that as an unexpected response.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR,
        nullValueIterableMappingStrategy = NullValueMappingStrategy.RETURN_DEFAULT)
interface EzMapper {

    EzMapper INSTANCE = Mappers.getMapper(EzMapper.class);

    @Mapping(target = "id", source = "transactionId")
    @Mapping(target = "reference", source = "clientOrderNumber")
    @Mapping(target = "lines", source = "products")
    SupplierOrder order(EzDto.Order order);

    OrderedLine line(EzDto.OrderProduct product);

    List<SupplierOrder> orders(List<EzDto.Order> orders);

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

    default OrderCodes codes(SupplierOrderId orderId, List<EzDto.CodesProduct> products) {
        return new OrderCodes(orderId, nonNull(products).stream().map(this::skuCodes).toList());
    }

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

    default Balance balance(EzDto.Balance balance) {
        return Balance.of(Money.of(balance.balance(), currency(balance.currency())));
    }

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
