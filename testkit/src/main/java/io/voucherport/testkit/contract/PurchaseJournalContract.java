package io.voucherport.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.LeaseLostException;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.PurchaseJournal.Claimed;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PurchaseJournal} must do, as a JUnit 5 suite: extend it and return a fresh,
 * empty journal from {@link #journal()} for each test. Covers round-tripping of requests and every
 * event, atomic opening, leases (exclusive claims, expiry, fencing of a lost lease), due purchases
 * claimed by one owner only, and the rules of {@link JournaledPurchase#with} enforced on append.
 */
public abstract class PurchaseJournalContract {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** {@return a fresh, empty journal (called once per test)} */
    protected abstract PurchaseJournal journal();

    private static OrderRequest request() {
        return new OrderRequest(OrderReference.generate(), List.of(OrderLine.of("AMZ-US-25", 2),
                new OrderLine(Sku.of("odd|sku;with,chars%"), 1, Option.some(Money.of("12.50", "EUR")))),
                Option.some(CurrencyCode.of("USD")));
    }

    private static Claimed opened(PurchaseJournal journal, OrderRequest request, String owner, Instant now) {
        Either<JournaledPurchase, Claimed> opened = journal.open(request, "ez", owner, now, LEASE);
        assertThat(opened.isRight()).as("opened %s", opened).isTrue();
        return opened.get();
    }

    @Test
    void anOpenedPurchaseIsFoundWithItsRequestExactly() {
        PurchaseJournal journal = journal();
        OrderRequest request = request();
        Claimed claimed = opened(journal, request, "a", T0);

        assertThat(claimed.lease().owner()).isEqualTo("a");
        assertThat(claimed.lease().until()).isEqualTo(T0.plus(LEASE));
        JournaledPurchase found = journal.find(request.reference()).get();
        assertThat(found.request()).isEqualTo(request);
        assertThat(found.supplier()).isEqualTo("ez");
        assertThat(found.openedAt()).isEqualTo(T0);
        assertThat(found.status()).isEqualTo(PurchaseStatus.OPEN);
        assertThat(found.events()).isEmpty();
        assertThat(journal.find(OrderReference.generate())).isEmpty();
    }

    @Test
    void aReferenceIsOpenedOnceAndTheSecondOpenGetsTheExistingPurchaseUntouched() {
        PurchaseJournal journal = journal();
        OrderRequest request = request();
        Claimed first = opened(journal, request, "a", T0);
        journal.append(first, new PurchaseEvent.Sent("ez", T0.plusSeconds(1)), T0.plusSeconds(1), LEASE);

        Either<JournaledPurchase, Claimed> again = journal.open(OrderRequest.of(request.reference(),
                OrderLine.of("OTHER", 1)), "gifthub", "b", T0.plusSeconds(2), LEASE);

        assertThat(again.isLeft()).isTrue();
        assertThat(again.getLeft().request()).isEqualTo(request);
        assertThat(again.getLeft().events()).hasSize(1);
        assertThat(journal.claim(request.reference(), "b", T0.plusSeconds(2), LEASE)).as("still leased to a").isEmpty();
    }

    @Test
    void ofManyInstancesOpeningOneReferenceAtOnceExactlyOneOpensIt() throws Exception {
        PurchaseJournal journal = journal();
        OrderRequest request = request();
        int instances = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Boolean>> opened = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String owner = "instance-" + i;
                opened.add(pool.submit(() -> {
                    start.await();
                    return journal.open(request, "ez", owner, T0, LEASE).isRight();
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : opened) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyEventIsKeptInOrderAndReadBackExactly() {
        PurchaseJournal journal = journal();
        OrderRequest request = request();
        Claimed claimed = opened(journal, request, "a", T0);
        OrderRequest rerouted = OrderRequest.of(request.reference(), OrderLine.of("STEAM-EU-20", 3));
        List<PurchaseEvent> events = List.of(
                new PurchaseEvent.Sent("ez", T0.plusMillis(1)),
                new PurchaseEvent.Refused("ez", "InsufficientFunds", true, false, "balance | too; low, 100%", T0.plusMillis(2)),
                new PurchaseEvent.Rerouted("gifthub", rerouted, T0.plusMillis(3)),
                new PurchaseEvent.Sent("gifthub", T0.plusMillis(4)),
                new PurchaseEvent.OutcomeUnknown("gifthub", "read timed out\nafter 300 ms", T0.plusMillis(5)),
                new PurchaseEvent.LookedUp("gifthub", Option.none(), T0.plusMillis(6)),
                new PurchaseEvent.LookedUp("gifthub", Option.none(), T0.plusSeconds(40)),
                new PurchaseEvent.AbsenceProven("gifthub", 2, T0.plusSeconds(40)),
                new PurchaseEvent.Sent("gifthub", T0.plusSeconds(41)),
                new PurchaseEvent.Accepted("gifthub", SupplierOrderId.of("GH-1"), T0.plusSeconds(42)),
                new PurchaseEvent.LookedUp("gifthub", Option.some(SupplierOrderId.of("GH-1")), T0.plusSeconds(43)),
                new PurchaseEvent.PartiallyDelivered(SupplierOrderId.of("GH-1"), 2, 1, T0.plusSeconds(44)));
        for (PurchaseEvent event : events) {
            claimed = journal.append(claimed, event, event.at(), LEASE);
        }

        JournaledPurchase found = journal.find(request.reference()).get();
        assertThat(found.events()).containsExactlyElementsOf(events);
        assertThat(found.supplier()).isEqualTo("gifthub");
        assertThat(found.request()).isEqualTo(rerouted);
        assertThat(found.status()).isEqualTo(PurchaseStatus.PARTIALLY_DELIVERED);
        assertThat(found.orderId()).contains(SupplierOrderId.of("GH-1"));
        assertThat(claimed.purchase()).isEqualTo(found);
    }

    @Test
    void deliveredAndFailedEventsReadBackAndEndThePurchase() {
        PurchaseJournal journal = journal();
        Claimed delivered = opened(journal, request(), "a", T0);
        delivered = journal.append(delivered, new PurchaseEvent.Sent("ez", T0), T0, LEASE);
        delivered = journal.append(delivered, new PurchaseEvent.Accepted("ez", SupplierOrderId.of("E-1"), T0), T0, LEASE);
        delivered = journal.append(delivered, new PurchaseEvent.Delivered(SupplierOrderId.of("E-1"), 3, T0), T0, LEASE);
        Claimed failed = opened(journal, request(), "a", T0);
        failed = journal.append(failed, new PurchaseEvent.Failed("refused: no funds", true, T0), T0, LEASE);

        assertThat(journal.find(delivered.purchase().reference()).get().status()).isEqualTo(PurchaseStatus.DELIVERED);
        assertThat(journal.find(failed.purchase().reference()).get().events())
                .containsExactly(new PurchaseEvent.Failed("refused: no funds", true, T0));
        assertThat(journal.claim(delivered.purchase().reference(), "a", T0, LEASE)).as("ended").isEmpty();
        journal.release(delivered.lease(), T0);
        journal.release(failed.lease(), T0);
        assertThat(journal.claimDue("b", T0.plusSeconds(600), LEASE, 10)).isEmpty();
        assertThat(journal.unfinished(10)).isEmpty();
    }

    @Test
    void anEventTheRulesForbidIsRefusedAndNothingIsWritten() {
        PurchaseJournal journal = journal();
        Claimed claimed = opened(journal, request(), "a", T0);
        Claimed sent = journal.append(claimed, new PurchaseEvent.Sent("ez", T0), T0, LEASE);
        Claimed unknown = journal.append(sent, new PurchaseEvent.OutcomeUnknown("ez", "timeout", T0), T0, LEASE);

        assertThatThrownBy(() -> journal.append(unknown, new PurchaseEvent.Sent("ez", T0.plusSeconds(1)),
                T0.plusSeconds(1), LEASE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.append(unknown, new PurchaseEvent.Rerouted("gifthub",
                unknown.purchase().request(), T0.plusSeconds(1)), T0.plusSeconds(1), LEASE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(journal.find(claimed.purchase().reference()).get().events()).hasSize(2);
    }

    @Test
    void aHeldPurchaseCannotBeClaimedUntilItsLeaseRunsOutAndThenTheOldHolderIsFencedOff() {
        PurchaseJournal journal = journal();
        Claimed a = opened(journal, request(), "a", T0);
        OrderReference reference = a.purchase().reference();

        assertThat(journal.claim(reference, "b", T0.plusSeconds(29), LEASE)).isEmpty();
        Option<Claimed> b = journal.claim(reference, "b", T0.plusSeconds(31), LEASE);

        assertThat(b.isDefined()).isTrue();
        assertThat(b.get().lease().token()).isGreaterThan(a.lease().token());
        assertThatThrownBy(() -> journal.append(a, new PurchaseEvent.Sent("ez", T0.plusSeconds(32)),
                T0.plusSeconds(32), LEASE)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> journal.renew(a.lease(), T0.plusSeconds(32), LEASE))
                .isInstanceOf(LeaseLostException.class);
        journal.release(a.lease(), T0);   // a lost lease releases nothing
        assertThat(journal.claim(reference, "c", T0.plusSeconds(33), LEASE)).as("b still holds it").isEmpty();
        Claimed byB = journal.append(b.get(), new PurchaseEvent.Sent("ez", T0.plusSeconds(33)), T0.plusSeconds(33), LEASE);
        assertThat(byB.purchase().events()).hasSize(1);
    }

    @Test
    void writingAndRenewingExtendTheLease() {
        PurchaseJournal journal = journal();
        Claimed a = opened(journal, request(), "a", T0);
        OrderReference reference = a.purchase().reference();

        Claimed written = journal.append(a, new PurchaseEvent.Sent("ez", T0.plusSeconds(20)), T0.plusSeconds(20), LEASE);
        assertThat(written.lease().until()).isEqualTo(T0.plusSeconds(50));
        assertThat(journal.claim(reference, "b", T0.plusSeconds(45), LEASE)).isEmpty();
        Lease renewed = journal.renew(written.lease(), T0.plusSeconds(45), LEASE);
        assertThat(renewed.until()).isEqualTo(T0.plusSeconds(75));
        assertThat(journal.claim(reference, "b", T0.plusSeconds(70), LEASE)).isEmpty();
        assertThat(journal.claim(reference, "b", T0.plusSeconds(76), LEASE).isDefined()).isTrue();
    }

    @Test
    void releasedPurchasesAreClaimedWhenDueOldestFirst() {
        PurchaseJournal journal = journal();
        Claimed first = opened(journal, request(), "a", T0);
        Claimed second = opened(journal, request(), "a", T0);
        Claimed third = opened(journal, request(), "a", T0);
        journal.release(second.lease(), T0.plusSeconds(5));
        journal.release(first.lease(), T0.plusSeconds(10));
        journal.release(third.lease(), T0.plusSeconds(60));

        assertThat(journal.claimDue("b", T0.plusSeconds(4), LEASE, 10)).isEmpty();
        List<Claimed> due = journal.claimDue("b", T0.plusSeconds(20), LEASE, 10);

        assertThat(due).extracting(c -> c.purchase().reference())
                .containsExactly(second.purchase().reference(), first.purchase().reference());
        assertThat(due).allSatisfy(c -> assertThat(c.lease().owner()).isEqualTo("b"));
        assertThat(journal.claimDue("c", T0.plusSeconds(20), LEASE, 10)).as("now held by b").isEmpty();
        assertThat(journal.claimDue("c", T0.plusSeconds(61), LEASE, 1)).hasSize(1);
    }

    @Test
    void aPurchaseWhoseHolderDiedIsClaimedWhenItsLeaseRunsOut() {
        PurchaseJournal journal = journal();
        Claimed a = opened(journal, request(), "a", T0);
        journal.append(a, new PurchaseEvent.Sent("ez", T0), T0, LEASE);

        assertThat(journal.claimDue("b", T0.plusSeconds(10), LEASE, 10)).isEmpty();
        List<Claimed> taken = journal.claimDue("b", T0.plusSeconds(31), LEASE, 10);

        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).purchase().events()).hasSize(1);
    }

    @Test
    void ownersClaimingDuePurchasesAtOnceNeverGetTheSamePurchase() throws Exception {
        PurchaseJournal journal = journal();
        int purchases = 40;
        for (int i = 0; i < purchases; i++) {
            journal.release(opened(journal, request(), "opener", T0).lease(), T0);
        }
        int owners = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(owners);
        try {
            List<Future<List<OrderReference>>> claims = new ArrayList<>();
            for (int i = 0; i < owners; i++) {
                String owner = "owner-" + i;
                Callable<List<OrderReference>> claimer = () -> {
                    start.await();
                    List<OrderReference> mine = new ArrayList<>();
                    List<Claimed> batch;
                    do {
                        batch = journal.claimDue(owner, T0.plusSeconds(1), LEASE, 3);
                        batch.forEach(c -> mine.add(c.purchase().reference()));
                    } while (!batch.isEmpty());
                    return mine;
                };
                claims.add(pool.submit(claimer));
            }
            start.countDown();
            Set<OrderReference> seen = new HashSet<>();
            int total = 0;
            for (Future<List<OrderReference>> f : claims) {
                for (OrderReference reference : f.get()) {
                    total++;
                    assertThat(seen.add(reference)).as("claimed twice: %s", reference).isTrue();
                }
            }
            assertThat(total).isEqualTo(purchases);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unfinishedListsOpenPurchasesOldestFirst() {
        PurchaseJournal journal = journal();
        Claimed older = opened(journal, request(), "a", T0);
        Claimed newer = opened(journal, request(), "a", T0.plusSeconds(1));
        Claimed ended = opened(journal, request(), "a", T0.plusSeconds(2));
        journal.append(ended, new PurchaseEvent.Failed("refused", false, T0.plusSeconds(3)), T0.plusSeconds(3), LEASE);

        assertThat(journal.unfinished(10)).extracting(JournaledPurchase::reference)
                .containsExactly(older.purchase().reference(), newer.purchase().reference());
        assertThat(journal.unfinished(1)).hasSize(1);
    }

    @Test
    void aLeaseTakenOverFencesTheOldHolderEvenUnderTheSameOwnerName() {
        PurchaseJournal journal = journal();
        Claimed before = opened(journal, request(), "node-1", T0);
        Claimed after = journal.claim(before.purchase().reference(), "node-1", T0.plusSeconds(31), LEASE).get();

        assertThat(after.lease().token()).isGreaterThan(before.lease().token());
        assertThatThrownBy(() -> journal.append(before, new PurchaseEvent.Sent("ez", T0.plusSeconds(32)),
                T0.plusSeconds(32), LEASE)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> journal.renew(before.lease(), T0.plusSeconds(32), LEASE))
                .isInstanceOf(LeaseLostException.class);
        assertThat(journal.find(before.purchase().reference()).get().events()).isEmpty();
    }

    @Test
    void anAppendFromAnOutdatedViewOfThePurchaseIsRefusedAndWritesNothing() {
        PurchaseJournal journal = journal();
        Claimed opened = opened(journal, request(), "a", T0);
        Claimed sent = journal.append(opened, new PurchaseEvent.Sent("ez", T0), T0, LEASE);

        assertThatThrownBy(() -> journal.append(new Claimed(opened.purchase(), sent.lease()),
                new PurchaseEvent.Sent("ez", T0.plusSeconds(1)), T0.plusSeconds(1), LEASE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(journal.find(opened.purchase().reference()).get().events()).hasSize(1);
    }

    @Test
    void aPurchaseOpensWithItsFirstEventsInOneWrite() {
        PurchaseJournal journal = journal();
        OrderRequest request = request();
        Either<JournaledPurchase, Claimed> opened = journal.open(request, "ez",
                List.of(new PurchaseEvent.Sent("ez", T0)), "a", T0, LEASE);

        assertThat(opened.get().purchase().events()).containsExactly(new PurchaseEvent.Sent("ez", T0));
        assertThat(journal.find(request.reference()).get().events()).containsExactly(new PurchaseEvent.Sent("ez", T0));
        Claimed accepted = journal.append(opened.get(), new PurchaseEvent.Accepted("ez", SupplierOrderId.of("E-1"), T0),
                T0, LEASE);
        assertThat(accepted.purchase().orderId()).contains(SupplierOrderId.of("E-1"));
    }

    @Test
    void firstEventsTheRulesForbidOpenNothing() {
        PurchaseJournal journal = journal();
        OrderRequest request = request();

        assertThatThrownBy(() -> journal.open(request, "ez", List.of(new PurchaseEvent.Sent("ez", T0),
                new PurchaseEvent.Sent("ez", T0)), "a", T0, LEASE)).isInstanceOf(IllegalStateException.class);
        assertThat(journal.find(request.reference())).isEmpty();
    }

    @Test
    void severalEventsAreAppendedAllOrNone() {
        PurchaseJournal journal = journal();
        Claimed opened = opened(journal, request(), "a", T0);
        Claimed two = journal.append(opened, List.of(new PurchaseEvent.Sent("ez", T0),
                new PurchaseEvent.Accepted("ez", SupplierOrderId.of("E-1"), T0.plusMillis(1))), T0, LEASE);

        assertThat(two.purchase().events()).hasSize(2);
        assertThatThrownBy(() -> journal.append(two, List.of(new PurchaseEvent.LookedUp("ez", Option.none(), T0),
                new PurchaseEvent.Sent("ez", T0.plusMillis(2))), T0, LEASE)).isInstanceOf(IllegalStateException.class);
        assertThat(journal.find(opened.purchase().reference()).get().events()).hasSize(2);
    }

    @Test
    void finishingEndsThePurchaseAndGivesTheLeaseBackInOneWrite() {
        PurchaseJournal journal = journal();
        Claimed sent = journal.open(request(), "ez", List.of(new PurchaseEvent.Sent("ez", T0)), "a", T0, LEASE).get();

        JournaledPurchase ended = journal.finish(sent, List.of(new PurchaseEvent.Accepted("ez", SupplierOrderId.of("E-1"),
                T0), new PurchaseEvent.Delivered(SupplierOrderId.of("E-1"), 3, T0)), T0);

        assertThat(ended.status()).isEqualTo(PurchaseStatus.DELIVERED);
        assertThat(journal.find(ended.reference()).get()).isEqualTo(ended);
        assertThat(journal.claim(ended.reference(), "b", T0, LEASE)).isEmpty();
        assertThat(journal.claimDue("b", T0.plusSeconds(3600), LEASE, 10)).isEmpty();
        assertThatThrownBy(() -> journal.append(sent, new PurchaseEvent.LookedUp("ez", Option.none(), T0), T0, LEASE))
                .isInstanceOfAny(LeaseLostException.class, IllegalStateException.class);
    }

    @Test
    void finishingWithEventsThatDoNotEndThePurchaseWritesNothing() {
        PurchaseJournal journal = journal();
        Claimed opened = opened(journal, request(), "a", T0);

        assertThatThrownBy(() -> journal.finish(opened, List.of(new PurchaseEvent.Sent("ez", T0)), T0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(journal.find(opened.purchase().reference()).get().events()).isEmpty();
        assertThat(journal.claim(opened.purchase().reference(), "b", T0, LEASE)).as("still leased to a").isEmpty();
    }

    @Test
    void aFinishWithALostLeaseIsRefused() {
        PurchaseJournal journal = journal();
        Claimed a = opened(journal, request(), "a", T0);
        journal.claim(a.purchase().reference(), "b", T0.plusSeconds(31), LEASE);

        assertThatThrownBy(() -> journal.finish(a, List.of(new PurchaseEvent.Failed("refused", false, T0)),
                T0.plusSeconds(32))).isInstanceOf(LeaseLostException.class);
        assertThat(journal.find(a.purchase().reference()).get().status()).isEqualTo(PurchaseStatus.OPEN);
    }

    @Test
    void anOwnerCannotClaimAgainWhatItStillHolds() {
        PurchaseJournal journal = journal();
        Claimed a = opened(journal, request(), "node-1", T0);

        assertThat(journal.claim(a.purchase().reference(), "node-1", T0.plusSeconds(10), LEASE)).isEmpty();
        Claimed sent = journal.append(a, new PurchaseEvent.Sent("ez", T0.plusSeconds(11)), T0.plusSeconds(11), LEASE);
        assertThat(sent.purchase().events()).hasSize(1);
    }
}
