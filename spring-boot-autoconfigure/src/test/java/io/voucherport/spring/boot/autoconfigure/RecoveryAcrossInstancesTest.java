package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Purchase recovery as a service runs it: two application contexts on one PostgreSQL journal
 * recovering the same purchases at once, and a start-up that fails after recovery has started.
 */
class RecoveryAcrossInstancesTest {

    private static final String SCHEMA = "recovery_across_instances";

    /** Short leases and waits, so that a purchase left by a stopped instance is soon recovered. */
    private static final String[] STOPPED_INSTANCE = {"voucherport.purchase.lease=1s",
        "voucherport.purchase.polling.deadline=1s", "voucherport.ez.reference-lookup-lag=1s",
        "voucherport.ez.retry.max-attempts=1"};

    private static EzSimulator ez;

    @BeforeAll
    static void startSimulator() {
        ez = EzSimulator.create().withSampleData();
        ez.start();
    }

    @AfterAll
    static void stopSimulator() {
        ez.close();
    }

    private static ApplicationContextRunner instance(String owner) {
        return new ApplicationContextRunner().withConfiguration(VoucherportAutoConfigurationTest.ALL)
                .withBean(DataSource.class, TestDatabase::dataSource)
                .withPropertyValues("voucherport.purchase.journal.initialize-schema=true",
                        "voucherport.purchase.journal.schema=" + SCHEMA, "voucherport.purchase.owner=" + owner,
                        "voucherport.purchase.recovery.interval=100ms", "voucherport.purchase.recheck-after=0s",
                        "voucherport.purchase.polling.initial-delay=50ms", "voucherport.purchase.polling.max-delay=100ms",
                        "voucherport.ez.base-url=" + ez.baseUrl(), "voucherport.ez.api-key=" + EzSimulator.DEFAULT_API_KEY,
                        "voucherport.ez.bearer-token=" + EzSimulator.DEFAULT_BEARER_TOKEN);
    }

    @Test
    void twoInstancesRecoveringTheSameJournalAtOnceBuyEachPurchaseOnce() throws Exception {
        // purchases journaled by an instance that died before sending anything (its lease ran out long ago)
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(TestDatabase.dataSource()).schema(SCHEMA).build();
        io.voucherport.adapter.jdbc.JdbcSchema.createIfMissing(TestDatabase.dataSource(), SCHEMA);
        List<OrderRequest> unfinished = new ArrayList<>();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of("AMZ-US-25", 1)), Option.none());
            assertThat(journal.open(request, VoucherportBuyersAutoConfiguration.EZ, "dead-instance", longAgo,
                    Duration.ofSeconds(1)).isRight()).isTrue();
            unfinished.add(request);
        }
        // both instances reach their start (and their first recovery pass) together; one replica's
        // name may be configured the same on both, as with one configuration for every replica
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (String owner : List.of("replica", "replica")) {
            instances.add(CompletableFuture.runAsync(() -> instance(owner)
                    .withBean(StartTogether.class, () -> new StartTogether(together))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        awaitEnded(journal, unfinished);
                    })));
        }
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (OrderRequest request : unfinished) {
            assertThat(journal.find(request.reference()).get().status()).isEqualTo(PurchaseStatus.DELIVERED);
            assertThat(ez.ordersWithReference(request.reference().value())).as("orders for %s", request.reference())
                    .isEqualTo(1);
        }
    }

    private static void awaitEnded(JdbcPurchaseJournal journal, List<OrderRequest> requests) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (System.nanoTime() < giveUp) {
            if (requests.stream().map(r -> journal.find(r.reference())).allMatch(found ->
                    found.map(JournaledPurchase::status).contains(PurchaseStatus.DELIVERED))) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aPurchaseWhosePlacementIsInFlightWhenTheApplicationStopsIsRecoveredByTheNextStartAndBoughtOnce()
            throws Exception {
        OrderReference reference = OrderReference.of("stopped-while-placing-1");
        // the supplier holds the order request until after the application has stopped, then commits it
        ez.inject(EzSimulator.Endpoint.CREATE_INSTANT_ORDER, SimFault.commitLater(Duration.ofMillis(1500)));
        try {
            CompletableFuture<PurchaseResult> buying = stopWhile(reference, () -> ez.lateCommitsInFlight() == 1);
            PurchaseResult first = buying.get(30, TimeUnit.SECONDS);
            assertThat(first).as("the stopped instance's answer").isNotInstanceOf(PurchaseResult.Delivered.class);
            if (first instanceof PurchaseResult.Failed failed) {
                assertThat(failed.nothingBought()).as("%s", failed).isFalse();
            }
        } finally {
            ez.clearFaults();
        }
        assertRecoveredOnce(reference);
    }

    @Test
    void aPurchaseBeingPolledWhenTheApplicationStopsIsRecoveredByTheNextStartAndBoughtOnce() throws Exception {
        OrderReference reference = OrderReference.of("stopped-while-polling-1");
        ez.asyncPolls(1_000_000);
        try {
            CompletableFuture<PurchaseResult> buying = stopWhile(reference,
                    () -> ez.ordersWithReference(reference.value()) == 1);
            assertThat(buying.get(30, TimeUnit.SECONDS)).isInstanceOf(PurchaseResult.Pending.class);
        } finally {
            ez.asyncPolls(1);
        }
        assertRecoveredOnce(reference);
    }

    /**
     * Buys {@code reference} on one instance and stops that instance as soon as {@code stopNow}
     * holds, the purchase still under way; the purchase's own thread goes on against the stopped
     * instance's closed adapters.
     */
    private static CompletableFuture<PurchaseResult> stopWhile(OrderReference reference,
            java.util.function.BooleanSupplier stopNow) throws Exception {
        CompletableFuture<PurchaseResult> buying = new CompletableFuture<>();
        instance("stopping").withPropertyValues(STOPPED_INSTANCE).run(context -> {
            assertThat(context).hasNotFailed();
            BuyFromSuppliers directory = context.getBean(BuyFromSuppliers.class);
            CompletableFuture.runAsync(() -> buying.complete(directory.buy(reference,
                    List.of(OrderLine.of(reference.value().contains("polling") ? "BACKORDER-50" : "AMZ-US-25", 1)),
                    Option.none(), List.of(VoucherportBuyersAutoConfiguration.EZ)).result()));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!stopNow.getAsBoolean() && System.nanoTime() < giveUp) {
                Thread.sleep(10);
            }
            assertThat(stopNow.getAsBoolean()).as("the purchase reached the supplier").isTrue();
            assertThat(buying).as("still under way when the application stops").isNotDone();
        });
        return buying;
    }

    /** A new instance on the same journal recovers {@code reference} once its lease ran out: delivered, one order. */
    private static void assertRecoveredOnce(OrderReference reference) {
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(TestDatabase.dataSource()).schema(SCHEMA).build();
        assertThat(journal.find(reference).map(JournaledPurchase::status)).contains(PurchaseStatus.OPEN);
        instance("restarted").withPropertyValues(STOPPED_INSTANCE).run(context -> {
            assertThat(context).hasNotFailed();
            awaitEnded(journal, List.of(new OrderRequest(reference, List.of(OrderLine.of("AMZ-US-25", 1)), Option.none())));
        });
        assertThat(journal.find(reference).map(JournaledPurchase::status)).contains(PurchaseStatus.DELIVERED);
        assertThat(ez.ordersWithReference(reference.value())).as("orders for %s", reference).isEqualTo(1);
    }

    @Test
    void aStartThatFailsAfterRecoveryStartedStopsRecovery() {
        List<PurchaseRecoveryRunner> started = new ArrayList<>();
        instance("failing-start").withBean(FailingLateStartStep.class, () -> new FailingLateStartStep(started))
                .run(context -> assertThat(context).hasFailed());
        assertThat(started).hasSize(1);
        assertThat(started.get(0).isRunning()).as("recovery after a failed start").isFalse();
    }

    /** Holds the context's start until the other instance's is there too. */
    static final class StartTogether {
        StartTogether(CyclicBarrier barrier) {
            try {
                barrier.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other instance did not start", e);
            }
        }
    }

    /** A step of the start that comes after the lifecycle beans started, and fails. */
    static final class FailingLateStartStep implements ApplicationListener<ContextRefreshedEvent> {
        private final List<PurchaseRecoveryRunner> started;

        FailingLateStartStep(List<PurchaseRecoveryRunner> started) {
            this.started = started;
        }

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            PurchaseRecoveryRunner runner = event.getApplicationContext().getBean(PurchaseRecoveryRunner.class);
            started.add(runner);
            assertThat(runner.isRunning()).isTrue();
            throw new IllegalStateException("a later start-up step fails");
        }
    }
}
