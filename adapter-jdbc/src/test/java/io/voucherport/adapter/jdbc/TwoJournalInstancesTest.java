package io.voucherport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.LeaseLostException;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal.Claimed;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two service instances — two {@link JdbcPurchaseJournal}s over two connection pools on one
 * PostgreSQL — racing on the same purchases: the database decides, one winner each time.
 */
class TwoJournalInstancesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private JdbcPurchaseJournal a;
    private JdbcPurchaseJournal b;

    @BeforeEach
    void twoInstances() {
        String schema = EmbeddedDatabase.freshSchema();
        a = JdbcPurchaseJournal.builder(EmbeddedDatabase.newPool("instance-a", 2)).schema(schema).build();
        b = JdbcPurchaseJournal.builder(EmbeddedDatabase.newPool("instance-b", 2)).schema(schema).build();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static OrderRequest request(OrderReference reference) {
        return OrderRequest.of(reference, OrderLine.of("AMZ-US-25", 1));
    }

    @Test
    void bothInstancesOpeningTheSameReferencesGetOneWinnerEach() throws Exception {
        List<OrderReference> references = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            references.add(OrderReference.generate());
        }
        List<OrderReference> reversed = new ArrayList<>(references);
        Collections.reverse(reversed);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<OrderReference, Boolean>>> runs = new ArrayList<>();
        runs.add(threads.submit(opener(a, "a1", references, start)));
        runs.add(threads.submit(opener(a, "a2", reversed, start)));
        runs.add(threads.submit(opener(b, "b1", references, start)));
        runs.add(threads.submit(opener(b, "b2", reversed, start)));
        start.countDown();

        Map<OrderReference, Integer> winners = new HashMap<>();
        for (Future<Map<OrderReference, Boolean>> run : runs) {
            run.get().forEach((reference, won) -> winners.merge(reference, won ? 1 : 0, Integer::sum));
        }
        assertThat(winners).hasSize(references.size());
        assertThat(winners.values()).as("openers per reference").containsOnly(1);
        assertThat(b.unfinished(1000)).hasSize(references.size());
    }

    private static Callable<Map<OrderReference, Boolean>> opener(JdbcPurchaseJournal journal, String owner,
            List<OrderReference> references, CountDownLatch start) {
        return () -> {
            start.await();
            Map<OrderReference, Boolean> opened = new HashMap<>();
            for (OrderReference reference : references) {
                Either<JournaledPurchase, Claimed> result = journal.open(request(reference), "ez", owner, T0, LEASE);
                opened.put(reference, result.isRight());
                assertThat(result.fold(p -> p, Claimed::purchase).request()).isEqualTo(request(reference));
            }
            return opened;
        };
    }

    @Test
    void bothInstancesClaimingDuePurchasesGetDisjointSetsCoveringAll() throws Exception {
        int purchases = 80;
        for (int i = 0; i < purchases; i++) {
            JdbcPurchaseJournal opener = i % 2 == 0 ? a : b;
            opener.release(opener.open(request(OrderReference.generate()), "ez", "opener", T0, LEASE).get().lease(), T0);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<OrderReference>>> runs = List.of(
                threads.submit(claimer(a, "a1", start)), threads.submit(claimer(a, "a2", start)),
                threads.submit(claimer(b, "b1", start)), threads.submit(claimer(b, "b2", start)));
        start.countDown();

        Set<OrderReference> seen = new HashSet<>();
        int total = 0;
        for (Future<List<OrderReference>> run : runs) {
            for (OrderReference reference : run.get()) {
                total++;
                assertThat(seen.add(reference)).as("claimed twice: %s", reference).isTrue();
            }
        }
        assertThat(total).isEqualTo(purchases);
    }

    private static Callable<List<OrderReference>> claimer(JdbcPurchaseJournal journal, String owner, CountDownLatch start) {
        return () -> {
            start.await();
            List<OrderReference> mine = new ArrayList<>();
            List<Claimed> batch;
            do {
                batch = journal.claimDue(owner, T0.plusSeconds(1), LEASE, 4);
                batch.forEach(c -> {
                    assertThat(c.lease().owner()).isEqualTo(owner);
                    mine.add(c.purchase().reference());
                });
            } while (!batch.isEmpty());
            return mine;
        };
    }

    @Test
    void anInstanceWhoseLeaseWasTakenOverByTheOtherIsFencedOff() {
        OrderReference reference = OrderReference.generate();
        Claimed byA = a.open(request(reference), "ez", "a", T0, LEASE).get();
        byA = a.append(byA, new PurchaseEvent.Sent("ez", T0), T0, LEASE);

        assertThat(b.claim(reference, "b", T0.plusSeconds(29), LEASE)).as("a's lease still runs").isEmpty();
        Claimed byB = b.claim(reference, "b", T0.plusSeconds(31), LEASE).get();

        assertThat(byB.purchase().events()).containsExactly(new PurchaseEvent.Sent("ez", T0));
        assertThat(byB.lease().token()).isGreaterThan(byA.lease().token());
        Claimed stale = byA;
        assertThatThrownBy(() -> a.append(stale, new PurchaseEvent.OutcomeUnknown("ez", "timeout", T0.plusSeconds(32)),
                T0.plusSeconds(32), LEASE)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> a.renew(stale.lease(), T0.plusSeconds(32), LEASE)).isInstanceOf(LeaseLostException.class);
        a.release(stale.lease(), T0);
        assertThat(a.claim(reference, "a", T0.plusSeconds(33), LEASE)).as("b still holds it").isEmpty();

        byB = b.append(byB, new PurchaseEvent.Accepted("ez", SupplierOrderId.of("E-1"), T0.plusSeconds(33)),
                T0.plusSeconds(33), LEASE);
        assertThat(a.find(reference).get()).isEqualTo(byB.purchase());
        assertThat(a.find(reference).get().orderId()).contains(SupplierOrderId.of("E-1"));
    }

    @Test
    void theFencingTokenStopsAZombieEvenWhenTheNewHolderHasTheSameOwnerName() {
        OrderReference reference = OrderReference.generate();
        Claimed zombie = a.open(request(reference), "ez", "node-1", T0, LEASE).get();
        Claimed restarted = b.claim(reference, "node-1", T0.plusSeconds(31), LEASE).get();

        assertThatThrownBy(() -> a.append(zombie, new PurchaseEvent.Sent("ez", T0.plusSeconds(32)), T0.plusSeconds(32),
                LEASE)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> a.renew(zombie.lease(), T0.plusSeconds(32), LEASE)).isInstanceOf(LeaseLostException.class);
        a.release(zombie.lease(), T0.plusSeconds(32));
        assertThat(b.renew(restarted.lease(), T0.plusSeconds(33), LEASE).until()).isEqualTo(T0.plusSeconds(63));
        assertThat(b.append(restarted, new PurchaseEvent.Sent("ez", T0.plusSeconds(33)), T0.plusSeconds(33), LEASE)
                .purchase().events()).hasSize(1);
    }

    @Test
    void anAppendWithAnOlderClaimedOfTheSameLeaseIsRefusedAndWritesNothing() {
        Claimed first = a.open(request(OrderReference.generate()), "ez", "a", T0, LEASE).get();
        Claimed sent = a.append(first, new PurchaseEvent.Sent("ez", T0), T0, LEASE);

        assertThatThrownBy(() -> a.append(first, new PurchaseEvent.Sent("ez", T0.plusSeconds(1)), T0.plusSeconds(1), LEASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has 1 events, not the 0");
        assertThat(b.find(sent.purchase().reference()).get().events()).hasSize(1);
    }

    @Test
    void bothInstancesClaimingOnePurchaseAtOnceGetOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            OrderReference reference = OrderReference.generate();
            a.release(a.open(request(reference), "ez", "opener", T0, LEASE).get().lease(), T0);
            CountDownLatch start = new CountDownLatch(1);
            Future<Option<Claimed>> byA = threads.submit(() -> {
                start.await();
                return a.claim(reference, "a", T0.plusSeconds(1), LEASE);
            });
            Future<Option<Claimed>> byB = threads.submit(() -> {
                start.await();
                return b.claim(reference, "b", T0.plusSeconds(1), LEASE);
            });
            start.countDown();
            assertThat((byA.get().isDefined() ? 1 : 0) + (byB.get().isDefined() ? 1 : 0)).as("claims of %s", reference).isEqualTo(1);
        }
    }
}
