package io.voucherport.domain.supply;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import java.time.Duration;
import java.util.List;

/**
 * A supplier that sells gift-card codes: its catalog, the funds held with it, and orders.
 *
 * <p>No method throws for a provider problem: each returns a {@link ProviderFailure} instead.
 * Arguments are validated before any call; invalid ones throw {@link IllegalArgumentException}
 * or {@link NullPointerException} and nothing is sent. Implementations are thread-safe.
 */
public interface CodeSupplier {

    /**
     * {@return the catalog, fetched lazily page by page}
     *
     * <p>Safe to retry. Failures (as the sequence's last element): {@code AccessDenied},
     * {@code RateLimited}, {@code Unavailable}, {@code UnexpectedResponse}.
     */
    PagedSequence<Product> catalog();

    /**
     * {@return the funds held with the supplier, one balance per currency}
     *
     * <p>Safe to retry. Failures: {@code AccessDenied}, {@code RateLimited}, {@code Unavailable},
     * {@code UnexpectedResponse}.
     */
    Either<ProviderFailure, List<Balance>> balances();

    /**
     * Places an order and pays for it. The request's reference is sent as the supplier's
     * idempotency key: a reference that was already used is refused with
     * {@code DuplicateReference} carrying the existing order when it can be found, and nothing is
     * bought twice. Returns the order as accepted; its codes may arrive later (poll
     * {@link #findOrder}, then {@link #fetchCodes}).
     *
     * <p><b>Not safe to retry blindly.</b> After {@code OutcomeUnknown} (a timeout or dropped
     * connection after sending), call {@link #findOrderByReference} first and place again only
     * when it answers none. Other failures: {@code InvalidRequest} (with the supplier's reasons,
     * also for requests that break a supplier's limits, refused before sending),
     * {@code InsufficientFunds}, {@code Expired}, {@code AccessDenied}, {@code NotFound} (unknown
     * SKU), {@code RateLimited} and {@code Unavailable} (nothing was bought).
     *
     * @param request what to buy (lines, quantities, optional settlement currency) under the
     *     caller's reference; not null, checked against the supplier's limits before sending
     * @return the order as the supplier accepted it (codes possibly still pending), or the failure
     *     that prevented it; on {@code OutcomeUnknown} look the reference up before placing again
     */
    Either<ProviderFailure, SupplierOrder> place(OrderRequest request);

    /**
     * {@return the order with the supplier's id {@code id}, as it stands now}
     *
     * <p>Safe to retry. Failures: {@code NotFound}, {@code AccessDenied}, {@code RateLimited},
     * {@code Unavailable}, {@code UnexpectedResponse}.
     *
     * @param id the supplier's id of the order, as {@link #place} returned it; not null
     */
    Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id);

    /**
     * {@return the order placed with the caller's reference: {@code Some} only for an order whose reference
     * equals {@code reference} exactly, {@code None} when the supplier shows no such order now} One
     * {@code None} proves nothing on its own — indexes lag and a request may still be in flight —
     * so a purchase is placed again only after lookups over {@link #referenceLookupLag()} all
     * answered none. Suppliers without a lookup by reference answer from a record the adapter
     * keeps, and answer a failure rather than {@code None} when that record cannot tell; each
     * adapter documents how.
     *
     * <p>Safe to retry. Failures: {@code AccessDenied}, {@code RateLimited}, {@code Unavailable},
     * {@code UnexpectedResponse} — none of them means the order does not exist.
     *
     * @param reference the caller's reference the order was placed with, not null; compared exactly
     */
    Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference);

    /**
     * {@return the codes of an order as far as delivered: delivered codes with their secrets, pending
     * codes without, per SKU}
     *
     * <p>Safe to retry. Failures: {@code NotFound}, {@code AccessDenied}, {@code RateLimited},
     * {@code Unavailable}, {@code UnexpectedResponse}.
     *
     * @param id the supplier's id of the order, not null
     */
    Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id);

    /**
     * {@return how long after a placement was sent its order may still be missing from
     * {@link #findOrderByReference}: the supplier's index lag plus the time a request may still be
     * in flight on its side} Before this has passed since the last doubt, an empty lookup proves
     * nothing; the use cases look again until it has. Adapters declare their own (configurable in
     * their builders); the default is one minute.
     */
    default Duration referenceLookupLag() {
        return Duration.ofMinutes(1);
    }
}
