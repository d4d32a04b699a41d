package io.voucherport.adapter.support;

import io.voucherport.domain.observe.ListenerFailure;
import io.voucherport.domain.observe.VoucherportListener;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the request path guards the listener it is given: whatever the listener throws is swallowed
 * (see {@link VoucherportListener#guarded(VoucherportListener, Consumer)}) and logged through SLF4J
 * on logger {@code io.voucherport.observe}, at {@code WARN} for a listener's first failure and at
 * {@code DEBUG} after, with the listener's, the method's and the exception's names only (never the
 * exception's message).
 */
final class ListenerLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.voucherport.observe");

    /** One handler instance, so that guarding twice is a no-op. */
    private static final Consumer<ListenerFailure> LOGGED = ListenerLog::log;

    private ListenerLog() {
    }

    /** {@code listener} guarded, its failures logged; a null one is none. */
    static VoucherportListener guarded(VoucherportListener listener) {
        return listener == null ? VoucherportListener.none() : VoucherportListener.guarded(listener, LOGGED);
    }

    private static void log(ListenerFailure failure) {
        if (failure.first()) {
            LOG.warn("{}", failure.describe());
        } else {
            LOG.debug("{}", failure.describe());
        }
    }
}
