package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a listed page item by item, so that one item Elastic Path sent but that cannot be read
 * never hides the others: each item is mapped in its own {@code try}, and an item that fails is
 * reported as a {@link ProviderFailure.UnreadableItem} with what identifies it (its code text or
 * id, else its place on the page) and why — never a secret. A code page comes flat
 * ({@code [{code…}]}) or nested ({@code [{data: {codes: [{code…}]}}]}); an item in neither shape
 * is unreadable, not skipped.
 *
 * <p>A listed page arrives as each item's buffered tokens ({@link #codesAsRead}): the common item —
 * flat, with its code, read and mapped without a fault — is read typed straight from its tokens and
 * keeps them for {@link ElasticPathCode#raw()}, masked only if asked for; any other item is read
 * into a tree and goes the item-by-item way above, so it ends exactly as it would have.
 */
final class ElasticPathItems {

    private static final ElasticPathMapper MAP = ElasticPathMapper.INSTANCE;

    /**
     * A page's items as read.
     *
     * @param items the readable items, in order
     * @param unreadable the items that could not be read
     */
    record Read<T>(List<T> items, List<ProviderFailure.UnreadableItem> unreadable) {
        Read {
            items = List.copyOf(items);
            unreadable = List.copyOf(unreadable);
        }

        /** How many records the page held, readable or not (the offset moves by this many). */
        int records() {
            return items.size() + unreadable.size();
        }
    }

    private final ObjectMapper json;
    private final ObjectReader codeReader;
    private final ProviderSpec spec;

    /** Reads with {@code json} (the adapter's snake_case set-up) and masks raw fields by {@code spec}. */
    ElasticPathItems(ObjectMapper json, ProviderSpec spec) {
        this.json = json;
        this.codeReader = json.readerFor(ElasticPathDto.Code.class);
        this.spec = spec;
    }

    /** The codes of one page of promotion {@code promotion} at {@code offset}, flat or nested. */
    Read<ElasticPathCode> codes(List<JsonNode> data, PromotionKind kind, String promotion, long offset) {
        List<ElasticPathCode> codes = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        List<JsonNode> items = data == null ? List.of() : data;
        for (int i = 0; i < items.size(); i++) {
            item(items.get(i), i, kind, promotion, offset, codes, unreadable);
        }
        return new Read<>(codes, unreadable);
    }

    /**
     * The same as {@link #codes}, for a page whose items are each item's tokens as read: the common
     * item is read typed from them (see the class comment), any other goes {@link #codes}'s way.
     */
    Read<ElasticPathCode> codesAsRead(List<TokenBuffer> data, PromotionKind kind, String promotion, long offset) {
        List<TokenBuffer> items = data == null ? List.of() : data;
        List<ElasticPathCode> codes = new ArrayList<>(items.size());
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TokenBuffer buffered = items.get(i);
            ElasticPathCode plain = buffered == null ? null : plainCode(buffered, kind);
            if (plain != null) {
                codes.add(plain);
            } else {
                item(JsonSupport.tree(json, buffered), i, kind, promotion, offset, codes, unreadable);
            }
        }
        return new Read<>(codes, unreadable);
    }

    /**
     * The item read typed from its tokens when it is a flat code (its {@code code} sent and not
     * null) that reads and maps without a fault, its tokens kept for its raw fields; null for any
     * other item, which the caller reads the item-by-item way (and gets the same code, or the reason).
     */
    private ElasticPathCode plainCode(TokenBuffer buffered, PromotionKind kind) {
        if (buffered.firstToken() != JsonToken.START_OBJECT) {
            return null;
        }
        try (JsonParser tokens = buffered.asParser()) {
            ElasticPathDto.Code code = codeReader.readValue(tokens);
            if (code == null || code.code() == null) {
                return null;
            }
            return new ElasticPathCode(MAP.code(code, kind), RawFields.later(buffered, json, spec));
        } catch (IOException | RuntimeException notPlain) {
            return null;
        }
    }

    /** Item {@code i} of a page, flat or nested, each code read on its own. */
    private void item(JsonNode item, int i, PromotionKind kind, String promotion, long offset, List<ElasticPathCode> codes,
            List<ProviderFailure.UnreadableItem> unreadable) {
        JsonNode nested = item == null ? null : item.path("data").path("codes");
        boolean flat = item != null && item.isObject() && !item.path("code").isMissingNode();
        if (flat || nested == null || !nested.isArray()) {
            String place = "item " + (i + 1) + " of the page at offset " + offset;
            read(item, place, promotion, kind, codes, unreadable);
            return;
        }
        for (int j = 0; j < nested.size(); j++) {
            String place = "code " + (j + 1) + " of item " + (i + 1) + " of the page at offset " + offset;
            read(nested.get(j), place, promotion, kind, codes, unreadable);
        }
    }

    /** The promotions of one page at {@code offset}. */
    Read<Promotion> promotions(List<JsonNode> data, PromotionKind kind, long offset) {
        List<Promotion> promotions = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        List<JsonNode> items = data == null ? List.of() : data;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String which = identity(item, "id").map(id -> "promotion " + id)
                    .orElse("item " + (i + 1) + " of the page at offset " + offset);
            try {
                promotions.add(MAP.promotion(json.treeToValue(object(item), ElasticPathDto.Promotion.class), kind));
            } catch (JsonProcessingException | RuntimeException e) {
                unreadable.add(unreadable(which, "promotions", e));
            }
        }
        return new Read<>(promotions, unreadable);
    }

    private void read(JsonNode item, String place, String promotion, PromotionKind kind, List<ElasticPathCode> codes,
            List<ProviderFailure.UnreadableItem> unreadable) {
        String which = identity(item, "code").map(c -> "code " + c)
                .or(() -> identity(item, "id").map(id -> "code id " + id)).orElse(place);
        try {
            ElasticPathDto.Code code = json.treeToValue(object(item), ElasticPathDto.Code.class);
            codes.add(new ElasticPathCode(MAP.code(code, kind), RawFields.later(item, spec)));
        } catch (JsonProcessingException | RuntimeException e) {
            unreadable.add(unreadable(which, "promotion " + promotion, e));
        }
    }

    private static JsonNode object(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException("the item is not a JSON object");
        }
        return item;
    }

    /** The item's {@code field} when it is usable as an item's name: short text without control characters. */
    private static java.util.Optional<String> identity(JsonNode item, String field) {
        JsonNode value = item == null ? null : item.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return java.util.Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() || text.length() > 128 || text.chars().anyMatch(Character::isISOControl)
                ? java.util.Optional.empty() : java.util.Optional.of(text);
    }

    private static ProviderFailure.UnreadableItem unreadable(String which, String listing, Exception e) {
        String reason = JsonSupport.unreadableReason(e);
        return new ProviderFailure.UnreadableItem(FailureDetails.of(ElasticPathPromotions.PROVIDER,
                which + " of " + listing + " could not be read: " + reason), which, reason);
    }
}
