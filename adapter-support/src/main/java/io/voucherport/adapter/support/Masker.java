package io.voucherport.adapter.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text about to be logged or put in a message: the values of sensitive headers,
 * the values of sensitive JSON fields (strings, numbers and arrays of strings) and form fields
 * ({@code client_secret=…}), and any configured
 * secret value wherever it appears. Masking replaces, it does not drop: the reader still sees that
 * a value was there.
 */
public final class Masker {

    /** What a masked value is replaced with. */
    public static final String MASK = "****";

    /** Header names masked by every adapter (case-insensitive). */
    public static final Set<String> COMMON_HEADERS = Set.of(
            "authorization", "x-api-key", "client-secret", "client-id", "access-token", "cookie", "set-cookie");

    /** JSON field names masked by every adapter (case-insensitive). */
    public static final Set<String> COMMON_FIELDS = Set.of(
            "access_token", "refresh_token", "client_secret", "password", "token", "api_key", "apikey");

    private final Pattern headers;
    private final Pattern fields;
    private final Pattern formFields;
    private final List<String> literals;

    private Masker(Collection<String> headerNames, Collection<String> fieldNames, Collection<String> secretValues) {
        this.headers = Pattern.compile("(?im)^((?:\\[[^\\]\\r\\n]*\\]\\s*)?(?:" + alternation(headerNames)
                + ")\\s*:\\s*)(.+)$");
        this.fields = Pattern.compile("(?i)(\"(?:" + alternation(fieldNames) + ")\"\\s*:\\s*)"
                + "(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|\\[[^\\]]*\\])");
        this.formFields = Pattern.compile("(?i)((?:^|[&\\s\\]])(?:" + alternation(fieldNames) + ")=)([^&\\s]+)");
        List<String> values = new ArrayList<>();
        for (String v : secretValues) {
            if (v != null && v.length() >= 4) {
                values.add(v);
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.literals = List.copyOf(values);
    }

    /**
     * A masker for the common headers and fields plus {@code extraFields} (a provider's own
     * sensitive fields, e.g. {@code redeemCode}) and the configured {@code secretValues} (API keys,
     * tokens) wherever they appear. A provider's secret header must be one of {@link #COMMON_HEADERS}.
     */
    public static Masker of(Collection<String> extraFields, Collection<String> secretValues) {
        List<String> h = new ArrayList<>(COMMON_HEADERS);
        List<String> f = new ArrayList<>(COMMON_FIELDS);
        f.addAll(extraFields);
        return new Masker(h, f, secretValues);
    }

    /** {@code text} with every secret replaced by {@link #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = headers.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        result = fields.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        result = formFields.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        for (String secret : literals) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    private static String alternation(Collection<String> names) {
        return String.join("|", names.stream().map(n -> Pattern.quote(n.toLowerCase(Locale.ROOT))).toList());
    }
}
