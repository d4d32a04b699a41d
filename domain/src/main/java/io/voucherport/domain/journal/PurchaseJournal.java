package io.voucherport.domain.journal;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The library's durable record of every purchase: opened before the first call to a supplier, and
 * every placement, lookup and outcome appended as it happens. It is what lets a purchase survive a
 * crash between any two lines, and two service instances share the work without ever driving the
 * same purchase at once.
 *
 * <p>Work on an open purchase is done under a {@link Lease}: {@link #open} and {@link #claim} hand
 * one out, {@link #append} and {@link #renew} extend it, {@link #release} gives it back. A lease
 * that runs out may be claimed by another owner; from then on the first owner's writes fail with
 * {@link LeaseLostException}. Implementations decide claims atomically (one winner) and check the
 * rules of {@link JournaledPurchase#with} on every append.
 *
 * <p>Time is the caller's ({@code now}): every instance sharing a journal should use a synchronised
 * clock, and leases should be long compared with clock skew. Storage failures throw
 * {@link JournalException}; nothing here calls a supplier. Implementations are thread-safe.
 */
public interface PurchaseJournal {

    /**
     * A purchase and the lease its holder drives it under.
     *
     * @param purchase the purchase as the journal holds it now
     * @param lease the lease the holder drives it under, on the same reference
     */
    record Claimed(JournaledPurchase purchase, Lease lease) {
        /**
         * Validates.
         *
         * @param purchase the purchase as the journal holds it now
         * @param lease the lease the holder drives it under, not null; on the purchase's reference
         */
        public Claimed {
            io.voucherport.domain.Require.present(purchase, "purchase");
            io.voucherport.domain.Require.present(lease, "lease");
            if (!purchase.reference().equals(lease.reference())) {
                throw new IllegalArgumentException("the lease is on " + lease.reference() + ", not " + purchase.reference());
            }
        }
    }

    /**
     * Opens a purchase of {@code request} at {@code supplier} with its {@code first} events (say, the
     * first placement journaled as sent, in the same write) and leases it to {@code owner}, unless
     * its reference is journaled already. Atomic: of two instances opening one reference, one opens
     * it and the other gets the existing purchase; the events are written with the purchase or not
     * at all.
     *
     * @param request what is bought, under the caller's reference
     * @param supplier the name of the supplier it is placed with
     * @param first the events written with the purchase, in order (may be empty)
     * @param owner the name of the instance that will drive it
     * @param now the caller's current time
     * @param leaseFor how long the lease lasts without another write
     * @return the new purchase with its lease, or (left) the purchase already journaled under this
     *     reference, untouched
     * @throws IllegalStateException when the rules forbid the first events (see {@link JournaledPurchase#with})
     */
    Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier, List<PurchaseEvent> first,
            String owner, Instant now, Duration leaseFor);

    /**
     * {@link #open(OrderRequest, String, List, String, Instant, Duration)} with no event yet.
     *
     * @param request what is bought, under the caller's reference
     * @param supplier the name of the supplier it is placed with
     * @param owner the name of the instance that will drive it
     * @param now the caller's current time
     * @param leaseFor how long the lease lasts without another write
     * @return the new purchase with its lease, or (left) the purchase already journaled under this
     *     reference, untouched
     */
    default Either<JournaledPurchase, Claimed> open(OrderRequest request, String supplier, String owner, Instant now,
            Duration leaseFor) {
        return open(request, supplier, List.of(), owner, now, leaseFor);
    }

    /**
     * {@return the purchase with {@code reference}, if journaled}
     *
     * @param reference the caller's reference of the purchase, not null
     */
    Option<JournaledPurchase> find(OrderReference reference);

    /**
     * Leases the open purchase with {@code reference} to {@code owner}, when nobody holds an
     * unexpired lease on it — not even {@code owner} itself: two calls of one instance never drive
     * one purchase at once. Atomic.
     *
     * @param reference the caller's reference of the purchase to claim, not null
     * @param owner the name of the instance that will drive it
     * @param now the caller's current time
     * @param leaseFor how long the lease lasts without another write
     * @return the purchase and the new lease; none when it is not journaled, has ended, or is held
     */
    Option<Claimed> claim(OrderReference reference, String owner, Instant now, Duration leaseFor);

    /**
     * Leases up to {@code max} open purchases that are due ({@link #release}'s {@code dueAt} has
     * come) and held by nobody (or by a lease that ran out) to {@code owner}, oldest due first.
     * Concurrent callers never get the same purchase.
     *
     * @param owner the name of the instance that will drive them
     * @param now the caller's current time
     * @param leaseFor how long each lease lasts without another write
     * @param max the most purchases to claim (at least 1)
     * @return the purchases claimed, each with its lease; empty when none is due
     */
    List<Claimed> claimDue(String owner, Instant now, Duration leaseFor, int max);

    /**
     * Appends {@code events}, in order and all or none, to the claimed purchase and extends the
     * lease to {@code now + leaseFor}.
     *
     * @param claimed the purchase as the caller last saw it, with the caller's lease
     * @param events the events, in order
     * @param now the caller's current time
     * @param leaseFor how long the extended lease lasts without another write
     * @return the purchase after the events, with the extended lease
     * @throws LeaseLostException when the purchase was claimed again since (by another owner, or
     *     by the same owner name under a newer lease)
     * @throws IllegalStateException when the rules forbid an event (see {@link JournaledPurchase#with}),
     *     or {@code claimed} is not the purchase as it stands (an outdated view)
     */
    Claimed append(Claimed claimed, List<PurchaseEvent> events, Instant now, Duration leaseFor);

    /**
     * {@link #append(Claimed, List, Instant, Duration)} of one event.
     *
     * @param claimed the purchase as the caller last saw it, with the caller's lease
     * @param event the event to append, not null; must be allowed by {@link JournaledPurchase#with}
     * @param now the caller's current time
     * @param leaseFor how long the extended lease lasts without another write
     * @return the purchase after the event, with the extended lease
     * @throws LeaseLostException as {@link #append(Claimed, List, Instant, Duration)}
     * @throws IllegalStateException as {@link #append(Claimed, List, Instant, Duration)}
     */
    default Claimed append(Claimed claimed, PurchaseEvent event, Instant now, Duration leaseFor) {
        return append(claimed, List.of(event), now, leaseFor);
    }

    /**
     * Appends {@code events}, which end the purchase, and gives the lease back, in one write: the
     * ended purchase is never claimed again.
     *
     * @param claimed the purchase as the caller last saw it, with the caller's lease
     * @param events the events that end it, in order
     * @param now the caller's current time
     * @return the purchase as journaled after the events, ended; it holds no lease any more
     * @throws LeaseLostException as {@link #append}
     * @throws IllegalStateException as {@link #append}, and when the events do not end the purchase
     */
    JournaledPurchase finish(Claimed claimed, List<PurchaseEvent> events, Instant now);

    /**
     * Extends the lease to {@code now + leaseFor}.
     *
     * @param lease the lease the caller holds now, not null
     * @param now the caller's current time
     * @param leaseFor how long the extended lease lasts without another write
     * @return the same lease with its new expiry, to use in the caller's next write
     * @throws LeaseLostException when another owner has claimed the purchase since
     */
    Lease renew(Lease lease, Instant now, Duration leaseFor);

    /**
     * Gives the lease up. An open purchase becomes due for recovery at {@code dueAt}; an ended one
     * is never claimed again. Releasing a lease that was lost does nothing.
     *
     * @param lease the lease the caller holds, not null
     * @param dueAt when an open purchase becomes due for recovery
     */
    void release(Lease lease, Instant dueAt);

    /**
     * Up to {@code max} open purchases, oldest first (for monitoring and reconciliation).
     *
     * @param max the most purchases to list (at least 1)
     * @return the open purchases, oldest first
     */
    List<JournaledPurchase> unfinished(int max);
}
