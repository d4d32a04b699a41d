package io.voucherport.adapter.support;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.SupplierOrder;
import java.util.function.Function;

/**
 * The step after a supplier refused a placement as a duplicate: the {@code CodeSupplier} contract
 * asks that a {@code DuplicateReference} carry the existing order, which the error classifier cannot
 * know. Safe: it only reads.
 */
public final class Duplicates {

    private Duplicates() {
    }

    /**
     * {@code failure} enriched with the existing order when it is a {@code DuplicateReference}
     * without one: looked up by its reference with {@code lookup}; left without it when the lookup
     * finds none or fails. Any other failure as it is.
     *
     * @param failure the failure a placement got, not null
     * @param lookup the supplier's lookup by reference (its {@code findOrderByReference}), not
     *     null; called only for a {@code DuplicateReference} without the existing order
     * @return the same failure, with the existing order added when the lookup found it; never
     *     throws for a failed lookup
     */
    public static ProviderFailure withExistingOrder(ProviderFailure failure,
            Function<OrderReference, Either<ProviderFailure, Option<SupplierOrder>>> lookup) {
        Require.present(failure, "failure");
        Require.present(lookup, "lookup");
        if (failure instanceof ProviderFailure.DuplicateReference duplicate && duplicate.existing().isEmpty()) {
            Option<SupplierOrder> existing = lookup.apply(duplicate.reference()).getOrElse(Option.none());
            return new ProviderFailure.DuplicateReference(duplicate.details(), duplicate.reference(), existing);
        }
        return failure;
    }
}
