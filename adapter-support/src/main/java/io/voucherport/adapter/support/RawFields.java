package io.voucherport.adapter.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A provider's answer (or one item of it) as read, for the fields the domain does not model: an
 * immutable, read-only copy of its JSON in which every secret is already replaced by
 * {@link Masker#MASK} — the provider's masked fields by name, every string holding a link
 * ({@code ://} anywhere in it), configured secret values, every scalar below the provider's secret
 * subtrees and every field of a secret container's entry outside its allow-list
 * ({@link ProviderSpec#withSecretSubtrees}, {@link ProviderSpec#withSecretEntries}) — so nothing
 * secret is kept, shown or returned. Read a scalar with {@link #text}; {@link #json()}
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
        return of(answer, new Rules(spec.masker(), patterns(spec.secretSubtrees()), entries(spec.secretEntries())));
    }

    /** A masked copy of {@code answer} by {@code masker}'s rules. */
    static RawFields of(JsonNode answer, Masker masker) {
        return of(answer, new Rules(masker, List.of(), Map.of()));
    }

    private static RawFields of(JsonNode answer, Rules rules) {
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            return EMPTY;
        }
        return new RawFields(masked(answer, rules));
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

    /**
     * What to mask beyond the masker's rules: secret subtrees (normalised names, {@code *} at either
     * end a wildcard) and secret containers with the normalised fields each of their entries keeps.
     */
    private record Rules(Masker masker, List<String> subtrees, Map<String, Set<String>> entries) {

        boolean secretSubtree(String name) {
            String n = Masker.normalise(name);
            for (String pattern : subtrees) {
                if (Masker.matches(pattern, n)) {
                    return true;
                }
            }
            return false;
        }

        Set<String> kept(String container) {
            return entries.get(Masker.normalise(container));
        }
    }

    private static List<String> patterns(List<String> names) {
        return names.stream().map(Masker::normalise).toList();
    }

    private static Map<String, Set<String>> entries(Map<String, List<String>> containers) {
        Map<String, Set<String>> out = new HashMap<>();
        containers.forEach((container, kept) -> out.put(Masker.normalise(container),
                kept.stream().map(Masker::normalise).collect(Collectors.toUnmodifiableSet())));
        return Map.copyOf(out);
    }

    /** A deep copy of {@code node} with secrets masked (nesting is bounded by the mapper that read it). */
    private static JsonNode masked(JsonNode node, Rules rules) {
        Masker masker = rules.masker();
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                Set<String> kept = rules.kept(name);
                // the structure-keeping rules first: logs mask these subtrees and containers whole
                JsonNode shownValue = rules.secretSubtree(name) ? allMasked(value, masker)
                        : kept != null ? container(value, kept, rules)
                        : masker.sensitiveField(name) ? NODES.textNode(Masker.MASK)
                        : masked(value, rules);
                copy.set(name(name, masker), shownValue);
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(masked(element, rules)));
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

    /** A field name as shown: masked whole when it holds a configured secret value. */
    private static String name(String name, Masker masker) {
        return masker.literals(name).equals(name) ? name : Masker.MASK;
    }

    /** A secret subtree: its structure kept, every scalar in it masked ({@code null} stays {@code null}). */
    private static JsonNode allMasked(JsonNode node, Masker masker) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.properties().forEach(field -> copy.set(name(field.getKey(), masker), allMasked(field.getValue(), masker)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(allMasked(element, masker)));
            return copy;
        }
        return node.isNull() ? node.deepCopy() : NODES.textNode(Masker.MASK);
    }

    /**
     * A secret container: each entry (e.g. each SKU's redeem data) keeps only the {@code kept}
     * fields, masked as usual; any other field, an entry that is no object and a container that
     * is no object are masked ({@code null} stays {@code null}).
     */
    private static JsonNode container(JsonNode node, Set<String> kept, Rules rules) {
        if (node.isNull()) {
            return node.deepCopy();
        }
        if (!node.isObject()) {
            return NODES.textNode(Masker.MASK);
        }
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode data = entry.getValue();
            JsonNode shown;
            if (data.isNull()) {
                shown = data.deepCopy();
            } else if (!data.isObject()) {
                shown = NODES.textNode(Masker.MASK);
            } else {
                ObjectNode fields = NODES.objectNode();
                for (Map.Entry<String, JsonNode> field : data.properties()) {
                    JsonNode value = field.getValue();
                    fields.set(name(field.getKey(), rules.masker()),
                            kept.contains(Masker.normalise(field.getKey())) && !rules.masker().sensitiveField(field.getKey())
                                    ? masked(value, rules)
                                    : value.isNull() ? value.deepCopy() : NODES.textNode(Masker.MASK));
                }
                shown = fields;
            }
            copy.set(name(entry.getKey(), rules.masker()), shown);
        }
        return copy;
    }
}
