package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.ez.EzSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every EZ endpoint against the simulator: success and each documented error. */
class EzCardsSupplierTest {

    private static final Sku IN_STOCK = Sku.of("8PX-UF-Y5U");
    private static final Sku EUR_PRODUCT = Sku.of("STM-EU-20");

    private EzSimulator ez;
    private EzCardsSupplier supplier;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        ez = EzSimulator.create().withSampleData().asyncPolls(3);
        ez.start();
        supplier = supplier(EzSimulator.DEFAULT_API_KEY, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        supplier.close();
        ez.close();
    }

    private EzCardsSupplier supplier(String key, Duration readTimeout) {
        return EzCardsSupplier.builder()
                .baseUrl(ez.baseUrl())
                .apiKey(Secret.of(key))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN))
                .readTimeout(readTimeout)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .sleeper(sleeps::add)
                .pageSize(2)
                .build();
    }

    private static OrderRequest order(OrderReference reference, Sku sku, int quantity) {
        return OrderRequest.of(reference, OrderLine.of(sku, quantity));
    }

    @Test
    void oneCodeIsAnInstantOrderCompletedAtOnceWhenInStock() {
        OrderReference reference = OrderReference.generate();
        SupplierOrder order = supplier.place(order(reference, IN_STOCK, 1)).get();
        assertThat(ez.requests(Endpoint.CREATE_INSTANT_ORDER)).isEqualTo(1);
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.reference()).contains(reference);
        assertThat(order.grandTotal()).contains(Money.of("9.75", "USD"));
        assertThat(order.lines().get(0).unitPrice()).contains(Money.of("9.75", "USD"));
        assertThat(order.createdAt()).isNotEmpty();
        assertThat(ez.balanceOf("USD")).isEqualByComparingTo("9990.25");
        OrderCodes codes = supplier.fetchCodes(order.id()).get();
        assertThat(codes.isComplete()).isTrue();
        assertThat(codes.delivered().get(0).code().get().reveal()).matches("[A-Z0-9-]{29}");
    }

    @Test
    void severalCodesAreABulkOrderWhoseCodesArriveProgressively() {
        SupplierOrder order = supplier.place(order(OrderReference.generate(), IN_STOCK, 6)).get();
        assertThat(ez.requests(Endpoint.CREATE_BULK_ORDER)).isEqualTo(1);
        assertThat(order.status()).isEqualTo(OrderStatus.PROCESSING);
        OrderCodes first = supplier.fetchCodes(order.id()).get();
        assertThat(first.delivered()).hasSize(2);
        assertThat(first.shortfall()).containsEntry(IN_STOCK, 4);
        assertThat(supplier.findOrder(order.id()).get().status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(supplier.findOrder(order.id()).get().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(supplier.fetchCodes(order.id()).get().delivered()).hasSize(6);
    }

    @Test
    void aDuplicateReferenceIsRefusedWithTheExistingOrderAndNothingIsBoughtTwice() {
        OrderReference reference = OrderReference.generate();
        SupplierOrder first = supplier.place(order(reference, IN_STOCK, 2)).get();
        Either<ProviderFailure, SupplierOrder> again = supplier.place(order(reference, IN_STOCK, 2));
        ProviderFailure.DuplicateReference duplicate = (ProviderFailure.DuplicateReference) again.getLeft();
        assertThat(duplicate.httpStatus()).contains(409);
        assertThat(duplicate.requestId()).isNotEmpty();
        assertThat(duplicate.existing().map(SupplierOrder::id)).contains(first.id());
        assertThat(ez.ordersWithReference(reference.value())).isEqualTo(1);
    }

    @Test
    void aDuplicateRefusedWithAnotherStatusIsStillADuplicateByEzsErrorCode() {
        OrderReference reference = OrderReference.generate();
        SupplierOrder first = supplier.place(order(reference, IN_STOCK, 2)).get();
        for (int status : new int[] {400, 422}) {
            ez.inject(Endpoint.CREATE_BULK_ORDER, new SimFault(SimFault.Kind.STATUS, status, Duration.ZERO,
                    "{\"requestId\": \"dup-" + status + "\", \"error\": \"CLIENT_ORDER_NUMBER_DUPLICATE\","
                            + " \"message\": \"clientOrderNumber already used\", \"clientOrderNumber\": \""
                            + reference.value() + "\"}"));
            ProviderFailure failure = supplier.place(order(reference, IN_STOCK, 2)).getLeft();
            assertThat(failure).as("HTTP %d with EZ's duplicate code", status)
                    .isInstanceOf(ProviderFailure.DuplicateReference.class);
            ProviderFailure.DuplicateReference duplicate = (ProviderFailure.DuplicateReference) failure;
            assertThat(duplicate.httpStatus()).contains(status);
            assertThat(duplicate.reference()).isEqualTo(reference);
            assertThat(duplicate.existing().map(SupplierOrder::id)).contains(first.id());
        }
        assertThat(ez.ordersWithReference(reference.value())).isEqualTo(1);
    }

    @Test
    void aLookupByReferenceUsesOnlyTheOrderWithExactlyThatReference() {
        ez.lookupMatchesPrefix(true);
        String base = OrderReference.generate().value();
        OrderReference one = OrderReference.of(base + "-1");
        OrderReference twelve = OrderReference.of(base + "-12");
        SupplierOrder placedTwelve = supplier.place(order(twelve, IN_STOCK, 1)).get();
        assertThat(supplier.findOrderByReference(one)).as("order %s must not be adopted for %s", twelve, one)
                .isEqualTo(Either.right(Option.none()));

        SupplierOrder placedOne = supplier.place(order(one, IN_STOCK, 1)).get();
        assertThat(supplier.findOrderByReference(one).get().map(SupplierOrder::id)).contains(placedOne.id());
        assertThat(supplier.findOrderByReference(one).get().flatMap(SupplierOrder::reference)).contains(one);
        assertThat(supplier.findOrderByReference(twelve).get().map(SupplierOrder::id)).contains(placedTwelve.id());

        String id = placedTwelve.id().value();
        ProviderFailure prefix = supplier.findOrder(SupplierOrderId.of(id.substring(0, id.length() - 1))).getLeft();
        assertThat(prefix).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(supplier.findOrder(placedTwelve.id()).get().id()).isEqualTo(placedTwelve.id());
    }

    @Test
    void aLookupWalksFurtherPagesUntilTheExactReferenceOrProvenAbsence() {
        ez.lookupMatchesPrefix(true);
        String base = OrderReference.generate().value();
        for (int i = 0; i < EzCardsSupplier.LOOKUP_PAGE_SIZE; i++) {
            supplier.place(order(OrderReference.of(base + "-1-" + i), IN_STOCK, 1)).get();
        }
        OrderReference exact = OrderReference.of(base + "-1");
        assertThat(supplier.findOrderByReference(exact)).isEqualTo(Either.right(Option.none()));
        assertThat(ez.requests(Endpoint.GET_ORDERS)).isEqualTo(1);

        SupplierOrder placed = supplier.place(order(exact, IN_STOCK, 1)).get();   // listed last: on page 2
        ez.clearRequestLog();
        assertThat(supplier.findOrderByReference(exact).get().map(SupplierOrder::id)).contains(placed.id());
        assertThat(ez.requests(Endpoint.GET_ORDERS)).isEqualTo(2);
    }

    @Test
    void anAnswerListingFewerMatchesThanItCountsIsAFailureNotNone() {
        ez.lookupMatchesPrefix(true);
        String base = OrderReference.generate().value();
        supplier.place(order(OrderReference.of(base + "-12"), IN_STOCK, 1)).get();
        SimFault inflated = new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"total\"\\s*:\\s*)\\d+\u0000$1500");
        ez.inject(Endpoint.GET_ORDERS, inflated);
        ez.inject(Endpoint.GET_ORDERS, inflated);
        ProviderFailure failure = supplier.findOrderByReference(OrderReference.of(base + "-1")).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(failure.message()).contains("not proven");
        assertThat(ez.requests(Endpoint.GET_ORDERS)).isEqualTo(2);
    }

    @Test
    void anUnsupportedSettlementCurrencyIsAnInvalidRequestWithEzsMessage() {
        OrderRequest request = new OrderRequest(OrderReference.generate(), List.of(OrderLine.of(IN_STOCK, 1)),
                Option.some(CurrencyCode.of("GBP")));
        ProviderFailure failure = supplier.place(request).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(failure.httpStatus()).contains(422);
        assertThat(((ProviderFailure.InvalidRequest) failure).reasons()).containsExactly("currency GBP is not supported");
        assertThat(failure.message()).contains("UNSUPPORTED_CURRENCY");
    }

    @Test
    void aProductInAnotherCurrencyIsPaidWithTheSettlementCurrency() {
        OrderRequest request = new OrderRequest(OrderReference.generate(), List.of(OrderLine.of(EUR_PRODUCT, 1)),
                Option.some(CurrencyCode.of("USD")));
        SupplierOrder order = supplier.place(request).get();
        assertThat(order.grandTotal()).contains(Money.of("21.05", "USD"));
        assertThat(order.lines().get(0).unitPrice()).contains(Money.of("19.40", "EUR"));
        assertThat(supplier.place(order(OrderReference.generate(), EUR_PRODUCT, 1)).getLeft().httpStatus()).contains(422);
    }

    @Test
    void tooLittleBalanceIsInsufficientFunds() {
        ProviderFailure failure = supplier.place(order(OrderReference.generate(), IN_STOCK, 2000)).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.InsufficientFunds.class);
        assertThat(failure.provablyNotApplied()).isTrue();
    }

    @Test
    void anUnknownSkuIsAnInvalidRequest() {
        ProviderFailure failure = supplier.place(order(OrderReference.generate(), Sku.of("NOPE"), 1)).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(failure.httpStatus()).contains(400);
    }

    @Test
    void faceValuesAreRefusedBeforeSending() {
        OrderRequest request = OrderRequest.of(OrderReference.generate(),
                new OrderLine(IN_STOCK, 1, Option.some(Money.of("10", "USD"))));
        assertThat(supplier.place(request).getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(ez.requestLog()).isEmpty();
    }

    @Test
    void wrongCredentialsAreAccessDeniedWithTheRequestId() {
        try (EzCardsSupplier wrong = supplier("wrong-key-123456", Duration.ofSeconds(2))) {
            ProviderFailure failure = wrong.balances().getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(failure.httpStatus()).contains(401);
            assertThat(failure.requestId()).isNotEmpty();
            assertThat(failure.toString()).doesNotContain("wrong-key-123456");
        }
    }

    @Test
    void aTimeoutAfterSendingAPurchaseIsOutcomeUnknownAndNeverRetried() {
        try (EzCardsSupplier impatient = supplier(EzSimulator.DEFAULT_API_KEY, Duration.ofMillis(300))) {
            ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.delay(Duration.ofMillis(1500)));
            OrderReference reference = OrderReference.generate();
            ProviderFailure failure = impatient.place(order(reference, IN_STOCK, 1)).getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
            assertThat(failure.provablyNotApplied()).isFalse();
            assertThat(ez.requests(Endpoint.CREATE_INSTANT_ORDER)).isEqualTo(1);
            assertThat(impatient.findOrderByReference(reference).get()).isNotEmpty();
        }
    }

    @Test
    void commitThenDropIsOutcomeUnknownAndTheOrderIsFoundByReference() {
        ez.inject(Endpoint.CREATE_BULK_ORDER, SimFault.commitThenDrop());
        OrderReference reference = OrderReference.generate();
        assertThat(supplier.place(order(reference, IN_STOCK, 2)).getLeft()).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(ez.requests(Endpoint.CREATE_BULK_ORDER)).isEqualTo(1);
        assertThat(supplier.findOrderByReference(reference).get().map(SupplierOrder::reference).flatMap(r -> r))
                .contains(reference);
    }

    @Test
    void aServerErrorOnAPurchaseIsOutcomeUnknownNotFailed() {
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.badGatewayHtml());
        ProviderFailure failure = supplier.place(order(OrderReference.generate(), IN_STOCK, 1)).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(failure.httpStatus()).contains(502);
        assertThat(ez.requests(Endpoint.CREATE_INSTANT_ORDER)).isEqualTo(1);
    }

    @Test
    void aFailedConnectionIsUnavailableSinceNothingWasSent() {
        String url = ez.baseUrl();
        ez.close();
        try (EzCardsSupplier nowhere = EzCardsSupplier.builder().baseUrl(url).apiKey(Secret.of("k-123456"))
                .bearerToken(Secret.of("t-123456")).retryPolicy(RetryPolicy.none()).build()) {
            ProviderFailure failure = nowhere.place(order(OrderReference.generate(), IN_STOCK, 1)).getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.Unavailable.class);
            assertThat(failure.provablyNotApplied()).isTrue();
        }
    }

    @Test
    void safeReadsAreRetriedHonouringRetryAfter() {
        ez.inject(Endpoint.GET_BALANCES, SimFault.unavailable(7));
        ez.inject(Endpoint.GET_BALANCES, SimFault.connectionReset());
        List<Balance> balances = supplier.balances().get();
        assertThat(balances).containsExactly(Balance.of(Money.of("10000.00", "USD")));
        assertThat(ez.requests(Endpoint.GET_BALANCES)).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void anExhaustedRetryBudgetIsVisibleInTheFailure() {
        for (int i = 0; i < 3; i++) {
            ez.inject(Endpoint.GET_ORDERS, SimFault.tooManyRequests(1));
        }
        ProviderFailure failure = supplier.findOrderByReference(OrderReference.generate()).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.RateLimited.class);
        assertThat(((ProviderFailure.RateLimited) failure).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(failure.details().attempts()).isEqualTo(3);
        assertThat(ez.requests(Endpoint.GET_ORDERS)).isEqualTo(3);
    }

    @Test
    void aRetryAfterLongerThanAllowedIsReturnedAtOnce() {
        ez.inject(Endpoint.GET_PRODUCTS, SimFault.tooManyRequests(3600));
        assertThat(supplier.catalog().toList().getLeft()).isInstanceOf(ProviderFailure.RateLimited.class);
        assertThat(ez.requests(Endpoint.GET_PRODUCTS)).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void unreadableAnswersAreUnexpectedResponses() {
        SupplierOrder order = supplier.place(order(OrderReference.generate(), IN_STOCK, 1)).get();
        ez.inject(Endpoint.GET_CODES, SimFault.malformedBody());
        assertThat(supplier.fetchCodes(order.id()).getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        ez.inject(Endpoint.GET_CODES, SimFault.truncatedBody());
        assertThat(supplier.fetchCodes(order.id()).getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(supplier.fetchCodes(order.id()).isRight()).isTrue();
    }

    @Test
    void unknownOrdersAreNotFound() {
        ProviderFailure codes = supplier.fetchCodes(SupplierOrderId.of("missing")).getLeft();
        assertThat(codes).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(codes.httpStatus()).contains(404);
        assertThat(supplier.findOrder(SupplierOrderId.of("missing")).getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void codesCanBeFilteredBySkuAndStockIds() {
        OrderRequest request = OrderRequest.of(OrderReference.generate(),
                List.of(OrderLine.of(IN_STOCK, 2), OrderLine.of(Sku.of("AMZ-US-25"), 1)));
        SupplierOrder order = supplier.place(request).get();
        ez.fulfilPending();
        OrderCodes all = supplier.fetchCodes(order.id()).get();
        assertThat(all.delivered()).hasSize(3);
        OrderCodes onlyOneSku = supplier.codes(order.id(), Option.some(Sku.of("AMZ-US-25")), List.of()).get();
        assertThat(onlyOneSku.skus()).extracting(s -> s.sku().value()).containsExactly("AMZ-US-25");
        String stockId = all.delivered().get(0).stockId().get();
        OrderCodes oneCode = supplier.codes(order.id(), Option.none(), List.of(stockId)).get();
        assertThat(oneCode.delivered()).hasSize(1);
        assertThat(oneCode.delivered().get(0).stockId()).contains(stockId);
    }

    @Test
    void catalogAndOrdersArePagedAndFiltered() {
        assertThat(supplier.catalog().toList().get()).hasSize(4);
        assertThat(ez.requests(Endpoint.GET_PRODUCTS)).isEqualTo(2);
        assertThat(supplier.catalog(List.of(IN_STOCK, EUR_PRODUCT)).toList().get())
                .extracting(p -> p.sku().value()).containsExactly("8PX-UF-Y5U", "STM-EU-20");
        for (int i = 0; i < 5; i++) {
            supplier.place(order(OrderReference.generate(), IN_STOCK, 1)).get();
        }
        assertThat(supplier.orders().toList().get()).hasSize(5);
    }

    @Test
    void exchangeRatesAreOfferedInDomainTypes() {
        List<ExchangeRate> all = supplier.exchangeRates(List.of()).get();
        assertThat(all).hasSize(2);
        List<ExchangeRate> one = supplier.exchangeRates(List.of(Map.entry(CurrencyCode.of("USD"), CurrencyCode.of("CAD"))))
                .get();
        assertThat(one).singleElement().satisfies(r -> {
            assertThat(r.base()).isEqualTo(CurrencyCode.of("USD"));
            assertThat(r.quote()).isEqualTo(CurrencyCode.of("CAD"));
            assertThat(r.rate()).isEqualByComparingTo(new BigDecimal("1.4102"));
            assertThat(r.asOf()).isNotEmpty();
        });
    }

    @Test
    void invalidArgumentsNeverReachHttp() {
        assertThatThrownBy(() -> supplier.place(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> supplier.findOrder(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> supplier.codes(SupplierOrderId.of("x"), Option.none(), List.of("../1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EzCardsSupplier.builder().pageSize(1001)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> EzCardsSupplier.builder().baseUrl("ftp://x")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> EzCardsSupplier.builder().baseUrl(ez.baseUrl()).build())
                .hasMessage("api key is required but was null");
        assertThatThrownBy(() -> EzCardsSupplier.builder().readTimeout(Duration.ZERO)).hasMessageContaining("read timeout");
        assertThat(ez.requestLog()).isEmpty();
    }

    @Test
    void idsAreUrlEncodedInPaths() {
        ProviderFailure failure = supplier.fetchCodes(SupplierOrderId.of("a b?c#d")).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(ez.requests(Endpoint.GET_CODES)).isEqualTo(1);
    }

    /** Issue 15: {@code ..%2F..%2Fbalances} went out as {@code /v2/orders/../../balances/codes}. */
    @Test
    void idsThatCouldChangeThePathAreRefusedBeforeAnyCall() {
        for (String hostile : List.of("..%2F..%2Fbalances", "%2E%2E", "a%2Fb", "a b?c#d%", "..", "a/b", "a\\b")) {
            assertThatThrownBy(() -> supplier.fetchCodes(SupplierOrderId.of(hostile)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not");
            assertThatThrownBy(() -> supplier.findOrder(SupplierOrderId.of(hostile)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ez.requestLog()).as("nothing sent").isEmpty();
    }

    /** Issue 15: a balance of {@code -1e999999999} allocated 2.8 GiB over 7 s. */
    @Test
    void anAbsurdBalanceIsAnUnexpectedResponseInBoundedTime() {
        ez.inject(Endpoint.GET_BALANCES, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"balance\"\\s*:\\s*)[^,}]+\u0000$1-1e999999999"));
        long start = System.nanoTime();
        ProviderFailure failure = supplier.balances().getLeft();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(failure.message()).hasSizeLessThan(300);
    }
}
