package io.voucherport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore.Binding;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable order reference store on a real PostgreSQL. */
class JdbcOrderReferenceStoreTest {

    private String schema;
    private JdbcOrderReferenceStore store;

    @BeforeEach
    void freshStore() {
        schema = EmbeddedDatabase.freshSchema();
        store = JdbcOrderReferenceStore.builder(EmbeddedDatabase.dataSource()).schema(schema).build();
    }

    @Test
    void aReferenceNeverBoundIsProvablyUnbound() {
        assertThat(store.find(OrderReference.generate())).isEqualTo(new Binding.Unbound());
    }

    @Test
    void aBindingMadeByOneInstanceIsFoundByAnotherOnTheSameDatabase() {
        OrderReference reference = OrderReference.generate();
        store.bindIfAbsent(reference, SupplierOrderId.of("GH-1"));

        JdbcOrderReferenceStore afterRestart = JdbcOrderReferenceStore.builder(EmbeddedDatabase.newPool("restarted", 1))
                .schema(schema).build();

        assertThat(afterRestart.find(reference)).isEqualTo(new Binding.Bound(SupplierOrderId.of("GH-1")));
        assertThat(afterRestart.bindIfAbsent(reference, SupplierOrderId.of("GH-2"))).isEqualTo(SupplierOrderId.of("GH-1"));
    }

    @Test
    void theFirstBindingWinsAndLaterOnesGetItBack() {
        OrderReference reference = OrderReference.generate();

        assertThat(store.bindIfAbsent(reference, SupplierOrderId.of("GH-1"))).isEqualTo(SupplierOrderId.of("GH-1"));
        assertThat(store.roundTrips()).as("a free reference: one statement").isEqualTo(1);
        assertThat(store.bindIfAbsent(reference, SupplierOrderId.of("GH-2"))).isEqualTo(SupplierOrderId.of("GH-1"));
        assertThat(store.roundTrips()).as("a taken reference: insert, then select").isEqualTo(3);
        assertThat(store.find(reference)).isEqualTo(new Binding.Bound(SupplierOrderId.of("GH-1")));
    }

    @Test
    void ofManyInstancesBindingOneReferenceAtOnceOneWinsAndAllGetItsId() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 10; round++) {
                OrderReference reference = OrderReference.generate();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SupplierOrderId>> binds = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    SupplierOrderId id = SupplierOrderId.of("GH-" + round + "-" + i);
                    binds.add(threads.submit(() -> {
                        start.await();
                        return store.bindIfAbsent(reference, id);
                    }));
                }
                start.countDown();
                Set<SupplierOrderId> answers = new HashSet<>();
                for (Future<SupplierOrderId> bind : binds) {
                    answers.add(bind.get());
                }
                assertThat(answers).hasSize(1);
                assertThat(store.find(reference)).isEqualTo(new Binding.Bound(answers.iterator().next()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void releaseRemovesOnlyTheGivenBindingAndThenTheReferenceIsUnboundAndFreeAgain() {
        OrderReference reference = OrderReference.generate();
        store.bindIfAbsent(reference, SupplierOrderId.of("GH-1"));

        store.release(reference, SupplierOrderId.of("GH-other"));
        assertThat(store.find(reference)).isEqualTo(new Binding.Bound(SupplierOrderId.of("GH-1")));
        store.release(reference, SupplierOrderId.of("GH-1"));
        assertThat(store.find(reference)).isEqualTo(new Binding.Unbound());
        assertThat(store.bindIfAbsent(reference, SupplierOrderId.of("GH-2"))).isEqualTo(SupplierOrderId.of("GH-2"));
    }

    @Test
    void aFailingDatabaseThrowsAndNeverAnswersUnbound() {
        JdbcOrderReferenceStore broken = JdbcOrderReferenceStore.builder(EmbeddedDatabase.dataSource())
                .schema("missing_schema").build();

        assertThatThrownBy(() -> broken.find(OrderReference.of("vp-1")))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessage("the order reference store could not find a reference (SQLState 42P01)");
        assertThat(broken).hasToString("JdbcOrderReferenceStore[schema=missing_schema]");
    }
}
