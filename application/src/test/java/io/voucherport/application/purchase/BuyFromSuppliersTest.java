package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.testkit.time.VirtualTime;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Sku;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import io.voucherport.testkit.fake.InMemoryCodeSupplier.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing between suppliers: fallback only when the first provably bought nothing. */
class BuyFromSuppliersTest {

    private final VirtualTime time = new VirtualTime();
    private InMemoryCodeSupplier ez;
    private InMemoryCodeSupplier gifthub;
    private BuyFromSuppliers directory;

    @BeforeEach
    void setUp() {
        ez = new InMemoryCodeSupplier(time.clock()).product("EZ-GAME-10", "10", "USD", 5).product("EZ-SLOW", "5", "USD", 0);
        gifthub = new InMemoryCodeSupplier(time.clock()).product("GH-GAME-10", "10", "USD", 5).product("GH-ONLY", "5", "USD", 5);
        directory = BuyFromSuppliers.builder(new InMemoryPurchaseJournal(), PollingPolicy.DEFAULT.deadline(Duration.ofSeconds(30)), VirtualWaiting.of(time))
                .supplier("ez", ez, Map.of(Sku.of("GAME-10"), Sku.of("EZ-GAME-10"), Sku.of("SLOW"), Sku.of("EZ-SLOW"),
                        Sku.of("ONLY-GH"), Sku.of("EZ-DISCONTINUED")))
                .supplier("gifthub", gifthub, Map.of(Sku.of("GAME-10"), Sku.of("GH-GAME-10"),
                        Sku.of("ONLY-GH"), Sku.of("GH-ONLY")))
                .build();
    }

    private BuyFromSuppliers.Routed buy(OrderReference reference, String sku) {
        return directory.buy(reference, List.of(OrderLine.of(sku, 1)), Option.none(), List.of("ez", "gifthub"));
    }

    @Test
    void aPurchaseGoesToTheFirstSupplierUnderItsOwnSku() {
        BuyFromSuppliers.Routed routed = buy(OrderReference.generate(), "GAME-10");
        assertThat(routed.supplier()).isEqualTo("ez");
        assertThat(routed.refusedBy()).isEmpty();
        assertThat(((PurchaseResult.Delivered) routed.result()).order().lines().get(0).sku()).isEqualTo(Sku.of("EZ-GAME-10"));
        assertThat(gifthub.calls(Operation.PLACE)).isZero();
    }

    @Test
    void aRefusalBeforeAnythingCouldBeBoughtFallsBack() {
        OrderReference reference = OrderReference.generate();
        BuyFromSuppliers.Routed routed = buy(reference, "ONLY-GH");
        assertThat(routed.supplier()).isEqualTo("gifthub");
        assertThat(routed.refusedBy()).containsExactly("ez");
        assertThat(routed.result()).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(ez.ordersWithReference(reference)).isZero();
        assertThat(gifthub.ordersWithReference(reference)).isEqualTo(1);
    }

    @Test
    void aMissingMappingFallsBackWithoutCallingTheSupplier() {
        ez.failNext(Operation.PLACE, new ProviderFailure.Unavailable(FailureDetails.of("ez", "connection refused"),
                Option.none()));
        BuyFromSuppliers.Routed unavailable = buy(OrderReference.generate(), "GAME-10");
        assertThat(unavailable.supplier()).as("unavailable before sending is retried, not a refusal").isEqualTo("ez");

        BuyFromSuppliers only = BuyFromSuppliers.builder(new InMemoryPurchaseJournal(), PollingPolicy.DEFAULT, VirtualWaiting.of(time))
                .supplier("ez", ez, Map.of(Sku.of("GAME-10"), Sku.of("EZ-GAME-10")))
                .supplier("gifthub", gifthub, Map.of(Sku.of("NEW"), Sku.of("GH-ONLY"))).build();
        int before = ez.calls(Operation.PLACE);
        BuyFromSuppliers.Routed routed = only.buy(OrderReference.generate(), List.of(OrderLine.of("NEW", 1)),
                Option.none(), List.of("ez", "gifthub"));
        assertThat(routed.supplier()).isEqualTo("gifthub");
        assertThat(ez.calls(Operation.PLACE)).isEqualTo(before);
    }

    @Test
    void noFallbackAfterAnOutcomeUnknownFailure() {
        ez.failNext(Operation.PLACE, new ProviderFailure.OutcomeUnknown(FailureDetails.of("ez", "timeout")));
        for (int i = 0; i < 50; i++) {
            ez.failNext(Operation.FIND_BY_REFERENCE, new ProviderFailure.Unavailable(FailureDetails.of("ez", "down"),
                    Option.none()));
        }
        BuyFromSuppliers.Routed routed = buy(OrderReference.generate(), "GAME-10");
        assertThat(routed.supplier()).isEqualTo("ez");
        assertThat(routed.result()).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(gifthub.calls(Operation.PLACE)).isZero();
    }

    @Test
    void noFallbackAfterAnOrderWasPlacedEvenIfItFailed() {
        OrderReference reference = OrderReference.generate();
        ez.pollsToComplete(1_000);
        BuyFromSuppliers.Routed pending = buy(reference, "SLOW");
        assertThat(pending.result()).isInstanceOf(PurchaseResult.Pending.class);
        ez.settle(ez.findOrderByReference(reference).get().get().id(), OrderStatus.FAILED, 1);
        BuyFromSuppliers.Routed failed = buy(reference, "SLOW");
        assertThat(failed.supplier()).isEqualTo("ez");
        assertThat(((PurchaseResult.Failed) failed.result()).nothingBought()).isFalse();
        assertThat(gifthub.calls(Operation.PLACE)).isZero();
    }

    @Test
    void unknownSupplierNamesAreRefusedBeforeAnything() {
        assertThatThrownBy(() -> directory.buy(OrderReference.generate(), List.of(OrderLine.of("GAME-10", 1)),
                Option.none(), List.of("nobody"))).hasMessageContaining("no supplier is registered as nobody");
        assertThatThrownBy(() -> BuyFromSuppliers.builder(new InMemoryPurchaseJournal(), PollingPolicy.DEFAULT, VirtualWaiting.of(time))
                .supplier("ez", ez).supplier("ez", gifthub)).hasMessageContaining("already registered");
    }
}
