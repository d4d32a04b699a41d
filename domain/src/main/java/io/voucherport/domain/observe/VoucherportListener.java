package io.voucherport.domain.observe;

import io.voucherport.domain.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hears what Voucherport does, for metrics, tracing or audit: each provider call (opened before it
 * is sent, told of each attempt, closed when its result is known), each use-case operation, and
 * each step of a purchase. Every method has a no-op default, so a listener implements what it
 * needs.
 *
 * <p><b>Contract.</b> Listeners run on the calling thread, synchronously: {@link #callStarted} and
 * its {@link CallObservation} on the thread that makes the call (so a tracer may open a scope in
 * {@code callStarted} and close it in {@link CallObservation#finished}), inside the call's time
 * budget — keep them fast. The latencies reported never include a listener's own time. A listener
 * must be thread-safe: calls run concurrently. A listener that throws (an {@code Error} short of a
 * failure of the JVM included) never changes a call's result: Voucherport reaches listeners
 * through {@link #guarded(VoucherportListener, Consumer)}, which swallows the failure and tells the
 * caller's handler only the listener's and the exception's class names (the adapters and use cases
 * log them; the domain does not log).
 *
 * <p><b>Cardinality and secrets.</b> Every text an event offers for tags (provider, operation,
 * outcome, stage, detail) is a small fixed vocabulary, and the HTTP status is a number; none holds
 * a code, token, key, URL or order reference. Only {@link PurchaseSignal#reference()} is
 * high-cardinality, and it must never become a metric tag.
 */
public interface VoucherportListener {

    /**
     * A provider call is about to be sent (before its first attempt).
     *
     * @param start the provider and operation
     * @return the handle told of each attempt and of the end of this call; {@link CallObservation#NONE} by default
     */
    default CallObservation callStarted(CallStart start) {
        return CallObservation.NONE;
    }

    /**
     * A use-case operation starts (e.g. checking a discount code); the provider calls it makes
     * happen between this and {@link UseCaseObservation#finished}, on the same thread.
     *
     * @param start the use case and operation
     * @return the handle told of the end of the operation; {@link UseCaseObservation#NONE} by default
     */
    default UseCaseObservation useCaseStarted(UseCaseStart start) {
        return UseCaseObservation.NONE;
    }

    /**
     * A purchase took a step (placed, outcome unknown, looked up, delivered, pending…).
     *
     * @param signal what happened, and to which supplier's purchase
     */
    default void purchase(PurchaseSignal signal) {
    }

    /**
     * The listener that does nothing: the default everywhere.
     *
     * @return the no-op listener
     */
    static VoucherportListener none() {
        return GuardedListener.NONE;
    }

    /**
     * {@code listener} made safe to call, its failures dropped: whatever it (or a handle it returns)
     * throws is swallowed; a failure of the JVM itself ({@link VirtualMachineError} but a stack
     * overflow) is rethrown. A listener that returns null handles is treated as returning no-op
     * ones. Idempotent: a listener guarded already is returned as it is (with its handler). Callers
     * that hand a listener to Voucherport need not guard it: the adapters' and use cases' builders
     * guard it with {@link #guarded(VoucherportListener, Consumer)} and log its failures.
     *
     * @param listener the application's listener, not null; it may throw from any method
     * @return a listener that never throws, hearing what {@code listener} hears
     */
    static VoucherportListener guarded(VoucherportListener listener) {
        return GuardedListener.guard(Require.present(listener, "listener"), GuardedListener.SILENT);
    }

    /**
     * {@code listener} made safe to call, as {@link #guarded(VoucherportListener)}, each failure
     * told to {@code onFailure} as a {@link ListenerFailure} (class names only, and whether it is
     * the guarded listener's first failure: log it loudly once, quietly after). The domain does not
     * log: the caller's handler does. A handler that throws is ignored. A listener guarded already
     * with a handler keeps it; one guarded without (by {@link #guarded(VoucherportListener)} or
     * {@link #composite}) takes {@code onFailure}, for each of a composite's listeners too.
     * Idempotent for the same handler: keep one handler instance per caller.
     *
     * @param listener the application's listener, not null; it may throw from any method
     * @param onFailure told of each failure the guard swallows; must be fast and should not throw
     * @return a listener that never throws, hearing what {@code listener} hears
     */
    static VoucherportListener guarded(VoucherportListener listener, Consumer<ListenerFailure> onFailure) {
        return GuardedListener.guard(Require.present(listener, "listener"), Require.present(onFailure, "onFailure"));
    }

    /**
     * Several listeners as one: each hears every event, in order, each guarded on its own (one that
     * throws keeps none of the others from hearing). The composite is guarded without a failure
     * handler; the builder it is given to guards it with its own (see
     * {@link #guarded(VoucherportListener, Consumer)}).
     *
     * @param listeners the listeners, at least one
     * @return one listener telling all of them
     */
    static VoucherportListener composite(List<? extends VoucherportListener> listeners) {
        Require.present(listeners, "listeners");
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("name at least one listener");
        }
        List<VoucherportListener> all = new ArrayList<>();
        for (VoucherportListener listener : listeners) {
            all.add(Require.present(listener, "listener"));
        }
        return all.size() == 1 ? guarded(all.get(0))
                : GuardedListener.guard(new CompositeListener(all, GuardedListener.SILENT), GuardedListener.SILENT);
    }

    /**
     * Several listeners as one; see {@link #composite(List)}.
     *
     * @param listeners the listeners, at least one
     * @return one listener telling all of them
     */
    static VoucherportListener composite(VoucherportListener... listeners) {
        Require.present(listeners, "listeners");
        return composite(List.of(listeners));
    }
}
