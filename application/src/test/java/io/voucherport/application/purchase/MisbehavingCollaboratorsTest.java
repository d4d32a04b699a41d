package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.testkit.time.VirtualTime;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.fake.ForwardingCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier.Operation;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a supplier, journal, clock or scheduler that throws — an Error included — never makes
 * {@code buy} throw after a paid purchase, never makes it buy twice, and never leaves a future of
 * {@code buyAsync}/{@code resumeAsync} incomplete.
 */
class MisbehavingCollaboratorsTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final VirtualTime time = new VirtualTime();
    private final InMemoryPurchaseJournal journal = new InMemoryPurchaseJournal();
    private InMemoryCodeSupplier supplier;

    @BeforeEach
    void setUp() {
        supplier = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 5)
                .product("SLOW-50", "50.00", "USD", 0).balance("1000", "USD");
    }

    private BuyCodes buyer(CodeSupplier from, PurchaseJournal in, Waiting waiting) {
        return BuyCodes.builder("mem", from, in).waiting(waiting).owner("instance-a").settleTime(SETTLE)
                .policy(PollingPolicy.DEFAULT.deadline(Duration.ofMinutes(5))).build();
    }

    private BuyCodes buyer(CodeSupplier from) {
        return buyer(from, journal, VirtualWaiting.of(time));
    }

    private static OrderRequest request(String sku, int quantity) {
        return BuyCodes.prepare(List.of(OrderLine.of(sku, quantity)), Option.none());
    }

    /** A supplier that throws {@code error} at the {@code n}-th call of {@code operation} (after passing it on, when {@code after}). */
    private final class Throwing extends ForwardingCodeSupplier {
        private final Operation operation;
        private final int n;
        private final boolean after;
        private final Supplier<Throwable> error;
        private final AtomicInteger calls = new AtomicInteger();

        Throwing(Operation operation, int n, boolean after, Supplier<Throwable> error) {
            super(supplier);
            this.operation = operation;
            this.n = n;
            this.after = after;
            this.error = error;
        }

        private <T> T maybeThrow(Operation op, Supplier<T> call) {
            if (op != operation || calls.incrementAndGet() != n) {
                return call.get();
            }
            if (after) {
                call.get();
            }
            return sneakyThrow(error.get());
        }

        @Override
        public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
            return maybeThrow(Operation.PLACE, () -> super.place(request));
        }

        @Override
        public Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
            return maybeThrow(Operation.FIND_BY_REFERENCE, () -> super.findOrderByReference(reference));
        }

        @Override
        public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
            return maybeThrow(Operation.FIND_ORDER, () -> super.findOrder(id));
        }

        @Override
        public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
            return maybeThrow(Operation.FETCH_CODES, () -> super.fetchCodes(id));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void aSupplierThatThrowsAStackOverflowAfterThePurchaseWasPaidIsADoubtNeverASecondPurchase() {
        OrderRequest request = request("GAME-10", 1);
        BuyCodes buy = buyer(new Throwing(Operation.PLACE, 1, true, StackOverflowError::new));
        PurchaseResult[] result = new PurchaseResult[1];
        assertThatCode(() -> result[0] = buy.buy(request)).doesNotThrowAnyException();
        assertThat(result[0]).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
        assertThat(supplier.calls(Operation.FIND_BY_REFERENCE)).as("looked up, not placed again").isEqualTo(1);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
        assertThat(journal.find(request.reference()).get().events())
                .anyMatch(e -> e instanceof PurchaseEvent.OutcomeUnknown u && u.toString().contains("StackOverflowError"));
    }

    @Test
    void aSupplierThatThrowsWhileTheCodesAreFetchedIsAskedAgainLater() {
        OrderRequest request = request("GAME-10", 1);
        BuyCodes buy = buyer(new Throwing(Operation.FETCH_CODES, 1, false, () -> new IllegalStateException("bug")));
        assertThat(buy.buy(request)).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void aSupplierThatAnswersNullIsADoubtAndIsPlacedAgainOnlyWhenAbsenceIsProven() {
        OrderRequest request = request("GAME-10", 1);
        AtomicInteger places = new AtomicInteger();
        BuyCodes buy = buyer(new ForwardingCodeSupplier(supplier) {
            @Override
            public Either<ProviderFailure, SupplierOrder> place(OrderRequest r) {
                return places.incrementAndGet() == 1 ? null : super.place(r);
            }
        });
        assertThat(buy.buy(request)).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.calls(Operation.FIND_BY_REFERENCE)).isGreaterThanOrEqualTo(2);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void aSupplierThatAlwaysThrowsAnErrorEndsPendingAndTheAsyncFutureCompletes() {
        OrderRequest request = request("GAME-10", 1);
        BuyCodes buy = buyer(new ForwardingCodeSupplier(supplier) {
            @Override
            public Either<ProviderFailure, SupplierOrder> place(OrderRequest r) {
                super.place(r);
                throw new AssertionError("adapter bug after paying");
            }

            @Override
            public Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
                throw new StackOverflowError();
            }
        });
        CompletableFuture<PurchaseResult> result = buy.buyAsync(request);
        time.runAll();
        assertThat(result).isCompleted();
        assertThat(result.join()).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
    }

    @Test
    void aJournalThatThrowsAnErrorCompletesTheAsyncFutureExceptionally() {
        ForwardingJournal broken = new ForwardingJournal(journal) {
            @Override
            void afterWrite(String operation) {
                if (operation.startsWith("append")) {
                    throw new StackOverflowError();
                }
            }
        };
        supplier.pollsToComplete(3);
        CompletableFuture<PurchaseResult> result = buyer(supplier, broken, VirtualWaiting.of(time)).buyAsync(request("SLOW-50", 1));
        assertThatCode(time::runAll).doesNotThrowAnyException();
        assertThat(result).isCompletedExceptionally();
        assertThat(supplier.calls(Operation.PLACE)).isEqualTo(1);
    }

    @Test
    void aClockThatThrowsCompletesTheResumeFutureExceptionally() {
        OrderRequest request = request("GAME-10", 1);
        Clock broken = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new ExceptionInInitializerError("clock broken");
            }
        };
        Waiting waiting = VirtualWaiting.of(time);
        CompletableFuture<PurchaseResult> result = buyer(supplier, journal,
                new Waiting(broken, waiting.sleeper(), waiting.later(), waiting.random())).resumeAsync(request);
        assertThatCode(time::runAll).doesNotThrowAnyException();
        assertThat(result).isCompletedExceptionally();
        assertThat(supplier.calls(Operation.PLACE)).isZero();
    }

    @Test
    void aSchedulerThatRefusesWorkCompletesTheFutureExceptionally() {
        Waiting waiting = VirtualWaiting.of(time);
        Waiting refusing = new Waiting(waiting.clock(), waiting.sleeper(), (delay, step) -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }, waiting.random());
        CompletableFuture<PurchaseResult> result = buyer(supplier, journal, refusing).buyAsync(request("GAME-10", 1));
        assertThat(result).isCompletedExceptionally();
        assertThat(supplier.calls(Operation.PLACE)).isZero();
    }

    @Test
    void aRecoveryPassThatThrowsAnErrorDoesNotStopTheNextPasses() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        ForwardingJournal broken = new ForwardingJournal(journal) {
            @Override
            public List<PurchaseJournal.Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max) {
                if (passes.incrementAndGet() == 1) {
                    throw new StackOverflowError();
                }
                return super.claimDue(owner, now, leaseFor, max);
            }
        };
        RecoverPurchases recovery = new RecoverPurchases(broken, List.of(buyer(supplier, broken, VirtualWaiting.of(time))),
                VirtualWaiting.of(time), Duration.ofMinutes(2), "instance-b");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> running = recovery.start(scheduler, Duration.ofMillis(20));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (passes.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(passes.get()).as("passes after the one that threw").isGreaterThanOrEqualTo(3);
            assertThat(running.isDone()).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void anInterruptedRecoveryPassClaimsNothingMore() {
        BuyCodes first = buyer(supplier);
        for (int i = 0; i < 3; i++) {
            assertThat(first.buy(request("SLOW-50", 1))).isInstanceOf(PurchaseResult.Pending.class);
        }
        time.advance(Duration.ofHours(1));
        AtomicInteger claims = new AtomicInteger();
        ForwardingJournal stopping = new ForwardingJournal(journal) {
            @Override
            public List<PurchaseJournal.Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max) {
                claims.incrementAndGet();
                Thread.currentThread().interrupt();   // the runner is being stopped while this pass runs
                return super.claimDue(owner, now, leaseFor, max);
            }
        };
        RecoverPurchases recovery = new RecoverPurchases(stopping, List.of(buyer(supplier, stopping, VirtualWaiting.of(time))),
                VirtualWaiting.of(time), Duration.ofMinutes(2), "instance-b");
        try {
            recovery.runOnce();
            assertThat(claims.get()).as("claims after the thread was interrupted").isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }
}
