package io.voucherport.testkit.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault a simulator injects into one answer. Faults marked {@link #commitsFirst()} let the
 * simulator act on the request (e.g. place the order) before spoiling the answer — "commit then
 * drop"; the others spoil the answer before anything happens.
 *
 * @param kind what goes wrong
 * @param status HTTP status for {@link Kind#STATUS} and {@link Kind#INSUFFICIENT_FUNDS}, bytes for
 *     {@link Kind#OVERSIZED_BODY}, what is left out for {@link Kind#INCOMPLETE_ANSWER}
 * @param delay how long to wait for {@link Kind#DELAY} and {@link Kind#COMMIT_LATER}, or the
 *     {@code Retry-After} for {@link Kind#STATUS}
 * @param body the body for {@link Kind#STATUS}, the SKU left out for {@link Kind#INCOMPLETE_ANSWER},
 *     the delay on the simulator's clock (ISO-8601) for {@link Kind#COMMIT_LATER}
 */
public record SimFault(Kind kind, int status, Duration delay, String body) {

    /** The kinds of fault. */
    public enum Kind {
        /** Act, then answer normally after a delay (longer than a read timeout means the caller times out). */
        DELAY,
        /** Reset the connection before acting. */
        CONNECTION_RESET,
        /** Close the connection without an answer, before acting. */
        EMPTY_RESPONSE,
        /** Answer 200 with a body that is not JSON, before acting. */
        MALFORMED_BODY,
        /** Answer 200 with JSON cut off midway, before acting. */
        TRUNCATED_BODY,
        /** Answer with a status (and optional Retry-After and body), before acting. */
        STATUS,
        /** Act (commit), then reset the connection: the caller cannot know it took effect. */
        COMMIT_THEN_DROP,
        /** Act, then answer with every match of {@code body} (a regex) in the answer replaced by {@code replacement}. */
        REWRITE,
        /** Answer 200 with a JSON body of {@code status} bytes, before acting. */
        OVERSIZED_BODY,
        /**
         * Hold the request {@code delay} (real time) without answering, then act (commit) and reset
         * the connection: the order appears only after the caller has timed out.
         */
        COMMIT_LATER,
        /** Refuse for lack of funds, in the provider's own error shape, before acting. */
        INSUFFICIENT_FUNDS,
        /**
         * Act, then leave parts out of this one answer: quantity fields (bit 1 of {@code status})
         * and/or every entry of one SKU, codes included (bit 2; {@code body} names the SKU, null for
         * the order's last one). The state stays whole, so a later answer is complete.
         */
        INCOMPLETE_ANSWER
    }

    private static final int OMIT_QUANTITIES = 1;
    private static final int DROP_SKU = 2;

    /**
     * Validates.
     *
     * @param kind what goes wrong
     * @param status HTTP status for {@link Kind#STATUS} and {@link Kind#INSUFFICIENT_FUNDS}, bytes
     *     for {@link Kind#OVERSIZED_BODY}, what is left out for {@link Kind#INCOMPLETE_ANSWER} (bit
     *     1 quantities, bit 2 one SKU); unused otherwise
     * @param delay how long to wait for {@link Kind#DELAY} and {@link Kind#COMMIT_LATER}, or the
     *     {@code Retry-After} for {@link Kind#STATUS}; not null ({@link Duration#ZERO} when unused)
     * @param body the body for {@link Kind#STATUS}, the SKU left out for
     *     {@link Kind#INCOMPLETE_ANSWER}, the delay on the simulator's clock (ISO-8601) for
     *     {@link Kind#COMMIT_LATER}; may be null
     */
    public SimFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
    }

    /**
     * Acts, then answers with every value of a JSON field named {@code status} or {@code state}
     * replaced by {@code value}: an enum value the client has never seen.
     *
     * @param value the enum value to put in place of every status or state the answer carries, e.g.
     *     {@code "ON_HOLD"}; inserted into the JSON string as it is
     * @return a {@link Kind#REWRITE} fault that lets the request take effect first
     */
    public static SimFault unknownEnumValue(String value) {
        return new SimFault(Kind.REWRITE, 0, Duration.ZERO,
                "(\"(?:status|state|orderState|job_status)\"\\s*:\\s*)\"[^\"]*\"\u0000$1\"" + value + "\"");
    }

    /**
     * {@return 200 with a well-formed JSON body of about {@code bytes} bytes}
     *
     * @param bytes the body's approximate size in bytes; above the client's answer limit to test
     *     that limit
     */
    public static SimFault oversizedBody(int bytes) {
        return new SimFault(Kind.OVERSIZED_BODY, bytes, Duration.ZERO, null);
    }

    /**
     * For {@link Kind#REWRITE}: {@code text} with the rewrite applied.
     *
     * @param text the answer's body, possibly null (answered as it is)
     * @return {@code text} rewritten, or {@code text} itself for a fault of another kind
     */
    public String rewrite(String text) {
        if (kind != Kind.REWRITE || text == null) {
            return text;
        }
        String[] parts = body.split("\u0000", 2);
        return text.replaceAll(parts[0], parts[1]);
    }

    /**
     * {@return normally after {@code delay}}
     *
     * @param delay how long to hold the answer after acting, not null; longer than the client's
     *     read timeout makes the client time out on a request that took effect
     */
    public static SimFault delay(Duration delay) {
        return new SimFault(Kind.DELAY, 200, delay, null);
    }

    /**
     * Resets the connection.
     *
     * @return a fault that resets the connection before the request takes effect
     */
    public static SimFault connectionReset() {
        return new SimFault(Kind.CONNECTION_RESET, 0, Duration.ZERO, null);
    }

    /**
     * Closes the connection without an answer.
     *
     * @return a fault that closes the connection without an answer, before the request takes effect
     */
    public static SimFault emptyResponse() {
        return new SimFault(Kind.EMPTY_RESPONSE, 0, Duration.ZERO, null);
    }

    /** {@return 200 with a body that is not JSON} */
    public static SimFault malformedBody() {
        return new SimFault(Kind.MALFORMED_BODY, 200, Duration.ZERO, "{this is not json");
    }

    /** {@return 200 with JSON cut off midway} */
    public static SimFault truncatedBody() {
        return new SimFault(Kind.TRUNCATED_BODY, 200, Duration.ZERO, "{\"requestId\": \"r\", \"data\": {\"items\": [");
    }

    /**
     * {@return {@code status} with a plain JSON error body}
     *
     * @param status the HTTP status to answer, e.g. 500 or 409
     */
    public static SimFault status(int status) {
        return new SimFault(Kind.STATUS, status, Duration.ZERO, null);
    }

    /**
     * {@return 429 with {@code Retry-After: seconds}}
     *
     * @param retryAfterSeconds the {@code Retry-After} value in seconds, 0 or more
     */
    public static SimFault tooManyRequests(int retryAfterSeconds) {
        return new SimFault(Kind.STATUS, 429, Duration.ofSeconds(retryAfterSeconds), null);
    }

    /**
     * {@return 503 with {@code Retry-After: seconds}}
     *
     * @param retryAfterSeconds the {@code Retry-After} value in seconds, 0 or more
     */
    public static SimFault unavailable(int retryAfterSeconds) {
        return new SimFault(Kind.STATUS, 503, Duration.ofSeconds(retryAfterSeconds), null);
    }

    /** {@return 502 with an HTML error page, as a proxy would} */
    public static SimFault badGatewayHtml() {
        return new SimFault(Kind.STATUS, 502, Duration.ZERO,
                "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>");
    }

    /**
     * Commits, then resets the connection.
     *
     * @return a fault that lets the request take effect, then resets the connection: the client
     *     cannot know the outcome
     */
    public static SimFault commitThenDrop() {
        return new SimFault(Kind.COMMIT_THEN_DROP, 0, Duration.ZERO, null);
    }

    /**
     * {@return nothing: holds the request {@code realDelay} (real time, as a client's read timeout
     * is), then commits it as if it had just arrived (duplicate checks, funds and state as they are
     * then) and resets the connection} {@link Simulator#awaitLateCommits} waits for such commits.
     *
     * @param realDelay how long to hold the request in real time before committing it, not negative
     */
    public static SimFault commitLater(Duration realDelay) {
        if (Objects.requireNonNull(realDelay, "realDelay").isNegative()) {
            throw new IllegalArgumentException("realDelay must not be negative: " + realDelay);
        }
        return new SimFault(Kind.COMMIT_LATER, 0, realDelay, null);
    }

    /**
     * Like {@link #commitLater(Duration)}, but the commit comes sooner when the simulator's clock
     * has moved {@code clockDelay} past the request's arrival: it is made just before the first
     * request the simulator receives after that (so that request already sees it). For tests that
     * wait in virtual time; the real delay stays the latest moment of the commit.
     *
     * @param realDelay the latest moment of the commit, in real time, not negative
     * @param clockDelay how far the simulator's clock must move past the request's arrival for the
     *     commit to come sooner, not negative
     * @return a {@link Kind#COMMIT_LATER} fault carrying both delays
     */
    public static SimFault commitLater(Duration realDelay, Duration clockDelay) {
        if (Objects.requireNonNull(clockDelay, "clockDelay").isNegative()) {
            throw new IllegalArgumentException("clockDelay must not be negative: " + clockDelay);
        }
        SimFault real = commitLater(realDelay);
        return new SimFault(Kind.COMMIT_LATER, 0, real.delay(), clockDelay.toString());
    }

    /**
     * For {@link Kind#COMMIT_LATER}: the delay on the simulator's clock after which it commits at the next request, if any.
     *
     * @return the clock delay of a {@link Kind#COMMIT_LATER} fault made with one; empty otherwise
     */
    public Optional<Duration> commitClockDelay() {
        return kind == Kind.COMMIT_LATER && body != null ? Optional.of(Duration.parse(body)) : Optional.empty();
    }

    /**
     * Refuses for lack of funds as the provider does (EZ: 400 {@code INSUFFICIENT_FUNDS}; GiftHub: 400 "Insufficient funds").
     *
     * @return a fault refusing the request in the provider's own insufficient-funds shape, before
     *     acting
     */
    public static SimFault insufficientFunds() {
        return new SimFault(Kind.INSUFFICIENT_FUNDS, 400, Duration.ZERO, null);
    }

    /**
     * Acts, then answers without any {@code quantity} field (this answer only).
     *
     * @return a fault leaving every {@code quantity} field out of this one answer, after acting
     */
    public static SimFault omitQuantities() {
        return new SimFault(Kind.INCOMPLETE_ANSWER, OMIT_QUANTITIES, Duration.ZERO, null);
    }

    /**
     * Acts, then answers without any entry of the order's last SKU, codes included (this answer only).
     *
     * @return a fault leaving the order's last SKU out of this one answer, after acting
     */
    public static SimFault dropOneSku() {
        return new SimFault(Kind.INCOMPLETE_ANSWER, DROP_SKU, Duration.ZERO, null);
    }

    /**
     * Acts, then answers without any entry of {@code sku}, codes included (this answer only).
     *
     * @param sku the SKU whose entries to leave out, as the simulator's catalog names it; not null
     * @return a fault leaving {@code sku} out of this one answer, after acting
     */
    public static SimFault dropSku(String sku) {
        return new SimFault(Kind.INCOMPLETE_ANSWER, DROP_SKU, Duration.ZERO, Objects.requireNonNull(sku, "sku"));
    }

    /**
     * Acts, then answers without quantity fields and without the order's last SKU (this answer only).
     *
     * @return a fault leaving quantity fields and the order's last SKU out of this one answer,
     *     after acting
     */
    public static SimFault omitQuantitiesAndDropOneSku() {
        return new SimFault(Kind.INCOMPLETE_ANSWER, OMIT_QUANTITIES | DROP_SKU, Duration.ZERO, null);
    }

    /**
     * For {@link Kind#INCOMPLETE_ANSWER}: whether quantity fields are left out.
     *
     * @return whether this fault leaves quantity fields out
     */
    public boolean omitsQuantities() {
        return kind == Kind.INCOMPLETE_ANSWER && (status & OMIT_QUANTITIES) != 0;
    }

    /**
     * For {@link Kind#INCOMPLETE_ANSWER}: whether one SKU's entries are left out.
     *
     * @return whether this fault leaves one SKU's entries out
     */
    public boolean dropsSku() {
        return kind == Kind.INCOMPLETE_ANSWER && (status & DROP_SKU) != 0;
    }

    /**
     * For {@link Kind#INCOMPLETE_ANSWER}: the SKU left out, or null for the order's last one.
     *
     * @return the SKU left out, or null for the order's last one (or for a fault of another kind)
     */
    public String droppedSku() {
        return dropsSku() ? body : null;
    }

    /**
     * {@return whether the simulator acts on the request before the fault spoils the answer (for {@link Kind#COMMIT_LATER}: after a delay)}
     */
    public boolean commitsFirst() {
        return kind == Kind.DELAY || kind == Kind.COMMIT_THEN_DROP || kind == Kind.REWRITE
                || kind == Kind.COMMIT_LATER || kind == Kind.INCOMPLETE_ANSWER;
    }
}
