package io.voucherport.adapter.support;

/**
 * Thrown inside a guarded call when a 2xx answer lacks what it must hold (an empty body, a missing
 * envelope field). {@link CallGuard} reads it as an unexpected response (or, after a call that
 * changes something, as outcome unknown). Never leaves an adapter.
 */
public final class MalformedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that must not contain a secret. */
    public MalformedAnswerException(String message) {
        super(message, null, false, false);
    }

    /** {@code value}, or throws when it is null. */
    public static <T> T require(T value, String what) {
        if (value == null) {
            throw new MalformedAnswerException("the answer has no " + what);
        }
        return value;
    }
}
