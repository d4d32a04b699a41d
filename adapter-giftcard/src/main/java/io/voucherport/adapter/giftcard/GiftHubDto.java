package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Masker;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * GiftHub wire shapes. Every field may be absent; unknown fields are ignored. Timestamps are kept
 * as JSON ({@code {_seconds, _nanoseconds}}, epoch numbers or ISO text) and read by
 * {@link GiftHubMapper#instant}. Where one item of a list must not spoil the others (products,
 * rates, redeem data, cards, PINs, counts) it is kept as JSON and read on its own with
 * {@link #read}.
 */
final class GiftHubDto {

    /** Reads one kept JSON item; the same settings (and number bounds) as the request path's. */
    private static final ObjectMapper JSON = JsonSupport.newObjectMapper();
    /** Longest provider text quoted in an unreadable item's id or reason. */
    private static final int SHOWN = 64;

    private GiftHubDto() {
    }

    /**
     * One kept JSON item as {@code type}; a {@link MalformedAnswerException} naming the field that
     * could not be read (never its value) otherwise.
     */
    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                path.append(path.length() == 0 ? "" : ".")
                        .append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
            }
            throw new MalformedAnswerException(path.length() == 0 ? "not a " + noun(type)
                    : shown(path.toString()) + " cannot be read");
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedAnswerException("not a " + noun(type));
        }
    }

    /**
     * A copy of a retrieved order (or webhook) whose redeem data holds no secret outside a named
     * secret field: a SKU's redeem data or a card that is no object (a bare code) becomes
     * {@link Masker#MASK}. Named fields ({@code redeemCardCode}, …) are masked by the spec after.
     */
    static JsonNode withoutLooseSecrets(JsonNode order) {
        if (order == null || !order.isObject()) {
            return order;
        }
        ObjectNode copy = order.deepCopy();
        for (String field : List.of("redeem", "redeemData")) {
            JsonNode redeem = copy.get(field);
            if (redeem == null || redeem.isNull()) {
                continue;
            }
            if (!redeem.isObject()) {
                copy.put(field, Masker.MASK);
                continue;
            }
            ObjectNode perSku = (ObjectNode) redeem;
            List<String> skus = new java.util.ArrayList<>();
            perSku.fieldNames().forEachRemaining(skus::add);
            for (String sku : skus) {
                JsonNode data = perSku.get(sku);
                if (!data.isObject()) {
                    perSku.set(sku, data.isNull() ? data : TextNode.valueOf(Masker.MASK));
                    continue;
                }
                JsonNode cards = data.get("cards");
                if (cards != null && cards.isArray()) {
                    ArrayNode array = (ArrayNode) cards;
                    for (int i = 0; i < array.size(); i++) {
                        if (!array.get(i).isObject() && !array.get(i).isNull()) {
                            array.set(i, TextNode.valueOf(Masker.MASK));
                        }
                    }
                } else if (cards != null && !cards.isObject() && !cards.isNull()) {
                    ((ObjectNode) data).put("cards", Masker.MASK);
                }
            }
        }
        return copy;
    }

    /** Provider text as it may be quoted in an unreadable item: control characters replaced, at most 64 characters. */
    static String shown(String text) {
        return shown(text, SHOWN);
    }

    /** {@link #shown(String)} with at most {@code limit} characters. */
    static String shown(String text, int limit) {
        if (text == null || text.isBlank()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(limit).forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return text.codePointCount(0, text.length()) > limit ? out + "…" : out.toString();
    }

    private static String noun(Class<?> type) {
        return "GiftHub " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code {message, data}} around every answer, and GiftHub's error body. */
    record Envelope<T>(String message, T data) {
    }

    /** The data of an answer; one without a body or without data is malformed. */
    static <T> T data(Envelope<T> envelope) {
        MalformedAnswerException.require(envelope, "body");
        return MalformedAnswerException.require(envelope.data(), "data");
    }

    /** A page of products, each kept as JSON and read on its own. */
    record ProductPage(String nextPageToken, List<JsonNode> result) {
    }

    /** A catalog product; its {@code customerDeal} kept as JSON and read on its own. */
    record Product(
            String productId, String parentId, String name, String country, String region, String baseCurrency,
            String state, String productType, Map<String, JsonNode> variants, JsonNode customerDeal) {
    }

    record Variant(String sku, String name, String state, BigDecimal quote, Range range) {
    }

    record Range(BigDecimal min, BigDecimal max, BigDecimal step) {
    }

    record CustomerInfo(Map<String, Wallet> wallets, String retailCurrency, List<JsonNode> exchangeRates) {
    }

    record Wallet(BigDecimal balance, BigDecimal frozenBalance, BigDecimal creditBalance) {
    }

    record Rate(String baseCurrency, String targetCurrency, BigDecimal rate, JsonNode modifiedDate) {
    }

    record CreateOrderRequest(List<ProductLine> productList, String wallet, String reference, String webhookUrl) {
    }

    record ProductLine(String sku, String productType, BigDecimal quote, int quantity) {
    }

    record CreatedOrder(String id, List<JsonNode> exchangeRates, Invoice invoice, Invoice retailInvoice, JsonNode expiresAt) {
    }

    record ConfirmRequest(String orderId) {
    }

    record Confirmed(String id, String state) {
    }

    /**
     * The retrieved order; the example names its id {@code uid}, create answers {@code id}. Its
     * products and redeem data are kept as JSON per SKU and read one by one.
     */
    record Order(
            String uid, String id, String state, Map<String, JsonNode> products, List<JsonNode> exchangeRates,
            Invoice invoice, Invoice retailInvoice, JsonNode createdDate, JsonNode modifiedDate,
            Map<String, JsonNode> redeem, String reference) {
    }

    /** One ordered SKU, read on its own; its deal and shop item kept as JSON and read on their own too. */
    record OrderProduct(String sku, Request request, JsonNode customerDeal, JsonNode shopItem) {
    }

    /** What was asked for; the quantity kept as JSON so that a count out of range is reported, not clamped. */
    record Request(BigDecimal quote, JsonNode quantity) {
    }

    /** The customer's deal on a SKU: {@code dealState}, a fee and a discount. */
    record CustomerDeal(String dealState, Adjustment fee, Adjustment discount) {
    }

    /** A fee or discount: an amount and how it applies ({@code percentage}, …). */
    record Adjustment(BigDecimal amount, String adjustmentMode) {
    }

    record ShopItem(String country, BigDecimal quote, String name, String region, String productType,
            String baseCurrency) {
    }

    record Invoice(BigDecimal total, String wallet, String paymentMethod, String status, List<InvoiceRecord> records) {
    }

    record InvoiceRecord(String sku, Map<String, BigDecimal> total, List<InvoiceItem> items) {
    }

    record InvoiceItem(String type, String description, Effect effect, JsonNode metaData) {
    }

    record Effect(BigDecimal amount, String currency) {
    }

    /** The redeem data of one SKU; every part kept as JSON so that one odd part spoils nothing else. */
    record Redeem(JsonNode currency, JsonNode value, JsonNode redeemLink, JsonNode redeemPin, JsonNode cards,
            JsonNode redeemInstructions) {
    }

    /** One card; every part kept as JSON so that a card that cannot be read is reported as such. */
    record Card(JsonNode redeemLink, JsonNode redeemCardCode, JsonNode redeemSerialNumber, JsonNode redeemPin,
            JsonNode expirationDate) {
    }

    record Instructions(String tnc, String tncHtml, String redeem, String redeemHtml, String languageCode) {
    }

    /** The delivery webhook's body. */
    record Webhook(String orderId, String orderState, String reference, Map<String, JsonNode> redeemData) {
    }
}
