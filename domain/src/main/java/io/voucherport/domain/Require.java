package io.voucherport.domain;

import java.util.Objects;

/**
 * Argument checks shared by the value objects. Every message names the field and says what is
 * wrong with the value, without repeating the value when it might be a secret.
 */
public final class Require {

    /** Longest text any identifier, SKU or reference may have; longer input is refused as hostile. */
    public static final int MAX_TEXT_LENGTH = 256;

    private Require() {
    }

    /** Returns {@code value}, or throws {@link NullPointerException} naming {@code field}. */
    public static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required but was null");
    }

    /**
     * Returns {@code value} when it is non-blank, at most {@link #MAX_TEXT_LENGTH} characters and
     * free of control characters; throws otherwise.
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
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return value;
    }

    /**
     * Returns {@code value} when it is {@link #text valid text} and safe to place in a URL path: no
     * slash or backslash and not a {@code .} or {@code ..} segment. Adapters still URL-encode it.
     */
    public static String identifier(String value, String field) {
        text(value, field);
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(field + " must not contain '/' or '\\'");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(field + " must not be '.' or '..'");
        }
        return value;
    }

    /** Returns {@code value} when it is at least 1; throws otherwise. */
    public static int positive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1 but was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is 0 or more; throws otherwise. */
    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative but was " + value);
        }
        return value;
    }
}
