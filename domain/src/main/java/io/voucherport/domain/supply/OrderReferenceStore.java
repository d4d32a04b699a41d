package io.voucherport.domain.supply;

import io.voucherport.domain.Require;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where a supplier adapter records which supplier order a caller's reference was placed as, for
 * suppliers that keep the reference but offer no lookup by it (GiftHub). The adapter binds
 * reference → order id <b>after create and before confirm</b> (nothing is paid before confirm)
 * and answers {@code findOrderByReference} from here.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>thread-safe; {@link #bindIfAbsent} is atomic (two callers binding one reference get the
 *       same id back, whichever came first);</li>
 *   <li>{@link #find} answers {@link Binding.Unbound} only when the store can prove the reference
 *       is not bound: a durable store answers it for a reference never bound (or released), a
 *       store that may have forgotten bindings answers {@link Binding.Unknown} instead. A false
 *       {@code Unbound} makes a caller buy twice;</li>
 *   <li>a store that fails (database down) throws; the adapter reports that as a failure, never
 *       as "no order".</li>
 * </ul>
 *
 * <p>{@link #inMemory()} keeps bindings in this process only: fine for one process and for tests.
 * A service that resumes purchases after a restart, or runs several instances, plugs in a durable
 * store (a table keyed by reference with a unique constraint, e.g. the JDBC one).
 */
public interface OrderReferenceStore {

    /** What a store knows about a reference. */
    sealed interface Binding {

        /**
         * The reference is bound to this order.
         *
         * @param id the supplier's order the reference was placed as
         */
        record Bound(SupplierOrderId id) implements Binding {
            /**
             * Validates.
             *
             * @param id the supplier's order the reference was placed as, not null
             */
            public Bound {
                Require.present(id, "id");
            }
        }

        /** Provably not bound: never bound, or released after the supplier refused the order. */
        record Unbound() implements Binding {
        }

        /**
         * The store cannot tell (e.g. an in-memory store asked about a reference another process
         * may have bound). Never to be read as "no order".
         *
         * @param why why it cannot tell, fit for logs
         */
        record Unknown(String why) implements Binding {
            /**
             * Validates.
             *
             * @param why why it cannot tell, fit for logs
             */
            public Unknown {
                Require.text(why, "why");
            }
        }
    }

    /**
     * {@return what this store knows about {@code reference}} Throws when the store itself fails.
     *
     * @param reference the caller's reference to look up, not null
     */
    Binding find(OrderReference reference);

    /**
     * Binds {@code reference} to {@code id} unless it is bound already. Atomic.
     *
     * @param reference the caller's reference to bind, not null
     * @param id the supplier's order created under it (before confirm), not null
     * @return the id bound now: {@code id}, or the earlier one when the reference was taken
     */
    SupplierOrderId bindIfAbsent(OrderReference reference, SupplierOrderId id);

    /**
     * Removes the binding of {@code reference} to {@code id} (after the supplier provably refused
     * to confirm it); afterwards {@link #find} answers {@link Binding.Unbound}. Does nothing when
     * the reference is bound to another id.
     *
     * @param reference the caller's reference to unbind, not null
     * @param id the supplier's order it should be bound to now, not null; the binding is kept when
     *     it names another order
     */
    void release(OrderReference reference, SupplierOrderId id);

    /**
     * {@return a store in this process's memory} It answers {@link Binding.Unbound} only for references it
     * released itself, and {@link Binding.Unknown} for every reference it never bound: another
     * process (or this one before a restart) may have bound it.
     */
    static OrderReferenceStore inMemory() {
        ConcurrentMap<OrderReference, SupplierOrderId> bound = new ConcurrentHashMap<>();
        Set<OrderReference> released = ConcurrentHashMap.newKeySet();
        return new OrderReferenceStore() {
            @Override
            public Binding find(OrderReference reference) {
                Require.present(reference, "reference");
                SupplierOrderId id = bound.get(reference);
                if (id != null) {
                    return new Binding.Bound(id);
                }
                return released.contains(reference) ? new Binding.Unbound()
                        : new Binding.Unknown("this in-memory store forgets bindings made by other processes");
            }

            @Override
            public SupplierOrderId bindIfAbsent(OrderReference reference, SupplierOrderId id) {
                Require.present(reference, "reference");
                Require.present(id, "id");
                SupplierOrderId earlier = bound.putIfAbsent(reference, id);
                return earlier == null ? id : earlier;
            }

            @Override
            public void release(OrderReference reference, SupplierOrderId id) {
                Require.present(reference, "reference");
                Require.present(id, "id");
                // marked released before the binding disappears, so find never sees neither
                bound.computeIfPresent(reference, (r, current) -> {
                    if (!current.equals(id)) {
                        return current;
                    }
                    released.add(r);
                    return null;
                });
            }

            @Override
            public String toString() {
                return "OrderReferenceStore.inMemory[" + bound.size() + " references]";
            }
        };
    }
}
