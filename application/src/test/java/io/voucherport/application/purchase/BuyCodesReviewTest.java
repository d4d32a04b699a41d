package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.testkit.time.VirtualTime;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.fake.ForwardingCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier.Operation;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Review findings against BuyCodes / BuyFromSuppliers on the journal (each test fails while its bug stands). */
class BuyCodesReviewTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final VirtualTime time = new VirtualTime();
    private final InMemoryPurchaseJournal journal = new InMemoryPurchaseJournal();
    private final InMemoryCodeSupplier ez = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 50)
            .balance("1000", "USD");
    private final InMemoryCodeSupplier gifthub = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 50)
            .balance("1000", "USD");

    /** A supplier passing every call on, with a hook around each placement. */
    private static final class Hooked extends ForwardingCodeSupplier {
        private final AtomicInteger places = new AtomicInteger();
        private Function<OrderRequest, Either<ProviderFailure, SupplierOrder>> place;

        Hooked(CodeSupplier delegate) {
            super(delegate);
            this.place = delegate::place;
        }

        @Override
        public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
            places.incrementAndGet();
            return place.apply(request);
        }
    }

    private BuyCodes buyer(CodeSupplier supplier, String name, String owner,
            io.voucherport.domain.journal.PurchaseJournal journal) {
        return BuyCodes.builder(name, supplier, journal).waiting(VirtualWaiting.of(time)).owner(owner).settleTime(SETTLE)
                .lease(LEASE).build();
    }

    private static OrderRequest request() {
        return BuyCodes.prepare(List.of(OrderLine.of("GAME-10", 1)), Option.none());
    }

    private static ProviderFailure unreadableAnswer() {
        return new ProviderFailure.UnexpectedResponse(FailureDetails.of("test", 302, Option.none(),
                "the answer to the placement could not be used"));
    }

    /**
     * A second buy of the same reference on the same BuyCodes (a client's retry landing on the
     * same instance) while the first is inside the supplier call: same owner name, so
     * {@code claim} hands it the live lease; it proves absence while the first request is still in
     * flight and places again.
     */
    @Test
    void aConcurrentBuyOfTheSameReferenceOnTheSameInstanceNeverTakesTheLiveLease() {
        Hooked supplier = new Hooked(ez);
        BuyCodes buyer = buyer(supplier, "ez", "instance-a", journal);
        OrderRequest request = request();
        List<PurchaseResult> second = new ArrayList<>();
        supplier.place = r -> {
            if (supplier.places.get() == 1) {   // the first request is in flight: the retry arrives now
                second.add(buyer.buy(r));
            }
            return ez.place(r);
        };

        PurchaseResult first = buyer.buy(request);

        assertThat(second.get(0)).as("the retry must answer Pending without driving the purchase")
                .isInstanceOf(PurchaseResult.Pending.class);
        assertThat(supplier.places.get()).as("placed again while the first placement was in flight").isEqualTo(1);
        assertThat(first).isInstanceOf(PurchaseResult.Delivered.class);
    }

    /**
     * A placement answered with something unreadable (not provably harmless: the order may exist,
     * here it does) is journaled Refused(provablyNotApplied=false) and the purchase ends Failed at
     * once: never looked up, so a paid order is never reconciled nor its codes handed over.
     */
    @Test
    void aPlacementWithAnUnreadableAnswerIsLookedUpNotEndedFailed() {
        Hooked supplier = new Hooked(ez);
        supplier.place = r -> {
            ez.place(r);   // committed and paid at the supplier
            return Either.left(unreadableAnswer());
        };
        OrderRequest request = request();

        PurchaseResult result = buyer(supplier, "ez", "a", journal).buy(request);

        assertThat(ez.ordersWithReference(request.reference())).isEqualTo(1);
        assertThat(ez.calls(Operation.FIND_BY_REFERENCE)).as("the order was never looked up").isPositive();
        assertThat(result).as("a paid order exists").isInstanceOf(PurchaseResult.Delivered.class);
    }

    /**
     * Same refusal, then the journal write that ends the purchase fails once (or the instance
     * crashes between the Refused append and the Failed write): recovery finds Sent + Refused(not
     * provably harmless), which the rules read as "no doubt", and places again without any lookup.
     */
    @Test
    void afterARefusalThatIsNotProvablyHarmlessRecoveryNeverPlacesAgainWithoutALookup() {
        Hooked supplier = new Hooked(ez);
        supplier.place = r -> {
            if (supplier.places.get() == 1) {
                ez.place(r);
                return Either.left(unreadableAnswer());
            }
            return ez.place(r);
        };
        ForwardingJournal flaky = new ForwardingJournal(journal) {
            private boolean failed;

            @Override
            void beforeWrite(String operation) {
                if (operation.startsWith("finish") && !failed) {
                    failed = true;
                    throw new JournalException("simulated: the database went away", null);
                }
            }
        };
        BuyCodes buyer = buyer(supplier, "ez", "a", flaky);
        OrderRequest request = request();

        PurchaseResult first = buyer.buy(request);
        assertThat(first).isInstanceOf(PurchaseResult.Pending.class);
        time.advance(Duration.ofMinutes(5));
        new RecoverPurchases(flaky, List.of(buyer), VirtualWaiting.of(time), LEASE, "b").runOnce();

        assertThat(supplier.places.get()).as("placed again with no lookup after a not-provably-harmless refusal")
                .isEqualTo(1);
    }

    /**
     * A purchase is in doubt (placement committed, answer lost, lookups lagging: Pending). Resuming
     * it while the journal has a hiccup on the claim answers Failed with nothingBought() == true
     * ("the purchase journal failed before anything was sent"), although a paid order exists and
     * recovery will deliver it later.
     */
    @Test
    void aJournalFailureWhileResumingAPurchaseInDoubtIsNeverNothingBought() {
        ez.lookupLag(Duration.ofMinutes(30));
        ez.commitThenFailNextPlace();
        boolean[] down = {false};
        ForwardingJournal flaky = new ForwardingJournal(journal) {
            @Override
            void beforeWrite(String operation) {
                if (down[0]) {
                    throw new JournalException("simulated: the database went away", null);
                }
            }
        };
        BuyCodes buyer = BuyCodes.builder("ez", ez, flaky).waiting(VirtualWaiting.of(time)).owner("a")
                .settleTime(Duration.ofMinutes(30)).policy(PollingPolicy.DEFAULT.deadline(Duration.ofMinutes(2)))
                .lease(LEASE).build();
        OrderRequest request = request();
        assertThat(buyer.buy(request)).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(ez.ordersWithReference(request.reference())).isEqualTo(1);

        down[0] = true;
        PurchaseResult resumed = buyer.resume(request);
        PurchaseResult again = buyer.buy(request);

        assertThat(resumed instanceof PurchaseResult.Failed f && f.nothingBought())
                .as("resume answered 'nothing bought' but a paid order exists: " + resumed).isFalse();
        assertThat(again instanceof PurchaseResult.Failed f && f.nothingBought())
                .as("buy again answered 'nothing bought' but a paid order exists: " + again).isFalse();
    }

    /**
     * The directory journals Failed at the first supplier (keeping the lease) and only then appends
     * Rerouted. Another instance asking about the reference in between reads the purchase as ended
     * Failed with mayHaveBought=false, while the first instance goes on to buy it elsewhere.
     */
    @Test
    void anotherInstanceNeverReadsFailedNothingBoughtWhileTheDirectoryIsAboutToReroute() {
        ez.failNext(Operation.PLACE, new ProviderFailure.InsufficientFunds(FailureDetails.of("test", 402,
                Option.none(), "balance too low")));
        OrderReference reference = OrderReference.generate();
        List<OrderLine> lines = List.of(OrderLine.of("GAME-10", 1));
        List<BuyFromSuppliers.Routed> seenByB = new ArrayList<>();
        BuyFromSuppliers[] b = new BuyFromSuppliers[1];
        ForwardingJournal shared = new ForwardingJournal(journal) {
            @Override
            void afterWrite(String operation) {
                if (seenByB.isEmpty() && operation.contains("Failed")
                        && journal.find(reference).get().status() == PurchaseStatus.FAILED) {
                    seenByB.add(b[0].buy(reference, lines, Option.none(), List.of("ez", "gifthub")));
                }
            }
        };
        BuyFromSuppliers a = BuyFromSuppliers.builder(shared, PollingPolicy.DEFAULT, VirtualWaiting.of(time)).owner("a")
                .buyer(buyer(ez, "ez", "a", shared), Map.of()).buyer(buyer(gifthub, "gifthub", "a", shared), Map.of())
                .build();
        b[0] = BuyFromSuppliers.builder(shared, PollingPolicy.DEFAULT, VirtualWaiting.of(time)).owner("b")
                .buyer(buyer(ez, "ez", "b", shared), Map.of()).buyer(buyer(gifthub, "gifthub", "b", shared), Map.of())
                .build();

        BuyFromSuppliers.Routed routedA = a.buy(reference, lines, Option.none(), List.of("ez", "gifthub"));

        assertThat(routedA.result()).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(gifthub.ordersWithReference(reference)).isEqualTo(1);
        assertThat(seenByB).as("nobody can read the purchase as failed while A is about to reroute it").isEmpty();
        assertThat(journal.find(reference).get().events())
                .noneMatch(io.voucherport.domain.journal.PurchaseEvent.Failed.class::isInstance);
    }

    /**
     * The first placement commits but its answer is lost (timeout). The first lookup is fast and
     * empty (index lag); the second is evaluated 0.4 s after the doubt (still empty) but its answer
     * arrives 35 s later. LookedUp is stamped with the time the answer came back, not the time the
     * question was asked, so it counts as "at least settleTime after the doubt": absence is
     * "proven" from two lookups both evaluated within the lag, and the purchase is placed again.
     */
    @Test
    void aSlowLookupAnswerNeverCountsAsALookupMadeAfterTheSettleTime() {
        ez.lookupLag(SETTLE);   // the supplier's real lag is exactly the settle time
        AtomicInteger places = new AtomicInteger();
        AtomicInteger lookups = new AtomicInteger();
        CodeSupplier supplier = new ForwardingCodeSupplier(ez) {
            @Override
            public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
                if (places.incrementAndGet() == 1) {
                    ez.place(request);   // committed and paid
                    return Either.left(new ProviderFailure.OutcomeUnknown(FailureDetails.of("test",
                            "read timed out")));
                }
                return ez.place(request);
            }

            @Override
            public Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
                Either<ProviderFailure, Option<SupplierOrder>> answer = ez.findOrderByReference(reference);
                if (lookups.incrementAndGet() == 2) {
                    time.advance(Duration.ofSeconds(35));   // the answer (evaluated now) is slow to come back
                }
                return answer;
            }
        };
        BuyCodes buyer = BuyCodes.builder("ez", supplier, journal).waiting(VirtualWaiting.of(time)).owner("a")
                .settleTime(SETTLE).lease(LEASE).build();

        buyer.buy(BuyCodes.prepare(List.of(OrderLine.of("GAME-10", 1)), Option.none()));

        assertThat(places.get()).as("placed again on an absence 'proven' by lookups evaluated inside the lag")
                .isEqualTo(1);
    }

    /**
     * Through the directory (keep-lease mode) the Accepted event is held back in heldEnd; when the
     * single finish write fails, the directory only swallows the failure: the Accepted is never
     * written, although the journal is back for the very next write. Plain BuyCodes in the same
     * situation flushes it (guarded -> finish -> flush). The journal is left with an in-flight Sent,
     * leased until the lease runs out, and recovery must re-prove by lookup an order it knew.
     */
    @Test
    void aDeliveredDirectoryPurchaseKeepsItsOrderInTheJournalWhenTheEndingWriteFails() {
        ez.lookupLag(SETTLE);
        ForwardingJournal flaky = new ForwardingJournal(journal) {
            private boolean failed;

            @Override
            void beforeWrite(String operation) {
                if (operation.startsWith("finish") && !failed) {
                    failed = true;
                    throw new JournalException("simulated: the database went away", null);
                }
            }
        };
        BuyFromSuppliers directory = BuyFromSuppliers.builder(flaky, PollingPolicy.DEFAULT, VirtualWaiting.of(time)).owner("a")
                .buyer(BuyCodes.builder("ez", ez, flaky).waiting(VirtualWaiting.of(time)).owner("a").settleTime(SETTLE)
                        .lease(LEASE).build(), Map.of())
                .build();
        OrderReference reference = OrderReference.generate();

        BuyFromSuppliers.Routed routed = directory.buy(reference, List.of(OrderLine.of("GAME-10", 1)), Option.none(),
                List.of("ez"));

        assertThat(routed.result()).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(journal.find(reference).get().orderId().isDefined()).as("the accepted order never reached the journal: "
                + journal.find(reference).get().events()).isTrue();
    }
}
