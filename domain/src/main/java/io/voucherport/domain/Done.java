package io.voucherport.domain;

/** The value of a successful call that has nothing else to return, such as a deletion. */
public enum Done {
    /** The call took effect. */
    DONE
}
