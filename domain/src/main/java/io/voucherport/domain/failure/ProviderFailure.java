package io.voucherport.domain.failure;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.SupplierOrder;
import java.time.Duration;
import java.util.List;

/**
 * Why a call to a provider did not succeed. Ports return these as the left side of an
 * {@link io.vavr.control.Either}; no provider problem reaches a caller as an exception.
 *
 * <p>Three questions decide what a caller does next:
 * <ul>
 *   <li>{@link #isTransient()}: trying the same call later may succeed (rate limited, unavailable);</li>
 *   <li>{@link OutcomeUnknown}: the call may have taken effect; for a purchase, look the order up
 *       by its reference before anything else;</li>
 *   <li>{@link #provablyNotApplied()}: the provider refused the call, so nothing was bought or
 *       changed (safe to try elsewhere).</li>
 * </ul>
 */
public sealed interface ProviderFailure {

    /**
     * Provider, HTTP status, request id, message and attempts.
     *
     * @return the provider, HTTP status and request id when an answer came, a message fit for logs,
     *     and how many attempts were made
     */
    FailureDetails details();

    /** {@return the provider's name} */
    default String provider() {
        return details().provider();
    }

    /** {@return the HTTP status of the provider's answer, if one came} */
    default Option<Integer> httpStatus() {
        return details().httpStatus();
    }

    /** {@return the provider's request id, if it sent one} */
    default Option<String> requestId() {
        return details().requestId();
    }

    /** {@return a message fit for logs; never holds a secret} */
    default String message() {
        return details().message();
    }

    /**
     * {@return the same failure, recording that {@code attempts} calls were made before giving up}
     *
     * @param attempts how many calls were made in all, at least 1 (the first call and its retries)
     */
    ProviderFailure withAttempts(int attempts);

    /** {@return whether the same call may succeed later without any change} */
    default boolean isTransient() {
        return false;
    }

    /** {@return whether the provider certainly did not act on the call} */
    default boolean provablyNotApplied() {
        return true;
    }

    /**
     * The thing asked for does not exist.
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     */
    record NotFound(FailureDetails details) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         */
        public NotFound {
            Require.present(details, "details");
        }

        @Override
        public NotFound withAttempts(int attempts) {
            return new NotFound(details.withAttempts(attempts));
        }
    }

    /**
     * The credentials were missing, wrong, expired or not allowed to do this (401 or 403).
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     */
    record AccessDenied(FailureDetails details) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         */
        public AccessDenied {
            Require.present(details, "details");
        }

        @Override
        public AccessDenied withAttempts(int attempts) {
            return new AccessDenied(details.withAttempts(attempts));
        }
    }

    /**
     * The request was refused as invalid, by the provider or before sending.
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     * @param reasons the provider's (or the local check's) messages
     */
    record InvalidRequest(FailureDetails details, List<String> reasons) implements ProviderFailure {
        /**
         * Validates and copies the reasons.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         * @param reasons the provider's (or the local check's) messages
         */
        public InvalidRequest {
            Require.present(details, "details");
            reasons = List.copyOf(Require.present(reasons, "reasons"));
        }

        @Override
        public InvalidRequest withAttempts(int attempts) {
            return new InvalidRequest(details.withAttempts(attempts), reasons);
        }
    }

    /**
     * An order with this reference already exists: it was not bought again.
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     * @param reference the reference that was repeated
     * @param existing the order already placed with it, when it could be found
     */
    record DuplicateReference(FailureDetails details, OrderReference reference, Option<SupplierOrder> existing)
            implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         * @param reference the reference that was repeated
         * @param existing the order already placed with it, when it could be found
         */
        public DuplicateReference {
            Require.present(details, "details");
            Require.present(reference, "reference");
            Require.present(existing, "existing");
        }

        @Override
        public DuplicateReference withAttempts(int attempts) {
            return new DuplicateReference(details.withAttempts(attempts), reference, existing);
        }
    }

    /**
     * The account's funds do not cover the order.
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     */
    record InsufficientFunds(FailureDetails details) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         */
        public InsufficientFunds {
            Require.present(details, "details");
        }

        @Override
        public InsufficientFunds withAttempts(int attempts) {
            return new InsufficientFunds(details.withAttempts(attempts));
        }
    }

    /**
     * The thing acted on is past its deadline (e.g. a GiftHub order confirmed after {@code expiresAt}).
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     */
    record Expired(FailureDetails details) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         */
        public Expired {
            Require.present(details, "details");
        }

        @Override
        public Expired withAttempts(int attempts) {
            return new Expired(details.withAttempts(attempts));
        }
    }

    /**
     * Too many calls: the provider refused this one (429).
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     * @param retryAfter how long the provider asked to wait, if it said
     */
    record RateLimited(FailureDetails details, Option<Duration> retryAfter) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         * @param retryAfter how long the provider asked to wait, if it said
         */
        public RateLimited {
            Require.present(details, "details");
            Require.present(retryAfter, "retry after");
        }

        @Override
        public RateLimited withAttempts(int attempts) {
            return new RateLimited(details.withAttempts(attempts), retryAfter);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /**
     * The provider could not be reached or refused to work for now (connection refused, 503,
     * or a 5xx on a safe read); nothing took effect.
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     * @param retryAfter how long the provider asked to wait, if it said
     */
    record Unavailable(FailureDetails details, Option<Duration> retryAfter) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         * @param retryAfter how long the provider asked to wait, if it said
         */
        public Unavailable {
            Require.present(details, "details");
            Require.present(retryAfter, "retry after");
        }

        @Override
        public Unavailable withAttempts(int attempts) {
            return new Unavailable(details.withAttempts(attempts), retryAfter);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /**
     * The call may or may not have taken effect: a timeout, a dropped connection or a server
     * error after a request that changes something was sent. Never read as "failed": for a
     * purchase, look the order up by its reference before anything else.
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     */
    record OutcomeUnknown(FailureDetails details) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         */
        public OutcomeUnknown {
            Require.present(details, "details");
        }

        @Override
        public OutcomeUnknown withAttempts(int attempts) {
            return new OutcomeUnknown(details.withAttempts(attempts));
        }

        @Override
        public boolean provablyNotApplied() {
            return false;
        }
    }

    /**
     * The provider answered something Voucherport cannot read: malformed, truncated or oversized
     * body, or an unexpected status.
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     */
    record UnexpectedResponse(FailureDetails details) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         */
        public UnexpectedResponse {
            Require.present(details, "details");
        }

        @Override
        public UnexpectedResponse withAttempts(int attempts) {
            return new UnexpectedResponse(details.withAttempts(attempts));
        }

        @Override
        public boolean provablyNotApplied() {
            return false;
        }
    }

    /**
     * One item of a listing (a product of a catalog page, a code of a code page, a rule, a rate)
     * could not be read; the other items of the listing are delivered, and the listing goes on.
     * Nothing was changed (a listing only reads).
     *
     * @param details the provider, HTTP status and request id when an answer came, a message fit
     *     for logs, and the attempts made
     * @param item what identifies the item, as far as it could be read (a SKU, an id, "item 3 of page 2")
     * @param reason why it could not be read; never holds a secret
     */
    record UnreadableItem(FailureDetails details, String item, String reason) implements ProviderFailure {
        /**
         * Validates.
         *
         * @param details the provider, HTTP status and request id when an answer came, a message
         *     fit for logs, and the attempts made; not null
         * @param item what identifies the item, as far as it could be read (a SKU, an id, "item 3 of page 2")
         * @param reason why it could not be read; never holds a secret
         */
        public UnreadableItem {
            Require.present(details, "details");
            Require.text(item, "item");
            Require.text(reason, "reason");
        }

        @Override
        public UnreadableItem withAttempts(int attempts) {
            return new UnreadableItem(details.withAttempts(attempts), item, reason);
        }
    }
}
