package io.voucherport.adapter.ez;

import java.math.BigDecimal;
import java.util.List;

/** EZ Cards v2 wire shapes. Every field may be absent; unknown fields are ignored. */
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
            String sku, Integer quantity, Money unitPriceOriginal, Money unitPrice, Money totalPrice, String status) {
    }

    record Fx(String pair, BigDecimal rate, String asOfDate) {
    }

    /** {@code {total, page, pageSize, totalPage, items}}. */
    record PageOf<T>(Integer total, Integer page, Integer pageSize, Integer totalPage, List<T> items) {
    }

    record CodesProduct(String sku, Integer quantity, List<Code> codes) {
    }

    /** {@code pinCode} is documented as an integer; read as text so a string keeps its leading zeros. */
    record Code(String stockId, String status, String redeemCode, String pinCode) {
    }

    /**
     * A catalog product. EZ's public pages do not document this shape; these fields are what the
     * adapter reads when present (see the README).
     */
    record Product(
            String sku, String name, String countryCode, Money faceValue, Money minFaceValue, Money maxFaceValue,
            BigDecimal faceValueStep, Money price, List<PriceTier> priceTiers, String deliveryType) {
    }

    record PriceTier(Integer minQuantity, Money unitPrice) {
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
