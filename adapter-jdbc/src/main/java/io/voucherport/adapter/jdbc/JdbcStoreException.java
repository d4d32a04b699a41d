package io.voucherport.adapter.jdbc;

/**
 * A JDBC store ({@link JdbcOrderReferenceStore}, {@link JdbcRefreshTokenStore}) or
 * {@link JdbcSchema} could not do what was asked: the database failed, timed out or refused. The
 * message names the operation and the SQLState only, never a stored value or a secret; the cause
 * keeps the driver's exception type, SQLState and stack, but not its message (which may quote
 * values). Whether the operation took effect is unknown: the stores' operations are safe to retry.
 */
public final class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message that holds no value, and its (sanitised) cause.
     *
     * @param message the message (never a secret)
     * @param cause what went wrong
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
