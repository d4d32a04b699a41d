package io.voucherport.domain.discount;

import io.voucherport.domain.Require;

/**
 * A discount code to create, or the new text of one to update.
 *
 * @param code the text a shopper types: 1 to {@value #MAX_LENGTH} characters, no whitespace
 */
public record NewDiscountCode(String code) {

    /** Longest code accepted. */
    public static final int MAX_LENGTH = 64;

    /**
     * Validates.
     *
     * @param code the text a shopper types: 1 to {@value #MAX_LENGTH} characters, no whitespace
     */
    public NewDiscountCode {
        Require.text(code, "discount code");
        if (code.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "discount code must be at most " + MAX_LENGTH + " characters but has " + code.length());
        }
        if (code.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("discount code must not contain whitespace");
        }
    }
}
