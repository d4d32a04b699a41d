package io.voucherport.adapter.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks secrets in what is about to be logged or put in a message, replacing each with
 * {@link #MASK} (the reader still sees that a value was there):
 * <ul>
 * <li>headers by name ({@link #COMMON_HEADERS}, {@code Location} and any added);</li>
 * <li>sensitive fields by name ({@link #COMMON_FIELDS} and the provider's own): in a JSON body the
 * whole value — string, number, array or object — and in a form or query the value;</li>
 * <li>in a JSON body, every string holding a link ({@code ://} anywhere in it), whatever its field;</li>
 * <li>every configured secret value (a key, a token, a client id) wherever it appears.</li>
 * </ul>
 * Field and header names match ignoring case, {@code _} and {@code -}: {@code access_token},
 * {@code accessToken} and {@code Access-Token} are one name.
 *
 * <p>Bodies go through {@link #body}: JSON is re-emitted token by token by Jackson's streaming
 * parser and generator (iterative, no regular expression, nesting bounded), a form field by field.
 * It <b>fails closed</b>: a body that is not a readable JSON object or array, or form, comes back
 * as its length and content type only. Free text ({@link #mask}) is scanned once, left to right,
 * without regular expressions, so a value of any length costs time in proportion to it and no
 * stack. Thread-safe and immutable; no method throws for any input.
 */
public final class Masker {

    /** What a masked value is replaced with. */
    public static final String MASK = "****";

    /** Header names masked by every adapter (case-insensitive). */
    public static final Set<String> COMMON_HEADERS = Set.of(
            "authorization", "proxy-authorization", "x-api-key", "api-key", "x-auth-token", "client-secret",
            "client-id", "access-token", "cookie", "set-cookie");

    /** Response headers that carry links (redirects), masked in logs besides {@link #COMMON_HEADERS}. */
    static final Set<String> LINK_HEADERS = Set.of("location", "content-location");

    /**
     * Field names masked by every adapter (matched ignoring case, {@code _} and {@code -}): tokens,
     * client secrets, passwords, keys and link-like fields.
     */
    public static final Set<String> COMMON_FIELDS = Set.of(
            "access_token", "refresh_token", "id_token", "client_secret", "password", "token", "jwt", "api_key",
            "apikey", "secret", "href", "url", "link", "redirect_url", "redirect_uri", "download_url",
            "presigned_url", "signed_url");

    /** Deepest JSON nesting a body may have to be logged; deeper is not logged. */
    static final int MAX_DEPTH = 200;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final Set<String> headers;
    private final Set<String> fields;
    private final List<String> patterns;
    private final List<String> literals;

    private Masker(Collection<String> headerNames, Collection<String> fieldNames, List<String> patterns,
            List<String> literals) {
        this.headers = normalised(headerNames);
        this.fields = normalised(fieldNames);
        this.patterns = patterns.stream().map(Masker::normalise).toList();
        this.literals = literals;
    }

    /**
     * {@return a masker for the common headers and fields plus {@code extraFields} (a provider's own
     * sensitive fields, e.g. {@code redeemCode}) and the configured {@code secretValues} (API keys,
     * tokens) wherever they appear; values shorter than 4 characters are ignored as too likely to
     * match by chance}
     *
     * @param extraFields names of the provider's own sensitive fields (matched ignoring case,
     *     {@code _} and {@code -}), not null
     * @param secretValues the secret values themselves (revealed only to build the masker, never
     *     kept elsewhere), not null; null entries are skipped
     */
    public static Masker of(Collection<String> extraFields, Collection<String> secretValues) {
        List<String> h = new ArrayList<>(COMMON_HEADERS);
        h.addAll(LINK_HEADERS);
        List<String> f = new ArrayList<>(COMMON_FIELDS);
        f.addAll(extraFields);
        List<String> values = new ArrayList<>();
        for (String v : secretValues) {
            if (v != null && v.length() >= 4) {
                values.add(v);
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new Masker(h, f, List.of(), List.copyOf(values));
    }

    /**
     * {@return this masker also masking the headers {@code names} (e.g. a provider's static secret headers)}
     *
     * @param names header names to mask (ignoring case), not null
     */
    public Masker withHeaders(Collection<String> names) {
        List<String> h = new ArrayList<>(headers);
        h.addAll(names);
        return new Masker(h, fields, patterns, literals);
    }

    /**
     * {@return this masker also masking the whole value of every field whose name matches one of
     * {@code namePatterns} (ignoring case, {@code _} and {@code -}; a leading or trailing {@code *}
     * is a wildcard): a provider's secret subtrees and containers, masked whole in logs}
     *
     * @param namePatterns field name patterns, e.g. {@code "redeem*"}, not null
     */
    public Masker withFieldPatterns(Collection<String> namePatterns) {
        List<String> all = new ArrayList<>(patterns);
        all.addAll(namePatterns);
        return new Masker(headers, fields, all, literals);
    }

    /** Whether the normalised {@code name} matches the normalised {@code pattern} ({@code *} at either end a wildcard). */
    static boolean matches(String pattern, String name) {
        boolean head = pattern.startsWith("*");
        boolean tail = pattern.endsWith("*") && pattern.length() > 1;
        String core = pattern.substring(head ? 1 : 0, pattern.length() - (tail ? 1 : 0));
        return head && tail ? name.contains(core) : head ? name.endsWith(core) : tail ? name.startsWith(core)
                : name.equals(core);
    }

    /**
     * {@return whether header {@code name} is masked}
     *
     * @param name a header name in any case; null is never sensitive
     */
    public boolean sensitiveHeader(String name) {
        return name != null && headers.contains(normalise(name));
    }

    /**
     * {@return whether field {@code name} (JSON, form or query) is masked}
     *
     * @param name a field name in any case, {@code _} and {@code -} ignored; null is never
     *     sensitive
     */
    public boolean sensitiveField(String name) {
        if (name == null) {
            return false;
        }
        String n = normalise(name);
        if (fields.contains(n)) {
            return true;
        }
        for (String pattern : patterns) {
            if (matches(pattern, n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the value of header {@code name} as it may be logged}
     *
     * @param name the header's name; a sensitive one is masked whole
     * @param value the header's value as sent, possibly null; configured secret values in it are
     *     masked
     */
    public String header(String name, String value) {
        return sensitiveHeader(name) ? MASK : literals(value);
    }

    /**
     * {@code text} with every configured secret value replaced by {@link #MASK}.
     *
     * @param text any text, possibly null or empty (answered as it is)
     * @return {@code text} with each configured secret value (4 characters or more) replaced by
     *     {@link #MASK}
     */
    public String literals(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : literals) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * {@return a URL as it may be logged: its query masked as a form, secret values masked everywhere}
     *
     * @param url the URL as sent, possibly null (answered as null)
     */
    public String url(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return literals(url);
        }
        String query = form(url.substring(q + 1), StandardCharsets.UTF_8);
        return literals(url.substring(0, q + 1)) + (query != null ? query : MASK);
    }

    /**
     * {@code text} — a log line, a message, anything — with every secret replaced by {@link #MASK}:
     * header lines ({@code Name: value}, optionally after Feign's {@code [Api#method]}) of sensitive
     * headers, sensitive JSON fields (any value up to its end; an unterminated one to the end of the
     * text), sensitive form or query fields, and configured secret values. One pass per kind, no
     * regular expression.
     *
     * @param text any text, possibly null or empty (answered as it is)
     * @return {@code text} with every secret it can find masked; the structure around each secret
     *     kept for reading
     */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = headerLines(text);
        result = jsonFields(result);
        result = formPairs(result);
        return literals(result);
    }

    /**
     * {@return a body as it may be logged} A form ({@code application/x-www-form-urlencoded}) is masked field
     * by field; anything else must be a JSON object or array and is re-emitted token by token with
     * sensitive values and links masked. A body that is none of these, is nested deeper than
     * {@value #MAX_DEPTH}, or fails to parse anywhere is never shown: the answer is then
     * {@code <n bytes of type, not logged: reason>}.
     *
     * @param body the bytes; only the first {@code length} are read
     * @param length how many bytes the body has
     * @param charset its charset, or null when unknown (then JSON is read as Unicode, a form as UTF-8)
     * @param contentType its content type, or null
     */
    public String body(byte[] body, int length, Charset charset, String contentType) {
        try {
            if (isForm(contentType)) {
                String masked = form(new String(body, 0, length, charset != null ? charset : StandardCharsets.UTF_8),
                        charset != null ? charset : StandardCharsets.UTF_8);
                return masked != null ? masked : withheld(length, contentType, "not a readable form");
            }
            return json(body, length, charset, contentType);
        } catch (RuntimeException | StackOverflowError e) {
            return withheld(length, contentType, "could not be masked");
        }
    }

    /**
     * {@return the line logged instead of a body that is not shown}
     *
     * @param length the body's size in bytes
     * @param contentType the body's content type, or null; reduced to its media type
     * @param reason why the body is not shown, in words; never the body itself
     */
    public static String withheld(long length, String contentType, String reason) {
        return "<" + length + " bytes of " + mediaType(contentType) + ", not logged: " + reason + ">";
    }

    /** The media type of {@code contentType}, reduced to token characters, for a log line. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "unknown type";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < contentType.length() && out.length() < 80; i++) {
            char c = contentType.charAt(i);
            if (c == ';') {
                break;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&^_.+-/".indexOf(c) >= 0) {
                out.append(c);
            }
        }
        return out.length() == 0 ? "unknown type" : out.toString();
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("application/x-www-form-urlencoded");
    }

    private String json(byte[] body, int length, Charset charset, String contentType) {
        StringWriter out = new StringWriter(Math.min(length, 1 << 16) + 16);
        boolean unicode = charset == null || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF");
        try (JsonParser p = unicode ? JSON.createParser(body, 0, length)
                        : JSON.createParser(new String(body, 0, length, charset));
                JsonGenerator g = JSON.createGenerator(out)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return withheld(length, contentType, "not a JSON object or array");
            }
            boolean maskNext = false;
            int depth = 0;
            while (t != null) {
                if (maskNext && t != JsonToken.FIELD_NAME) {
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                    g.writeString(MASK);
                    maskNext = false;
                } else {
                    switch (t) {
                        case START_OBJECT -> {
                            g.writeStartObject();
                            depth++;
                        }
                        case START_ARRAY -> {
                            g.writeStartArray();
                            depth++;
                        }
                        case END_OBJECT -> {
                            g.writeEndObject();
                            depth--;
                        }
                        case END_ARRAY -> {
                            g.writeEndArray();
                            depth--;
                        }
                        case FIELD_NAME -> {
                            String name = p.currentName();
                            g.writeFieldName(literals(name));
                            maskNext = sensitiveField(name);
                        }
                        case VALUE_STRING -> g.writeString(value(p.getText()));
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(literals(p.getText()));
                        case VALUE_TRUE -> g.writeBoolean(true);
                        case VALUE_FALSE -> g.writeBoolean(false);
                        case VALUE_NULL -> g.writeNull();
                        default -> {
                            return withheld(length, contentType, "not readable JSON");
                        }
                    }
                }
                if (depth == 0) {
                    if (p.nextToken() != null) {
                        return withheld(length, contentType, "not readable JSON");
                    }
                    break;
                }
                t = p.nextToken();
            }
            if (depth != 0) {
                return withheld(length, contentType, "not readable JSON");
            }
            g.flush();
            return out.toString();
        } catch (StreamConstraintsException e) {
            return withheld(length, contentType, "beyond the JSON limits");
        } catch (IOException | RuntimeException e) {
            return withheld(length, contentType, "not readable JSON");
        }
    }

    /** A JSON string value as it may be logged: a link masked whole, secret values masked. */
    private String value(String text) {
        return isLink(text) ? MASK : literals(text);
    }

    /**
     * Whether {@code text} holds a link: {@code ://} anywhere in it (a URL of any scheme, alone or
     * inside instruction text or HTML), so the whole string is masked.
     */
    static boolean isLink(String text) {
        return text.contains("://");
    }

    /**
     * A form or query ({@code a=b&c=d}) with sensitive fields' values masked, and any value holding a
     * secret value (encoded or not) masked whole; null when it is not a readable form.
     */
    String form(String form, Charset charset) {
        try {
            return formFields(form, charset);
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
    }

    private String formFields(String form, Charset charset) {
        StringBuilder out = new StringBuilder(form.length());
        int start = 0;
        while (start <= form.length()) {
            int end = form.indexOf('&', start);
            if (end < 0) {
                end = form.length();
            }
            String pair = form.substring(start, end);
            for (int i = 0; i < pair.length(); i++) {
                char c = pair.charAt(i);
                if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                    return null;
                }
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = URLDecoder.decode(rawName, charset);
            if (eq < 0) {
                out.append(literals(rawName).equals(rawName) && literals(name).equals(name) ? rawName : MASK);
            } else {
                String rawValue = pair.substring(eq + 1);
                out.append(literals(rawName)).append('=');
                String value = URLDecoder.decode(rawValue, charset);
                boolean secretInside = !literals(rawValue).equals(rawValue) || !literals(value).equals(value);
                out.append(rawValue.isEmpty() ? "" : sensitiveField(name) || secretInside ? MASK : rawValue);
            }
            if (end < form.length()) {
                out.append('&');
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** Pass 1 of {@link #mask}: the value of every sensitive header line. */
    private String headerLines(String text) {
        StringBuilder out = null;
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = lineStart;
            while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int valueStart = sensitiveHeaderValue(text, lineStart, lineEnd);
            if (valueStart >= 0) {
                if (out == null) {
                    out = new StringBuilder(n);
                    out.append(text, 0, lineStart);
                }
                out.append(text, lineStart, valueStart).append(MASK);
            } else if (out != null) {
                out.append(text, lineStart, lineEnd);
            }
            int next = lineEnd;
            while (next < n && (text.charAt(next) == '\n' || text.charAt(next) == '\r')) {
                next++;
            }
            if (out != null) {
                out.append(text, lineEnd, next);
            }
            lineStart = next;
        }
        return out == null ? text : out.toString();
    }

    /** Where the value of a sensitive header line starts, or -1 when the line is none. */
    private int sensitiveHeaderValue(String text, int from, int to) {
        int i = from;
        if (i < to && text.charAt(i) == '[') {
            int close = text.indexOf(']', i);
            if (close < 0 || close >= to) {
                return -1;
            }
            i = close + 1;
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        int nameStart = i;
        while (i < to && text.charAt(i) != ':' && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == nameStart || !sensitiveHeader(text.substring(nameStart, i))) {
            return -1;
        }
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i >= to || text.charAt(i) != ':') {
            return -1;
        }
        i++;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < to ? i : -1;
    }

    /** Pass 2 of {@link #mask}: the value of every sensitive {@code "field": value}, whatever its shape. */
    private String jsonFields(String text) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        int i = text.indexOf('"');
        while (i >= 0 && i < n) {
            int close = stringEnd(text, i);
            if (close < 0) {
                break;                                  // unterminated: no JSON string follows
            }
            int j = close + 1;
            while (j < n && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j < n && text.charAt(j) == ':' && sensitiveField(text.substring(i + 1, close))) {
                j++;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                int valueEnd = valueEnd(text, j);
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, j).append('"').append(MASK).append('"');
                copied = valueEnd;
                i = valueEnd < n ? text.indexOf('"', valueEnd) : -1;
            } else {
                i = text.indexOf('"', close + 1);
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /** The index of the quote closing the string opened at {@code open}, or -1. */
    private static int stringEnd(String text, int open) {
        int n = text.length();
        for (int i = open + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the JSON value starting at {@code start} ends (exclusive): a string, a balanced array or
     * object (counted, not recursed), or anything else up to a delimiter; the end of the text when
     * unterminated.
     */
    private static int valueEnd(String text, int start) {
        int n = text.length();
        if (start >= n) {
            return n;
        }
        char first = text.charAt(start);
        if (first == '"') {
            int close = stringEnd(text, start);
            return close < 0 ? n : close + 1;
        }
        if (first == '[' || first == '{') {
            int depth = 0;
            for (int i = start; i < n; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    int close = stringEnd(text, i);
                    if (close < 0) {
                        return n;
                    }
                    i = close;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            }
            return n;
        }
        int i = start;
        while (i < n && ",}]\r\n".indexOf(text.charAt(i)) < 0 && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Pass 3 of {@link #mask}: the value of every sensitive {@code name=value} after a start, {@code &}, {@code ?}, {@code ]} or blank. */
    private String formPairs(String text) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            boolean start = i == 0 || "&?]".indexOf(text.charAt(i - 1)) >= 0 || Character.isWhitespace(text.charAt(i - 1));
            if (!start) {
                i++;
                continue;
            }
            int nameEnd = i;
            while (nameEnd < n && "=&?]".indexOf(text.charAt(nameEnd)) < 0
                    && !Character.isWhitespace(text.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd < n && nameEnd > i && text.charAt(nameEnd) == '=' && sensitiveField(text.substring(i, nameEnd))) {
                int valueEnd = nameEnd + 1;
                while (valueEnd < n && text.charAt(valueEnd) != '&' && !Character.isWhitespace(text.charAt(valueEnd))) {
                    valueEnd++;
                }
                if (valueEnd > nameEnd + 1) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(text, copied, nameEnd + 1).append(MASK);
                    copied = valueEnd;
                }
                i = valueEnd;
            } else {
                i = Math.max(nameEnd, i + 1);
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    private static Set<String> normalised(Collection<String> names) {
        Set<String> set = new HashSet<>();
        for (String name : names) {
            set.add(normalise(name));
        }
        return Set.copyOf(set);
    }

    /** A name lower-cased without {@code _} and {@code -}. */
    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
