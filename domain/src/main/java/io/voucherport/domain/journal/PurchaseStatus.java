package io.voucherport.domain.journal;

/** Where a journaled purchase stands: still open (being driven, pending or due for recovery), or ended. */
public enum PurchaseStatus {
    /** Not ended: a lease holder drives it, or recovery will. */
    OPEN,
    /** Every requested code was delivered. */
    DELIVERED,
    /** The order ended with some codes missing. */
    PARTIALLY_DELIVERED,
    /** Nothing will be delivered (see {@link PurchaseEvent.Failed#mayHaveBought()}). */
    FAILED;

    /** {@return whether the purchase has ended} */
    public boolean isEnded() {
        return this != OPEN;
    }
}
