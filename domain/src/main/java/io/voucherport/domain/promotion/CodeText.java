package io.voucherport.domain.promotion;

import io.voucherport.domain.Require;

/**
 * The text of a promotion code, as a shopper types it. Promotion codes are shared marketing
 * codes, not secrets; the text is the code's key at providers that give codes no id.
 *
 * @param value non-blank text without control characters, at most {@value #MAX_LENGTH} characters
 */
public record CodeText(String value) {

    /** Longest code accepted. */
    public static final int MAX_LENGTH = 128;

    /**
     * Validates the text.
     *
     * @param value non-blank text without control characters, at most {@value #MAX_LENGTH} characters
     */
    public CodeText {
        Require.text(value, "promotion code");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "promotion code must be at most " + MAX_LENGTH + " characters but has " + value.length());
        }
    }

    /**
     * Parses a code.
     *
     * @param value non-blank text without control characters, at most {@value #MAX_LENGTH} characters
     * @return the code wrapping {@code value}, unchanged (no trimming, no case folding); throws
     *     {@link IllegalArgumentException} when invalid
     */
    public static CodeText of(String value) {
        return new CodeText(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
