package io.voucherport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.jdbc.JdbcOrderReferenceStore;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Secret;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.sandbox.DyingInstance;
import io.voucherport.sandbox.SandboxAccess;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GiftHub, which has no lookup by reference, through a restart and with replicas, on a PostgreSQL
 * journal: a restarted process never places a second paid order (whatever reference store it was
 * given), and replicas buying one reference at once produce one order.
 */
class RestartAndReplicasTest {

    private final GiftHubSimulator gifthub = GiftHubSimulator.create().withSampleData().pollsToComplete(1);
    private final SharedHttpClient http = SharedHttpClient.create();
    private final JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(SandboxAccess.database().dataSource()).build();
    private final PollingPolicy policy = PollingPolicy.fixed(Duration.ofMillis(20), Duration.ofSeconds(5));

    @BeforeEach
    void start() {
        gifthub.start();
    }

    @AfterEach
    void stop() {
        http.close();
        gifthub.close();
    }

    private GiftHubSupplier adapter(OrderReferenceStore references) {
        return GiftHubSupplier.builder().baseUrl(gifthub.baseUrl()).clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET)).references(references).httpClient(http)
                .referenceLookupLag(Duration.ofMillis(200)).build();
    }

    private BuyCodes buyer(CodeSupplier supplier, String instance) {
        return BuyCodes.builder("gifthub", supplier, journal).policy(policy).waiting(Waiting.real()).owner(instance)
                .lease(Duration.ofSeconds(1)).build();
    }

    /** The first process places the order and dies before it can journal GiftHub's answer. */
    private OrderRequest placedByAProcessThatDied(OrderReferenceStore references) {
        OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of("STEAM-EU-20", 2)), Option.none());
        try {
            buyer(new DyingInstance(adapter(references)), "process-1").buy(request);
        } catch (DyingInstance.Died died) {
            // as a killed process: nothing after the placement ran
        }
        assertThat(gifthub.purchasesWithReference(request.reference().value())).isEqualTo(1);
        return request;
    }

    @Test
    void aRestartWithAnInMemoryReferenceStoreNeverPlacesASecondPaidOrder() throws Exception {
        OrderRequest request = placedByAProcessThatDied(OrderReferenceStore.inMemory());
        Thread.sleep(1_100);   // the dead process's lease runs out

        PurchaseResult resumed = buyer(adapter(OrderReferenceStore.inMemory()), "process-2").resume(request);

        assertThat(resumed).as("the new store cannot tell, so the purchase waits: never a second order")
                .isInstanceOf(PurchaseResult.Pending.class);
        assertThat(gifthub.purchasesWithReference(request.reference().value())).isEqualTo(1);
    }

    @Test
    void aRestartWithTheDurableReferenceStoreDeliversTheFirstOrder() throws Exception {
        OrderRequest request = placedByAProcessThatDied(JdbcOrderReferenceStore.create(SandboxAccess.database().dataSource()));
        Thread.sleep(1_100);

        PurchaseResult resumed = buyer(adapter(JdbcOrderReferenceStore.create(SandboxAccess.database().dataSource())),
                "process-2").resume(request);

        assertThat(resumed).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(((PurchaseResult.Delivered) resumed).codes().delivered()).hasSize(2);
        assertThat(gifthub.purchasesWithReference(request.reference().value())).isEqualTo(1);
    }

    @Test
    void replicasBuyingOneReferenceAtOnceProduceOneOrder() throws Exception {
        int replicas = 4;
        OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of("STEAM-EU-20", 1)), Option.none());
        List<BuyCodes> buyers = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {   // each replica: its own adapter and in-memory store, one shared journal
            buyers.add(buyer(adapter(OrderReferenceStore.inMemory()), "replica-" + i));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<PurchaseResult>> results = new ArrayList<>();
            for (BuyCodes buyer : buyers) {
                results.add(pool.submit(() -> {
                    go.await();
                    return buyer.buy(request);
                }));
            }
            go.countDown();
            int delivered = 0;
            for (Future<PurchaseResult> result : results) {
                PurchaseResult r = result.get();
                assertThat(r).isInstanceOfAny(PurchaseResult.Delivered.class, PurchaseResult.Pending.class);
                delivered += r instanceof PurchaseResult.Delivered ? 1 : 0;
            }
            assertThat(delivered).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(gifthub.purchasesWithReference(request.reference().value())).isEqualTo(1);
    }
}
