package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * EZ Cards v2 wire shapes. Every field may be absent; unknown fields are ignored. Counts are read
 * as {@code BigDecimal} so that a fraction, a negative or an overflowing count is seen and refused
 * ({@link EzMapper#count}), never truncated or clamped. Orders and products travel as
 * {@code JsonNode} first (kept as raw fields, read one item at a time).
 */
final class EzDto {

    private EzDto() {
    }

    /** {@code {requestId, data}} around every answer. */
    record Envelope<T>(String requestId, T data) {
    }

    /** {@code {amount: "9.75", currency: "USD"}}; the amount may also come as a number. */
    record Money(BigDecimal amount, String currency) {
    }

    record Order(
            String transactionId, String clientOrderNumber, String ezOrderNumber, String payWithCurrency,
            Money grandTotal, String createdAt, String status, List<OrderProduct> products, List<Fx> fxSummary) {
    }

    record OrderProduct(
            String sku, BigDecimal quantity, Money unitPriceOriginal, Money unitPrice, Money totalPrice, String status) {
    }

    record Fx(String pair, BigDecimal rate, String asOfDate) {
    }

    /** {@code {total, page, pageSize, totalPage, items}}. */
    record PageOf<T>(BigDecimal total, BigDecimal page, BigDecimal pageSize, BigDecimal totalPage, List<T> items) {
    }

    /**
     * One SKU of a Get Codes answer; each code ({@code {stockId, status, redeemCode, pinCode}}) is
     * read on its own ({@link EzMapper#code}), so one unreadable code spoils only itself.
     */
    record CodesProduct(String sku, BigDecimal quantity, List<JsonNode> codes) {
    }

    record Balance(BigDecimal balance, String currency) {
    }

    record Rates(String updatedAt, List<String> productCurrencies, List<Rate> rates) {
    }

    record Rate(String pair, String base, String quote, BigDecimal rate) {
    }

    record InstantOrderRequest(
            String clientOrderNumber, boolean enableClientOrderNumberDupCheck, String sku, String payWithCurrency) {
    }

    record BulkOrderRequest(
            String clientOrderNumber, boolean enableClientOrderNumberDupCheck, List<Line> products,
            String payWithCurrency) {
    }

    record Line(String sku, int quantity) {
    }

    /** {@code {error, message, clientOrderNumber}}, sometimes with {@code requestId}. */
    record Error(String requestId, String error, String message, String clientOrderNumber) {
    }
}
