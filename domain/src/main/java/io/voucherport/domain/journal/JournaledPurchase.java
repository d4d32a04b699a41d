package io.voucherport.domain.journal;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One purchase as the journal knows it: the request as first opened, the events since, and what
 * follows from them. Immutable; {@link #with} gives the purchase after one more event. The rules of
 * "never buy twice" are answered here, from the record alone, so every instance reads them alike:
 * whether a placement may be sent ({@link #mayPlace}), since when the purchase is in doubt
 * ({@link #doubtSince}), whether absence is proven ({@link #absenceProven}), and whether it
 * provably bought nothing ({@link #provablyNothingBought}).
 *
 * @param opened the request and supplier the purchase was opened with
 * @param openedAt when it was opened
 * @param events what happened since, oldest first
 */
public record JournaledPurchase(Opening opened, Instant openedAt, List<PurchaseEvent> events) {

    /**
     * What a purchase is opened with.
     *
     * @param supplier the name of the supplier it is bought from first
     * @param request the request as that supplier receives it
     */
    public record Opening(String supplier, OrderRequest request) {
        /**
         * Validates.
         *
         * @param supplier the name of the supplier it is bought from first
         * @param request the request as that supplier receives it
         */
        public Opening {
            Require.text(supplier, "supplier");
            Require.present(request, "request");
        }
    }

    /**
     * Validates and copies.
     *
     * @param opened the request and supplier the purchase was opened with
     * @param openedAt when it was opened
     * @param events what happened since, oldest first
     */
    public JournaledPurchase {
        Require.present(opened, "opened");
        Require.present(openedAt, "opened at");
        events = List.copyOf(Require.present(events, "events"));
        for (PurchaseEvent event : events) {
            if (event instanceof PurchaseEvent.Rerouted rerouted
                    && !rerouted.request().reference().equals(opened.request().reference())) {
                throw new IllegalArgumentException("a rerouted request must keep the reference " + opened.request().reference());
            }
        }
    }

    /**
     * {@return a purchase just opened, with no event yet}
     *
     * @param supplier the name of the supplier it is bought from first, not blank
     * @param request what is bought, under the caller's reference; not null
     * @param at when it was opened, by the caller's clock; not null
     */
    public static JournaledPurchase open(String supplier, OrderRequest request, Instant at) {
        return new JournaledPurchase(new Opening(supplier, request), at, List.of());
    }

    /**
     * {@return the purchase after {@code event}; throws {@link IllegalStateException} for an event the rules forbid}
     *
     * @param event the next thing that happened to the purchase, not null
     */
    public JournaledPurchase with(PurchaseEvent event) {
        Require.present(event, "event");
        if (status().isEnded() && !(event instanceof PurchaseEvent.Rerouted)) {
            throw new IllegalStateException("purchase " + reference() + " has ended " + status() + "; nothing more happens to it");
        }
        if (event instanceof PurchaseEvent.Rerouted && !provablyNothingBought()) {
            throw new IllegalStateException("purchase " + reference() + " may have bought at " + supplier()
                    + ": it is never placed at another supplier");
        }
        if (event instanceof PurchaseEvent.Sent && !mayPlace()) {
            throw new IllegalStateException("purchase " + reference() + " may not be placed again at " + supplier()
                    + " before the journal proves the earlier placement did not take effect");
        }
        List<PurchaseEvent> next = new ArrayList<>(events);
        next.add(event);
        return new JournaledPurchase(opened, openedAt, next);
    }

    /** {@return the purchase's reference: the suppliers' idempotency key} */
    public OrderReference reference() {
        return opened.request().reference();
    }

    /** {@return the supplier the purchase is bought from now} */
    public String supplier() {
        return lastRerouted().map(PurchaseEvent.Rerouted::supplier).getOrElse(opened.supplier());
    }

    /** {@return the request as the current supplier receives it} */
    public OrderRequest request() {
        return lastRerouted().map(PurchaseEvent.Rerouted::request).getOrElse(opened.request());
    }

    /** {@return where the purchase stands} */
    public PurchaseStatus status() {
        for (int i = events.size() - 1; i >= 0; i--) {
            PurchaseEvent event = events.get(i);
            if (event instanceof PurchaseEvent.Delivered) {
                return PurchaseStatus.DELIVERED;
            }
            if (event instanceof PurchaseEvent.PartiallyDelivered) {
                return PurchaseStatus.PARTIALLY_DELIVERED;
            }
            if (event instanceof PurchaseEvent.Failed) {
                return PurchaseStatus.FAILED;
            }
            if (event instanceof PurchaseEvent.Rerouted) {
                return PurchaseStatus.OPEN;
            }
        }
        return PurchaseStatus.OPEN;
    }

    /** {@return the current supplier's order for this purchase, once known} */
    public Option<SupplierOrderId> orderId() {
        for (PurchaseEvent event : current()) {
            if (event instanceof PurchaseEvent.Accepted accepted) {
                return Option.some(accepted.orderId());
            }
            if (event instanceof PurchaseEvent.LookedUp lookedUp && lookedUp.found().isDefined()) {
                return lookedUp.found();
            }
        }
        return Option.none();
    }

    /** {@return how many placements were sent to the current supplier} */
    public int placements() {
        return (int) current().stream().filter(PurchaseEvent.Sent.class::isInstance).count();
    }

    /**
     * Since when the purchase is in doubt at the current supplier: the placement in flight (sent,
     * no outcome recorded), or else the last placement whose outcome is unknown, unless an order is
     * known or a later {@link PurchaseEvent.AbsenceProven} settled it. A refusal that proves nothing
     * was bought answers its own placement only (an older doubt still stands); one that does not
     * prove it is a doubt of its own. None when no doubt stands.
     *
     * @return the instant, or none
     */
    public Option<Instant> doubtSince() {
        int at = doubtIndex();
        return at < 0 ? Option.none() : Option.some(current().get(at).at());
    }

    /**
     * {@return whether the last placement at the current supplier was sent with no outcome journaled after
     * it (its sender died, or still waits for the answer), and no order is known}
     */
    public boolean placementInFlight() {
        int at = doubtIndex();
        return at >= 0 && current().get(at) instanceof PurchaseEvent.Sent;
    }

    /** The position (in {@link #current()}) of the event the standing doubt started with; -1 for none. */
    private int doubtIndex() {
        if (orderId().isDefined()) {
            return -1;
        }
        List<PurchaseEvent> current = current();
        int doubt = -1;
        int inFlight = -1;
        for (int i = 0; i < current.size(); i++) {
            PurchaseEvent event = current.get(i);
            if (event instanceof PurchaseEvent.Sent) {
                doubt = inFlight >= 0 ? inFlight : doubt;
                inFlight = i;
            } else if (event instanceof PurchaseEvent.OutcomeUnknown) {
                inFlight = -1;
                doubt = i;
            } else if (event instanceof PurchaseEvent.Refused refused) {
                inFlight = -1;
                doubt = refused.provablyNotApplied() ? doubt : i;   // a refusal that proves nothing
            } else if (event instanceof PurchaseEvent.AbsenceProven) {
                inFlight = -1;
                doubt = -1;
            }
        }
        return inFlight >= 0 ? inFlight : doubt;
    }

    /**
     * {@return whether absence is proven: at least two lookups <em>journaled after</em> the doubt arose
     * answered no order, and the last of them came at least {@code settleTime} after it} One empty
     * answer never proves anything: suppliers' indexes lag and requests are still in flight.
     *
     * @param settleTime how long after the doubt arose the last empty lookup must come, usually the
     *     supplier's {@code referenceLookupLag()}; not null
     */
    public boolean absenceProven(Duration settleTime) {
        Require.present(settleTime, "settle time");
        int since = doubtIndex();
        if (since < 0) {
            return false;
        }
        List<PurchaseEvent> empty = emptyLookupsAfter(since);
        return empty.size() >= 2
                && !empty.get(empty.size() - 1).at().isBefore(current().get(since).at().plus(settleTime));
    }

    /** {@return how many empty lookups were journaled since the doubt arose} */
    public int emptyLookupsSinceDoubt() {
        int since = doubtIndex();
        return since < 0 ? 0 : emptyLookupsAfter(since).size();
    }

    private List<PurchaseEvent> emptyLookupsAfter(int since) {
        List<PurchaseEvent> current = current();
        List<PurchaseEvent> empty = new ArrayList<>();
        for (int i = since + 1; i < current.size(); i++) {
            if (current.get(i) instanceof PurchaseEvent.LookedUp lookedUp && lookedUp.found().isEmpty()) {
                empty.add(lookedUp);
            }
        }
        return empty;
    }

    /** {@return whether a placement may be sent now: no order is known and no doubt stands} */
    public boolean mayPlace() {
        return status() == PurchaseStatus.OPEN && orderId().isEmpty() && doubtSince().isEmpty();
    }

    /**
     * {@return whether any placement of this purchase, at any supplier, ever had an unknown outcome (or was
     * sent with no outcome recorded)} Once true, the purchase never ends "nothing bought".
     */
    public boolean everInDoubt() {
        boolean sentOpen = false;
        for (PurchaseEvent event : events) {
            if (event instanceof PurchaseEvent.OutcomeUnknown
                    || event instanceof PurchaseEvent.Refused r && !r.provablyNotApplied()) {
                return true;
            }
            if (event instanceof PurchaseEvent.Sent) {
                if (sentOpen) {
                    return true;
                }
                sentOpen = true;
            } else if (event instanceof PurchaseEvent.Refused || event instanceof PurchaseEvent.Accepted) {
                sentOpen = false;
            }
        }
        return sentOpen;
    }

    /**
     * {@return whether the purchase provably bought nothing anywhere: no order was ever known, and every
     * placement sent was refused in a way that proves it did not take effect}
     */
    public boolean provablyNothingBought() {
        if (everInDoubt()) {
            return false;
        }
        for (PurchaseEvent event : events) {
            if (event instanceof PurchaseEvent.Accepted
                    || event instanceof PurchaseEvent.LookedUp l && l.found().isDefined()
                    || event instanceof PurchaseEvent.Refused r && !r.provablyNotApplied()
                    || event instanceof PurchaseEvent.Delivered || event instanceof PurchaseEvent.PartiallyDelivered
                    || event instanceof PurchaseEvent.Failed f && f.mayHaveBought()) {
                return false;
            }
        }
        return true;
    }

    /** The events since the purchase moved to its current supplier. */
    private List<PurchaseEvent> current() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof PurchaseEvent.Rerouted) {
                return events.subList(i + 1, events.size());
            }
        }
        return events;
    }

    private Option<PurchaseEvent.Rerouted> lastRerouted() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof PurchaseEvent.Rerouted rerouted) {
                return Option.some(rerouted);
            }
        }
        return Option.none();
    }

    @Override
    public String toString() {
        return "JournaledPurchase[" + reference() + " at " + supplier() + ", " + status() + ", " + events.size()
                + " events]";
    }
}
