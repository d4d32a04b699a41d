package io.voucherport.domain.supply;

/** Whether one code has been handed over yet. */
public enum CodeStatus {
    /** The supplier is still producing this code: its secrets are not known yet. */
    PENDING,
    /** The code's secrets have been delivered. */
    DELIVERED
}
