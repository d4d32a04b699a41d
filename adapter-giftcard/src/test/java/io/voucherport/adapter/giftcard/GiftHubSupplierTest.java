package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.fake.SharedOrderReferenceStore;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator.Endpoint;
import io.voucherport.testkit.gifthub.GiftHubSimulator.Outcome;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.time.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GiftHub adapter against the simulator: every state, every documented error, tokens, two-step safety. */
class GiftHubSupplierTest {

    private static final Sku STEAM_20 = Sku.of("STEAM-EU-20");
    private static final Sku STEAM_50 = Sku.of("STEAM-EU-50");
    private static final Sku VISA_RANGE = Sku.of("VISA-US-RANGE");


    private final ManualClock clock = new ManualClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final OrderReferenceStore durable = new SharedOrderReferenceStore();   // plays a durable store
    private GiftHubSimulator gifthub;
    private GiftHubSupplier supplier;

    @BeforeEach
    void start() {
        gifthub = GiftHubSimulator.create().withSampleData().clock(clock).pollsToComplete(2);
        gifthub.start();
        supplier = supplier(GiftHubSimulator.DEFAULT_CLIENT_SECRET, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        supplier.close();
        gifthub.close();
    }

    private GiftHubSupplier supplier(String secret, Duration readTimeout) {
        return supplier(secret, readTimeout, durable);
    }

    private GiftHubSupplier supplier(String secret, Duration readTimeout, OrderReferenceStore references) {
        return GiftHubSupplier.builder()
                .baseUrl(gifthub.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(secret))
                .readTimeout(readTimeout)
                .clock(clock)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .sleeper(sleeps::add)
                .references(references)
                .build();
    }

    private static OrderRequest order(OrderReference reference, Sku sku, int quantity) {
        return OrderRequest.of(reference, OrderLine.of(sku, quantity));
    }

    private SupplierOrder pollUntilTerminal(SupplierOrder placed) {
        SupplierOrder now = placed;
        for (int i = 0; i < 10 && !now.status().isTerminal(); i++) {
            now = supplier.findOrder(placed.id()).get();
        }
        return now;
    }

    @Test
    void anOrderIsCreatedThenConfirmedOnceAndWalksEveryStateToSuccessful() {
        OrderReference reference = OrderReference.generate();
        SupplierOrder placed = supplier.place(order(reference, STEAM_20, 2)).get();
        assertThat(placed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(placed.reference()).contains(reference);
        assertThat(placed.grandTotal()).contains(Money.of("40.00", "EUR"));
        assertThat(gifthub.requests(Endpoint.CREATE_ORDER)).isEqualTo(1);
        assertThat(gifthub.requests(Endpoint.CONFIRM_ORDER)).isEqualTo(1);
        assertThat(gifthub.balanceOf("EUR")).isEqualByComparingTo("4960.00");

        assertThat(supplier.findOrder(placed.id()).get().status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(supplier.fetchCodes(placed.id()).get().delivered()).isEmpty();
        SupplierOrder done = pollUntilTerminal(placed);
        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
        OrderCodes codes = supplier.fetchCodes(placed.id()).get();
        assertThat(codes.isComplete()).isTrue();
        assertThat(codes.delivered()).hasSize(2).allSatisfy(c -> {
            assertThat(c.code()).isNotEmpty();
            assertThat(c.pin()).isNotEmpty();
            assertThat(c.serialNumber()).isNotEmpty();
            assertThat(c.redeemLink()).isNotEmpty();
            assertThat(c.expiresAt()).isNotEmpty();
        });
        assertThat(codes.skus().get(0).instructions()).contains("Enter the code at checkout.");
        assertThat(gifthub.purchasesWithReference(reference.value())).isEqualTo(1);
    }

    @Test
    void redeemPinArraysWithOneLinkBecomeCodes() {
        SupplierOrder placed = supplier.place(order(OrderReference.generate(), Sku.of("PSN-UK-10"), 3)).get();
        gifthub.fulfilPending();
        OrderCodes codes = supplier.fetchCodes(placed.id()).get();
        assertThat(codes.delivered()).hasSize(3).allSatisfy(c -> {
            assertThat(c.pin()).isNotEmpty();
            assertThat(c.redeemLink()).isNotEmpty();
        });
    }

    @Test
    void partialFailedAndRejectedOrdersAreReportedAsSuch() {
        gifthub.outcome("PSN-UK-25", Outcome.PARTIAL).outcome("MUSIC-DE-3M", Outcome.FAIL)
                .outcome("SHOP-DE-25", Outcome.REJECT);
        SupplierOrder partial = supplier.place(OrderRequest.of(OrderReference.generate(),
                List.of(OrderLine.of(STEAM_20, 1), OrderLine.of(Sku.of("PSN-UK-25"), 2)))).get();
        SupplierOrder failed = supplier.place(order(OrderReference.generate(), Sku.of("MUSIC-DE-3M"), 1)).get();
        SupplierOrder rejected = supplier.place(order(OrderReference.generate(), Sku.of("SHOP-DE-25"), 1)).get();
        gifthub.fulfilPending();

        assertThat(supplier.findOrder(partial.id()).get().status()).isEqualTo(OrderStatus.PARTIALLY_COMPLETED);
        OrderCodes partialCodes = supplier.fetchCodes(partial.id()).get();
        assertThat(partialCodes.delivered()).hasSize(2);
        assertThat(partialCodes.shortfall()).isEqualTo(Map.of(Sku.of("PSN-UK-25"), 1));
        assertThat(supplier.findOrder(failed.id()).get().status()).isEqualTo(OrderStatus.FAILED);
        assertThat(supplier.fetchCodes(failed.id()).get().shortfall()).containsEntry(Sku.of("MUSIC-DE-3M"), 1);
        assertThat(supplier.findOrder(rejected.id()).get().status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void gifthubsLimitsAreCheckedBeforeAnythingIsSent() {
        List<OrderRequest> tooBig = List.of(
                order(OrderReference.generate(), STEAM_20, 6),
                OrderRequest.of(OrderReference.generate(), List.of(OrderLine.of("A", 1), OrderLine.of("B", 1),
                        OrderLine.of("C", 1), OrderLine.of("D", 1), OrderLine.of("E", 1), OrderLine.of("F", 1))));
        for (OrderRequest request : tooBig) {
            ProviderFailure failure = supplier.place(request).getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(failure.message()).contains("GiftHub takes at most");
        }
        assertThat(gifthub.requestLog()).isEmpty();
    }

    @Test
    void rangedProductsNeedAFaceValueInsideTheirRange() {
        SupplierOrder placed = supplier.place(OrderRequest.of(OrderReference.generate(), List.of(
                new OrderLine(VISA_RANGE, 1, Option.some(Money.of("25", "USD")))))).get();
        assertThat(placed.status()).isEqualTo(OrderStatus.CONFIRMED);
        for (Option<Money> value : List.of(Option.<Money>none(), Option.some(Money.of("27", "USD")),
                Option.some(Money.of("25", "EUR")))) {
            ProviderFailure failure = supplier.place(OrderRequest.of(OrderReference.generate(),
                    List.of(new OrderLine(VISA_RANGE, 1, value)))).getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(failure.message()).contains("needs a face value from 10 USD to 100 USD in steps of 5");
        }
        ProviderFailure wrongFixed = supplier.place(OrderRequest.of(OrderReference.generate(), List.of(
                new OrderLine(STEAM_20, 1, Option.some(Money.of("30", "EUR")))))).getLeft();
        assertThat(wrongFixed.message()).contains("is sold at 20 EUR only");
        assertThat(gifthub.requests(Endpoint.CREATE_ORDER)).isEqualTo(1);
    }

    @Test
    void insufficientFundsExpiryAndGiftHubsReasonsAreTypedFailures() {
        ProviderFailure funds = supplier.place(new OrderRequest(OrderReference.generate(),
                List.of(OrderLine.of(STEAM_50, 5)), Option.some(CurrencyCode.of("USD")))).getLeft();
        assertThat(funds).isInstanceOf(ProviderFailure.InsufficientFunds.class);
        assertThat(funds.httpStatus()).contains(400);

        ProviderFailure wallet = supplier.place(new OrderRequest(OrderReference.generate(),
                List.of(OrderLine.of(STEAM_20, 1)), Option.some(CurrencyCode.of("JPY")))).getLeft();
        assertThat(wallet).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(((ProviderFailure.InvalidRequest) wallet).reasons()).containsExactly("Unknown wallet JPY");

        gifthub.orderLifetime(Duration.ofSeconds(-1));
        OrderReference late = OrderReference.generate();
        ProviderFailure expired = supplier.place(order(late, STEAM_20, 1)).getLeft();
        assertThat(expired).isInstanceOf(ProviderFailure.Expired.class);
        assertThat(expired.httpStatus()).contains(419);
        assertThat(supplier.findOrderByReference(late)).as("a refused confirm frees the reference")
                .isEqualTo(Either.right(Option.none()));
        gifthub.orderLifetime(Duration.ofMinutes(15));
        assertThat(supplier.place(order(late, STEAM_20, 1)).get().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aTimeoutOnConfirmIsReconciledByRetrievingNeverByConfirmingAgain() {
        try (GiftHubSupplier impatient = supplier(GiftHubSimulator.DEFAULT_CLIENT_SECRET, Duration.ofMillis(300))) {
            gifthub.inject(Endpoint.CONFIRM_ORDER, SimFault.delay(Duration.ofMillis(1_500)));
            OrderReference reference = OrderReference.generate();
            Either<ProviderFailure, SupplierOrder> placed = impatient.place(order(reference, STEAM_20, 1));
            assertThat(placed.isRight()).as("confirmed despite the timeout: %s", placed).isTrue();
            assertThat(placed.get().status().isTerminal()).isFalse();
            assertThat(placed.get().status()).isNotEqualTo(OrderStatus.CREATED);

            gifthub.inject(Endpoint.CONFIRM_ORDER, SimFault.commitThenDrop());
            OrderReference dropped = OrderReference.generate();
            assertThat(impatient.place(order(dropped, STEAM_20, 1)).isRight()).isTrue();

            assertThat(gifthub.requests(Endpoint.CONFIRM_ORDER)).isEqualTo(2);
            assertThat(gifthub.purchasesWithReference(reference.value())).isEqualTo(1);
            assertThat(gifthub.purchasesWithReference(dropped.value())).isEqualTo(1);
        }
    }

    @Test
    void aConfirmThatNeverArrivedIsOutcomeUnknownAndTheOrderIsFoundByReference() {
        gifthub.inject(Endpoint.CONFIRM_ORDER, SimFault.connectionReset());
        OrderReference reference = OrderReference.generate();
        ProviderFailure failure = supplier.place(order(reference, STEAM_20, 1)).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(failure.message()).contains("was not confirmed again");
        assertThat(gifthub.requests(Endpoint.CONFIRM_ORDER)).isEqualTo(1);
        SupplierOrder found = supplier.findOrderByReference(reference).get().get();
        assertThat(found.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(supplier.place(order(reference, STEAM_20, 1)).getLeft())
                .isInstanceOf(ProviderFailure.DuplicateReference.class);
        assertThat(gifthub.purchasesWithReference(reference.value())).isZero();
    }

    @Test
    void createWithoutAnswerBoughtNothingAndIsNeverRetried() {
        gifthub.inject(Endpoint.CREATE_ORDER, SimFault.badGatewayHtml());
        OrderReference reference = OrderReference.generate();
        ProviderFailure failure = supplier.place(order(reference, STEAM_20, 1)).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(failure.provablyNotApplied()).isTrue();
        assertThat(failure.message()).contains("nothing was bought");
        assertThat(gifthub.requests(Endpoint.CREATE_ORDER)).isEqualTo(1);
        assertThat(gifthub.requests(Endpoint.CONFIRM_ORDER)).isZero();
        assertThat(supplier.findOrderByReference(reference)).isEqualTo(Either.right(Option.none()));
    }

    @Test
    void aRestartedAdapterWithAFreshInMemoryStoreAnswersAFailureNotNoOrder() {
        OrderReference reference = OrderReference.generate();
        try (GiftHubSupplier before = supplier(GiftHubSimulator.DEFAULT_CLIENT_SECRET, Duration.ofSeconds(2),
                OrderReferenceStore.inMemory())) {
            SupplierOrder placed = before.place(order(reference, STEAM_20, 1)).get();
            assertThat(before.findOrderByReference(reference).get().map(SupplierOrder::id)).contains(placed.id());
        }
        try (GiftHubSupplier restarted = supplier(GiftHubSimulator.DEFAULT_CLIENT_SECRET, Duration.ofSeconds(2),
                OrderReferenceStore.inMemory())) {
            Either<ProviderFailure, Option<SupplierOrder>> found = restarted.findOrderByReference(reference);
            assertThat(found.isLeft()).as("a store that forgot must not answer 'no order': %s", found).isTrue();
            assertThat(found.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
            assertThat(found.getLeft().message()).contains("cannot tell").contains(reference.value());
            // what the store cannot tell is not "bound by us": the caller chose this store, a new purchase goes ahead
            assertThat(restarted.place(order(OrderReference.generate(), STEAM_20, 1)).isRight()).isTrue();
        }
        assertThat(gifthub.purchasesWithReference(reference.value())).isEqualTo(1);
    }

    @Test
    void aBoundOrderCarryingAnotherReferenceIsNeverAdopted() {
        SupplierOrder other = supplier.place(order(OrderReference.generate(), STEAM_20, 1)).get();
        OrderReference mine = OrderReference.generate();
        OrderReferenceStore wrong = new SharedOrderReferenceStore();
        wrong.bindIfAbsent(mine, other.id());
        try (GiftHubSupplier misled = supplier(GiftHubSimulator.DEFAULT_CLIENT_SECRET, Duration.ofSeconds(2), wrong)) {
            ProviderFailure failure = misled.findOrderByReference(mine).getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
            assertThat(failure.message()).contains(mine.value()).contains(other.id().value());
        }
    }

    @Test
    void aBoundOrderGiftHubDoesNotFindYetIsAFailureNotNoOrder() {
        OrderReference reference = OrderReference.generate();
        durable.bindIfAbsent(reference, SupplierOrderId.of("gh-confirmed-but-not-indexed-yet"));
        Either<ProviderFailure, Option<SupplierOrder>> found = supplier.findOrderByReference(reference);
        assertThat(found.isLeft()).as("a 404 for a bound order is not proof of absence: %s", found).isTrue();
        assertThat(found.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(found.getLeft().httpStatus()).contains(404);
    }

    @Test
    void theReferenceStoreMustBeChosen() {
        assertThatThrownBy(() -> GiftHubSupplier.builder().baseUrl(gifthub.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderReferenceStore.inMemory()").hasMessageContaining("durable");
    }

    @Test
    void safeReadsAreRetriedHonouringRetryAfter() {
        SupplierOrder placed = supplier.place(order(OrderReference.generate(), STEAM_20, 1)).get();
        gifthub.clearRequestLog();
        gifthub.inject(Endpoint.GET_ORDER, SimFault.unavailable(2));
        gifthub.inject(Endpoint.GET_ORDER, SimFault.connectionReset());
        assertThat(supplier.findOrder(placed.id()).isRight()).isTrue();
        assertThat(gifthub.requests(Endpoint.GET_ORDER)).isEqualTo(3);
        assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(2));

        gifthub.inject(Endpoint.CUSTOMER_INFO, SimFault.status(500));
        gifthub.inject(Endpoint.CUSTOMER_INFO, SimFault.status(500));
        gifthub.inject(Endpoint.CUSTOMER_INFO, SimFault.status(500));
        ProviderFailure exhausted = supplier.balances().getLeft();
        assertThat(exhausted).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(exhausted.details().attempts()).isEqualTo(3);
    }

    @Test
    void oneTokenServesConcurrentCallersAndIsRenewedOnceBeforeItsHourEnds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            runConcurrently(pool, 16);
            assertThat(supplier.tokensIssued()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(56));
            runConcurrently(pool, 16);
            assertThat(supplier.tokensIssued()).as("renewed TokenCache.DEFAULT_RENEW_BEFORE (2 min) before expiry")
                    .isEqualTo(1);
            clock.advance(Duration.ofMinutes(3));
            runConcurrently(pool, 16);
            assertThat(supplier.tokensIssued()).isEqualTo(2);
            assertThat(gifthub.requests(Endpoint.AUTH_JWT)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenReplacedElsewhereIsRenewedOnceAndTheCallRetriedOnce() throws Exception {
        assertThat(supplier.balances().isRight()).isTrue();
        issueTokenBehindTheSuppliersBack();
        gifthub.clearRequestLog();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            runConcurrently(pool, 16);
        } finally {
            pool.shutdownNow();
        }
        assertThat(supplier.tokensIssued()).isEqualTo(2);
        assertThat(gifthub.requests(Endpoint.AUTH_JWT)).isEqualTo(1);
    }

    @Test
    void aServerThatDoesNotServeGetForTokensIsAskedByPostFromThenOn() {
        gifthub.inject(Endpoint.AUTH_JWT, SimFault.status(405));
        assertThat(supplier.balances().isRight()).isTrue();
        assertThat(gifthub.requests(Endpoint.AUTH_JWT)).as("GET refused, then POST").isEqualTo(2);
        assertThat(supplier.tokensIssued()).isEqualTo(1);

        gifthub.inject(Endpoint.AUTH_JWT, SimFault.status(405));
        clock.advance(Duration.ofMinutes(59));
        ProviderFailure refused = supplier.balances().getLeft();
        assertThat(refused).as("the renewal went straight to POST, which this time refused")
                .isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(gifthub.requests(Endpoint.AUTH_JWT)).isEqualTo(3);
    }

    @Test
    void wrongCredentialsAreAccessDenied() {
        try (GiftHubSupplier wrong = supplier("not-the-secret-at-all", Duration.ofSeconds(2))) {
            ProviderFailure failure = wrong.balances().getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(failure.httpStatus()).contains(403);
            assertThat(failure.toString()).doesNotContain("not-the-secret-at-all");
        }
    }

    @Test
    void catalogPagesByTokenFiltersByParentAndReadsSingleProducts() {
        List<Product> all = supplier.catalog().toList().get();
        assertThat(all).hasSize(11);
        assertThat(gifthub.requests(Endpoint.LIST_PRODUCTS)).isEqualTo(1);
        try (GiftHubSupplier small = GiftHubSupplier.builder().baseUrl(gifthub.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET)).references(durable).pageSize(5).build()) {
            gifthub.clearRequestLog();
            assertThat(small.catalog().toList().get()).hasSize(11);
            assertThat(gifthub.requests(Endpoint.LIST_PRODUCTS)).isEqualTo(2);
            assertThat(small.catalog("gaming").toList().get()).extracting(p -> p.sku().value())
                    .containsExactly("STEAM-EU-20", "STEAM-EU-50", "MUSIC-DE-3M", "PSN-UK-10", "PSN-UK-25");
        }
        assertThat(supplier.product("p-visa-us").get().items()).singleElement()
                .satisfies(p -> assertThat(p.country()).contains("US"));
        assertThat(supplier.product("p-nothing").getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void balancesPerWalletAndExchangeRatesAreExact() {
        List<Balance> balances = supplier.balances().get();
        assertThat(balances).hasSize(2);
        Balance eur = balances.get(0);
        assertThat(eur.available()).isEqualTo(Money.of("5000", "EUR"));
        assertThat(eur.frozen()).contains(Money.of("0", "EUR"));
        assertThat(eur.credit()).contains(Money.of("250", "EUR"));
        assertThat(supplier.exchangeRates().get().items()).anySatisfy(r -> {
            assertThat(r.quote()).isEqualTo(CurrencyCode.of("IRT"));
            assertThat(r.rate().toPlainString()).isEqualTo("79142.00001263583522870862");
        });
    }

    @Test
    void theFullOrderCarriesInvoiceAndRates() {
        SupplierOrder placed = supplier.place(order(OrderReference.generate(), Sku.of("gc035-208-1000"), 1)).get();
        GiftHubOrder full = supplier.order(placed.id()).get();
        GiftHubInvoice invoice = full.invoice().get();
        assertThat(invoice.total()).isEqualByComparingTo("134.10");
        assertThat(invoice.items("exchange-base-currency")).singleElement()
                .satisfies(i -> assertThat(i.currency()).isEqualTo(CurrencyCode.of("EUR")));
        assertThat(full.exchangeRates().items()).isNotEmpty();
    }

    private void runConcurrently(ExecutorService pool, int calls) throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            results.add(pool.submit(() -> supplier.balances().isRight()));
        }
        for (Future<Boolean> r : results) {
            assertThat(r.get()).isTrue();
        }
    }

    private void issueTokenBehindTheSuppliersBack() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gifthub.baseUrl() + "/auth/jwt"))
                .header("client-id", GiftHubSimulator.DEFAULT_CLIENT_ID)
                .header("client-secret", GiftHubSimulator.DEFAULT_CLIENT_SECRET).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Issue 15: a range step of {@code 1e-99999} made {@code place()} spend seconds in range arithmetic. */
    @Test
    void anAbsurdRangeStepIsAnUnexpectedResponseAndNothingIsOrdered() {
        gifthub.inject(Endpoint.LIST_PRODUCTS, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"step\"\\s*:\\s*)[^,}]+\u0000$11e-99999"));
        long start = System.nanoTime();
        ProviderFailure failure = supplier.place(OrderRequest.of(OrderReference.generate(),
                new OrderLine(VISA_RANGE, 1, Option.some(Money.of("25", "USD"))))).getLeft();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(failure.message()).hasSizeLessThan(300);
        assertThat(gifthub.requests(Endpoint.CREATE_ORDER)).as("nothing ordered").isZero();
    }

    @Test
    void anAbsurdWalletBalanceIsAnUnexpectedResponse() {
        gifthub.inject(Endpoint.CUSTOMER_INFO, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"balance\"\\s*:\\s*)[^,}]+\u0000$1-1e999999999"));
        assertThat(supplier.balances().getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }

    @Test
    void idsThatCouldChangeThePathAreRefusedBeforeAnyCall() {
        for (String hostile : List.of("..%2F..%2Fbalances", "%2E%2E", "..", "a/b", "a\\b")) {
            assertThatThrownBy(() -> supplier.product(hostile)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> supplier.findOrder(SupplierOrderId.of(hostile)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> supplier.fetchCodes(SupplierOrderId.of(hostile)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(gifthub.requestLog()).as("nothing sent").isEmpty();
    }
}
