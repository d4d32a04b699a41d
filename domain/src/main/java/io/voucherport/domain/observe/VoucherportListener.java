package io.voucherport.domain.observe;

import io.voucherport.domain.Require;
import java.util.ArrayList;
import java.util.List;

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
 * through {@link #guarded}, which swallows the failure and logs only the listener's and the
 * exception's class names.
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
     * {@code listener} made safe to call: whatever it (or a handle it returns) throws is swallowed
     * and logged with class names only, at {@code WARNING} the first time and at {@code DEBUG}
     * after; a failure of the JVM itself ({@link VirtualMachineError} but a stack overflow) is
     * rethrown. A listener that returns null handles is treated as returning no-op ones.
     * Idempotent.
     *
     * @param listener the listener to guard
     * @return a listener that never throws, hearing what {@code listener} hears
     */
    static VoucherportListener guarded(VoucherportListener listener) {
        Require.present(listener, "listener");
        return listener instanceof GuardedListener guarded ? guarded : new GuardedListener(listener);
    }

    /**
     * Several listeners as one: each hears every event, in order, each guarded on its own (one that
     * throws keeps none of the others from hearing).
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
            all.add(guarded(Require.present(listener, "listener")));
        }
        return all.size() == 1 ? all.get(0) : guarded(new CompositeListener(all));
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
