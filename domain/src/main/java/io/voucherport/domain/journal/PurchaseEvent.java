package io.voucherport.domain.journal;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Instant;

/**
 * One thing that happened to a journaled purchase, in the order it happened. The journal keeps
 * them all; {@link JournaledPurchase} folds them into the purchase's state. Messages hold no secret.
 */
public sealed interface PurchaseEvent {

    /** {@return when it happened} */
    Instant at();

    /**
     * A placement is about to be sent to {@code supplier}. Written <em>before</em> the call: a
     * {@code Sent} with no outcome after it means the call may have taken effect.
     *
     * @param supplier the name of the supplier the placement is sent to
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record Sent(String supplier, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier the placement is sent to; not blank
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public Sent {
            Require.text(supplier, "supplier");
            Require.present(at, "at");
        }
    }

    /**
     * The supplier holds an order for this purchase: it accepted the placement, or a lookup by
     * reference (or a duplicate refusal) showed the order with exactly this reference.
     *
     * @param supplier the name of the supplier holding the order
     * @param orderId the supplier's id of the order, used to poll it and fetch its codes
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record Accepted(String supplier, SupplierOrderId orderId, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier holding the order; not blank
         * @param orderId the supplier's id of the order, used to poll it and fetch its codes, not
         *     null
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public Accepted {
            Require.text(supplier, "supplier");
            Require.present(orderId, "order id");
            Require.present(at, "at");
        }
    }

    /**
     * The supplier refused the placement.
     *
     * @param supplier the name of the supplier that refused
     * @param failure the failure's type, e.g. {@code RateLimited}
     * @param provablyNotApplied whether the refusal proves that nothing was bought by this placement
     * @param isTransient whether the same placement may succeed later
     * @param reason the supplier's message
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record Refused(String supplier, String failure, boolean provablyNotApplied, boolean isTransient, String reason,
            Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier that refused; not blank
         * @param failure the failure's type, e.g. {@code RateLimited}
         * @param provablyNotApplied whether the refusal proves that nothing was bought by this placement
         * @param isTransient whether the same placement may succeed later
         * @param reason the supplier's message
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public Refused {
            Require.text(supplier, "supplier");
            Require.text(failure, "failure");
            Require.present(reason, "reason");
            Require.present(at, "at");
        }
    }

    /**
     * The placement may or may not have taken effect (timeout, dropped connection, a duplicate
     * refusal without the existing order).
     *
     * @param supplier the name of the supplier the placement was sent to
     * @param reason why, in words
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record OutcomeUnknown(String supplier, String reason, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier the placement was sent to; not blank
         * @param reason why, in words
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public OutcomeUnknown {
            Require.text(supplier, "supplier");
            Require.present(reason, "reason");
            Require.present(at, "at");
        }
    }

    /**
     * A lookup by reference answered: no order ({@code found} empty) or the order with exactly
     * this reference. Failed lookups are not recorded: they prove nothing.
     *
     * @param supplier the name of the supplier that was asked
     * @param found the order's id, when the supplier has one with this reference
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record LookedUp(String supplier, Option<SupplierOrderId> found, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier that was asked; not blank
         * @param found the order's id, when the supplier has one with this reference
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public LookedUp {
            Require.text(supplier, "supplier");
            Require.present(found, "found");
            Require.present(at, "at");
        }
    }

    /**
     * The journal proves that no earlier placement at {@code supplier} took effect: lookups over
     * the supplier's settle time after the last doubt all answered no order.
     *
     * @param supplier the name of the supplier the earlier placements went to
     * @param lookups how many empty lookups proved it
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record AbsenceProven(String supplier, int lookups, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier the earlier placements went to; not blank
         * @param lookups how many empty lookups proved it
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public AbsenceProven {
            Require.text(supplier, "supplier");
            Require.positive(lookups, "lookups");
            Require.present(at, "at");
        }
    }

    /**
     * The purchase moves to another supplier, with the request in that supplier's SKUs. Allowed only
     * while the purchase provably bought nothing ({@link JournaledPurchase#provablyNothingBought()}).
     *
     * @param supplier the name of the supplier the purchase moves to
     * @param request the request as the new supplier receives it (same reference)
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record Rerouted(String supplier, OrderRequest request, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier the purchase moves to; not blank
         * @param request the request as the new supplier receives it (same reference)
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public Rerouted {
            Require.text(supplier, "supplier");
            Require.present(request, "request");
            Require.present(at, "at");
        }
    }

    /**
     * Every requested code was delivered and handed to the caller.
     *
     * @param orderId the supplier's id of the order the codes came from
     * @param codes how many codes
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record Delivered(SupplierOrderId orderId, int codes, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param orderId the supplier's id of the order the codes came from, not null
         * @param codes how many codes
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public Delivered {
            Require.present(orderId, "order id");
            Require.positive(codes, "codes");
            Require.present(at, "at");
        }
    }

    /**
     * The order ended with codes missing.
     *
     * @param orderId the supplier's id of the order that fell short
     * @param codes how many codes were delivered
     * @param missing how many requested codes are missing
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record PartiallyDelivered(SupplierOrderId orderId, int codes, int missing, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param orderId the supplier's id of the order that fell short, not null
         * @param codes how many codes were delivered
         * @param missing how many requested codes are missing
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public PartiallyDelivered {
            Require.present(orderId, "order id");
            Require.notNegative(codes, "codes");
            Require.positive(missing, "missing");
            Require.present(at, "at");
        }
    }

    /**
     * Nothing will be delivered.
     *
     * @param reason why, in words
     * @param mayHaveBought whether a paid order may exist all the same (any earlier outcome was unknown)
     * @param at when it happened, by the clock of the instance that journaled it
     */
    record Failed(String reason, boolean mayHaveBought, Instant at) implements PurchaseEvent {
        /**
         * Validates.
         *
         * @param reason why, in words
         * @param mayHaveBought whether a paid order may exist all the same (any earlier outcome was unknown)
         * @param at when it happened, by the clock of the instance that journaled it, not null
         */
        public Failed {
            Require.present(reason, "reason");
            Require.present(at, "at");
        }
    }
}
