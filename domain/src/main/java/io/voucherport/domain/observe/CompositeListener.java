package io.voucherport.domain.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Several guarded listeners as one: see {@link VoucherportListener#composite(List)}. */
final class CompositeListener implements VoucherportListener {

    /** The listeners as given (some possibly guarded already, with a handler of their own). */
    private final List<VoucherportListener> given;
    /** Each of them guarded, its failures told to the composite's handler unless it has its own. */
    private final List<VoucherportListener> listeners;

    CompositeListener(List<VoucherportListener> given, Consumer<ListenerFailure> onFailure) {
        this.given = List.copyOf(given);
        List<VoucherportListener> guarded = new ArrayList<>(this.given.size());
        this.given.forEach(listener -> guarded.add(GuardedListener.guard(listener, onFailure)));
        this.listeners = List.copyOf(guarded);
    }

    /** The same listeners, each reporting its failures to {@code onFailure} (unless it has a handler of its own). */
    CompositeListener reportingTo(Consumer<ListenerFailure> onFailure) {
        return new CompositeListener(given, onFailure);
    }

    @Override
    public CallObservation callStarted(CallStart start) {
        List<CallObservation> handles = new ArrayList<>(listeners.size());
        listeners.forEach(l -> handles.add(l.callStarted(start)));
        return new CallObservation() {
            @Override
            public void attempt(AttemptEnd attempt) {
                handles.forEach(h -> h.attempt(attempt));
            }

            @Override
            public void finished(CallEnd end) {
                for (int i = handles.size() - 1; i >= 0; i--) {   // closed in reverse: nested scopes unwind in order
                    handles.get(i).finished(end);
                }
            }
        };
    }

    @Override
    public UseCaseObservation useCaseStarted(UseCaseStart start) {
        List<UseCaseObservation> handles = new ArrayList<>(listeners.size());
        listeners.forEach(l -> handles.add(l.useCaseStarted(start)));
        return new UseCaseObservation() {
            @Override
            public void finished(String outcome, Duration latency) {
                for (int i = handles.size() - 1; i >= 0; i--) {
                    handles.get(i).finished(outcome, latency);
                }
            }
        };
    }

    @Override
    public void purchase(PurchaseSignal signal) {
        listeners.forEach(l -> l.purchase(signal));
    }

    @Override
    public String toString() {
        return "Composite" + listeners;
    }
}
