package io.voucherport.adapter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Feign's error decoder for every adapter: reads at most {@link #MAX_ERROR_BODY} bytes of an error
 * answer, lets the provider's {@link BodyParser} read its error shape, takes the request id from
 * the body or from the given headers and {@code Retry-After} from its header (seconds or an HTTP
 * date), and throws a {@link ProviderProblemException}.
 */
public final class ProblemDecoder implements ErrorDecoder {

    /** Largest error body read; the rest is ignored. */
    public static final int MAX_ERROR_BODY = 64 * 1024;

    /** What a provider's error body says. */
    public record ParsedBody(Option<String> requestId, Option<String> code, List<String> messages) {
        /** Nothing could be read. */
        public static final ParsedBody EMPTY = new ParsedBody(Option.none(), Option.none(), List.of());
    }

    /** Reads a provider's error body; must not throw (answer {@link ParsedBody#EMPTY} instead). */
    @FunctionalInterface
    public interface BodyParser {
        /**
         * {@return the error body's contents}
         *
         * @param body the error answer's first bytes (at most the error body limit), not null,
         *     possibly not JSON
         */
        ParsedBody parse(byte[] body);
    }

    /**
     * {@return a parser for error bodies that are JSON objects: {@code read} gets the object; a body that is
     * not a JSON object, or that {@code read} fails on, is {@link ParsedBody#EMPTY}}
     *
     * @param json the mapper to read the body with, not null
     * @param read reads the provider's fields from the body's JSON object, not null; may throw,
     *     which counts as an unreadable body
     */
    public static BodyParser jsonObject(ObjectMapper json, Function<JsonNode, ParsedBody> read) {
        Require.present(json, "json");
        Require.present(read, "read");
        return body -> {
            try {
                JsonNode root = json.readTree(body);
                return root != null && root.isObject() ? read.apply(root) : ParsedBody.EMPTY;
            } catch (IOException | RuntimeException notJson) {
                return ParsedBody.EMPTY;
            }
        };
    }

    /**
     * {@return the non-blank text of a string, number or boolean node; none for anything else}
     *
     * @param node a JSON node, possibly null or missing
     */
    public static Option<String> text(JsonNode node) {
        return Option.of(node).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(t -> !t.isBlank());
    }

    private final BodyParser parser;
    private final List<String> requestIdHeaders;

    /**
     * A decoder using {@code parser} and taking request ids also from {@code requestIdHeaders}.
     *
     * @param parser reads the provider's error body, not null
     * @param requestIdHeaders headers to take the request id from when the body carries none, in
     *     order of preference, not null
     */
    public ProblemDecoder(BodyParser parser, List<String> requestIdHeaders) {
        this.parser = Require.present(parser, "parser");
        this.requestIdHeaders = List.copyOf(requestIdHeaders);
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        ParsedBody body = ParsedBody.EMPTY;
        byte[] bytes = readBody(response);
        if (bytes.length > 0) {
            try {
                body = parser.parse(bytes);
            } catch (RuntimeException unreadable) {
                body = ParsedBody.EMPTY;
            }
        }
        Option<String> requestId = body.requestId().orElse(() -> header(response.headers(), requestIdHeaders));
        return new ProviderProblemException(new HttpProblem(response.status(), requestId, body.code(),
                body.messages(), retryAfter(response.headers())));
    }

    private static byte[] readBody(Response response) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * {@return the first non-blank value of the first of {@code names} present (names compared case-insensitively)}
     *
     * @param headers the answer's headers as Feign gives them, not null
     * @param names header names to try, in order of preference, not null
     */
    public static Option<String> header(Map<String, Collection<String>> headers, List<String> names) {
        for (Map.Entry<String, Collection<String>> h : headers.entrySet()) {
            for (String name : names) {
                if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return Option.of(h.getValue().iterator().next()).filter(v -> !v.isBlank());
                }
            }
        }
        return Option.none();
    }

    /** Parses {@code Retry-After} as delay-seconds or an HTTP date; none when absent or unreadable. */
    static Option<Duration> retryAfter(Map<String, Collection<String>> headers) {
        return header(headers, List.of("Retry-After")).flatMap(value -> {
            String v = value.strip();
            try {
                long seconds = Long.parseLong(v);
                return seconds >= 0 ? Option.some(Duration.ofSeconds(seconds)) : Option.none();
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Option.some(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notDate) {
                    return Option.none();
                }
            }
        });
    }

    /**
     * {@return the body as UTF-8 text, for parsers}
     *
     * @param body the error answer's bytes, not null
     */
    public static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
