package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.VirtualTime;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.fake.ForwardingCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Second review round: each test fails while its finding stands. */
class BuyCodesReview2Test {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final VirtualTime time = new VirtualTime();
    private final InMemoryPurchaseJournal journal = new InMemoryPurchaseJournal();
    private final InMemoryCodeSupplier ez = new InMemoryCodeSupplier(time.clock).product("GAME-10", "10.00", "USD", 50)
            .balance("1000", "USD").lookupLag(SETTLE);   // the supplier's real lag is exactly the settle time

    /**
     * The first placement commits but its answer is lost (timeout). The first lookup is fast and
     * empty (index lag); the second is evaluated 0.4 s after the doubt (still empty) but its answer
     * arrives 35 s later. LookedUp is stamped with the time the answer came back, not the time the
     * question was asked, so it counts as "at least settleTime after the doubt": absence is
     * "proven" from two lookups both evaluated within the lag, and the purchase is placed again.
     */
    @Test
    void aSlowLookupAnswerNeverCountsAsALookupMadeAfterTheSettleTime() {
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
        BuyCodes buyer = BuyCodes.builder("ez", supplier, journal).waiting(time.waiting()).owner("a")
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
        SupplierDirectory directory = SupplierDirectory.builder(flaky, PollingPolicy.DEFAULT, time.waiting()).owner("a")
                .buyer(BuyCodes.builder("ez", ez, flaky).waiting(time.waiting()).owner("a").settleTime(SETTLE)
                        .lease(LEASE).build(), Map.of())
                .build();
        OrderReference reference = OrderReference.generate();

        SupplierDirectory.Routed routed = directory.buy(reference, List.of(OrderLine.of("GAME-10", 1)), Option.none(),
                List.of("ez"));

        assertThat(routed.result()).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(journal.find(reference).get().orderId().isDefined()).as("the accepted order never reached the journal: "
                + journal.find(reference).get().events()).isTrue();
    }
}
