package io.voucherport.domain.supply;

/** Whether one code has been handed over yet. */
public enum CodeStatus {
    /** The supplier is still producing this code: its secrets are not known yet. */
    PENDING,
    /** The code's secrets have been delivered. */
    DELIVERED,
    /**
     * The supplier sent this code but it could not be read: it counts as missing, never as
     * delivered, and keeps its stock id (when it had one) so it can be fetched again.
     */
    UNREADABLE
}
