package io.voucherport.adapter.jdbc;

import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.Lease;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.StoredForm;
import io.voucherport.domain.supply.OrderReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads purchases from the rows of a purchase joined with its events ({@code LEFT JOIN}, one row
 * per event, ordered by purchase and then {@code seq}): the columns {@code reference,
 * opened_supplier, opened_request, opened_at, event_count, seq, form}, and for claims also
 * {@code lease_owner, lease_token, lease_until}.
 */
final class PurchaseRows {

    /**
     * One purchase as read.
     *
     * @param purchase the purchase, with the events the query saw
     * @param eventCount how many events the purchase row says it has
     * @param lease the lease, when the query returned one
     */
    record Read(JournaledPurchase purchase, int eventCount, Lease lease) {

        /** Whether the purchase could be read: a claim skips (and parks) one this version cannot read. */
        boolean readable() {
            return purchase != null;
        }

        /**
         * Whether the query saw every event. A claim's {@code UPDATE} sees the newest purchase row
         * while the join reads an older snapshot of the events, so an event committed in between
         * can be missing; the claim then reads the events again.
         */
        boolean complete() {
            return purchase.events().size() == eventCount;
        }
    }

    private PurchaseRows() {
    }

    /**
     * The purchases in {@code rows}, in the order read. With a lease (claims), a purchase this
     * version cannot read comes back unreadable ({@link Read#readable()} false) so that it spoils
     * no other; without, it throws {@link JournalException}.
     */
    static List<Read> read(ResultSet rows, boolean withLease) throws SQLException {
        List<Read> read = new ArrayList<>();
        String reference = null;
        String supplier = null;
        String request = null;
        Instant openedAt = null;
        int eventCount = 0;
        Lease lease = null;
        List<String> forms = new ArrayList<>();
        while (rows.next()) {
            String next = rows.getString("reference");
            if (!next.equals(reference)) {
                if (reference != null) {
                    read.add(purchase(reference, supplier, request, openedAt, eventCount, lease, forms, withLease));
                }
                reference = next;
                supplier = rows.getString("opened_supplier");
                request = rows.getString("opened_request");
                openedAt = Database.instant(rows, "opened_at");
                eventCount = rows.getInt("event_count");
                lease = withLease ? new Lease(OrderReference.of(next), rows.getString("lease_owner"),
                        rows.getLong("lease_token"), Database.instant(rows, "lease_until")) : null;
                forms = new ArrayList<>();
            }
            String form = rows.getString("form");
            if (form != null) {
                forms.add(form);
            }
        }
        if (reference != null) {
            read.add(purchase(reference, supplier, request, openedAt, eventCount, lease, forms, withLease));
        }
        return read;
    }

    /** The events of one purchase from rows of {@code form}, ordered by {@code seq}. */
    static List<PurchaseEvent> events(String reference, ResultSet rows) throws SQLException {
        List<String> forms = new ArrayList<>();
        while (rows.next()) {
            forms.add(rows.getString("form"));
        }
        return parse(reference, forms);
    }

    private static Read purchase(String reference, String supplier, String request, Instant openedAt, int eventCount,
            Lease lease, List<String> forms, boolean tolerant) {
        try {
            JournaledPurchase purchase = new JournaledPurchase(
                    new JournaledPurchase.Opening(supplier, StoredForm.request(request)), openedAt, parse(reference, forms));
            return new Read(purchase, eventCount, lease);
        } catch (IllegalArgumentException | JournalException e) {
            if (!tolerant) {
                throw e instanceof JournalException unreadable ? unreadable
                        : unreadable(reference, (IllegalArgumentException) e);
            }
            return new Read(null, eventCount, lease);
        }
    }

    private static List<PurchaseEvent> parse(String reference, List<String> forms) {
        List<PurchaseEvent> events = new ArrayList<>(forms.size());
        try {
            for (String form : forms) {
                events.add(StoredForm.event(form));
            }
        } catch (IllegalArgumentException e) {
            throw unreadable(reference, e);
        }
        return events;
    }

    private static JournalException unreadable(String reference, IllegalArgumentException e) {
        return new JournalException("purchase " + reference + " holds a stored form this version cannot read: "
                + e.getMessage(), e);
    }
}
