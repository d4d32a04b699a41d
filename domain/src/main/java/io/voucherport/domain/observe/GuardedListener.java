package io.voucherport.domain.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A listener that never throws: see {@link VoucherportListener#guarded(VoucherportListener, Consumer)}.
 * What the listener throws is swallowed and told to a failure handler as class names only (never
 * the exception, whose message could carry anything the listener saw). The domain does not log:
 * the handler (the callers' own, logging through their logging API) does.
 */
final class GuardedListener implements VoucherportListener {

    /** The handler of a listener guarded without one: failures are dropped (until a caller's handler takes over). */
    static final Consumer<ListenerFailure> SILENT = failure -> {
    };

    /** The no-op listener, guarded already. */
    static final GuardedListener NONE = new GuardedListener(new VoucherportListener() {
    }, SILENT);

    private final VoucherportListener listener;
    private final Consumer<ListenerFailure> onFailure;
    private final AtomicBoolean failedBefore = new AtomicBoolean();

    private GuardedListener(VoucherportListener listener, Consumer<ListenerFailure> onFailure) {
        this.listener = listener;
        this.onFailure = onFailure;
    }

    /**
     * {@code listener} guarded, its failures told to {@code onFailure}: the no-op listener and a
     * listener already guarded with a handler of its own stay as they are; one guarded
     * {@link #SILENT silently} (by {@code guarded(listener)} or a composite) takes {@code onFailure},
     * a composite for each of its listeners that did not have a handler of its own.
     */
    static VoucherportListener guard(VoucherportListener listener, Consumer<ListenerFailure> onFailure) {
        if (listener == NONE) {
            return NONE;
        }
        if (listener instanceof GuardedListener guarded) {
            return guarded.onFailure != SILENT || onFailure == SILENT ? guarded : guard(guarded.listener, onFailure);
        }
        if (listener instanceof CompositeListener composite) {
            return new GuardedListener(composite.reportingTo(onFailure), onFailure);
        }
        return new GuardedListener(listener, onFailure);
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
            rethrowIfFatal(e);
            if (e instanceof InterruptedException) {   // thrown sneakily: keep the interrupt
                Thread.currentThread().interrupt();
            }
            report(new ListenerFailure(listener.getClass().getName(), method, e.getClass().getName(),
                    failedBefore.compareAndSet(false, true)));
            return null;
        }
    }

    /** Tells the handler; a handler that throws is ignored too (it must never change a result either). */
    private void report(ListenerFailure failure) {
        try {
            onFailure.accept(failure);
        } catch (Throwable e) {
            rethrowIfFatal(e);
        }
    }

    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (Error) e;
        }
    }
}
