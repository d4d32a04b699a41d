package io.voucherport.domain.journal;

/**
 * The purchase journal could not do what was asked (its storage failed, or the lease was lost).
 * A purchase never calls a supplier after a journal write it depends on has failed.
 */
public class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message that holds no secret, and its cause.
     *
     * @param message the message (never a secret)
     * @param cause what went wrong
     */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
