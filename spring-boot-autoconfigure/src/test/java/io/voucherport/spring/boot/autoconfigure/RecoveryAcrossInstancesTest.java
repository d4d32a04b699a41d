package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.testkit.ez.EzSimulator;
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
