package io.voucherport.adapter.support;

import io.vavr.control.Either;
import io.voucherport.domain.Require;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Free text (a promotion code as a shopper types it) placed as one segment of a URL path, where
 * the text may legitimately hold characters an identifier may not ({@code /}, {@code %}, blanks).
 * The text is percent-encoded completely — every byte of its UTF-8 form outside RFC 3986's
 * unreserved characters, {@code %} and {@code /} included — so it stays one opaque segment and is
 * passed on by Feign as it is (Feign leaves {@code %XX} alone; declare the path with
 * {@code decodeSlash = false}). Text that is, or holds a segment that is, {@code .} or {@code ..}
 * — as written or once percent-decoded, any number of times ({@code %2E%2E}) — is refused: a
 * server or proxy that decodes before resolving dot segments would otherwise climb the path.
 * Stateless and thread-safe.
 */
public final class PathSegment {

    /** How many rounds of percent-decoding are checked for dot segments (each round shortens the text). */
    private static final int MAX_DECODING_ROUNDS = 8;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    /**
     * {@code text} encoded as one path segment, or (left) why it cannot be one; {@code what} names
     * the text in the reason. Check it before anything is sent.
     *
     * @param text the value to place in the path (an id from the caller or a provider), not null
     * @param what what the value is, e.g. {@code "order id"}, not blank; named in the reason, the
     *     value never is
     * @return the value with every byte but unreserved ASCII percent-encoded, or (left) why it
     *     cannot be a path segment: empty, or a {@code .} or {@code ..} part, encoded or not
     */
    public static Either<String, String> encode(String text, String what) {
        Require.present(text, "text");
        Require.text(what, "what");
        if (text.isEmpty()) {
            return Either.left(what + " must not be empty in a URL path");
        }
        String decoded = text;
        for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
            if (hasDotSegment(decoded)) {
                return Either.left(what + " must not be, or hold between slashes, '.' or '..' (encoded or not):"
                        + " it would change the URL path");
            }
            String next = decode(decoded);
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        StringBuilder encoded = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return Either.right(encoded.toString());
    }

    /** Whether {@code text}, split at {@code /} and {@code \}, has a {@code .} or {@code ..} part. */
    private static boolean hasDotSegment(String text) {
        for (String part : text.split("[/\\\\]", -1)) {
            if (part.equals(".") || part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} percent-decoded once as UTF-8; a {@code %} not followed by two hex digits stays as it is. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xFF), 16);
    }
}
