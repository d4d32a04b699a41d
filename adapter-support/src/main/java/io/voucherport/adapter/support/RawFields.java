package io.voucherport.adapter.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A provider's answer (or one item of it) as read, for the fields the domain does not model: an
 * immutable, read-only copy of its JSON in which every secret is replaced by
 * {@link Masker#MASK} — the provider's masked fields by name, every string holding a link
 * ({@code ://} anywhere in it), configured secret values, every scalar below the provider's secret
 * subtrees and every field of a secret container's entry outside its allow-list
 * ({@link ProviderSpec#withSecretSubtrees}, {@link ProviderSpec#withSecretEntries}) — so nothing
 * secret is shown or returned. Read a scalar with {@link #text}; {@link #json()}
 * and {@link #toString()} give the masked copy. Thread-safe; equal by content.
 *
 * <p>Made eagerly ({@link #of}) or on first use ({@link #later}): a listing reads thousands of
 * items whose raw fields are seldom asked for, so an adapter may keep an item as read (a tree or
 * Jackson's buffered tokens, held privately and never shown) and the masked copy is made the first
 * time any method here needs it; the unmasked item is dropped then. Both give the same content.
 */
public final class RawFields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final RawFields EMPTY = new RawFields(NODES.objectNode());

    /** The masked copy, once made. */
    private volatile JsonNode tree;
    /** The answer as read, until {@link #tree()} masks it (then null); guarded by {@code this}. */
    private Supplier<JsonNode> answer;
    /** The masking rules' source, until {@link #tree()} masks (then null); guarded by {@code this}. */
    private Supplier<Rules> rules;

    private RawFields(JsonNode tree) {
        this.tree = tree;
    }

    private RawFields(Supplier<JsonNode> answer, Supplier<Rules> rules) {
        this.answer = answer;
        this.rules = rules;
    }

    /**
     * No fields: for an answer built without one from the provider.
     *
     * @return the shared empty instance, whose {@link #text} is always none
     */
    public static RawFields empty() {
        return EMPTY;
    }

    /**
     * {@return a masked copy of {@code answer} by the masking rules of {@code spec} (the same as its logs);
     * a {@code null} or missing answer gives {@link #empty()}}
     *
     * @param answer the provider's answer (or one item of it) as parsed, unmasked; not kept
     * @param spec the provider's specification, whose masked fields, secret subtrees and secret
     *     entries decide what is masked, not null
     */
    public static RawFields of(JsonNode answer, ProviderSpec spec) {
        Require.present(spec, "spec");
        return of(answer, rules(spec));
    }

    /**
     * The same as {@link #of(JsonNode, ProviderSpec)}, masked on first use: {@code answer} is held as
     * it is until then, and must not be changed by the caller afterwards.
     *
     * @param answer the answer or item as read (null or missing gives empty fields)
     * @param spec the provider whose masking rules apply
     * @return the raw fields, masked when first used
     */
    public static RawFields later(JsonNode answer, ProviderSpec spec) {
        Require.present(spec, "spec");
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            return EMPTY;
        }
        return new RawFields(() -> answer, () -> rules(spec));
    }

    /**
     * The same as {@link #of(JsonNode, ProviderSpec)} for an item buffered as Jackson tokens (the
     * cheapest form a listing can keep it in): read into a tree by {@code json} and masked on first
     * use. {@code answer} must hold one complete JSON value and not be written to afterwards.
     *
     * @param answer the item's tokens as read
     * @param json the mapper that read them (its bounded number handling applies to the tree)
     * @param spec the provider whose masking rules apply
     * @return the raw fields, read and masked when first used
     */
    public static RawFields later(TokenBuffer answer, ObjectMapper json, ProviderSpec spec) {
        Require.present(answer, "answer");
        Require.present(json, "json");
        Require.present(spec, "spec");
        return new RawFields(() -> replay(answer, json), () -> rules(spec));
    }

    /** The tree of a complete buffered value (replaying tokens already read cannot fail on their content). */
    private static JsonNode replay(TokenBuffer answer, ObjectMapper json) {
        try (JsonParser tokens = answer.asParser()) {
            return json.readTree(tokens);
        } catch (IOException unreplayable) {
            throw new IllegalStateException("the buffered answer could not be replayed: "
                    + unreplayable.getClass().getSimpleName());
        }
    }

    private static Rules rules(ProviderSpec spec) {
        return new Rules(spec.masker(), patterns(spec.secretSubtrees()), entries(spec.secretEntries()));
    }

    /** The masked copy, made now if it was left for first use. */
    private JsonNode tree() {
        JsonNode made = tree;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (tree == null) {
                JsonNode read = answer.get();
                tree = read == null || read.isMissingNode() || read.isNull() ? EMPTY.tree : masked(read, rules.get());
                answer = null;
                rules = null;
            }
            return tree;
        }
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
     * {@return the scalar at {@code path} as text: names separated by {@code .}, an array index as a segment
     * ({@code "products.0.unitPriceOriginal.amount"}); a string unquoted, a number in plain
     * notation, a boolean as {@code true}/{@code false}} None for a missing field, {@code null},
     * an object or an array.
     *
     * @param path dot-separated field names and array indexes, not null; a secret field's value
     *     comes back as {@link Masker#MASK}
     */
    public Option<String> text(String path) {
        Require.present(path, "path");
        JsonNode node = tree();
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

    /** {@return the top-level field names, in the order the provider sent them (none when it sent no object)} */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        tree().fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableSet(names);
    }

    /** {@return the masked copy as compact JSON} */
    public String json() {
        return tree().toString();
    }

    /** The masked copy as compact JSON: never a secret. */
    @Override
    public String toString() {
        return json();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawFields r && tree().equals(r.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
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
