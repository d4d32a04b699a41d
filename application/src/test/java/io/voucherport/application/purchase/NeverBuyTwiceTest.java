package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.testkit.time.VirtualTime;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier.CodesFault;
import io.voucherport.testkit.fake.InMemoryCodeSupplier.Operation;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The journal's promises, in virtual time: no purchase is concluded "nothing bought" from one empty
 * answer, delivered means every requested code, a looked-up order must carry the reference, two
 * instances never drive one purchase, and a crash between any two steps is recovered exactly once.
 */
class NeverBuyTwiceTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final VirtualTime time = new VirtualTime();
    private final InMemoryPurchaseJournal journal = new InMemoryPurchaseJournal();
    private final InMemoryCodeSupplier ez = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 50)
            .product("GAME-20", "20.00", "USD", 0).balance("1000", "USD");
    private final InMemoryCodeSupplier gifthub = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 50)
            .balance("1000", "USD");

    private BuyCodes buyer(InMemoryCodeSupplier supplier, String name, String owner, PurchaseJournal journal) {
        return BuyCodes.builder(name, supplier, journal).waiting(VirtualWaiting.of(time)).owner(owner).settleTime(SETTLE)
                .lease(LEASE).build();
    }

    private BuyCodes ezBuyer(String owner) {
        return buyer(ez, "ez", owner, journal);
    }

    private static OrderRequest request(String sku, int quantity) {
        return BuyCodes.prepare(List.of(OrderLine.of(sku, quantity)), Option.none());
    }

    private static ProviderFailure unknown() {
        return new ProviderFailure.OutcomeUnknown(FailureDetails.of("test", "read timed out after sending"));
    }

    private static ProviderFailure insufficientFunds() {
        return new ProviderFailure.InsufficientFunds(FailureDetails.of("test", 402, Option.none(), "balance too low"));
    }

    // --- 2. one empty lookup is not proof ---

    @Test
    void aLaggingLookupAfterALostAnswerFindsTheOrderInsteadOfFailingNothingBought() {
        ez.lookupLag(Duration.ofSeconds(20));
        ez.commitThenFailNextPlace();
        ez.failCall(Operation.PLACE, 2, insufficientFunds());   // a re-placement would be refused
        OrderRequest request = request("GAME-10", 1);

        PurchaseResult result = ezBuyer("a").buy(request);

        assertThat(result).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(ez.calls(Operation.PLACE)).as("never placed again before absence is proven").isEqualTo(1);
        assertThat(ez.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void aLookupLaggingPastTheDeadlineLeavesThePurchasePendingNeverNothingBought() {
        ez.lookupLag(Duration.ofMinutes(10));
        ez.commitThenFailNextPlace();
        OrderRequest request = request("GAME-10", 1);

        PurchaseResult result = BuyCodes.builder("ez", ez, journal).waiting(VirtualWaiting.of(time))
                .settleTime(Duration.ofMinutes(15)).build().buy(request);   // the supplier's lag, declared

        assertThat(result).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(ez.calls(Operation.PLACE)).isEqualTo(1);
        assertThat(journal.find(request.reference()).get().status()).isEqualTo(PurchaseStatus.OPEN);
    }

    @Test
    void aReplacementRefusedAfterAnUnknownOutcomeIsFailedMayHaveBoughtAndTheDirectoryDoesNotFallBack() {
        ez.failNext(Operation.PLACE, unknown());   // nothing committed, but nobody knows
        ez.failNext(Operation.PLACE, insufficientFunds());
        BuyFromSuppliers directory = BuyFromSuppliers.builder(journal, PollingPolicy.DEFAULT, VirtualWaiting.of(time))
                .buyer(ezBuyer("a"), java.util.Map.of()).buyer(buyer(gifthub, "gifthub", "a", journal), java.util.Map.of())
                .build();
        OrderReference reference = OrderReference.generate();

        BuyFromSuppliers.Routed routed = directory.buy(reference, List.of(OrderLine.of("GAME-10", 1)), Option.none(),
                List.of("ez", "gifthub"));

        assertThat(routed.supplier()).isEqualTo("ez");
        PurchaseResult.Failed failed = (PurchaseResult.Failed) routed.result();
        assertThat(failed.mayHaveBought()).isTrue();
        assertThat(failed.nothingBought()).isFalse();
        assertThat(gifthub.calls(Operation.PLACE)).as("no fallback while doubt stands").isZero();
        assertThat(ez.calls(Operation.FIND_BY_REFERENCE)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDirectoryFallsBackOnlyAfterAProvableRefusalAndJournalsTheReroute() {
        ez.failNext(Operation.PLACE, insufficientFunds());
        BuyFromSuppliers directory = BuyFromSuppliers.builder(journal, PollingPolicy.DEFAULT, VirtualWaiting.of(time))
                .buyer(ezBuyer("a"), java.util.Map.of()).buyer(buyer(gifthub, "gifthub", "a", journal), java.util.Map.of())
                .build();
        OrderReference reference = OrderReference.generate();

        BuyFromSuppliers.Routed routed = directory.buy(reference, List.of(OrderLine.of("GAME-10", 1)), Option.none(),
                List.of("ez", "gifthub"));

        assertThat(routed.supplier()).isEqualTo("gifthub");
        assertThat(routed.refusedBy()).containsExactly("ez");
        assertThat(routed.result()).isInstanceOf(PurchaseResult.Delivered.class);
        JournaledPurchase journaled = journal.find(reference).get();
        assertThat(journaled.supplier()).isEqualTo("gifthub");
        assertThat(journaled.events()).anyMatch(PurchaseEvent.Rerouted.class::isInstance);
        assertThat(journaled.status()).isEqualTo(PurchaseStatus.DELIVERED);

        BuyFromSuppliers.Routed again = directory.buy(reference, List.of(OrderLine.of("GAME-10", 1)), Option.none(),
                List.of("ez", "gifthub"));
        assertThat(again.supplier()).as("a journaled reference is resumed where it is").isEqualTo("gifthub");
        assertThat(ez.calls(Operation.PLACE) + gifthub.calls(Operation.PLACE)).isEqualTo(2);
    }

    // --- 3. delivered means every requested code ---

    @Test
    void anAnswerWithoutQuantitiesOrWithASkuMissingIsNotDelivered() {
        ez.product("GAME-30", "30.00", "USD", 0).pollsToComplete(1);
        ez.misreportNextCodes(CodesFault.OMIT_QUANTITIES);
        ez.misreportNextCodes(CodesFault.DROP_ONE_SKU);
        OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of("GAME-20", 3), OrderLine.of("GAME-30", 2)),
                Option.none());

        PurchaseResult result = ezBuyer("a").buy(request);

        assertThat(result).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(((PurchaseResult.Delivered) result).codes().delivered()).hasSize(5);
        assertThat(ez.calls(Operation.FETCH_CODES)).as("the short answers were fetched again").isGreaterThanOrEqualTo(3);
    }

    @Test
    void codesStillShortAtTheDeadlineArePendingNotDelivered() {
        ez.pollsToComplete(1);
        for (int i = 0; i < 200; i++) {
            ez.misreportNextCodes(CodesFault.OMIT_QUANTITIES);
        }
        PurchaseResult result = buyer(ez, "ez", "a", journal).buy(request("GAME-20", 3));

        assertThat(result).isInstanceOf(PurchaseResult.Pending.class);
    }

    // --- 4. a looked-up order must carry exactly the reference ---

    @Test
    void aLookupAnsweringAnotherReferencesOrderIsNeverAdopted() {
        ez.lookupByPrefix(true);
        OrderRequest twelve = OrderRequest.of(OrderReference.of("order-12"), OrderLine.of("GAME-10", 1));
        PurchaseResult.Delivered other = (PurchaseResult.Delivered) ezBuyer("a").buy(twelve);
        ez.failNext(Operation.PLACE, unknown());
        OrderRequest one = OrderRequest.of(OrderReference.of("order-1"), OrderLine.of("GAME-10", 1));

        PurchaseResult result = ezBuyer("a").buy(one);

        assertThat(result).isNotInstanceOf(PurchaseResult.Delivered.class);
        assertThat(result).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(((PurchaseResult.Pending) result).orderId()).doesNotContain(other.order().id());
        assertThat(journal.find(one.reference()).get().orderId()).isEmpty();
    }

    @Test
    void aDuplicateRefusalCarryingAnotherReferencesOrderIsNotAdopted() {
        OrderRequest request = request("GAME-10", 1);
        SupplierOrder foreign = ezBuyer("a").buy(request("GAME-10", 1)) instanceof PurchaseResult.Delivered d
                ? d.order() : null;
        ez.failNext(Operation.PLACE, new ProviderFailure.DuplicateReference(FailureDetails.of("test", "duplicate"),
                request.reference(), Option.some(foreign)));
        ez.lookupLag(Duration.ofMinutes(10));

        PurchaseResult result = buyer(ez, "ez", "a", journal).buy(request);

        assertThat(result).as("placed once more after absence was proven").isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(((PurchaseResult.Delivered) result).order().id()).isNotEqualTo(foreign.id());
        assertThat(((PurchaseResult.Delivered) result).order().reference()).contains(request.reference());
        assertThat(ez.ordersWithReference(request.reference())).isEqualTo(1);
    }

    // --- two instances, one journal ---

    @Test
    void twoInstancesBuyingOneReferenceAtOnceProduceOneOrder() {
        ez.pollsToComplete(3);
        OrderRequest request = request("GAME-20", 2);
        CompletableFuture<PurchaseResult> first = ezBuyer("instance-a").buyAsync(request);
        time.runNext();   // instance a journals, places and waits

        PurchaseResult second = ezBuyer("instance-b").buy(request);
        time.runAll();

        assertThat(second).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(((PurchaseResult.Pending) second).reason()).contains("another instance");
        assertThat(first.join()).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(ez.calls(Operation.PLACE)).isEqualTo(1);
        assertThat(ezBuyer("instance-b").buy(request)).as("asked again once it ended").isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(ez.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void aReferenceJournaledForAnotherRequestIsRefused() {
        OrderRequest request = request("GAME-10", 1);
        ezBuyer("a").buy(request);
        assertThatThrownBy(() -> ezBuyer("a").buy(OrderRequest.of(request.reference(), OrderLine.of("GAME-10", 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another request");
    }

    // --- crashes between any two steps, recovered exactly once ---

    /**
     * A process dying on the spot: nothing after it runs, nothing is released. A
     * {@link VirtualMachineError}, the one kind the library never turns into a value.
     */
    private static final class Crash extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("the process died on the spot");
        }
    }

    /** A journal that dies right after its {@code n}-th write. */
    private static PurchaseJournal dyingAfter(PurchaseJournal journal, int n) {
        return new ForwardingJournal(journal) {
            private int writes;

            @Override
            void afterWrite(String operation) {
                if (++writes == n) {
                    throw new Crash();
                }
            }
        };
    }

    @Test
    void aCrashAfterAnyJournalWriteIsRecoveredByAnotherInstanceExactlyOnce() {
        for (int crashAfter = 1; crashAfter <= 6; crashAfter++) {
            for (boolean lostAnswer : new boolean[] {false, true}) {
                InMemoryPurchaseJournal shared = new InMemoryPurchaseJournal();
                if (lostAnswer) {
                    ez.commitThenFailNextPlace();
                }
                OrderRequest request = request("GAME-10", 1);
                BuyCodes dying = buyer(ez, "ez", "dying", dyingAfter(shared, crashAfter));
                boolean crashed;
                try {
                    dying.buy(request);
                    crashed = false;
                } catch (Crash c) {
                    crashed = true;
                }
                time.advance(LEASE.plusSeconds(1));
                RecoverPurchases recovery = new RecoverPurchases(shared, List.of(buyer(ez, "ez", "survivor", shared)),
                        VirtualWaiting.of(time), LEASE, "survivor");
                List<PurchaseResult> recovered = recovery.runOnce();

                String when = "crash after write " + crashAfter + (lostAnswer ? " with the answer lost" : "");
                assertThat(ez.ordersWithReference(request.reference())).as(when).isLessThanOrEqualTo(1);
                JournaledPurchase journaled = shared.find(request.reference()).getOrNull();
                if (journaled != null) {
                    assertThat(journaled.status()).as(when).isEqualTo(PurchaseStatus.DELIVERED);
                    assertThat(ez.ordersWithReference(request.reference())).as(when).isEqualTo(1);
                } else {
                    assertThat(crashed).as(when).isTrue();
                    assertThat(ez.ordersWithReference(request.reference())).as(when + ": nothing journaled, nothing sent")
                            .isZero();
                }
                assertThat(recovery.runOnce()).as(when + ": each purchase recovered once").isEmpty();
                assertThat(recovered.size()).as(when).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void recoveryResumesEveryPendingPurchaseOnceWhenDue() {
        ez.pollsToComplete(Integer.MAX_VALUE);
        BuyCodes hurried = BuyCodes.builder("ez", ez, journal).waiting(VirtualWaiting.of(time)).owner("a").settleTime(SETTLE)
                .policy(PollingPolicy.DEFAULT.deadline(Duration.ofSeconds(5))).recheckAfter(Duration.ofMinutes(10)).build();
        List<OrderRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OrderRequest request = request("GAME-20", 1);
            requests.add(request);
            assertThat(hurried.buy(request)).isInstanceOf(PurchaseResult.Pending.class);
        }
        ez.fulfilPending();
        RecoverPurchases recovery = new RecoverPurchases(journal, List.of(ezBuyer("b")), VirtualWaiting.of(time), LEASE, "b");

        assertThat(recovery.runOnce()).as("not due yet").isEmpty();
        time.advance(Duration.ofMinutes(10));
        List<PurchaseResult> recovered = recovery.runOnce();

        assertThat(recovered).hasSize(20).allMatch(PurchaseResult.Delivered.class::isInstance);
        assertThat(recovery.runOnce()).isEmpty();
        assertThat(ez.calls(Operation.PLACE)).isEqualTo(20);
        assertThat(journal.unfinished(100)).isEmpty();
    }

    @Test
    void aJournalThatFailsBeforeAnythingIsSentSendsNothingAndAnswersPending() {
        PurchaseJournal down = new ForwardingJournal(journal) {
            @Override
            void beforeWrite(String operation) {
                throw new JournalException("connection refused", null);
            }
        };
        PurchaseResult result = buyer(ez, "ez", "a", down).buy(request("GAME-10", 1));

        assertThat(result).as("the open may have taken effect unseen: never 'nothing bought'")
                .isInstanceOf(PurchaseResult.Pending.class);
        assertThat(ez.calls(Operation.PLACE)).isZero();
    }

    @Test
    void aJournalThatFailsAfterThePlacementLeavesThePurchasePendingForRecovery() {
        PurchaseJournal flaky = new ForwardingJournal(journal) {
            @Override
            void beforeWrite(String operation) {
                if (operation.startsWith("finish")) {
                    throw new JournalException("connection reset", null);
                }
            }
        };
        OrderRequest request = request("GAME-10", 1);
        PurchaseResult result = buyer(ez, "ez", "a", flaky).buy(request);

        assertThat(result).isInstanceOf(PurchaseResult.Pending.class);
        time.advance(Duration.ofMinutes(1));
        List<PurchaseResult> recovered = new RecoverPurchases(journal, List.of(ezBuyer("b")), VirtualWaiting.of(time), LEASE, "b")
                .runOnce();
        assertThat(recovered).singleElement().isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(ez.ordersWithReference(request.reference())).isEqualTo(1);
        assertThat(ez.calls(Operation.PLACE)).isEqualTo(1);
    }

    @Test
    void aRecoveryPassEndsAndDrivesEachPurchaseOnceEvenWhenPurchasesFallDueAgainDuringIt() {
        ez.pollsToComplete(Integer.MAX_VALUE);
        BuyCodes never = BuyCodes.builder("ez", ez, journal).waiting(VirtualWaiting.of(time)).owner("a").settleTime(SETTLE)
                .policy(PollingPolicy.DEFAULT.deadline(Duration.ofSeconds(5))).recheckAfter(Duration.ZERO).build();
        for (int i = 0; i < 40; i++) {
            assertThat(never.buy(request("GAME-20", 1))).isInstanceOf(PurchaseResult.Pending.class);
        }
        RecoverPurchases recovery = new RecoverPurchases(journal, List.of(never), VirtualWaiting.of(time), LEASE, "b");

        List<PurchaseResult> pass = recovery.runOnce();

        assertThat(pass).hasSize(40).allMatch(PurchaseResult.Pending.class::isInstance);
        assertThat(pass.stream().map(PurchaseResult::reference).distinct()).hasSize(40);
        assertThat(ez.calls(Operation.PLACE)).isEqualTo(40);
    }

    @Test
    void theDirectorySendsNothingWhenTheJournalIsDownAndKeepsADeliveryWhenOnlyTheEndCannotBeWritten() {
        PurchaseJournal down = new ForwardingJournal(journal) {
            @Override
            void beforeWrite(String operation) {
                throw new JournalException("connection refused", null);
            }
        };
        BuyFromSuppliers broken = BuyFromSuppliers.builder(down, PollingPolicy.DEFAULT, VirtualWaiting.of(time))
                .buyer(buyer(ez, "ez", "a", down), java.util.Map.of()).build();
        BuyFromSuppliers.Routed refused = broken.buy(OrderReference.generate(), List.of(OrderLine.of("GAME-10", 1)),
                Option.none(), List.of("ez"));
        assertThat(refused.result()).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(ez.calls(Operation.PLACE)).isZero();

        PurchaseJournal noRelease = new ForwardingJournal(journal) {
            @Override
            void beforeWrite(String operation) {
                if (operation.startsWith("finish")) {
                    throw new JournalException("connection reset", null);
                }
            }
        };
        BuyFromSuppliers flaky = BuyFromSuppliers.builder(noRelease, PollingPolicy.DEFAULT, VirtualWaiting.of(time))
                .buyer(buyer(ez, "ez", "a", noRelease), java.util.Map.of()).build();
        assertThat(flaky.buy(OrderReference.generate(), List.of(OrderLine.of("GAME-10", 1)), Option.none(),
                List.of("ez")).result()).isInstanceOf(PurchaseResult.Delivered.class);
    }
}
