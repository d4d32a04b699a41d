package io.voucherport.domain.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Several guarded listeners as one: see {@link VoucherportListener#composite(List)}. */
final class CompositeListener implements VoucherportListener {

    private final List<VoucherportListener> listeners;

    CompositeListener(List<VoucherportListener> listeners) {
        this.listeners = List.copyOf(listeners);
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
