package io.voucherport.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.ConsumeUnit;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.OrderedLine;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The floor: a hand-written client of the four measured calls on a plain JDK transport, reading
 * answers with one reused Jackson mapper straight into records and mapping them by hand into the
 * same domain objects the adapters return. No retries, no masking, no failure values: the least
 * work a correct call needs.
 */
public final class FloorClient implements BenchClient {

    /** A plain JDK HTTP transport. */
    interface Transport extends AutoCloseable {
        /** Sends and returns the answer's body stream (2xx only; anything else throws). */
        InputStream exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException;

        @Override
        void close();
    }

    // --- the wire records (only what is mapped) ---
    record EzEnvelope<T>(T data) {
    }

    record EzCodesProduct(String sku, Integer quantity, List<EzCode> codes) {
    }

    record EzCode(String stockId, String status, String redeemCode, String pinCode) {
    }

    record EzMoney(BigDecimal amount, String currency) {
    }

    record EzOrder(String transactionId, String clientOrderNumber, String status, EzMoney grandTotal, String createdAt,
            List<EzLine> products) {
    }

    record EzLine(String sku, Integer quantity, EzMoney unitPrice, EzMoney totalPrice, String status) {
    }

    record EpToken(String accessToken) {
    }

    record EpPage(List<EpCode> data, EpMeta meta) {
    }

    record EpMeta(EpResults results) {
    }

    record EpResults(Long total) {
    }

    record EpCode(String id, String code, String consumeUnit, Integer uses, Integer maxUses, String createdBy,
            EpCodeMeta meta) {
    }

    record EpCodeMeta(EpTimestamps timestamps) {
    }

    record EpTimestamps(String createdAt) {
    }

    record SlEnvelope(int code, SlData data) {
    }

    record SlData(SlCode discountCode) {
    }

    record SlCode(String id, String priceRuleId, String code, String createdAt, String updatedAt, boolean useWithOther,
            int usageCount) {
    }

    private static final TypeReference<EzEnvelope<List<EzCodesProduct>>> EZ_CODES = new TypeReference<>() {
    };
    private static final TypeReference<EzEnvelope<EzOrder>> EZ_ORDER = new TypeReference<>() {
    };

    private final ObjectMapper camel = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final ObjectMapper snake = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private final Transport transport;
    private final Map<String, String> ezHeaders = Map.of("x-api-key", "bench-api-key-1234567890",
            "Authorization", "Bearer bench-bearer-0987654321", "Accept", "application/json");
    private volatile String epToken;

    FloorClient(Transport transport) {
        this.transport = transport;
    }

    @Override
    public Object call(Scenario scenario) {
        try {
            return switch (scenario) {
                case EZ_CODES -> ezCodes(SupplierOrderId.of(Payloads.EZ_TRANSACTION));
                case EZ_INSTANT_ORDER -> ezInstantOrder(OrderReference.of(Payloads.EZ_REFERENCE), Sku.of(Payloads.EZ_SKU));
                case EP_ALL_CODES -> allCodes(Payloads.EP_PROMOTION);
                case SHOPLAZZA_CODE -> discountCode(Payloads.SHOPLAZZA_RULE, Payloads.SHOPLAZZA_CODE);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OrderCodes ezCodes(SupplierOrderId id) throws IOException {
        EzEnvelope<List<EzCodesProduct>> envelope;
        try (InputStream in = transport.exchange("GET", "/v2/orders/" + id.value() + "/codes", ezHeaders, null)) {
            envelope = camel.readValue(in, EZ_CODES);
        }
        return mapCodes(id, envelope);
    }

    /** Hand mapping of EZ codes, as the adapter maps them. */
    static OrderCodes mapCodes(SupplierOrderId id, EzEnvelope<List<EzCodesProduct>> envelope) {
        List<SkuCodes> skus = new ArrayList<>();
        for (EzCodesProduct product : envelope.data()) {
            List<DeliveredCode> codes = new ArrayList<>(product.codes().size());
            for (EzCode c : product.codes()) {
                codes.add("COMPLETED".equals(c.status())
                        ? new DeliveredCode(CodeStatus.DELIVERED, Option.some(Secret.of(c.redeemCode())),
                                Option.some(Secret.of(c.pinCode())), Option.none(), Option.none(), Option.none(),
                                Option.some(c.stockId()))
                        : DeliveredCode.pending(Option.of(c.stockId())));
            }
            skus.add(new SkuCodes(Sku.of(product.sku()), product.quantity(), codes));
        }
        return new OrderCodes(id, skus);
    }

    SupplierOrder ezInstantOrder(OrderReference reference, Sku sku) throws IOException {
        byte[] body = ("{\"clientOrderNumber\":\"" + reference.value() + "\",\"enableClientOrderNumberDupCheck\":true,"
                + "\"sku\":\"" + sku.value() + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("x-api-key", ezHeaders.get("x-api-key"), "Authorization",
                ezHeaders.get("Authorization"), "Accept", "application/json", "Content-Type", "application/json");
        EzEnvelope<EzOrder> envelope;
        try (InputStream in = transport.exchange("POST", "/v2/orders/instant", headers, body)) {
            envelope = camel.readValue(in, EZ_ORDER);
        }
        return mapOrder(envelope.data());
    }

    /** Hand mapping of an EZ order, as the adapter maps it. */
    static SupplierOrder mapOrder(EzOrder o) {
        List<OrderedLine> lines = new ArrayList<>();
        for (EzLine l : o.products()) {
            lines.add(new OrderedLine(Sku.of(l.sku()), l.quantity(), money(l.unitPrice()), money(l.totalPrice()),
                    status(l.status())));
        }
        return new SupplierOrder(SupplierOrderId.of(o.transactionId()), Option.some(OrderReference.of(o.clientOrderNumber())),
                status(o.status()), lines, money(o.grandTotal()), Option.some(Instant.parse(o.createdAt())));
    }

    List<PromotionCode> allCodes(String promotion) throws IOException {
        if (epToken == null) {
            byte[] form = "grant_type=client_credentials&client_id=bench-client&client_secret=bench-secret-42"
                    .getBytes(StandardCharsets.UTF_8);
            try (InputStream in = transport.exchange("POST", "/oauth/access_token",
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), form)) {
                epToken = snake.readValue(in, EpToken.class).accessToken();
            }
        }
        Map<String, String> headers = Map.of("Authorization", "Bearer " + epToken, "Accept", "application/json");
        List<PromotionCode> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            EpPage page;
            try (InputStream in = transport.exchange("GET", "/v2/promotions/" + promotion + "/codes?page%5Blimit%5D="
                    + Payloads.EP_PAGE + "&page%5Boffset%5D=" + offset, headers, null)) {
                page = snake.readValue(in, EpPage.class);
            }
            all.addAll(mapPage(page));
            offset += page.data().size();
            if (page.data().isEmpty() || offset >= page.meta().results().total()) {
                return all;
            }
        }
    }

    /** Hand mapping of an Elastic Path page of standard-engine codes, as the adapter maps it. */
    static List<PromotionCode> mapPage(EpPage page) {
        List<PromotionCode> codes = new ArrayList<>(page.data().size());
        for (EpCode c : page.data()) {
            codes.add(new PromotionCode(CodeText.of(c.code()), Option.of(c.id()),
                    Option.of(c.consumeUnit()).map(u -> u.equals("per_cart") ? ConsumeUnit.PER_CART
                            : u.equals("per_item") ? ConsumeUnit.PER_ITEM : new ConsumeUnit.Unknown(u)),
                    Option.none(), Option.of(c.uses()), Option.of(c.maxUses()), Option.of(c.createdBy()),
                    Option.some(Instant.parse(c.meta().timestamps().createdAt()))));
        }
        return codes;
    }

    DiscountCode discountCode(String rule, String code) throws IOException {
        SlEnvelope envelope;
        try (InputStream in = transport.exchange("GET", "/openapi/2025-06/price_rules/" + rule + "/discount_codes/" + code,
                Map.of("Access-Token", "bench-access-token-5566", "Accept", "application/json"), null)) {
            envelope = snake.readValue(in, SlEnvelope.class);
        }
        return mapDiscountCode(envelope);
    }

    /** Hand mapping of a Shoplazza 2025-06 code, as the adapter maps it. */
    static DiscountCode mapDiscountCode(SlEnvelope envelope) {
        if (envelope.code() != 200) {
            throw new IllegalStateException("Shoplazza answered code " + envelope.code());
        }
        SlCode c = envelope.data().discountCode();
        return new DiscountCode(DiscountCodeId.of(c.id()), PriceRuleId.of(c.priceRuleId()), c.code(), c.usageCount(),
                c.useWithOther(), Option.some(Instant.parse(c.createdAt())), Option.some(Instant.parse(c.updatedAt())));
    }

    /** The mapper for camelCase answers (EZ). */
    ObjectMapper camel() {
        return camel;
    }

    /** The mapper for snake_case answers (Elastic Path, Shoplazza). */
    ObjectMapper snake() {
        return snake;
    }

    private static Option<Money> money(EzMoney m) {
        return m == null ? Option.none() : Option.some(Money.of(m.amount(), CurrencyCode.of(m.currency())));
    }

    private static OrderStatus status(String raw) {
        return switch (raw) {
            case "PROCESSING" -> OrderStatus.PROCESSING;
            case "COMPLETED" -> OrderStatus.COMPLETED;
            case "CANCELLED" -> OrderStatus.CANCELLED;
            default -> new OrderStatus.Unknown(raw);
        };
    }

    @Override
    public void close() {
        transport.close();
    }
}
