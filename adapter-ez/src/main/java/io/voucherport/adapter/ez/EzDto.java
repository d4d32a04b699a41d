package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
     * read on its own ({@link EzCodeReader}, judged by {@link EzMapper#code}), so one unreadable code
     * spoils only itself.
     */
    record CodesProduct(String sku, BigDecimal quantity, List<Code> codes) {
    }

    /**
     * One code as sent: whether it was an object, and its four judged fields with their shapes.
     *
     * @param object whether the code was a JSON object (when not, its fields are {@link Field#EMPTY})
     * @param stockId {@code stockId}
     * @param status {@code status}
     * @param redeemCode {@code redeemCode}
     * @param pinCode {@code pinCode}
     */
    @JsonDeserialize(using = EzCodeReader.class)
    record Code(boolean object, Field stockId, Field status, Field redeemCode, Field pinCode) {
        /** A code sent as something other than an object. */
        static final Code NOT_AN_OBJECT = new Code(false, Field.EMPTY, Field.EMPTY, Field.EMPTY, Field.EMPTY);
    }

    /**
     * A field of a code: its shape and, for text and numbers, its value as text (a whole number in
     * plain digits, a fraction in plain notation without trailing zeros, text as sent).
     *
     * @param shape how the field was sent
     * @param text its value as text; null for {@link Shape#EMPTY} and {@link Shape#OTHER}
     */
    record Field(Shape shape, String text) {
        /** Absent or null. */
        static final Field EMPTY = new Field(Shape.EMPTY, null);
        /** An object, an array or a boolean. */
        static final Field OTHER = new Field(Shape.OTHER, null);
    }

    /** How a code's field was sent. */
    enum Shape {
        /** Absent or {@code null}. */
        EMPTY,
        /** A string. */
        TEXT,
        /** A whole number. */
        WHOLE,
        /** A number with a fraction or an exponent. */
        FRACTION,
        /** An object, an array or a boolean: no shape a code's field has. */
        OTHER
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
