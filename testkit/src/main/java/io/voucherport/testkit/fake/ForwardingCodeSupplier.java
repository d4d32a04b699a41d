package io.voucherport.testkit.fake;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
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
 * A {@link CodeSupplier} passing every call on to another, {@link #referenceLookupLag()} included:
 * extend it and override what a test (or a demo) wants to watch or spoil — print each poll, die
 * right after an order was accepted. As thread-safe as the supplier wrapped and the overrides.
 */
public class ForwardingCodeSupplier implements CodeSupplier {

    private final CodeSupplier supplier;

    /**
     * A supplier passing every call on to {@code supplier}.
     *
     * @param supplier the supplier every call goes to, not null
     */
    public ForwardingCodeSupplier(CodeSupplier supplier) {
        this.supplier = Require.present(supplier, "supplier");
    }

    @Override
    public PagedSequence<Product> catalog() {
        return supplier.catalog();
    }

    @Override
    public Either<ProviderFailure, List<Balance>> balances() {
        return supplier.balances();
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        return supplier.place(request);
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        return supplier.findOrder(id);
    }

    @Override
    public Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
        return supplier.findOrderByReference(reference);
    }

    @Override
    public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
        return supplier.fetchCodes(id);
    }

    @Override
    public Duration referenceLookupLag() {
        return supplier.referenceLookupLag();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + supplier + "]";
    }
}
