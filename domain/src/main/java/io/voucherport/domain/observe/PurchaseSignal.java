package io.voucherport.domain.observe;

import io.voucherport.domain.Require;
import io.voucherport.domain.supply.OrderReference;
import java.time.Duration;

/**
 * A step of one purchase, as the purchase use cases take it. Supplier, stage and detail are
 * low-cardinality, fit for tags; the reference is not.
 *
 * @param supplier the supplier's name in the journal (e.g. {@code ez}); low-cardinality
 * @param stage the step the purchase took (e.g. placed, outcome unknown, delivered)
 * @param detail more about it, from a small fixed vocabulary: a failure type's simple name (e.g.
 *     {@code OutcomeUnknown}), {@code found}/{@code absent} for a lookup, or {@code none}; never
 *     free text
 * @param sinceOpened how long ago the purchase was opened (in the use case's clock), zero or more
 * @param reference HIGH-CARDINALITY: the purchase's reference, for correlating an audit log line
 *     with the journal; never a metric tag, never a low-cardinality key (the Micrometer listener
 *     uses it nowhere)
 */
public record PurchaseSignal(String supplier, Stage stage, String detail, Duration sinceOpened,
        OrderReference reference) {

    /** The detail when there is nothing more to tell. */
    public static final String NO_DETAIL = "none";

    /**
     * Validates; a negative {@code sinceOpened} (clocks disagree) is read as zero.
     *
     * @param supplier the supplier's name in the journal (e.g. {@code ez}); low-cardinality
     * @param stage the step the purchase took (e.g. placed, outcome unknown, delivered)
     * @param detail more about it, from a small fixed vocabulary: a failure type's simple name
     *     (e.g. {@code OutcomeUnknown}), {@code found}/{@code absent} for a lookup, or
     *     {@code none}; never free text
     * @param sinceOpened how long ago the purchase was opened (in the use case's clock), zero or
     *     more
     * @param reference HIGH-CARDINALITY: the purchase's reference, for correlating an audit log
     *     line with the journal; never a metric tag, never a low-cardinality key (the Micrometer
     *     listener uses it nowhere)
     */
    public PurchaseSignal {
        Require.text(supplier, "supplier");
        Require.present(stage, "stage");
        Require.text(detail, "detail");
        Require.present(sinceOpened, "since opened");
        sinceOpened = sinceOpened.isNegative() ? Duration.ZERO : sinceOpened;
        Require.present(reference, "reference");
    }

    /** What happened to a purchase. */
    public enum Stage {
        /** A placement was sent and the supplier took it: an order exists. */
        PLACED,
        /** A placement was refused in a way that proves it did not take effect. */
        REFUSED,
        /** A placement may or may not have taken effect: the order is looked up by reference next. */
        OUTCOME_UNKNOWN,
        /** The order was looked up by reference; the detail says {@code found} or {@code absent}. */
        LOOKED_UP,
        /** Repeated empty lookups over the settle time proved no order exists: it may be placed again. */
        ABSENCE_PROVEN,
        /** Every code asked for was delivered. */
        DELIVERED,
        /** The purchase ended with some codes missing. */
        PARTIALLY_DELIVERED,
        /** The purchase ended without codes at this supplier. */
        FAILED,
        /** The purchase is left pending (deadline reached, another instance drives it, journal down): it goes on later. */
        PENDING,
        /** Recovery claimed an unfinished purchase to drive it on. */
        RECOVERED,
        /** The purchase, which provably bought nothing so far, was routed to this next supplier. */
        REROUTED;

        /**
         * Whether the stage ends the purchase at its supplier (delivered, partially delivered, failed)
         * or ends the current run of it (pending).
         *
         * @return whether a run of the purchase ends with it
         */
        public boolean endsRun() {
            return this == DELIVERED || this == PARTIALLY_DELIVERED || this == FAILED || this == PENDING;
        }
    }
}
