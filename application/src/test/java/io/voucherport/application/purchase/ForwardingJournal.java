package io.voucherport.application.purchase;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A journal passing every call to another, with one hook before each write: tests override it to fail or crash. */
class ForwardingJournal implements PurchaseJournal {

    private final PurchaseJournal journal;

    ForwardingJournal(PurchaseJournal journal) {
        this.journal = journal;
    }

    /** Runs before each write is passed on. */
    void beforeWrite(String operation) {
    }

    /** Runs after each write was passed on. */
    void afterWrite(String operation) {
    }

    private <T> T write(String operation, java.util.function.Supplier<T> call) {
        beforeWrite(operation);
        T result = call.get();
        afterWrite(operation);
        return result;
    }

    @Override
    public Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier, List<PurchaseEvent> first,
            String owner, Instant now, Duration leaseFor) {
        return write("open", () -> journal.open(request, supplier, first, owner, now, leaseFor));
    }

    @Override
    public Option<JournaledPurchase> find(OrderReference reference) {
        return journal.find(reference);
    }

    @Override
    public Option<Claimed> claim(OrderReference reference, String owner, Instant now, Duration leaseFor) {
        return write("claim", () -> journal.claim(reference, owner, now, leaseFor));
    }

    @Override
    public List<Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max) {
        return write("claimDue", () -> journal.claimDue(owner, now, leaseFor, max));
    }

    @Override
    public Claimed append(Claimed claimed, List<PurchaseEvent> events, Instant now, Duration leaseFor) {
        return write("append " + kinds(events), () -> journal.append(claimed, events, now, leaseFor));
    }

    @Override
    public JournaledPurchase finish(Claimed claimed, List<PurchaseEvent> events, Instant now) {
        return write("finish " + kinds(events), () -> journal.finish(claimed, events, now));
    }

    private static String kinds(List<PurchaseEvent> events) {
        return String.join(" ", events.stream().map(e -> e.getClass().getSimpleName()).toList());
    }

    @Override
    public Lease renew(Lease lease, Instant now, Duration leaseFor) {
        return write("renew", () -> journal.renew(lease, now, leaseFor));
    }

    @Override
    public void release(Lease lease, Instant dueAt) {
        write("release", () -> {
            journal.release(lease, dueAt);
            return null;
        });
    }

    @Override
    public List<JournaledPurchase> unfinished(int max) {
        return journal.unfinished(max);
    }
}
