package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.ez.EzSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile review of issue 16 for EZ: raw access, per-item tolerance and lookups must never leak a
 * secret nor claim "nothing there" without proof. Payloads follow EZ's pages
 * ({@code seed-docs/ez-cards-create-instant-order.txt}, {@code ez-cards-get-codes.txt}) with hostile variants.
 */
class EzFidelityAttackTest {

    private static final Sku IN_STOCK = Sku.of("8PX-UF-Y5U");

    private EzSimulator ez;
    private EzCardsSupplier supplier;

    @BeforeEach
    void start() {
        ez = EzSimulator.create().withSampleData();
        ez.start();
        supplier = EzCardsSupplier.builder().baseUrl(ez.baseUrl()).apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none()).pageSize(100).build();
    }

    @AfterEach
    void stop() {
        supplier.close();
        ez.close();
    }

    private void answer(Endpoint endpoint, String body) {
        ez.inject(endpoint, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(?s)\\A.*\\z\u0000" + Matcher.quoteReplacement(body)));
    }

    /**
     * EZ's filter matched one order for the reference, but that order's clientOrderNumber is absent
     * (or of an odd shape): it may be ours. Answering "none" lets BuyCodes prove absence and place again.
     */
    @Test
    void aMatchedOrderWithoutAReadableReferenceIsNoProofOfAbsence() {
        OrderReference reference = OrderReference.generate();
        for (String shape : List.of("null", "{\"value\": \"" + reference.value() + "\"}",
                "[\"" + reference.value() + "\"]")) {
            answer(Endpoint.GET_ORDERS, """
                    {"requestId": "r1", "data": {"total": 1, "page": 1, "pageSize": 100, "totalPage": 1, "items": [
                     {"transactionId": "T-777", "clientOrderNumber": %s, "status": "COMPLETED",
                      "grandTotal": {"amount": "9.75", "currency": "USD"}, "createdAt": "2023-10-17T09:00:00Z",
                      "products": [{"sku": "8PX-UF-Y5U", "quantity": 1, "status": "COMPLETED",
                                    "unitPrice": {"amount": "9.75", "currency": "USD"}}]}]}}""".formatted(shape));

            Either<ProviderFailure, Option<SupplierOrder>> found = supplier.findOrderByReference(reference);

            assertThat(found.isRight() && found.get().isEmpty())
                    .as("clientOrderNumber %s: 'none' claimed although EZ matched an order whose reference is unknown",
                            shape)
                    .isFalse();
        }
    }

    /** Same by transaction id: the one order EZ matched has no readable transactionId; NotFound is unproven. */
    @Test
    void aMatchedOrderWithoutAReadableTransactionIdIsNoProofOfNotFound() {
        answer(Endpoint.GET_ORDERS, """
                {"requestId": "r1", "data": {"total": 1, "page": 1, "pageSize": 100, "totalPage": 1, "items": [
                 {"transactionId": null, "clientOrderNumber": "1234", "status": "COMPLETED",
                  "products": [{"sku": "8PX-UF-Y5U", "quantity": 1, "status": "COMPLETED"}]}]}}""");

        Either<ProviderFailure, SupplierOrder> found = supplier.findOrder(SupplierOrderId.of("T-778"));

        assertThat(found.isLeft() ? found.getLeft() : null)
                .as("EZ matched one order for the id; its id cannot be read, so its absence is not proven")
                .isNotInstanceOf(ProviderFailure.NotFound.class);
    }

    /**
     * EZ says the code is still PROCESSING (its page: such a code has redeemCode and pinCode null);
     * junk in those empty fields must not turn it into UNREADABLE, which BuyCodes takes as "will never
     * come" and ends the paid purchase PartiallyDelivered at once instead of waiting for it.
     */
    @Test
    void aCodeEzStillCallsProcessingIsPendingWhateverItsEmptyFieldsHold() {
        SupplierOrderId id = supplier.place(OrderRequest.of(OrderReference.generate(), OrderLine.of(IN_STOCK, 1)))
                .get().id();
        answer(Endpoint.GET_CODES, """
                {"requestId": "r2", "data": [{"sku": "8PX-UF-Y5U", "quantity": 3, "codes": [
                  {"stockId": 1, "status": "PROCESSING", "redeemCode": {}, "pinCode": null},
                  {"stockId": 2, "status": "PROCESSING", "redeemCode": null, "pinCode": false},
                  {"stockId": 3, "status": "PROCESSING", "redeemCode": [], "pinCode": 0.5}]}]}""");

        OrderCodes codes = supplier.fetchCodes(id).get();

        assertThat(codes.skus().get(0).codes()).extracting(DeliveredCode::status)
                .as("EZ says PROCESSING: pending, to be awaited").containsOnly(CodeStatus.PENDING);
    }

    /**
     * A placement answer carrying codes under names other than redeemCode/pinCode (or bare): none
     * of them may be readable through {@link EzOrder#raw()} or shown by {@code toString}.
     */
    @Test
    void codesInAPlacementAnswerUnderOtherNamesNeverReachRawOrToString() {
        answer(Endpoint.CREATE_INSTANT_ORDER, """
                {"requestId": "c4c7b997-79a5-4bde-9f17-47ad7eac9ed4", "data": {"transactionId": "1234",
                 "clientOrderNumber": "%s", "grandTotal": {"amount": "9.75", "currency": "USD"},
                 "createdAt": "2023-10-17T09:00:00Z", "status": "COMPLETED", "products": [{"sku": "8PX-UF-Y5U",
                  "quantity": 1, "unitPrice": {"amount": "9.75", "currency": "USD"},
                  "totalPrice": {"amount": "9.75", "currency": "USD"}, "status": "COMPLETED",
                  "codes": [{"stockId": 1, "code": "SECRET-CODE-AAAA", "pin": 48291337}],
                  "redeemCodes": ["SECRET-BARE-BBBB"], "claimCode": "SECRET-CLAIM-CCCC",
                  "voucher": {"serial": "SECRET-SERIAL-DDDD"}}]}}""".formatted("REF-ATTACK-1"));

        EzOrder order = supplier.placeOrder(OrderRequest.of(OrderReference.of("REF-ATTACK-1"),
                OrderLine.of(IN_STOCK, 1))).get();

        String shown = order.raw().json() + order.raw() + order;
        assertThat(shown).doesNotContain("SECRET-CODE-AAAA", "48291337", "SECRET-BARE-BBBB", "SECRET-CLAIM-CCCC",
                "SECRET-SERIAL-DDDD");
        assertThat(order.raw().text("products.0.codes.0.code")).as("the code by path").isNotEqualTo(
                Option.some("SECRET-CODE-AAAA"));
    }
}
