package io.voucherport.adapter.support;

import java.io.InterruptedIOException;

/**
 * The transport stopped an exchange because the call's {@link Deadline} passed: while waiting for
 * a pooled connection or connecting ({@link #sent()} false: nothing reached the provider), or
 * while the request was going out or the answer was still arriving ({@link #sent()} true: the
 * provider may have acted). The connection was closed, never returned to the pool. The request
 * path reports it as {@code Unavailable}, or {@code OutcomeUnknown} after a write was sent.
 */
final class DeadlinePassedException extends InterruptedIOException {

    private static final long serialVersionUID = 1L;

    private final boolean sent;

    DeadlinePassedException(boolean sent, Throwable cause) {
        super(sent ? "the call's deadline passed after the request was sent"
                : "the call's deadline passed before the request was sent");
        this.sent = sent;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** Whether any of the request may have reached the provider. */
    boolean sent() {
        return sent;
    }
}
