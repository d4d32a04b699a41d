package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.testkit.time.VirtualTime;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier.Operation;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buying exactly once, in virtual time, against the in-memory supplier. */
class BuyCodesTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final VirtualTime time = new VirtualTime();
    private final java.time.Instant start = time.now();
    private final InMemoryPurchaseJournal journal = new InMemoryPurchaseJournal();
    private InMemoryCodeSupplier supplier;
    private BuyCodes buy;

    @BeforeEach
    void setUp() {
        supplier = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 5)
                .product("SLOW-50", "50.00", "USD", 0).balance("1000", "USD");
        buy = buyer(PollingPolicy.DEFAULT, "instance-a");
    }

    private BuyCodes buyer(PollingPolicy policy, String owner) {
        return BuyCodes.builder("mem", supplier, journal).policy(policy).waiting(VirtualWaiting.of(time)).owner(owner)
                .settleTime(SETTLE).build();
    }

    private static OrderRequest request(String sku, int quantity) {
        return BuyCodes.prepare(List.of(OrderLine.of(sku, quantity)), Option.none());
    }

    private static ProviderFailure unknown() {
        return new ProviderFailure.OutcomeUnknown(FailureDetails.of("test", "read timed out after sending"));
    }

    private static ProviderFailure unavailable() {
        return new ProviderFailure.Unavailable(FailureDetails.of("test", "connection refused"), Option.none());
    }

    @Test
    void anInstantOrderIsDeliveredWithoutWaiting() {
        OrderRequest request = request("GAME-10", 1);
        PurchaseResult result = buy.buy(request);
        assertThat(result).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(((PurchaseResult.Delivered) result).codes().delivered()).hasSize(1);
        assertThat(result.reference()).isEqualTo(request.reference());
        assertThat(time.waits()).isEmpty();
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
    }

    @Test
    void anAsynchronousOrderIsAwaitedWithGrowingIntervals() {
        supplier.pollsToComplete(4);
        PurchaseResult result = buy.buy(request("SLOW-50", 3));
        assertThat(result).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(((PurchaseResult.Delivered) result).codes().delivered()).hasSize(3);
        assertThat(time.waits()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(time.waits().get(1)).isGreaterThan(time.waits().get(0));
    }

    @Test
    void outcomeUnknownThenFoundByReferenceIsNotBoughtAgain() {
        supplier.commitThenFailNextPlace();
        OrderRequest request = request("GAME-10", 1);
        PurchaseResult result = buy.buy(request);
        assertThat(result).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
        assertThat(supplier.calls(Operation.FIND_BY_REFERENCE)).isEqualTo(1);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void outcomeUnknownThenProvablyAbsentIsPlacedOnceMore() {
        supplier.failNext(Operation.PLACE, unknown());
        OrderRequest request = request("GAME-10", 1);
        PurchaseResult result = buy.buy(request);
        assertThat(result).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.calls(Operation.FIND_BY_REFERENCE)).as("one empty answer proves nothing")
                .isGreaterThanOrEqualTo(2);
        assertThat(time.now()).as("absence proven only after the settle time").isAfterOrEqualTo(start.plus(SETTLE));
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(2);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void aLookupThatFailsIsRetriedNeverReplacedByABlindPurchase() {
        supplier.commitThenFailNextPlace();
        supplier.failNext(Operation.FIND_BY_REFERENCE, unavailable());
        supplier.failNext(Operation.FIND_BY_REFERENCE, unavailable());
        OrderRequest request = request("GAME-10", 1);
        assertThat(buy.buy(request)).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
        assertThat(supplier.calls(Operation.FIND_BY_REFERENCE)).isEqualTo(3);
    }

    @Test
    void theDeadlineEndsPendingWithTheOrderAndResumingPicksUpTheSameOrder() {
        BuyCodes hurried = buyer(PollingPolicy.DEFAULT.deadline(Duration.ofSeconds(20)), "instance-a");
        OrderRequest request = request("SLOW-50", 2);
        java.time.Instant start = time.now();
        PurchaseResult first = hurried.buy(request);
        assertThat(first).isInstanceOf(PurchaseResult.Pending.class);
        PurchaseResult.Pending pending = (PurchaseResult.Pending) first;
        assertThat(pending.orderId()).isNotEmpty();
        assertThat(pending.status()).contains(OrderStatus.PROCESSING);
        assertThat(pending.reason()).contains("deadline");
        assertThat(Duration.between(start, time.now())).isLessThanOrEqualTo(Duration.ofSeconds(20))
                .isGreaterThan(Duration.ofSeconds(15));

        supplier.fulfilPending();
        PurchaseResult resumed = hurried.resume(request);
        assertThat(resumed).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(((PurchaseResult.Delivered) resumed).order().id()).isEqualTo(pending.orderId().get());
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
    }

    @Test
    void resumingAPurchaseTheJournalDoesNotKnowLooksItUpOverTheSettleTimeThenPlacesItOnce() {
        OrderRequest request = request("GAME-10", 1);
        assertThat(buy.resume(request)).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.calls(Operation.FIND_BY_REFERENCE)).isGreaterThanOrEqualTo(2);
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
        assertThat(buy.resume(request)).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void buyingTheSameReferenceAgainAwaitsTheExistingOrder() {
        OrderRequest request = request("GAME-10", 1);
        PurchaseResult first = buy.buy(request);
        PurchaseResult again = buy.buy(request);
        assertThat(again).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(((PurchaseResult.Delivered) again).order().id()).isEqualTo(((PurchaseResult.Delivered) first).order().id());
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void partialAndFailedOrdersAreToldApart() {
        OrderRequest partial = request("SLOW-50", 3);
        CompletableFuture<PurchaseResult> partialResult = buy.buyAsync(partial);
        time.runNext();
        supplier.settle(orderOf(partial), OrderStatus.PARTIALLY_COMPLETED, 1);
        time.runAll();
        PurchaseResult.PartiallyDelivered p = (PurchaseResult.PartiallyDelivered) partialResult.join();
        assertThat(p.missing()).isEqualTo(Map.of(Sku.of("SLOW-50"), 1));
        assertThat(p.codes().delivered()).hasSize(2);

        OrderRequest failing = request("SLOW-50", 1);
        CompletableFuture<PurchaseResult> failedResult = buy.buyAsync(failing);
        time.runNext();
        supplier.settle(orderOf(failing), OrderStatus.FAILED, 1);
        time.runAll();
        PurchaseResult.Failed f = (PurchaseResult.Failed) failedResult.join();
        assertThat(f.order()).isNotEmpty();
        assertThat(f.nothingBought()).isFalse();
        assertThat(f.reason()).contains("FAILED");
    }

    @Test
    void aRefusalIsAFailureThatBoughtNothingAndUnavailabilityIsRetried() {
        PurchaseResult refused = buy.buy(request("NO-SUCH-SKU", 1));
        assertThat(refused).isInstanceOf(PurchaseResult.Failed.class);
        assertThat(((PurchaseResult.Failed) refused).nothingBought()).isTrue();

        supplier.failNext(Operation.PLACE, unavailable());
        assertThat(buy.buy(request("GAME-10", 1))).isInstanceOf(PurchaseResult.Delivered.class);
    }

    @Test
    void theAsynchronousPurchaseBlocksNoThreadWhileWaiting() {
        supplier.pollsToComplete(3);
        CompletableFuture<PurchaseResult> result = buy.buyAsync(request("SLOW-50", 2));
        assertThat(result).isNotDone();
        time.runNext();
        assertThat(result).as("waiting is a scheduled step, not a blocked thread").isNotDone();
        time.runAll();
        assertThat(result.join()).isInstanceOf(PurchaseResult.Delivered.class);
    }

    private SupplierOrderId orderOf(OrderRequest request) {
        return supplier.findOrderByReference(request.reference()).get().get().id();
    }
}
