package io.voucherport.domain.supply;

import io.voucherport.domain.Require;
import java.util.UUID;

/**
 * The caller's own reference for one purchase. It is the purchase's idempotency key: suppliers
 * receive it with the order (EZ's {@code clientOrderNumber}, GiftHub's {@code reference}), and
 * a purchase is looked up by it after any outcome-unknown failure. One reference is never bought
 * twice.
 *
 * @param value non-blank text of at most {@value #MAX_LENGTH} characters without control characters
 */
public record OrderReference(String value) {

    /** Longest reference accepted. */
    public static final int MAX_LENGTH = 64;

    /**
     * Validates the reference.
     *
     * @param value non-blank text of at most {@value #MAX_LENGTH} characters without control characters
     */
    public OrderReference {
        Require.text(value, "order reference");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "order reference must be at most " + MAX_LENGTH + " characters but has " + value.length());
        }
    }

    /**
     * Parses a reference.
     *
     * @param value non-blank text of at most {@value #MAX_LENGTH} characters without control characters
     * @return the reference wrapping {@code value} unchanged; throws
     *     {@link IllegalArgumentException} when it is blank, too long or holds control characters
     */
    public static OrderReference of(String value) {
        return new OrderReference(value);
    }

    /** {@return a new random reference, {@code vp-} followed by a UUID} */
    public static OrderReference generate() {
        return new OrderReference("vp-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
