package io.voucherport.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Argument checks shared by the value objects. Every message names the field and says what is
 * wrong with the value, without repeating the value when it might be a secret.
 */
public final class Require {

    /** Longest text any identifier, SKU or reference may have; longer input is refused as hostile. */
    public static final int MAX_TEXT_LENGTH = 256;

    /**
     * Most significant digits a decimal may have (see {@link #decimal}): far more than any amount
     * of money, exchange rate, step or percentage needs (a {@code decimal128} holds 34).
     */
    public static final int MAX_DECIMAL_DIGITS = 100;

    /**
     * Largest scale a decimal may have, either way (see {@link #decimal}): at most 100 decimal
     * places, and no more than 100 zeros implied by an exponent ({@code 1E+100}). No real amount,
     * rate or quantity comes near; beyond it, printing or arithmetic would cost CPU and memory in
     * proportion to the exponent ({@code 1E-999999999} printed in full is a billion characters).
     */
    public static final int MAX_DECIMAL_SCALE = 100;

    private Require() {
    }

    /**
     * {@return {@code value}, or throws {@link NullPointerException} naming {@code field}}
     *
     * @param <T> the type of the checked value
     * @param value the argument to check; may be null (then it throws)
     * @param field the field's name, used in the failure message
     */
    public static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required but was null");
    }

    /**
     * {@return {@code value} when it is non-blank, at most {@link #MAX_TEXT_LENGTH} characters and
     * free of control characters; throws otherwise}
     *
     * @param value the text to check, possibly null or hostile; never echoed in the message
     * @param field the field's name, used in the failure message
     */
    public static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    field + " must be at most " + MAX_TEXT_LENGTH + " characters but has " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {   // a plain loop: this check runs on every value read
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
        return value;
    }

    /**
     * {@return {@code value} when it is {@link #text valid text} and safe to place in a URL path
     * segment: no slash or backslash, no {@code %} (an id is never pre-encoded, so an encoded
     * {@code /} or {@code ..} cannot be smuggled past the encoder, which passes {@code %XX} on as it
     * is), and not a {@code .} or {@code ..} segment} Characters the encoder escapes ({@code ?},
     * {@code #}, blanks, {@code &}) are accepted; adapters URL-encode the value.
     *
     * @param value the id to check before it goes into a URL path, possibly null or hostile
     * @param field the field's name, used in the failure message
     */
    public static String identifier(String value, String field) {
        text(value, field);
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(field + " must not contain '/' or '\\'");
        }
        if (value.indexOf('%') >= 0) {
            throw new IllegalArgumentException(field + " must not contain '%': an id goes into URL paths as it is,"
                    + " and a percent sign could carry an encoded '/' or '..'");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(field + " must not be '.' or '..'");
        }
        return value;
    }

    /**
     * {@return {@code value} when it is {@link #text valid text} with no slash or backslash and is
     * not {@code .} or {@code ..}: a key that travels in query strings and bodies, never in a URL
     * path (a SKU)} Unlike {@link #identifier} it may hold {@code %}; use {@link #identifier} for
     * anything that goes into a path.
     *
     * @param value the key to check before it goes into a query string or body, possibly null or
     *     hostile
     * @param field the field's name, used in the failure message
     */
    public static String key(String value, String field) {
        text(value, field);
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(field + " must not contain '/' or '\\'");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(field + " must not be '.' or '..'");
        }
        return value;
    }

    /**
     * {@return {@code value} when it has at most {@link #MAX_DECIMAL_DIGITS} significant digits and
     * a scale of at most {@link #MAX_DECIMAL_SCALE} either way; throws otherwise, without printing
     * the value} Checked before any arithmetic on, or printing of, a decimal from outside.
     *
     * @param value the decimal from outside to check before any arithmetic or printing, possibly
     *     null
     * @param field the field's name, used in the failure message
     */
    public static BigDecimal decimal(BigDecimal value, String field) {
        present(value, field);
        if (Math.abs((long) value.scale()) > MAX_DECIMAL_SCALE || value.precision() > MAX_DECIMAL_DIGITS) {
            throw new IllegalArgumentException(field + " must have at most " + MAX_DECIMAL_DIGITS
                    + " digits and a scale of at most " + MAX_DECIMAL_SCALE + " either way, but has "
                    + value.precision() + " digits and scale " + value.scale());
        }
        return value;
    }

    /**
     * {@return {@code value} when it is at least 1; throws otherwise}
     *
     * @param value the number to check
     * @param field the field's name, used in the failure message
     */
    public static int positive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1 but was " + value);
        }
        return value;
    }

    /**
     * {@return {@code value} when it is 0 or more; throws otherwise}
     *
     * @param value the number to check
     * @param field the field's name, used in the failure message
     */
    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative but was " + value);
        }
        return value;
    }
}
