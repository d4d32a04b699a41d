package io.voucherport.testkit.fake;

import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A stand-in for a durable {@link OrderReferenceStore} in tests: one instance shared by every
 * adapter of a test (across simulated restarts and instances) plays the database. Like a durable
 * store it answers {@code Unbound} for a reference never bound — which is true only because every
 * adapter that could have bound one uses this very instance. Never use it in production: there,
 * {@link OrderReferenceStore#inMemory()} (one process) or a durable store. Thread-safe;
 * {@link #bindIfAbsent} is atomic.
 */
public final class SharedOrderReferenceStore implements OrderReferenceStore {

    private final ConcurrentMap<OrderReference, SupplierOrderId> bound = new ConcurrentHashMap<>();

    @Override
    public Binding find(OrderReference reference) {
        SupplierOrderId id = bound.get(Objects.requireNonNull(reference, "reference"));
        return id == null ? new Binding.Unbound() : new Binding.Bound(id);
    }

    @Override
    public SupplierOrderId bindIfAbsent(OrderReference reference, SupplierOrderId id) {
        SupplierOrderId earlier = bound.putIfAbsent(Objects.requireNonNull(reference, "reference"),
                Objects.requireNonNull(id, "id"));
        return earlier == null ? id : earlier;
    }

    @Override
    public void release(OrderReference reference, SupplierOrderId id) {
        bound.remove(Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(id, "id"));
    }

    /** {@return how many references are bound} */
    public int size() {
        return bound.size();
    }

    @Override
    public String toString() {
        return "SharedOrderReferenceStore[" + bound.size() + " references]";
    }
}
