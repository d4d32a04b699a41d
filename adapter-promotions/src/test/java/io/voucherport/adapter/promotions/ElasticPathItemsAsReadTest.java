package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.Masker;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.PromotionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A code page read from its items' buffered tokens ({@link ElasticPathItems#codesAsRead}) ends
 * exactly as the same page read into trees ({@link ElasticPathItems#codes}): the same codes in the
 * same order, the same raw fields, the same unreadable items with the same reasons.
 */
class ElasticPathItemsAsReadTest {

    /** Every kind of item: plain codes, unreadable ones, a nested item, no objects, duplicates. */
    private static final String PAGE = """
            {"data": [
              {"code": "PLAIN-1", "consume_unit": "per_cart", "uses": 1, "max_uses": 5, "user": ["cus_1"],
               "max_uses_per_shopper": {"max_uses": 2, "includes_guests": true}, "is_for_new_shopper": false,
               "href": "https://ep.example/v2/promotions/p/codes/1", "meta": {"timestamps": {"created_at": "2023-11-07T23:04:18.845Z"}}},
              {"code": "NEGATIVE", "consume_unit": "per_cart", "uses": -2},
              {"code": null, "id": "id-7", "uses": 1},
              {"id": "no-code-at-all", "uses": 1},
              {"data": {"codes": [
                 {"code": "NESTED-1", "consume_unit": "per_item", "uses": 0},
                 {"code": "NESTED-BAD", "uses": 1.5},
                 "not an object"]}},
              null,
              "a string",
              42,
              ["an", "array"],
              {"code": "DUP", "uses": 1, "uses": 4, "consume_unit": "per_cart"},
              {"code": "FIRST", "code": "SECOND", "consume_unit": "per_cart", "uses": 0},
              {"code": "PLAIN-2", "consume_unit": "per_checkout", "uses": 0, "extra": {"deep": [1, 2.50, "x"]}},
              {"code": "CLIENT-ID-INSIDE", "uses": 0, "note": "made by bench-client-id-77"}
            ],
            "meta": {"results": {"total": 13}}}""";

    private final ObjectMapper json = JsonSupport.newSnakeCaseMapper();
    private final ProviderSpec spec = ProviderSpec.of(ElasticPathPromotions.PROVIDER, json)
            .withMaskedFields("client_id", "href", "url", "link").withMaskedValues(Secret.of("bench-client-id-77"));
    private final ElasticPathItems items = new ElasticPathItems(json, spec);

    @Test
    void aPageReadFromItsTokensEndsAsThePageReadIntoTrees() throws Exception {
        List<JsonNode> trees = json.readValue(PAGE, new TypeReference<ElasticPathDto.PageOf<JsonNode>>() { }).data();
        List<TokenBuffer> tokens = json.readValue(PAGE, new TypeReference<ElasticPathDto.PageOf<TokenBuffer>>() { }).data();

        ElasticPathItems.Read<ElasticPathCode> fromTrees = items.codes(trees, PromotionKind.STANDARD, "promo-1", 200);
        ElasticPathItems.Read<ElasticPathCode> fromTokens = items.codesAsRead(tokens, PromotionKind.STANDARD, "promo-1", 200);

        assertThat(fromTokens.items()).extracting(ElasticPathCode::code)
                .containsExactlyElementsOf(fromTrees.items().stream().map(ElasticPathCode::code).toList());
        assertThat(fromTokens.items()).extracting(c -> c.raw().json())
                .containsExactlyElementsOf(fromTrees.items().stream().map(c -> c.raw().json()).toList());
        assertThat(fromTokens.unreadable()).extracting(ProviderFailure.UnreadableItem::item, ProviderFailure.UnreadableItem::reason)
                .containsExactlyElementsOf(fromTrees.unreadable().stream()
                        .map(u -> org.assertj.core.groups.Tuple.tuple(u.item(), u.reason())).toList());
        assertThat(fromTokens.unreadable()).extracting(ProviderFailure::message)
                .containsExactlyElementsOf(fromTrees.unreadable().stream().map(ProviderFailure::message).toList());
        assertThat(fromTokens.records()).isEqualTo(fromTrees.records());

        assertThat(fromTokens.items()).extracting(c -> c.code().code().value())
                .containsExactly("PLAIN-1", "NESTED-1", "DUP", "SECOND", "PLAIN-2", "CLIENT-ID-INSIDE");
        assertThat(fromTokens.unreadable()).as("nothing disappears: every other item is reported").hasSize(9);
    }

    @Test
    void aPlainCodeKeepsItsRawFieldsMaskedAndItsBuilderFields() throws Exception {
        List<TokenBuffer> tokens = json.readValue(PAGE, new TypeReference<ElasticPathDto.PageOf<TokenBuffer>>() { }).data();

        ElasticPathCode plain = items.codesAsRead(tokens, PromotionKind.STANDARD, "promo-1", 0).items().get(0);

        assertThat(plain.maxUsesPerShopper()).contains(2);
        assertThat(plain.perShopperLimitIncludesGuests()).contains(true);
        assertThat(plain.forNewShoppersOnly()).contains(false);
        assertThat(plain.raw().text("user.0")).contains("cus_1");
        assertThat(plain.raw().text("href")).contains(Masker.MASK);
        assertThat(plain.raw().toString()).doesNotContain("ep.example");
        ElasticPathCode withSecret = items.codesAsRead(tokens, PromotionKind.STANDARD, "promo-1", 0).items().get(5);
        assertThat(withSecret.raw().json()).doesNotContain("bench-client-id-77");
    }
}
