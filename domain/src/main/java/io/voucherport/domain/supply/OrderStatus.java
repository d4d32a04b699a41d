package io.voucherport.domain.supply;

import io.voucherport.domain.Require;

/**
 * Where an order stands, in one model for every supplier.
 *
 * <p>EZ's {@code PROCESSING, COMPLETED, CANCELLED} and GiftHub's {@code created, confirmed,
 * processing, successful, partial, failed, rejected} map onto {@link Known}; an order past its
 * confirmation deadline is {@link Known#EXPIRED}; a value nobody has seen before is kept as
 * {@link Unknown} with its raw text, and is not terminal (callers keep polling until their
 * deadline rather than fail).
 */
public sealed interface OrderStatus permits OrderStatus.Known, OrderStatus.Unknown {

    /** Created, not yet confirmed (GiftHub's first step). */
    OrderStatus CREATED = Known.CREATED;
    /** Confirmed and paid, not yet being fulfilled. */
    OrderStatus CONFIRMED = Known.CONFIRMED;
    /** Being fulfilled: codes may still appear. */
    OrderStatus PROCESSING = Known.PROCESSING;
    /** Fulfilled: every line succeeded (individual codes may still be pending at EZ). */
    OrderStatus COMPLETED = Known.COMPLETED;
    /** Ended with some lines fulfilled and some failed. */
    OrderStatus PARTIALLY_COMPLETED = Known.PARTIALLY_COMPLETED;
    /** Ended with every line failed. */
    OrderStatus FAILED = Known.FAILED;
    /** Refused by the supplier. */
    OrderStatus REJECTED = Known.REJECTED;
    /** Cancelled: will not be fulfilled. */
    OrderStatus CANCELLED = Known.CANCELLED;
    /** Not confirmed in time: will not be fulfilled. */
    OrderStatus EXPIRED = Known.EXPIRED;

    /** {@return whether the order will not change any more} */
    boolean isTerminal();

    /** {@return whether codes can have been delivered: completed or partially completed} */
    boolean mayHaveCodes();

    /** The statuses Voucherport understands. */
    enum Known implements OrderStatus {
        /** See {@link OrderStatus#CREATED}. */
        CREATED,
        /** See {@link OrderStatus#CONFIRMED}. */
        CONFIRMED,
        /** See {@link OrderStatus#PROCESSING}. */
        PROCESSING,
        /** See {@link OrderStatus#COMPLETED}. */
        COMPLETED,
        /** See {@link OrderStatus#PARTIALLY_COMPLETED}. */
        PARTIALLY_COMPLETED,
        /** See {@link OrderStatus#FAILED}. */
        FAILED,
        /** See {@link OrderStatus#REJECTED}. */
        REJECTED,
        /** See {@link OrderStatus#CANCELLED}. */
        CANCELLED,
        /** See {@link OrderStatus#EXPIRED}. */
        EXPIRED;

        @Override
        public boolean isTerminal() {
            return this != CREATED && this != CONFIRMED && this != PROCESSING;
        }

        @Override
        public boolean mayHaveCodes() {
            return this == COMPLETED || this == PARTIALLY_COMPLETED;
        }
    }

    /**
     * A status the supplier sent that Voucherport does not know; not terminal.
     *
     * @param raw the value exactly as sent
     */
    record Unknown(String raw) implements OrderStatus {

        /**
         * Validates that the raw value is present.
         *
         * @param raw the value exactly as sent
         */
        public Unknown {
            Require.present(raw, "raw status");
        }

        @Override
        public boolean isTerminal() {
            return false;
        }

        @Override
        public boolean mayHaveCodes() {
            return false;
        }
    }
}
