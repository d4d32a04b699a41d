package io.voucherport.testkit.journal;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link PurchaseJournal} passing every call on to another, each through {@link #call}: override
 * it in a test to fail, delay, crash or count journal calls at a chosen point ("the journal dies
 * right after its third write"). Operations are named {@code open}, {@code find}, {@code claim},
 * {@code claimDue}, {@code append}, {@code finish}, {@code renew}, {@code release} and
 * {@code unfinished}; {@code open}, {@code append} and {@code finish} are followed by the kinds of
 * their events (e.g. {@code "finish Accepted Delivered"}). As thread-safe as the journal wrapped and
 * the override.
 */
public class ForwardingPurchaseJournal implements PurchaseJournal {

    private final PurchaseJournal journal;

    /**
     * A journal passing every call on to {@code journal}.
     *
     * @param journal the journal every call goes to, not null
     */
    public ForwardingPurchaseJournal(PurchaseJournal journal) {
        this.journal = Require.present(journal, "journal");
    }

    /**
     * {@return whether {@code operation} (as passed to {@link #call}) writes}
     *
     * @param operation a journal method's name, as passed to {@link #call}
     */
    public static boolean isWrite(String operation) {
        return !operation.equals("find") && !operation.equals("unfinished");
    }

    /**
     * Runs one call of {@code operation}; by default simply runs it.
     *
     * @param <T> the type of the call's result
     * @param operation the journal method's name
     * @param call the call on the wrapped journal
     * @return what {@code call} returned
     */
    protected <T> T call(String operation, Supplier<T> call) {
        return call.get();
    }

    @Override
    public Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier, List<PurchaseEvent> first,
            String owner, Instant now, Duration leaseFor) {
        return call("open" + kinds(first), () -> journal.open(request, supplier, first, owner, now, leaseFor));
    }

    @Override
    public Option<JournaledPurchase> find(OrderReference reference) {
        return call("find", () -> journal.find(reference));
    }

    @Override
    public Option<Claimed> claim(OrderReference reference, String owner, Instant now, Duration leaseFor) {
        return call("claim", () -> journal.claim(reference, owner, now, leaseFor));
    }

    @Override
    public List<Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max) {
        return call("claimDue", () -> journal.claimDue(owner, now, leaseFor, max));
    }

    @Override
    public Claimed append(Claimed claimed, List<PurchaseEvent> events, Instant now, Duration leaseFor) {
        return call("append" + kinds(events), () -> journal.append(claimed, events, now, leaseFor));
    }

    @Override
    public JournaledPurchase finish(Claimed claimed, List<PurchaseEvent> events, Instant now) {
        return call("finish" + kinds(events), () -> journal.finish(claimed, events, now));
    }

    @Override
    public Lease renew(Lease lease, Instant now, Duration leaseFor) {
        return call("renew", () -> journal.renew(lease, now, leaseFor));
    }

    @Override
    public void release(Lease lease, Instant dueAt) {
        call("release", () -> {
            journal.release(lease, dueAt);
            return null;
        });
    }

    @Override
    public List<JournaledPurchase> unfinished(int max) {
        return call("unfinished", () -> journal.unfinished(max));
    }

    private static String kinds(List<PurchaseEvent> events) {
        StringBuilder kinds = new StringBuilder();
        events.forEach(e -> kinds.append(' ').append(e.getClass().getSimpleName()));
        return kinds.toString();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + journal + "]";
    }
}
