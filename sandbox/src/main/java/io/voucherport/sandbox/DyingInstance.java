package io.voucherport.sandbox;

import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.fake.ForwardingCodeSupplier;

/**
 * A supplier seen from a service instance that dies the moment the supplier has accepted an order,
 * before the instance could journal the answer: the demo's interrupted purchase. The death is a
 * {@link Died} error thrown out of {@code place}, so nothing after it runs and no lease is released.
 */
public final class DyingInstance extends ForwardingCodeSupplier {

    /**
     * The instance died on the spot. A process death is modelled as a {@link VirtualMachineError}:
     * the one kind of throwable the library never turns into a value (it catches everything else a
     * supplier throws as a doubt), so nothing after it runs.
     */
    public static final class Died extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        Died() {
            super("the service instance died right after the supplier accepted the order");
        }
    }

    /** A view of {@code inner} from an instance that dies after its first placement. */
    public DyingInstance(CodeSupplier inner) {
        super(inner);
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        super.place(request);
        throw new Died();
    }
}
