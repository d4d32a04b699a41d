package io.voucherport.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CodeSupplier} must do, as a JUnit 5 suite: extend it, return your
 * implementation from {@link #supplier()} and a {@link Fixture} that can steer its backend.
 * Each test uses fresh references, so the suite can share one supplier and backend.
 */
public abstract class CodeSupplierContract {

    /**
     * What the suite needs to know of, and do to, the backend behind the supplier under test.
     *
     * @param inStockSku a SKU with stock for instant delivery
     * @param backorderedSku a known SKU without stock: its orders stay pending until {@code fulfilPending} runs
     * @param unknownSku a SKU the supplier does not sell
     * @param fulfilPending completes every pending order, delivering all its codes
     * @param catalogSize how many products the catalog holds (more than one page of it)
     */
    public record Fixture(Sku inStockSku, Sku backorderedSku, Sku unknownSku, Runnable fulfilPending, int catalogSize) {
    }

    /** {@return the supplier under test} */
    protected abstract CodeSupplier supplier();

    /** {@return the fixture steering its backend} */
    protected abstract Fixture fixture();

    private SupplierOrder place(OrderReference reference, OrderLine... lines) {
        Either<ProviderFailure, SupplierOrder> placed = supplier().place(OrderRequest.of(reference, List.of(lines)));
        assertThat(placed.isRight()).as("placing %s: %s", reference, placed).isTrue();
        return placed.get();
    }

    @Test
    void anOrderIsPlacedWithItsReferenceAndEndsWithEveryCodeDelivered() {
        OrderReference reference = OrderReference.generate();
        SupplierOrder placed = place(reference, OrderLine.of(fixture().inStockSku(), 1));
        assertThat(placed.reference()).contains(reference);
        assertThat(placed.status().isTerminal() && !placed.status().mayHaveCodes()).as("status " + placed.status())
                .isFalse();

        fixture().fulfilPending().run();
        SupplierOrder done = supplier().findOrder(placed.id()).get();
        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
        OrderCodes codes = supplier().fetchCodes(placed.id()).get();
        assertThat(codes.isComplete()).isTrue();
        assertThat(codes.delivered()).hasSize(1);
        assertThat(codes.delivered().get(0).code().isDefined() || codes.delivered().get(0).pin().isDefined()).isTrue();
    }

    @Test
    void aMultiCodeOrderDeliversEveryCode() {
        SupplierOrder placed = place(OrderReference.generate(), OrderLine.of(fixture().inStockSku(), 3));
        fixture().fulfilPending().run();
        assertThat(supplier().findOrder(placed.id()).get().status()).isEqualTo(OrderStatus.COMPLETED);
        OrderCodes codes = supplier().fetchCodes(placed.id()).get();
        assertThat(codes.delivered()).hasSize(3);
        assertThat(codes.shortfall()).isEmpty();
    }

    @Test
    void codesOfAnUnfulfilledOrderArePendingNotDelivered() {
        SupplierOrder placed = place(OrderReference.generate(), OrderLine.of(fixture().backorderedSku(), 1));
        assertThat(placed.status().isTerminal()).isFalse();
        Either<ProviderFailure, OrderCodes> codes = supplier().fetchCodes(placed.id());
        assertThat(codes.isRight()).as("codes of a pending order: %s", codes).isTrue();
        assertThat(codes.get().delivered()).isEmpty();
        assertThat(codes.get().isComplete()).isFalse();

        fixture().fulfilPending().run();
        assertThat(supplier().fetchCodes(placed.id()).get().delivered()).hasSize(1);
    }

    @Test
    void anOrderIsFoundByItsIdAndByItsReference() {
        OrderReference reference = OrderReference.generate();
        SupplierOrder placed = place(reference, OrderLine.of(fixture().inStockSku(), 1));
        assertThat(supplier().findOrder(placed.id()).get().id()).isEqualTo(placed.id());
        Option<SupplierOrder> byReference = supplier().findOrderByReference(reference).get();
        assertThat(byReference.map(SupplierOrder::id)).contains(placed.id());
    }

    @Test
    void aReferenceNeverUsedIsProvablyAbsent() {
        assertThat(supplier().findOrderByReference(OrderReference.generate())).isEqualTo(Either.right(Option.none()));
    }

    @Test
    void anUnknownOrderIdIsNotFound() {
        Either<ProviderFailure, SupplierOrder> found = supplier().findOrder(SupplierOrderId.of("no-such-order-0"));
        assertThat(found.isLeft()).isTrue();
        assertThat(found.getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void aRepeatedReferenceIsRefusedAndCarriesTheExistingOrder() {
        OrderReference reference = OrderReference.generate();
        SupplierOrder first = place(reference, OrderLine.of(fixture().inStockSku(), 1));
        Either<ProviderFailure, SupplierOrder> again =
                supplier().place(OrderRequest.of(reference, OrderLine.of(fixture().inStockSku(), 1)));
        assertThat(again.isLeft()).as("second purchase with one reference: %s", again).isTrue();
        assertThat(again.getLeft()).isInstanceOf(ProviderFailure.DuplicateReference.class);
        ProviderFailure.DuplicateReference duplicate = (ProviderFailure.DuplicateReference) again.getLeft();
        assertThat(duplicate.reference()).isEqualTo(reference);
        assertThat(duplicate.existing().map(SupplierOrder::id)).contains(first.id());
    }

    @Test
    void anUnknownSkuIsRefusedAndNothingIsBought() {
        OrderReference reference = OrderReference.generate();
        Either<ProviderFailure, SupplierOrder> placed =
                supplier().place(OrderRequest.of(reference, OrderLine.of(fixture().unknownSku(), 1)));
        assertThat(placed.isLeft()).isTrue();
        assertThat(placed.getLeft().provablyNotApplied()).as("refusal %s", placed.getLeft()).isTrue();
        assertThat(supplier().findOrderByReference(reference)).isEqualTo(Either.right(Option.none()));
    }

    @Test
    void theCatalogPagesThroughEveryProduct() {
        List<Product> all = supplier().catalog().toList().get();
        assertThat(all).hasSize(fixture().catalogSize());
        assertThat(all).extracting(Product::sku).contains(fixture().inStockSku(), fixture().backorderedSku())
                .doesNotHaveDuplicates();
    }

    @Test
    void balancesAreReported() {
        assertThat(supplier().balances().get()).isNotEmpty();
    }
}
