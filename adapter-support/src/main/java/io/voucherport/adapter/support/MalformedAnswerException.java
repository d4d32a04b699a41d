package io.voucherport.adapter.support;

/**
 * Thrown inside a guarded call when a 2xx answer lacks what it must hold (an empty body, a missing
 * envelope field). {@link CallGuard} reads it as an unexpected response (or, after a call that
 * changes something, as outcome unknown). Never leaves an adapter.
 */
public final class MalformedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * With a message that must not contain a secret.
     *
     * @param message the message (never a secret)
     */
    public MalformedAnswerException(String message) {
        super(message, null, false, false);
    }

    /**
     * {@code value}, or throws when it is null.
     *
     * @param <T> the type of the value
     * @param value the value read from the answer
     * @param what what the value is, named in the exception's message
     * @return {@code value}, never null
     */
    public static <T> T require(T value, String what) {
        if (value == null) {
            throw new MalformedAnswerException("the answer has no " + what);
        }
        return value;
    }
}
