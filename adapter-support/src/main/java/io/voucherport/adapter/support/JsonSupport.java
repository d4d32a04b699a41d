package io.voucherport.adapter.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.voucherport.domain.Require;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The one JSON set-up every adapter uses: tolerant of what providers send, exact with numbers,
 * and bounded, so that no answer costs more CPU or memory than its size warrants.
 *
 * <p>Bounds (each refusal is a {@link MalformedAnswerException} or a Jackson read failure, which
 * the request path reports as {@code UnexpectedResponse}, or {@code OutcomeUnknown} after a call
 * that changes something):
 * <ul>
 *   <li>nesting at most {@value #MAX_NESTING_DEPTH} deep (real answers nest fewer than 10 levels;
 *       an answer nested 100,000 deep is refused at the 201st level);</li>
 *   <li>a string at most {@value #MAX_STRING_LENGTH} characters (the longest real value, a
 *       presigned export link or a JWT, is a few KiB);</li>
 *   <li>a number at most {@value #MAX_NUMBER_LENGTH} characters, a field name at most
 *       {@value #MAX_NAME_LENGTH};</li>
 *   <li>every {@link BigDecimal} — a typed field, a number sent as a string, a number in a tree —
 *       within {@link Require#decimal}: at most {@value Require#MAX_DECIMAL_DIGITS} digits and a
 *       scale of at most {@value Require#MAX_DECIMAL_SCALE} either way, checked as it is read,
 *       before any arithmetic or printing ({@code -1e999999999} is refused, not expanded).</li>
 * </ul>
 */
public final class JsonSupport {

    /** Deepest nesting of arrays and objects read. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** Longest string value read, in characters. */
    public static final int MAX_STRING_LENGTH = 256 * 1024;
    /** Longest number read, in characters. */
    public static final int MAX_NUMBER_LENGTH = 200;
    /** Longest field name read, in characters. */
    public static final int MAX_NAME_LENGTH = 1_000;

    private JsonSupport() {
    }

    /**
     * {@return a new mapper that ignores unknown fields, reads every JSON number with a fraction as a
     * {@code BigDecimal} (never a {@code double}) within the bounds above, accepts numbers as
     * strings and strings as numbers, reads a single value where a list is expected, omits absent
     * fields when writing, and never copies source text into its error messages (a malformed body
     * may hold a secret)}
     */
    public static ObjectMapper newObjectMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .nodeFactory(new BoundedNodeFactory())
                .addModule(new SimpleModule("voucherport-bounded-decimals")
                        .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer()))
                .build();
    }

    /**
     * {@link #newObjectMapper()} reading and writing {@code snake_case} names (Elastic Path, Shoplazza).
     *
     * @return a new mapper, as lenient and as bounded as {@link #newObjectMapper()}; each call
     *     makes its own
     */
    public static ObjectMapper newSnakeCaseMapper() {
        return newObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /**
     * {@code value} when it is within {@link Require#decimal} bounds (null stays null); otherwise a
     * {@link MalformedAnswerException} naming the bounds, never the number.
     *
     * @param value a number read from an answer, possibly null
     * @return {@code value} unchanged, or null for null
     */
    public static BigDecimal bounded(BigDecimal value) {
        if (value == null) {
            return null;
        }
        try {
            return Require.decimal(value, "a number in the answer");
        } catch (IllegalArgumentException absurd) {
            throw new MalformedAnswerException(absurd.getMessage());
        }
    }

    /**
     * {@return a number a provider sent as text (a field the adapter reads leniently): {@link #bounded}, after
     * refusing text longer than {@value #MAX_NUMBER_LENGTH} characters before parsing it}
     *
     * @param text a number as the provider sent it in a string field, not null
     * @throws NumberFormatException when {@code text} is no decimal number
     * @throws MalformedAnswerException when it is one beyond the bounds
     */
    public static BigDecimal decimal(String text) {
        String t = Require.present(text, "text").strip();
        if (t.length() > MAX_NUMBER_LENGTH) {
            throw new MalformedAnswerException("a number in the answer is longer than " + MAX_NUMBER_LENGTH
                    + " characters");
        }
        return bounded(new BigDecimal(t));
    }

    /**
     * {@return an item kept as Jackson's buffered tokens, as a tree — the tree an answer read into trees
     * would hold for it ({@code null} and a JSON {@code null} give a null node)}
     *
     * @param mapper the adapter's mapper, whose limits and settings read the tree
     * @param item the item's buffered tokens, possibly null
     * @throws IllegalStateException when the buffered tokens cannot be replayed (a bug, not an answer)
     */
    public static JsonNode tree(ObjectMapper mapper, TokenBuffer item) {
        if (item == null) {
            return NullNode.getInstance();
        }
        try (JsonParser tokens = item.asParser()) {
            JsonNode tree = mapper.readTree(tokens);
            return tree == null ? NullNode.getInstance() : tree;
        } catch (IOException unreplayable) {
            throw new IllegalStateException("a buffered item could not be replayed: "
                    + unreplayable.getClass().getSimpleName());
        }
    }

    /**
     * {@return why an item of an answer could not be read, in words safe to log and show: the field
     * Jackson could not read (never its value), "not readable JSON", or the domain's own refusal
     * (control characters removed, at most 200 characters)}
     *
     * @param e what reading or mapping the item threw, not null
     */
    public static String unreadableReason(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            return "field " + (path.isEmpty() ? "(the item)" : path) + " has an unreadable value";
        }
        if (e instanceof JsonProcessingException) {
            return "the item is not readable JSON";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\p{Cntrl}", " ").strip();
        if (message.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** Jackson's own {@code BigDecimal} reading (numbers, and numbers sent as strings), then {@link #bounded}. */
    private static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return bounded(super.deserialize(p, ctxt));
        }
    }

    /** Tree nodes whose decimals are {@link #bounded} (error bodies and loosely typed fields are read as trees). */
    private static final class BoundedNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueNode numberNode(BigDecimal v) {
            return super.numberNode(bounded(v));
        }
    }
}
