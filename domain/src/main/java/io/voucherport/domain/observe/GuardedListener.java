package io.voucherport.domain.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A listener that never throws: see {@link VoucherportListener#guarded}. Failures are logged with
 * class names only (never a message, which could carry anything the listener saw).
 */
final class GuardedListener implements VoucherportListener {

    /** The no-op listener, guarded already. */
    static final GuardedListener NONE = new GuardedListener(new VoucherportListener() {
    });

    private static final System.Logger LOG = System.getLogger("io.voucherport.observe");

    private final VoucherportListener listener;
    private final AtomicBoolean warned = new AtomicBoolean();

    GuardedListener(VoucherportListener listener) {
        this.listener = listener;
    }

    @Override
    public CallObservation callStarted(CallStart start) {
        CallObservation handle = call("callStarted", () -> listener.callStarted(start));
        if (handle == null || handle == CallObservation.NONE) {
            return CallObservation.NONE;
        }
        return new CallObservation() {
            @Override
            public void attempt(AttemptEnd attempt) {
                run("attempt", () -> handle.attempt(attempt));
            }

            @Override
            public void finished(CallEnd end) {
                run("finished", () -> handle.finished(end));
            }
        };
    }

    @Override
    public UseCaseObservation useCaseStarted(UseCaseStart start) {
        UseCaseObservation handle = call("useCaseStarted", () -> listener.useCaseStarted(start));
        if (handle == null || handle == UseCaseObservation.NONE) {
            return UseCaseObservation.NONE;
        }
        return new UseCaseObservation() {
            @Override
            public void finished(String outcome, Duration latency) {
                run("finished", () -> handle.finished(outcome, latency));
            }
        };
    }

    @Override
    public void purchase(PurchaseSignal signal) {
        run("purchase", () -> listener.purchase(signal));
    }

    @Override
    public String toString() {
        return "Guarded[" + listener.getClass().getName() + "]";
    }

    private void run(String method, Runnable action) {
        call(method, () -> {
            action.run();
            return null;
        });
    }

    private <T> T call(String method, Supplier<T> action) {
        try {
            return action.get();
        } catch (Throwable e) {   // an Error too (a StackOverflowError in a listener), but not a failure of the JVM
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (Error) e;
            }
            if (e instanceof InterruptedException) {   // thrown sneakily: keep the interrupt
                Thread.currentThread().interrupt();
            }
            System.Logger.Level level = warned.compareAndSet(false, true)
                    ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
            LOG.log(level, () -> "listener " + listener.getClass().getName() + " threw "
                    + e.getClass().getName() + " in " + method + "; ignored, the call's result is unchanged");
            return null;
        }
    }
}
