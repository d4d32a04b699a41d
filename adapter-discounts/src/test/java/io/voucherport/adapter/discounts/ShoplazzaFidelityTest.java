package io.voucherport.adapter.discounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 for Shoplazza: "not found" envelopes under HTTP 200, usage at the rule and at the code,
 * counts that are no counts reported (not clamped), one unreadable code or rule never spoiling a
 * page, and the fields the domain does not model kept. Payloads follow Shoplazza's pages (price
 * rule detail 2022-01 and 2025-06, discount code search, get discount code).
 */
class ShoplazzaFidelityTest {

    private ShoplazzaSimulator shop;
    private ShoplazzaDiscounts old;
    private ShoplazzaDiscounts now;

    @BeforeEach
    void start() {
        shop = ShoplazzaSimulator.create().bucket(10_000, 10_000).withSampleData();
        shop.start();
        old = adapter(ShoplazzaVersion.V2022_01);
        now = adapter(ShoplazzaVersion.V2025_06);
    }

    @AfterEach
    void stop() {
        old.close();
        now.close();
        shop.close();
    }

    private ShoplazzaDiscounts adapter(ShoplazzaVersion version) {
        return ShoplazzaDiscounts.builder().storeUrl(shop.baseUrl()).version(version)
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)))
                .rateLimiter(new RateLimiter(10_000, 10_000, System::nanoTime, Sleeper.THREAD)).sleeper(d -> { })
                .build();
    }

    private static SimFault rewrite(String regex, String replacement) {
        return new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO, regex + "\u0000" + replacement);
    }

    @Test
    void aMissingCodeAnsweredAs200WithANotFoundEnvelopeIsNoneInEverySpelling() {
        // 2025-06: the error "code" is the "Error http message"; 404 is "Not Found — The ID provided is not existed."
        for (String code : List.of("Not Found", "NotFound", "NOT_FOUND", "not-found", "ResourceNotExist", "404")) {
            shop.failNextEnvelope(code, "The ID provided is not existed.");
            assertThat(now.lookup("VIJK8GB0").get()).as(code).isEmpty();
        }
        shop.failNextEnvelope("InvalidParameter", "code is required");
        assertThat(now.lookup("VIJK8GB0").getLeft()).as("not every failure is a missing code")
                .isInstanceOf(ProviderFailure.InvalidRequest.class);
    }

    @Test
    void aCodeShoplazzaSentButThatCannotBeReadIsAFailureNeverNone() {
        shop.inject(Endpoint.LOOKUP_CODE, rewrite("(\"usage_count\"\\s*:\\s*)\\d+", "$1-4"));
        assertThat(now.lookup("FIVEOFF").getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        shop.inject(Endpoint.LOOKUP_CODE, rewrite("(\"usage_count\"\\s*:\\s*)\"\\d+\"", "$1\"4294967296\""));
        assertThat(old.lookup("FIVEOFF").getLeft()).as("an overflowing count is not clamped")
                .isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }

    @Test
    void thePriceRuleDetailPagesFieldsReachTheRule() throws Exception {
        ObjectMapper json = JsonSupport.newSnakeCaseMapper();
        ShoplazzaDto.V2022.PriceRule detail2022 = json.readValue("""
                {"id": "2d7e416a-444f-4491-ae04-c50f47154140", "title": "Buy 2 Get 1 Free", "value": 10.5,
                 "value_type": "fixed_amount", "usage_limit": "100", "times_used": "5", "allocation_method": "each",
                 "allocation_limit": "1", "once_per_customer": "0", "prerequisite": "1",
                 "customer_selection": "specific", "target_selection": "entitled", "target_type": "line_item",
                 "created_at": "2024-12-19 10:00:00", "updated_at": "2024-12-20 12:00:00",
                 "starts_at": "2024-12-19 10:00:00", "ends_at": "-1"}""", ShoplazzaDto.V2022.PriceRule.class);
        PriceRule rule2022 = ShoplazzaMapper.INSTANCE.rule(detail2022, ZoneOffset.UTC);
        assertThat(rule2022.usageLimit()).isEqualTo(UsageLimit.of(100));
        assertThat(rule2022.timesUsed()).contains(5);
        assertThat(rule2022.perCustomerLimit()).contains(UsageLimit.UNLIMITED);
        assertThat(rule2022.allocationLimit()).contains(1);
        assertThat(rule2022.allowsAnotherUse()).contains(true);

        ShoplazzaDto.V2025.PriceRule detail2025 = json.readValue("""
                {"id": "pr_123456", "title": "Summer Sale", "value": 10.0, "value_type": "fixed_amount",
                 "usage_limit": 100, "times_used": 100, "allocation_method": "each", "allocation_limit": 1,
                 "allocation_limit_amount": 5.0, "once_per_customer": 1, "prerequisite": 0,
                 "customer_selection": "all", "target_selection": "all", "target_type": "line_item",
                 "target_price_type": "original", "created_at": "2023-06-20T15:30:00Z",
                 "starts_at": "2023-06-20T15:30:00Z"}""", ShoplazzaDto.V2025.PriceRule.class);
        PriceRule rule2025 = ShoplazzaMapper.INSTANCE.rule(detail2025, ZoneOffset.UTC);
        assertThat(rule2025.timesUsed()).contains(100);
        assertThat(rule2025.perCustomerLimit()).as("1 = once per customer").contains(UsageLimit.of(1));
        assertThat(rule2025.allowsAnotherUse()).as("100 of 100 uses of the rule are gone").contains(false);

        assertThatThrownBy(() -> ShoplazzaMapper.INSTANCE.limit("-7")).as("only -1 means unlimited")
                .isInstanceOf(MalformedAnswerException.class);
        assertThatThrownBy(() -> ShoplazzaMapper.INSTANCE.count(new java.math.BigDecimal("-1")))
                .isInstanceOf(MalformedAnswerException.class);
    }

    @Test
    void aRuleWithSeveralCodesIsJudgedByItsOwnUsesInBothDialects() {
        DiscountCode ten002 = now.lookup("TEN002").get().get();
        assertThat(ten002.usageCount()).as("this code alone is far from the limit").isEqualTo(2);
        for (ShoplazzaDiscounts dialect : List.of(old, now)) {
            PriceRule tenOff = dialect.get(ten002.priceRuleId()).get();
            assertThat(tenOff.usageLimit()).isEqualTo(UsageLimit.of(100));
            assertThat(tenOff.timesUsed().get()).as("the 60 codes together").isGreaterThan(100);
            assertThat(tenOff.allowsAnotherUse()).contains(false);
        }
        shop.ruleLimits(ten002.priceRuleId().value(), 1, 3);
        for (ShoplazzaDiscounts dialect : List.of(old, now)) {
            PriceRule limited = dialect.get(ten002.priceRuleId()).get();
            assertThat(limited.perCustomerLimit()).contains(UsageLimit.of(1));
            assertThat(limited.allocationLimit()).contains(3);
        }
    }

    @Test
    void oneUnreadableCodeOrRuleIsReportedInItsPlaceAndTheOthersAreDelivered() {
        PriceRuleId tenOff = now.lookup("TEN002").get().get().priceRuleId();
        shop.inject(Endpoint.LIST_CODES, rewrite("(\"code\"\\s*:\\s*\"TEN002\"[^}]*?\"usage_count\"\\s*:\\s*)\\d+", "$1-3"));
        PagedSequence.Listing<DiscountCode> codes = now.list(tenOff).toListing().get();
        assertThat(codes.items()).hasSize(59).extracting(DiscountCode::code).doesNotContain("TEN002");
        assertThat(codes.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.item()).isEqualTo("code TEN002");
            assertThat(u.reason()).contains("whole number");
        });

        shop.inject(Endpoint.LIST_CODES, rewrite("(\"code\"\\s*:\\s*\"TEN003\"[^}]*?\"usage_count\"\\s*:\\s*)\"\\d+\"",
                "$1\"99999999999\""));
        PagedSequence.Listing<DiscountCode> old2022 = old.list(tenOff).toListing().get();
        assertThat(old2022.items()).hasSize(59);
        assertThat(old2022.unreadable()).extracting(ProviderFailure.UnreadableItem::item).containsExactly("code TEN003");

        shop.inject(Endpoint.LIST_RULES, rewrite("(\"title\"\\s*:\\s*\"Five euro\"[^}]*?\"usage_limit\"\\s*:\\s*)-1", "$1-7"));
        PagedSequence.Listing<PriceRule> rules = now.list().toListing().get();
        assertThat(rules.items()).extracting(PriceRule::title).contains("Ten off").doesNotContain("Five euro");
        assertThat(rules.unreadable()).singleElement().satisfies(u -> assertThat(u.item()).startsWith("price rule id "));
    }

    @Test
    void codeAndRuleAnswersKeepWhatTheDomainDoesNotModelWithLinksMasked() {
        shop.inject(Endpoint.LOOKUP_CODE, rewrite("(\"code\"\\s*:\\s*\"FIVEOFF\"\\s*,)",
                "$1\"detail_url\":\"https://tzt.myshoplaza.com/promotions/coupon/1783371b-76c1-41ab-a09c-531ff54425fc\","
                        + "\"app_id\":\"\","));
        ShoplazzaCode five = now.lookupAnswer("FIVEOFF").get().get();
        assertThat(five.code().usageCount()).isEqualTo(12);
        assertThat(five.raw().text("usage_count")).contains("12");
        assertThat(five.raw().names()).contains("detail_url", "app_id");
        assertThat(five.raw().json()).doesNotContain("tzt.myshoplaza.com");

        ShoplazzaRule rule = old.ruleAnswer(five.code().priceRuleId()).get();
        assertThat(rule.rule().title()).isEqualTo("Five euro");
        assertThat(rule.raw().text("allocation_method")).contains("across");
        assertThat(rule.raw().text("customer_selection")).contains("all");
        assertThat(now.ruleAnswers().toList().get()).extracting(ShoplazzaRule::rule).isEqualTo(now.list().toList().get());
        assertThat(now.codeAnswers(five.code().priceRuleId()).toList().get()).extracting(ShoplazzaCode::code)
                .contains(five.code());
        assertThat(now.codeAnswer(five.code().priceRuleId(), five.code().id()).get().code()).isEqualTo(five.code());
        assertThat(Option.of(rule.raw().toString())).isNotEmpty();
    }
}
