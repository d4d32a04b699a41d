package io.voucherport.application;

import io.voucherport.domain.Require;
import io.voucherport.domain.observe.ListenerFailure;
import io.voucherport.domain.observe.VoucherportListener;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the use cases guard the listener they are given: whatever it throws is swallowed (see
 * {@link VoucherportListener#guarded(VoucherportListener, Consumer)}) and logged through SLF4J on
 * logger {@code io.voucherport.observe}, at {@code WARN} for a listener's first failure and at
 * {@code DEBUG} after, naming the listener, the method and the exception's class only (never the
 * exception's message, which could carry a code or a token). The use cases' builders and
 * constructors call it; a service rarely needs to.
 */
public final class ListenerLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.voucherport.observe");

    /** One handler instance, so that guarding twice is a no-op. */
    private static final Consumer<ListenerFailure> LOGGED = ListenerLog::log;

    private ListenerLog() {
    }

    /**
     * {@code listener} guarded, its failures logged as described above. Idempotent.
     *
     * @param listener the application's listener, not null; it may throw from any method
     * @return a listener that never throws (but for a failure of the JVM itself)
     * @throws NullPointerException if {@code listener} is null
     */
    public static VoucherportListener guarded(VoucherportListener listener) {
        return VoucherportListener.guarded(Require.present(listener, "listener"), LOGGED);
    }

    private static void log(ListenerFailure failure) {
        if (failure.first()) {
            LOG.warn("{}", failure.describe());
        } else {
            LOG.debug("{}", failure.describe());
        }
    }
}
