package io.voucherport.sandbox;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Duration;
import java.util.List;

/**
 * A supplier seen from a service instance that dies the moment the supplier has accepted an order,
 * before the instance could journal the answer: the demo's interrupted purchase. The death is an
 * {@link Died} error thrown out of {@code place}, so nothing after it runs and no lease is released.
 */
public final class DyingInstance implements CodeSupplier {

    /** The instance died on the spot. */
    public static final class Died extends Error {
        private static final long serialVersionUID = 1L;

        Died() {
            super("the service instance died right after the supplier accepted the order");
        }
    }

    private final CodeSupplier inner;

    public DyingInstance(CodeSupplier inner) {
        this.inner = inner;
    }

    @Override
    public PagedSequence<Product> catalog() {
        return inner.catalog();
    }

    @Override
    public Either<ProviderFailure, List<Balance>> balances() {
        return inner.balances();
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        inner.place(request);
        throw new Died();
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        return inner.findOrder(id);
    }

    @Override
    public Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
        return inner.findOrderByReference(reference);
    }

    @Override
    public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
        return inner.fetchCodes(id);
    }

    @Override
    public Duration referenceLookupLag() {
        return inner.referenceLookupLag();
    }
}
