package io.voucherport.sandbox;

import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.fake.ForwardingCodeSupplier;
import java.io.PrintStream;

/** A supplier that prints a progress line each time an order is polled (the demo's "waiting…" lines). */
final class ProgressReport extends ForwardingCodeSupplier {

    private final PrintStream out;
    private int polls;

    ProgressReport(CodeSupplier inner, PrintStream out) {
        super(inner);
        this.out = out;
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        polls = 0;
        return super.place(request);
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        Either<ProviderFailure, SupplierOrder> order = super.findOrder(id);
        String status = order.fold(f -> "poll failed: " + f.message(), o -> o.status().toString());
        out.println("        waiting for " + id + ": " + status + " (poll " + ++polls + ")");
        return order;
    }
}
