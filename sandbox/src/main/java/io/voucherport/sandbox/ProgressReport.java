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
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** A supplier that prints a progress line each time an order is polled (the demo's "waiting…" lines). */
final class ProgressReport implements CodeSupplier {

    private final CodeSupplier inner;
    private final PrintStream out;
    private int polls;

    ProgressReport(CodeSupplier inner, PrintStream out) {
        this.inner = inner;
        this.out = out;
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
        polls = 0;
        return inner.place(request);
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        Either<ProviderFailure, SupplierOrder> order = inner.findOrder(id);
        String status = order.fold(f -> "poll failed: " + f.message(), o -> o.status().toString());
        out.println("        waiting for " + id + ": " + status + " (poll " + ++polls + ")");
        return order;
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
