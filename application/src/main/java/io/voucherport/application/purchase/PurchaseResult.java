package io.voucherport.application.purchase;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.List;
import java.util.Map;

/**
 * How a purchase ended, always with its reference: delivered, partially delivered, failed (and
 * whether anything could have been bought), or still pending at the deadline (resume it by
 * reference later). {@code toString} never shows a code: codes are secrets.
 */
public sealed interface PurchaseResult {

    /** {@return the caller's reference: the supplier's idempotency key} */
    OrderReference reference();

    /**
     * Every code delivered.
     *
     * @param reference the caller's reference, sent as the supplier's idempotency key
     * @param order the order as it ended
     * @param codes its codes per SKU, every one delivered; never shown by {@code toString}
     */
    record Delivered(OrderReference reference, SupplierOrder order, OrderCodes codes) implements PurchaseResult {
        /**
         * Validates.
         *
         * @param reference the caller's reference, sent as the supplier's idempotency key
         * @param order the order as it ended
         * @param codes its codes per SKU, every one delivered; never shown by {@code toString}
         */
        public Delivered {
            Require.present(reference, "reference");
            Require.present(order, "order");
            Require.present(codes, "codes");
        }
    }

    /**
     * The order ended with some codes delivered and some not: the supplier said so, or every code
     * still missing was sent but could not be read ({@link #unreadable()}).
     *
     * @param reference the caller's reference, sent as the supplier's idempotency key
     * @param order the order as it ended
     * @param codes its codes: the delivered ones, and any pending or unreadable
     * @param missing how many codes are missing, per SKU (unreadable codes count as missing)
     */
    record PartiallyDelivered(OrderReference reference, SupplierOrder order, OrderCodes codes, Map<Sku, Integer> missing)
            implements PurchaseResult {
        /**
         * Validates and copies.
         *
         * @param reference the caller's reference, sent as the supplier's idempotency key
         * @param order the order as it ended
         * @param codes its codes: the delivered ones, and any pending or unreadable
         * @param missing how many codes are missing, per SKU (unreadable codes count as missing)
         */
        public PartiallyDelivered {
            Require.present(reference, "reference");
            Require.present(order, "order");
            Require.present(codes, "codes");
            missing = Map.copyOf(Require.present(missing, "missing"));
        }

        /**
         * {@return the codes the supplier sent that could not be read: missing, never delivered, each with
         * its stock id when it had one, so they can be fetched again}
         */
        public List<DeliveredCode> unreadable() {
            return codes.skus().stream().flatMap(s -> s.unreadable().stream()).toList();
        }
    }

    /**
     * Nothing will be delivered: the supplier refused the purchase, or the order failed, was
     * rejected, cancelled or expired.
     *
     * @param reference the caller's reference, sent as the supplier's idempotency key
     * @param order the order, when one was placed
     * @param reason why, in words
     * @param failure the supplier's failure, when the purchase was refused
     * @param mayHaveBought whether a paid order may exist all the same: some placement of this
     *     purchase had an unknown outcome (then it is never "nothing bought", and no other supplier
     *     is tried)
     */
    record Failed(OrderReference reference, Option<SupplierOrder> order, String reason, Option<ProviderFailure> failure,
            boolean mayHaveBought) implements PurchaseResult {
        /**
         * Validates.
         *
         * @param reference the caller's reference, sent as the supplier's idempotency key
         * @param order the order, when one was placed
         * @param reason why, in words
         * @param failure the supplier's failure, when the purchase was refused
         * @param mayHaveBought whether a paid order may exist all the same: some placement of this
         *     purchase had an unknown outcome (then it is never "nothing bought", and no other
         *     supplier is tried)
         */
        public Failed {
            Require.present(reference, "reference");
            Require.present(order, "order");
            Require.present(reason, "reason");
            Require.present(failure, "failure");
        }

        /**
         * {@return whether the supplier provably bought nothing: no order was placed, every refusal proves it
         * took no effect, and no placement of this purchase ever had an unknown outcome}
         */
        public boolean nothingBought() {
            return !mayHaveBought && order.isEmpty() && failure.forAll(ProviderFailure::provablyNotApplied);
        }
    }

    /**
     * Still open at the deadline, or its outcome could not be learned yet: resume it with the
     * same reference ({@link BuyCodes#resume}); it will never be bought twice.
     *
     * @param reference the caller's reference, sent as the supplier's idempotency key
     * @param orderId the supplier's order id, when known
     * @param status the order's last known status, when known
     * @param reason why it is pending
     */
    record Pending(OrderReference reference, Option<SupplierOrderId> orderId, Option<OrderStatus> status, String reason)
            implements PurchaseResult {
        /**
         * Validates.
         *
         * @param reference the caller's reference, sent as the supplier's idempotency key
         * @param orderId the supplier's order id, when known
         * @param status the order's last known status, when known
         * @param reason why it is pending
         */
        public Pending {
            Require.present(reference, "reference");
            Require.present(orderId, "order id");
            Require.present(status, "status");
            Require.present(reason, "reason");
        }
    }
}
