package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 for Elastic Path: every user of a code, one unreadable code or promotion never spoiling
 * a page, counts that are no counts reported (not clamped), and the fields the domain does not
 * model kept, masked. Payloads follow Elastic Path's "Get Promotion Codes" page.
 */
class ElasticPathFidelityTest {

    private static final PromotionId SUMMER = PromotionId.of("std-summer");
    private static final PromotionId WELCOME = PromotionId.of("rule-welcome");

    /** The seed page's nested list shape, its fields, and {@code user} as "an array of customer object IDs". */
    private static final String SEED_PAGE = """
            {"data": [{"data": {"codes": [
                {"code": "SPRING-ALL", "consume_unit": "per_cart", "user": ["cus_1f3a", "cus_77b2"], "uses": 3,
                 "max_uses": 5, "created_by": "admin", "meta": {"timestamps": {"created_at": "2023-11-07T23:04:18.845Z"}}},
                {"code": "NEGATIVE", "consume_unit": "per_cart", "uses": -2, "created_by": "admin"},
                {"code": "HUGE", "consume_unit": "per_cart", "uses": 3000000000, "created_by": "admin"},
                {"consume_unit": "per_cart", "uses": 1, "created_by": "admin"},
                {"code": "ONE-USER", "consume_unit": "per_item", "user": "cus_1f3a", "uses": 0, "created_by": "admin",
                 "meta": {"timestamps": {"created_at": "2023-11-07T23:04:18.845Z"}}}
            ]}}],
             "links": {"current": "string", "first": "string", "last": "string", "next": "string", "prev": "string"},
             "meta": {"page": {"current": 1, "limit": 25, "offset": 0, "total": 1}, "results": {"total": 5}}}""";

    private ElasticPathSimulator ep;
    private ElasticPathPromotions standard;
    private ElasticPathPromotions rules;

    @BeforeEach
    void start() {
        ep = ElasticPathSimulator.create().withSampleData();
        ep.start();
        standard = adapter(PromotionKind.STANDARD);
        rules = adapter(PromotionKind.RULE_BASED);
    }

    @AfterEach
    void stop() {
        standard.close();
        rules.close();
        ep.close();
    }

    private ElasticPathPromotions adapter(PromotionKind kind) {
        return ElasticPathPromotions.builder().baseUrl(ep.baseUrl())
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_SECRET))
                .kind(kind).pageSize(40).requestsPerSecond(0).sleeper(d -> { }).build();
    }

    @Test
    void aPageAsThePageShowsItKeepsEveryUserAndReportsEachUnreadableCodeBesideTheOthers() throws Exception {
        ObjectMapper json = JsonSupport.newSnakeCaseMapper();
        ElasticPathItems items = new ElasticPathItems(json, ProviderSpec.of(ElasticPathPromotions.PROVIDER, json));
        List<JsonNode> data = List.of(json.readTree(SEED_PAGE).get("data").get(0));

        ElasticPathItems.Read<ElasticPathCode> page = items.codes(data, PromotionKind.STANDARD, "promo-1", 0);

        assertThat(page.items()).extracting(c -> c.code().code().value()).containsExactly("SPRING-ALL", "ONE-USER");
        PromotionCode all = page.items().get(0).code();
        assertThat(all.users()).as("an array of customer ids stays a list").containsExactly("cus_1f3a", "cus_77b2");
        assertThat(all.remainingUses()).contains(3);
        assertThat(all.maxUses()).contains(5);
        assertThat(page.items().get(1).code().users()).containsExactly("cus_1f3a");
        assertThat(page.unreadable()).extracting(ProviderFailure.UnreadableItem::item)
                .containsExactly("code NEGATIVE", "code HUGE", "code 4 of item 1 of the page at offset 0");
        assertThat(page.unreadable().get(0).reason()).contains("whole number");
        assertThat(page.unreadable().get(1).reason()).as("overflow is no count either").contains("whole number");
        assertThat(page.unreadable().get(2).reason()).contains("promotion code");
        assertThat(page.records()).as("the offset moves past unreadable records too").isEqualTo(5);
        assertThat(page.items().get(0).raw().text("created_by")).contains("admin");
        assertThat(page.items().get(0).raw().text("user.1")).contains("cus_77b2");
    }

    @Test
    void oneUnreadableCodeIsReportedInItsPlaceAndTheOthersAreDelivered() {
        ep.inject(Endpoint.LIST_CODES, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"code\"\\s*:\\s*\"STDSUMMER-000002\"[^}]*?\"uses\"\\s*:\\s*)\\d+\u0000$1-3"));
        PagedSequence.Listing<PromotionCode> listing = standard.codes(SUMMER).toListing().get();
        assertThat(listing.items()).hasSize(249);
        assertThat(listing.items()).extracting(c -> c.code().value()).doesNotContain("STDSUMMER-000002");
        assertThat(listing.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.item()).isEqualTo("code STDSUMMER-000002");
            assertThat(u.reason()).contains("whole number");
        });

        ep.inject(Endpoint.LIST_CODES, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"code\"\\s*:\\s*\"STDSUMMER-000002\"[^}]*?\"uses\"\\s*:\\s*)\\d+\u0000$1-3"));
        assertThat(standard.codes(SUMMER).toList().getLeft()).as("the strict listing stops at it")
                .isInstanceOf(ProviderFailure.UnreadableItem.class);
    }

    @Test
    void aRuleCodeThatCannotBeReadIsNeverDeletedAsIfItDidNotExist() {
        ep.inject(Endpoint.LIST_CODES, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"code\"\\s*:\\s*\"RULEWELCOME-000003\"[^}]*?\"uses\"\\s*:\\s*)\\d+\u0000$1-1"));
        ProviderFailure failure = rules.deleteCode(WELCOME, CodeText.of("RULEWELCOME-000003")).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.UnreadableItem.class);
        assertThat(failure.provablyNotApplied()).isTrue();
        assertThat(ep.holds("rule-welcome", "RULEWELCOME-000003")).isTrue();
        assertThat(rules.deleteCode(WELCOME, CodeText.of("NOT-THERE-AT-ALL")).getLeft())
                .isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void oneUnreadablePromotionIsReportedByItsIdAndTheOthersAreDelivered() {
        ep.inject(Endpoint.LIST_PROMOTIONS, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"id\"\\s*:\\s*\"std-empty\"[^}]*?\"enabled\"\\s*:\\s*)true\u0000$1\"perhaps\""));
        PagedSequence.Listing<Promotion> listing = standard.promotions().toListing().get();
        assertThat(listing.items()).extracting(p -> p.id().value()).contains("std-summer").doesNotContain("std-empty");
        assertThat(listing.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.item()).isEqualTo("promotion std-empty");
            assertThat(u.reason()).contains("enabled");
        });
    }

    @Test
    void codeAnswersKeepWhatTheDomainDoesNotModelWithSecretsMasked() {
        ep.inject(Endpoint.LIST_CODES, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"code\"\\s*:\\s*\"RULEWELCOME-000001\"\\s*,)\u0000$1\"max_uses_per_shopper\":{\"max_uses\":2,\"includes_guests\":false},"
                        + "\"is_for_new_shopper\":true,\"href\":\"https://files.example.com/export.csv?sig=abc\","));
        ElasticPathCode first = rules.codeAnswers(WELCOME).stream().findFirst().get().get();
        assertThat(first.code().code().value()).isEqualTo("RULEWELCOME-000001");
        assertThat(first.maxUsesPerShopper()).contains(2);
        assertThat(first.perShopperLimitIncludesGuests()).contains(false);
        assertThat(first.forNewShoppersOnly()).contains(true);
        assertThat(first.raw().text("created_by")).contains("sim");
        assertThat(first.raw().text("href")).contains("****");
        assertThat(first.raw().json()).doesNotContain("files.example.com");
        assertThat(first.toString()).doesNotContain("files.example.com");
        assertThat(rules.codes(WELCOME).stream().findFirst().get().get()).isEqualTo(first.code());
    }
}
