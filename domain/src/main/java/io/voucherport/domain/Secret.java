package io.voucherport.domain;

/**
 * A value that must never be shown: a redeem code, a PIN, a serial number, a redeem link, an API
 * key or a token. {@link #toString()} prints a fixed mask, so neither logs nor assertion messages
 * built from {@code toString} reveal it; reading it is the explicit call {@link #reveal()}.
 *
 * <p>Equality compares the hidden values in constant time.
 */
public final class Secret {

    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a non-empty secret value.
     *
     * @param value the secret text, not null and not empty; kept exactly (no trimming)
     * @return a secret whose {@code toString} is a fixed mask; throws {@link NullPointerException}
     *     or {@link IllegalArgumentException} (naming no value) when {@code value} is null or empty
     */
    public static Secret of(String value) {
        Require.present(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new Secret(value);
    }

    /**
     * {@return the hidden value} Call only where the value is handed on to its rightful recipient.
     */
    public String reveal() {
        return value;
    }

    /**
     * {@return a display form that shows only the last four characters of values of twelve characters or
     * more, and nothing of shorter ones: {@code ****-K915}}
     */
    public String masked() {
        return value.length() >= 12 ? MASK + value.substring(value.length() - 4) : MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && constantTimeEquals(value, other.value);
    }

    /** Compares without stopping at the first difference, so timing tells nothing of the value. */
    private static boolean constantTimeEquals(String a, String b) {
        int difference = a.length() ^ b.length();
        for (int i = 0; i < a.length(); i++) {
            difference |= a.charAt(i) ^ b.charAt(i % Math.max(1, b.length()));
        }
        return difference == 0;
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always the same mask, whatever the value. */
    @Override
    public String toString() {
        return "Secret[" + MASK + "]";
    }
}
