package io.voucherport.application.promotion;

import io.voucherport.domain.Require;
import io.voucherport.domain.promotion.CodeText;
import java.util.random.RandomGenerator;

/**
 * What generated promotion codes look like: {@code prefix} followed by random characters of
 * {@code alphabet} up to {@code length} characters in all.
 *
 * @param alphabet the characters to draw from: at least 2, no whitespace, no repeats
 * @param length the whole code's length, prefix included
 * @param prefix the fixed start, possibly empty
 */
public record CodePattern(String alphabet, int length, String prefix) {

    /** Upper-case letters and digits without the look-alikes 0/O and 1/I. */
    public static final String UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /**
     * Validates: enough room for at least 4 random characters.
     *
     * @param alphabet the characters to draw from: at least 2, no whitespace, no repeats
     * @param length the whole code's length, prefix included
     * @param prefix the fixed start, possibly empty
     */
    public CodePattern {
        Require.present(alphabet, "alphabet");
        Require.present(prefix, "prefix");
        if (alphabet.length() < 2 || alphabet.chars().distinct().count() != alphabet.length()
                || alphabet.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("alphabet must hold at least 2 distinct non-blank characters");
        }
        if (prefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("prefix must not contain whitespace");
        }
        if (length - prefix.length() < 4 || length > CodeText.MAX_LENGTH) {
            throw new IllegalArgumentException("length must leave at least 4 random characters after the prefix and be"
                    + " at most " + CodeText.MAX_LENGTH + " but was " + length);
        }
    }

    /**
     * {@value #UNAMBIGUOUS} codes of {@code length} after {@code prefix}.
     *
     * @param prefix the fixed start, possibly empty
     * @param length the whole code's length, prefix included
     * @return the pattern; throws {@link IllegalArgumentException} when {@code length} leaves fewer
     *     than 4 random characters after the prefix or exceeds {@link CodeText#MAX_LENGTH}
     */
    public static CodePattern of(String prefix, int length) {
        return new CodePattern(UNAMBIGUOUS, length, prefix);
    }

    /**
     * {@return one code drawn with {@code random}}
     *
     * @param random the source of the drawn characters, not null; a seeded one makes the codes
     *     reproducible
     */
    public CodeText draw(RandomGenerator random) {
        StringBuilder code = new StringBuilder(length).append(prefix);
        while (code.length() < length) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return CodeText.of(code.toString());
    }
}
