package io.voucherport.adapter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A provider's answer (or one item of it) as read, for the fields the domain does not model: an
 * immutable, read-only copy of its JSON in which every secret is already replaced by
 * {@link Masker#MASK} — the provider's masked fields by name, links, configured secret values —
 * so nothing secret is kept, shown or returned. Read a scalar with {@link #text}; {@link #json()}
 * and {@link #toString()} give the masked copy. Thread-safe; equal by content.
 */
public final class RawFields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final RawFields EMPTY = new RawFields(NODES.objectNode());

    private final JsonNode tree;

    private RawFields(JsonNode tree) {
        this.tree = tree;
    }

    /** No fields: for an answer built without one from the provider. */
    public static RawFields empty() {
        return EMPTY;
    }

    /**
     * A masked copy of {@code answer} by the masking rules of {@code spec} (the same as its logs);
     * a {@code null} or missing answer gives {@link #empty()}.
     */
    public static RawFields of(JsonNode answer, ProviderSpec spec) {
        Require.present(spec, "spec");
        return of(answer, spec.masker());
    }

    /** A masked copy of {@code answer} by {@code masker}'s rules. */
    static RawFields of(JsonNode answer, Masker masker) {
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            return EMPTY;
        }
        return new RawFields(masked(answer, masker));
    }

    /**
     * The scalar at {@code path} as text: names separated by {@code .}, an array index as a segment
     * ({@code "products.0.unitPriceOriginal.amount"}); a string unquoted, a number in plain
     * notation, a boolean as {@code true}/{@code false}. None for a missing field, {@code null},
     * an object or an array.
     */
    public Option<String> text(String path) {
        Require.present(path, "path");
        JsonNode node = tree;
        for (String segment : path.split("\\.", -1)) {
            if (node.isObject()) {
                node = node.get(segment);
            } else if (node.isArray() && isIndex(segment)) {
                node = node.get(Integer.parseInt(segment));
            } else {
                return Option.none();
            }
            if (node == null) {
                return Option.none();
            }
        }
        if (!node.isValueNode() || node.isNull()) {
            return Option.none();
        }
        if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            return Option.some(number.toPlainString());
        }
        return Option.some(node.asText());
    }

    /** The top-level field names, in the order the provider sent them (none when it sent no object). */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        tree.fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableSet(names);
    }

    /** The masked copy as compact JSON. */
    public String json() {
        return tree.toString();
    }

    /** The masked copy as compact JSON: never a secret. */
    @Override
    public String toString() {
        return json();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawFields r && tree.equals(r.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A deep copy of {@code node} with secrets masked (nesting is bounded by the mapper that read it). */
    private static JsonNode masked(JsonNode node, Masker masker) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                String shown = masker.literals(name).equals(name) ? name : Masker.MASK;
                copy.set(shown, masker.sensitiveField(name) ? NODES.textNode(Masker.MASK)
                        : masked(field.getValue(), masker));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(masked(element, masker)));
            return copy;
        }
        if (node.isTextual()) {
            String text = node.asText();
            return NODES.textNode(Masker.isLink(text) ? Masker.MASK : masker.literals(text));
        }
        if (node.isNumber() && !masker.literals(node.asText()).equals(node.asText())) {
            return NODES.textNode(Masker.MASK);
        }
        return node.deepCopy();
    }
}
