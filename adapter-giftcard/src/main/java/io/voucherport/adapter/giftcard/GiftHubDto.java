package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.JsonNode;
import io.voucherport.adapter.support.MalformedAnswerException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * GiftHub wire shapes. Every field may be absent; unknown fields are ignored. Timestamps are kept
 * as JSON ({@code {_seconds, _nanoseconds}}, epoch numbers or ISO text) and read by
 * {@link GiftHubMapper#instant}.
 */
final class GiftHubDto {

    private GiftHubDto() {
    }

    /** {@code {message, data}} around every answer, and GiftHub's error body. */
    record Envelope<T>(String message, T data) {
    }

    /** The data of an answer; one without a body or without data is malformed. */
    static <T> T data(Envelope<T> envelope) {
        MalformedAnswerException.require(envelope, "body");
        return MalformedAnswerException.require(envelope.data(), "data");
    }

    record ProductPage(String nextPageToken, List<Product> result) {
    }

    record Product(
            String productId, String parentId, String name, String country, String region, String baseCurrency,
            String state, String productType, Map<String, Variant> variants) {
    }

    record Variant(String sku, String name, String state, BigDecimal quote, Range range) {
    }

    record Range(BigDecimal min, BigDecimal max, BigDecimal step) {
    }

    record CustomerInfo(Map<String, Wallet> wallets, String retailCurrency, List<Rate> exchangeRates) {
    }

    record Wallet(BigDecimal balance, BigDecimal frozenBalance, BigDecimal creditBalance) {
    }

    record Rate(String baseCurrency, String targetCurrency, BigDecimal rate, JsonNode modifiedDate) {
    }

    record CreateOrderRequest(List<ProductLine> productList, String wallet, String reference, String webhookUrl) {
    }

    record ProductLine(String sku, String productType, BigDecimal quote, int quantity) {
    }

    record CreatedOrder(String id, List<Rate> exchangeRates, Invoice invoice, Invoice retailInvoice, JsonNode expiresAt) {
    }

    record ConfirmRequest(String orderId) {
    }

    record Confirmed(String id, String state) {
    }

    /** The retrieved order; the example names its id {@code uid}, create answers {@code id}. */
    record Order(
            String uid, String id, String state, Map<String, OrderProduct> products, List<Rate> exchangeRates,
            Invoice invoice, Invoice retailInvoice, JsonNode createdDate, JsonNode modifiedDate,
            Map<String, Redeem> redeem, String reference) {
    }

    record OrderProduct(String sku, Request request, ShopItem shopItem) {
    }

    record Request(BigDecimal quote, Integer quantity) {
    }

    record ShopItem(String country, BigDecimal quote, String name, String region, String productType,
            String baseCurrency) {
    }

    record Invoice(BigDecimal total, String wallet, String paymentMethod, String status, List<InvoiceRecord> records) {
    }

    record InvoiceRecord(String sku, Map<String, BigDecimal> total, List<InvoiceItem> items) {
    }

    record InvoiceItem(String type, String description, Effect effect) {
    }

    record Effect(BigDecimal amount, String currency) {
    }

    record Redeem(String currency, BigDecimal value, String redeemLink, List<String> redeemPin, List<Card> cards,
            Instructions redeemInstructions) {
    }

    record Card(String redeemLink, String redeemCardCode, String redeemSerialNumber, String redeemPin,
            JsonNode expirationDate) {
    }

    record Instructions(String tnc, String tncHtml, String redeem, String redeemHtml, String languageCode) {
    }

    /** The delivery webhook's body. */
    record Webhook(String orderId, String orderState, String reference, Map<String, Redeem> redeemData) {
    }
}
