package io.voucherport.domain.observe;

import io.voucherport.domain.Require;

/**
 * A listener threw and a guard swallowed it (see
 * {@link VoucherportListener#guarded(VoucherportListener, java.util.function.Consumer)}): what the
 * guard tells its failure handler, class names only. The exception itself is never handed on, so
 * its message (which could carry anything the listener saw: a code, a token) cannot reach a log.
 *
 * @param listener the class name of the listener that threw
 * @param method the listener method that threw (e.g. {@code callStarted}, {@code finished})
 * @param exception the class name of what it threw
 * @param first whether this is the first failure of this guarded listener (log it loudly once,
 *     quietly after)
 */
public record ListenerFailure(String listener, String method, String exception, boolean first) {

    /**
     * Checks the names are present.
     *
     * @param listener the class name of the listener that threw
     * @param method the listener method that threw
     * @param exception the class name of what it threw
     * @param first whether this is the guarded listener's first failure
     * @throws NullPointerException if a name is null
     */
    public ListenerFailure {
        Require.present(listener, "listener");
        Require.present(method, "method");
        Require.present(exception, "exception");
    }

    /**
     * One line for a log, naming the listener, the method and the exception's class only.
     *
     * @return for example {@code listener com.example.Metrics threw
     *     java.lang.IllegalStateException in callStarted; ignored, the call's result is unchanged}
     *     — never the exception's message, which may hold a secret
     */
    public String describe() {
        return "listener " + listener + " threw " + exception + " in " + method
                + "; ignored, the call's result is unchanged";
    }
}
