package io.voucherport.adapter.giftcard;

import io.vavr.control.Option;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where {@link GiftHubSupplier} records which GiftHub order a reference was placed as. GiftHub
 * keeps the caller's reference but offers no lookup by it, so the adapter binds reference → order
 * id <b>after create and before confirm</b> (nothing is paid before confirm) and answers
 * {@code findOrderByReference} from here.
 *
 * <p>The default, {@link #inMemory()}, forgets everything when the process ends: a service that
 * must resume purchases after a restart plugs in a durable implementation (a table keyed by
 * reference with a unique constraint). Implementations are thread-safe; {@link #bindIfAbsent} is
 * atomic.
 */
public interface OrderReferenceStore {

    /** The order id bound to {@code reference}, if any. */
    Option<SupplierOrderId> find(OrderReference reference);

    /**
     * Binds {@code reference} to {@code id} unless it is bound already.
     *
     * @return the id bound now: {@code id}, or the earlier one when the reference was taken
     */
    SupplierOrderId bindIfAbsent(OrderReference reference, SupplierOrderId id);

    /** Removes the binding of {@code reference} to {@code id} (after GiftHub provably refused to confirm it). */
    void release(OrderReference reference, SupplierOrderId id);

    /** A store in this process's memory. */
    static OrderReferenceStore inMemory() {
        ConcurrentMap<OrderReference, SupplierOrderId> map = new ConcurrentHashMap<>();
        return new OrderReferenceStore() {
            @Override
            public Option<SupplierOrderId> find(OrderReference reference) {
                return Option.of(map.get(reference));
            }

            @Override
            public SupplierOrderId bindIfAbsent(OrderReference reference, SupplierOrderId id) {
                SupplierOrderId earlier = map.putIfAbsent(reference, id);
                return earlier == null ? id : earlier;
            }

            @Override
            public void release(OrderReference reference, SupplierOrderId id) {
                map.remove(reference, id);
            }

            @Override
            public String toString() {
                return "OrderReferenceStore.inMemory[" + map.size() + " references]";
            }
        };
    }
}
