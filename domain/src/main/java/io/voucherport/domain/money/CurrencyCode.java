package io.voucherport.domain.money;

import io.voucherport.domain.Require;
import java.util.Currency;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A three-letter currency code. ISO-4217 codes are accepted, and so are codes seen in practice that
 * ISO does not list, such as GiftHub's {@code IRT} (Iranian toman), which
 * {@link java.util.Currency} cannot represent.
 *
 * @param code three upper-case letters, e.g. {@code USD}
 */
public record CurrencyCode(String code) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{3}");

    /** Minor-unit digits of codes that are not ISO-4217 or where practice differs from ISO. */
    private static final Map<String, Integer> NON_ISO_FRACTION_DIGITS = Map.of("IRT", 0);

    /**
     * Validates the code: exactly three upper-case ASCII letters.
     *
     * @param code three upper-case letters, e.g. {@code USD}
     */
    public CurrencyCode {
        Require.present(code, "currency code");
        if (!SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "currency code must be three upper-case letters (like USD) but was '" + shorten(code) + "'");
        }
    }

    /**
     * Parses a currency code.
     *
     * @param code three upper-case letters, e.g. {@code USD}
     * @return the code wrapping {@code code}, unchanged; throws {@link IllegalArgumentException}
     *     unless it is three upper-case ASCII letters
     */
    public static CurrencyCode of(String code) {
        return new CurrencyCode(code);
    }

    /**
     * Digits after the decimal point an amount in this currency is rounded to: ISO's default
     * fraction digits, 0 for {@code IRT}, and 2 for codes nobody lists.
     *
     * @return the number of minor-unit digits, 0 or more (2 for a code neither ISO nor this library
     *     lists)
     */
    public int fractionDigits() {
        Integer nonIso = NON_ISO_FRACTION_DIGITS.get(code);
        if (nonIso != null) {
            return nonIso;
        }
        try {
            int iso = Currency.getInstance(code).getDefaultFractionDigits();
            return iso < 0 ? 2 : iso;
        } catch (IllegalArgumentException notIso) {
            return 2;
        }
    }

    @Override
    public String toString() {
        return code;
    }

    private static String shorten(String text) {
        return text.length() <= 12 ? text : text.substring(0, 12) + "…";
    }
}
