package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.adapter.support.Masker;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.PriceTier;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.Sku;
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
 * Issue 16: what EZ sends reaches the caller, and one odd item never spoils an answer. Payloads are
 * written from EZ's pages ({@code seed-docs/ez-cards-*.txt}, {@code ez-cards.md}) and plausible
 * variants of them, fed through the simulator's rewrite hook.
 */
class EzFidelityTest {

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

    /** EZ answers {@code endpoint} once with {@code body} instead of its own answer. */
    private void answer(Endpoint endpoint, String body) {
        ez.inject(endpoint, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(?s)\\A.*\\z\u0000" + Matcher.quoteReplacement(body)));
    }

    @Test
    void aProductInAnotherShapeIsReadAndAnUnreadableOneHidesNoOther() {
        answer(Endpoint.GET_PRODUCTS, """
                {"requestId": "c4c7b997-79a5-4bde-9f17-47ad7eac9ed4", "data": {"total": 6, "page": 1, "pageSize": 100,
                 "totalPage": 1, "items": [
                  {"sku": "OBJ-10", "name": "Money as objects", "faceValue": {"amount": "10.00", "currency": "USD"},
                   "price": {"amount": "9.75", "currency": "USD"}},
                  {"sku": "STR-25", "name": "Money as strings", "currency": "eur", "faceValue": "25.00", "price": "24.10"},
                  {"sku": "NUM-50", "currency": "USD", "denomination": 50, "tiers": [
                     {"minQty": 1, "price": 48.5}, {"minQty": "10", "price": "47.90 USD"}]},
                  {"sku": "BAD-ARRAY", "faceValue": [10, "USD"]},
                  {"sku": "BAD-TIER", "currency": "USD", "faceValue": 5, "priceTiers": [{"minQuantity": -3, "unitPrice": 4}]},
                  {"sku": "NO-CURRENCY", "faceValue": "5.00"}]}}""");

        PagedSequence.Listing<Product> listing = supplier.catalog().toListing().get();

        assertThat(listing.items()).extracting(p -> p.sku().value()).containsExactly("OBJ-10", "STR-25", "NUM-50");
        Product strings = listing.items().get(1);
        assertThat(strings.value()).isEqualTo(new ProductValue.Fixed(Money.of("25.00", "EUR")));
        assertThat(strings.priceTiers()).containsExactly(new PriceTier(1, Money.of("24.10", "EUR")));
        Product numbers = listing.items().get(2);
        assertThat(numbers.value()).isEqualTo(new ProductValue.Fixed(Money.of("50", "USD")));
        assertThat(numbers.priceTiers()).containsExactly(new PriceTier(1, Money.of("48.5", "USD")),
                new PriceTier(10, Money.of("47.90", "USD")));
        assertThat(listing.unreadable()).extracting(ProviderFailure.UnreadableItem::item)
                .containsExactly("product BAD-ARRAY", "product BAD-TIER", "product NO-CURRENCY");
        assertThat(listing.unreadable().get(0).reason()).contains("face value");
        assertThat(listing.unreadable().get(1).reason()).contains("tier quantity", "not a count");
        assertThat(listing.unreadable().get(2).reason()).contains("no currency");
        assertThat(listing.complete()).isFalse();
    }

    @Test
    void aStrictReadOfACatalogStopsAtTheUnreadableProduct() {
        answer(Endpoint.GET_PRODUCTS, """
                {"data": {"total": 2, "totalPage": 1, "items": [
                  {"sku": "OK-1", "faceValue": {"amount": "1.00", "currency": "USD"}}, {"sku": "BAD", "faceValue": true}]}}""");

        ProviderFailure failure = supplier.catalog().toList().getLeft();

        assertThat(failure).isInstanceOf(ProviderFailure.UnreadableItem.class);
        assertThat(((ProviderFailure.UnreadableItem) failure).item()).isEqualTo("product BAD");
    }

    @Test
    void aProductKeepsItsRawFields() {
        answer(Endpoint.GET_PRODUCTS, """
                {"data": {"total": 1, "totalPage": 1, "items": [{"sku": "R-1", "faceValue": {"amount": "1.00",
                  "currency": "USD"}, "brand": {"name": "Store"}, "termsUrl": "https://example.com/t?sig=abc"}]}}""");

        EzProduct product = supplier.products(List.of()).toList().get().get(0);

        assertThat(product.raw().text("brand.name")).contains("Store");
        assertThat(product.raw().text("termsUrl")).contains(Masker.MASK);
        assertThat(product.raw().toString()).doesNotContain("sig=abc");
    }

    @Test
    void aCrossCurrencyOrderKeepsItsRateAndEzsOwnFields() {
        OrderRequest request = new OrderRequest(OrderReference.generate(), List.of(OrderLine.of("STM-EU-20", 1)),
                Option.some(CurrencyCode.of("USD")));

        EzOrder placed = supplier.placeOrder(request).get();

        assertThat(placed.payWithCurrency()).contains(CurrencyCode.of("USD"));
        assertThat(placed.ezOrderNumber()).isNotEmpty();
        assertThat(placed.fxSummary()).singleElement().satisfies(rate -> {
            assertThat(rate.base()).isEqualTo(CurrencyCode.of("EUR"));
            assertThat(rate.quote()).isEqualTo(CurrencyCode.of("USD"));
            assertThat(rate.rate()).isEqualByComparingTo("1.0850");
        });
        assertThat(placed.order().lines().get(0).unitPrice()).contains(Money.of("19.40", "EUR"));
        assertThat(placed.raw().text("fxSummary.0.pair")).contains("EUR/USD");

        EzOrder found = supplier.order(placed.order().id()).get();
        assertThat(found.raw().text("fxSummary.0.pair")).as("EZ's order list omits the rates").isEmpty();
        assertThat(found.fxSummary()).as("the placement's rate is not lost").isEqualTo(placed.fxSummary());
        assertThat(found.payWithCurrency()).contains(CurrencyCode.of("USD"));
    }

    @Test
    void theDocumentedInstantOrderWithTheOriginalUnitPriceReachesTheCaller() {
        answer(Endpoint.CREATE_INSTANT_ORDER, """
                {"requestId": "c4c7b997-79a5-4bde-9f17-47ad7eac9ed4", "data": {"transactionId": "1234",
                 "clientOrderNumber": "1234", "ezOrderNumber": "EZ-000123", "payWithCurrency": "USD",
                 "grandTotal": {"amount": "9.75", "currency": "USD"}, "createdAt": "2023-10-17T09:00:00Z",
                 "status": "COMPLETED", "products": [{"sku": "8PX-UF-Y5U", "quantity": 1,
                   "unitPriceOriginal": {"amount": "9.00", "currency": "EUR"},
                   "unitPrice": {"amount": "9.75", "currency": "USD"}, "totalPrice": {"amount": "9.75", "currency": "USD"},
                   "status": "COMPLETED"}],
                 "fxSummary": [{"pair": "EUR/USD", "rate": 1.0833, "asOfDate": "2023-10-17T08:59:00Z"}]}}""");

        EzOrder order = supplier.placeOrder(OrderRequest.of(OrderReference.of("1234"), OrderLine.of(IN_STOCK, 1))).get();

        assertThat(order.ezOrderNumber()).contains("EZ-000123");
        assertThat(order.unitPricesOriginal()).containsEntry(IN_STOCK, Money.of("9.00", "EUR"));
        assertThat(order.order().lines().get(0).unitPrice()).contains(Money.of("9.75", "USD"));
        assertThat(order.fxSummary().get(0).asOf()).isNotEmpty();
        assertThat(order.raw().names()).contains("transactionId", "ezOrderNumber", "fxSummary");
    }

    @Test
    void anUnreadableCodeIsMissingNeverDeliveredAndKeepsItsStockId() {
        SupplierOrderId id = supplier.place(OrderRequest.of(OrderReference.generate(), OrderLine.of(IN_STOCK, 1)))
                .get().id();
        answer(Endpoint.GET_CODES, """
                {"requestId": "c4c7b997-79a5-4bde-9f17-47ad7eac9ed4", "data": [{"sku": "8PX-UF-Y5U", "quantity": 4,
                 "codes": [
                  {"stockId": 1, "status": "COMPLETED", "redeemCode": "J72D-I83E-N87F-213E-B980-K915", "pinCode": 1234},
                  {"stockId": 2, "status": "COMPLETED", "redeemCode": {"value": "K915"}, "pinCode": null},
                  {"stockId": 3, "status": "COMPLETED", "redeemCode": "X-1", "pinCode": 12.5},
                  {"stockId": 4, "status": "PROCESSING", "redeemCode": null, "pinCode": null}]}]}""");

        OrderCodes codes = supplier.fetchCodes(id).get();

        List<DeliveredCode> all = codes.skus().get(0).codes();
        assertThat(all).extracting(DeliveredCode::status).containsExactly(CodeStatus.DELIVERED, CodeStatus.UNREADABLE,
                CodeStatus.UNREADABLE, CodeStatus.PENDING);
        assertThat(codes.skus().get(0).unreadable()).extracting(c -> c.stockId().get()).containsExactly("2", "3");
        assertThat(codes.delivered()).hasSize(1);
        assertThat(codes.shortfall()).containsEntry(IN_STOCK, 3);
        assertThat(codes.toString()).doesNotContain("K915", "X-1");
    }

    @Test
    void getCodesSendsEzsStatusFilter() {
        ez.asyncPolls(100);   // the first poll delivers one code of two, the other stays processing
        SupplierOrderId id = supplier.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("BACKORDER-50", 2)))
                .get().id();

        OrderCodes pending = supplier.codes(id, Option.none(), List.of(), Option.some(CodeStatus.PENDING)).get();
        OrderCodes delivered = supplier.codes(id, Option.none(), List.of(), Option.some(CodeStatus.DELIVERED)).get();

        assertThat(pending.skus().get(0).codes()).as("EZ filtered the completed code out")
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CodeStatus.PENDING));
        assertThat(delivered.skus().get(0).codes()).as("EZ filtered the processing code out")
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CodeStatus.DELIVERED));
        assertThat(supplier.codes(id, Option.none(), List.of(), Option.some(CodeStatus.UNREADABLE)).getLeft())
                .isInstanceOf(ProviderFailure.InvalidRequest.class);
    }

    @Test
    void aCountThatIsNoCountIsAnUnexpectedResponseNeverClampedOrTruncated() {
        SupplierOrderId id = supplier.place(OrderRequest.of(OrderReference.generate(), OrderLine.of(IN_STOCK, 1)))
                .get().id();
        for (String quantity : List.of("-1", "2.5", "3000000000")) {
            answer(Endpoint.GET_CODES, """
                    {"data": [{"sku": "8PX-UF-Y5U", "quantity": %s, "codes": []}]}""".formatted(quantity));
            ProviderFailure failure = supplier.fetchCodes(id).getLeft();
            assertThat(failure).as(quantity).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
            assertThat(failure.message()).contains("quantity", "not a count");
        }
        answer(Endpoint.GET_ORDERS, """
                {"data": {"total": -1, "page": 1, "pageSize": 100, "totalPage": 1, "items": []}}""");
        assertThat(supplier.findOrderByReference(OrderReference.generate()).getLeft())
                .as("a negative total proves no absence").isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }

    @Test
    void anUnreadableOrderInTheListHidesNoOther() {
        supplier.place(OrderRequest.of(OrderReference.of("first"), OrderLine.of(IN_STOCK, 1))).get();
        ez.inject(Endpoint.GET_ORDERS, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"items\"\\s*:\\s*\\[)\u0000$1{\"transactionId\": \"t-bad\", \"status\": \"COMPLETED\", \"products\":"
                        + " [{\"sku\": \"8PX-UF-Y5U\", \"quantity\": -2}]},"));

        PagedSequence.Listing<io.voucherport.domain.supply.SupplierOrder> listing = supplier.orders().toListing().get();

        assertThat(listing.items()).extracting(o -> o.reference().get().value()).containsExactly("first");
        assertThat(listing.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.item()).isEqualTo("order t-bad");
            assertThat(u.reason()).contains("not a count");
        });
    }
}
