package io.voucherport.adapter.discounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.testkit.assertions.LogCapture;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shoplazza specifics: dialects, leniency, every error shape, the bucket, OAuth rotation, secrets. */
class ShoplazzaDiscountsTest {

    /** Virtual time shared by the simulator's bucket and the adapter's limiter. */
    private final AtomicLong nanos = new AtomicLong();
    private final Instant epoch = Instant.parse("2026-11-22T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return epoch.plusNanos(nanos.get());
        }
    };
    private final Sleeper virtual = d -> nanos.addAndGet(d.toNanos());
    private final List<Duration> retries = new ArrayList<>();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private ShoplazzaSimulator shop;
    private String tenOff;

    @BeforeEach
    void start() {
        shop = ShoplazzaSimulator.create().clock(clock).storeZone(ZoneId.of("Asia/Shanghai")).withSampleData();
        shop.start();
        tenOff = shop.rule("Other", "percentage", "0.0000", 5, null);
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    private ShoplazzaDiscounts adapter(ShoplazzaVersion version, AccessTokenProvider tokens) {
        return ShoplazzaDiscounts.builder().storeUrl(shop.baseUrl()).version(version).tokens(tokens)
                .storeZone(ZoneId.of("Asia/Shanghai")).logLevel(HttpLogLevel.FULL)
                .rateLimiter(new RateLimiter(40, 2, nanos::get, virtual))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .sleeper(retries::add).build();
    }

    private ShoplazzaDiscounts adapter(ShoplazzaVersion version) {
        return adapter(version, AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)));
    }

    @Test
    void bothDialectsReadTheSameStoreIntoTheSameDomainValues() {
        try (ShoplazzaDiscounts old = adapter(ShoplazzaVersion.V2022_01);
                ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06)) {
            DiscountCode a = old.lookup("FIVEOFF").get().get();
            DiscountCode b = now.lookup("fiveoff").get().get();
            assertThat(a).isEqualTo(b);
            assertThat(a.usageCount()).isEqualTo(12);
            assertThat(a.combinesWithOtherOffers()).isTrue();
            assertThat(a.createdAt()).contains(epoch.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(old.list().toList().get()).isEqualTo(now.list().toList().get());
            PriceRule five = now.get(a.priceRuleId()).get();
            assertThat(five.usageLimit()).isEqualTo(UsageLimit.UNLIMITED);
            assertThat(five.endsAt()).isEmpty();
            assertThat(five.value()).contains(new DiscountValue.FixedAmount(new BigDecimal("5")));
            assertThat(old.get(PriceRuleId.of(tenOff)).get().value()).as("a 0.0000 value is no known value").isEmpty();
        }
    }

    @Test
    void lenientNumbersSentinelsAndTimestampsOfBothDialects() throws Exception {
        ObjectMapper json = JsonSupport.newSnakeCaseMapper();
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ShoplazzaDto.V2022.DiscountCode old = json.readValue("""
                {"id": "f819c126-a581-4d66-a909-08282dd35916", "price_rule_id": "588fea0b-f15d-4c1d-9390-23661f0194fa",
                 "code": "VIJK8GB0", "created_at": "2022-06-17 07:48:29", "updated_at": "-1",
                 "use_with_other": "1", "usage_count": "0.0000"}""", ShoplazzaDto.V2022.DiscountCode.class);
        DiscountCode code = ShoplazzaMapper.INSTANCE.code(old, shanghai);
        assertThat(code.createdAt()).contains(Instant.parse("2022-06-16T23:48:29Z"));
        assertThat(code.updatedAt()).isEmpty();
        assertThat(code.usageCount()).isZero();
        assertThat(code.combinesWithOtherOffers()).isTrue();

        ShoplazzaDto.V2025.PriceRule rule = json.readValue("""
                {"id": 123456789012345678901234567890, "title": "Big id", "value_type": "percentage",
                 "value": "-12.5", "usage_limit": "-1", "starts_at": "2023-06-20T15:30:00Z", "ends_at": null,
                 "extra": {"ignored": true}}""", ShoplazzaDto.V2025.PriceRule.class);
        PriceRule mapped = ShoplazzaMapper.INSTANCE.rule(rule, shanghai);
        assertThat(mapped.id()).isEqualTo(PriceRuleId.of("123456789012345678901234567890"));
        assertThat(mapped.usageLimit()).isEqualTo(UsageLimit.UNLIMITED);
        assertThat(mapped.value()).contains(new DiscountValue.Percentage(new BigDecimal("12.5")));
        assertThat(mapped.startsAt()).contains(Instant.parse("2023-06-20T15:30:00Z"));
        assertThat(ShoplazzaMapper.INSTANCE.limit("100")).isEqualTo(UsageLimit.of(100));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShoplazzaMapper.INSTANCE.count("not a number"))
                .as("issue 16: a count that is no number is unreadable, not 0")
                .isInstanceOf(io.voucherport.adapter.support.MalformedAnswerException.class);
    }

    @Test
    void everyErrorShapeIsATypedFailureWithShoplazzasMessage() {
        try (ShoplazzaDiscounts old = adapter(ShoplazzaVersion.V2022_01);
                ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06)) {
            ProviderFailure errors = old.create(PriceRuleId.of(tenOff), new NewDiscountCode("FIVEOFF")).getLeft();
            assertThat(errors).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(((ProviderFailure.InvalidRequest) errors).reasons()).containsExactly("code is invalid or already exists");
            ProviderFailure codeMessage = now.create(PriceRuleId.of(tenOff), new NewDiscountCode("FIVEOFF")).getLeft();
            assertThat(codeMessage.message()).contains("InvalidParameter").contains("already exists");
            try (ShoplazzaDiscounts wrong = adapter(ShoplazzaVersion.V2022_01,
                    AccessTokenProvider.fixed(Secret.of("not-the-token-at-all")))) {
                ProviderFailure error = wrong.list().toList().getLeft();
                assertThat(error).isInstanceOf(ProviderFailure.AccessDenied.class);
                assertThat(error.message()).contains("invalid access token");
            }
            shop.failNextEnvelope(4001);
            ProviderFailure envelope = now.get(PriceRuleId.of(tenOff)).getLeft();
            assertThat(envelope).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(envelope.httpStatus()).contains(200);
            assertThat(envelope.message()).contains("4001").contains("store is not active");
            shop.failNextEnvelope("InternalError");
            assertThat(now.delete(PriceRuleId.of(tenOff)).getLeft()).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
            assertThat(now.lookup("NO-SUCH-CODE").get()).isEmpty();
        }
    }

    @Test
    void aRejectedStaticTokenIsTheStoresAccessDeniedAfterOneCall() {
        try (ShoplazzaDiscounts wrong = adapter(ShoplazzaVersion.V2025_06,
                AccessTokenProvider.fixed(Secret.of("not-the-token-at-all")))) {
            shop.clearRequestLog();
            ProviderFailure denied = wrong.lookup("FIVEOFF").getLeft();
            assertThat(denied).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(denied.httpStatus()).contains(401);
            assertThat(denied.message()).contains("invalid access token");
            assertThat(shop.requests(Endpoint.LOOKUP_CODE)).as("a static token is not replaced: one call").isEqualTo(1);
            assertThat(wrong.create(PriceRuleId.of(tenOff), new NewDiscountCode("NEVER1")).getLeft())
                    .isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(shop.requests(Endpoint.CREATE_CODE)).isEqualTo(1);
        }
        assertThat(AccessTokenProvider.fixed(Secret.of("static-token-value")).renewable()).isFalse();
        assertThat(AccessTokenProvider.fixed(Secret.of("static-token-value")).toString()).doesNotContain("static-token");
    }

    @Test
    void bothDialectsReadTheirOwnAnswerRecordsAndAFailingEnvelopeIsThrownForTheClassifier() throws Exception {
        ShoplazzaDialect old = ShoplazzaDialect.of(ShoplazzaVersion.V2022_01, ZoneOffset.UTC);
        ShoplazzaDialect now = ShoplazzaDialect.of(ShoplazzaVersion.V2025_06, ZoneOffset.UTC);
        ShoplazzaDto.Answer bare = old.json().readValue("""
                {"discount_codes": [{"id": "c1", "price_rule_id": "r1", "code": "ONE", "usage_count": 3,
                 "use_with_other": "0", "created_at": "2022-06-17 07:48:29"}], "count": "1"}""",
                ShoplazzaDto.Answer.class);
        assertThat(bare).isInstanceOf(ShoplazzaDto.V2022.Answer.class);
        DiscountCode one = old.oneCode(bare).code();
        assertThat(one.usageCount()).isEqualTo(3);
        assertThat(one.combinesWithOtherOffers()).isFalse();
        assertThat(old.codes(bare).items()).extracting(ShoplazzaCode::code).containsExactly(one);

        ShoplazzaDto.Answer envelope = now.json().readValue("""
                {"code": "SUCCESS", "data": {"discount_code": {"id": "c2", "price_rule_id": "r1", "code": "TWO",
                 "usage_count": "7", "use_with_other": true, "created_at": "2023-06-20T15:30:00Z"}}}""",
                ShoplazzaDto.Answer.class);
        assertThat(now.oneCode(envelope).code().combinesWithOtherOffers()).isTrue();
        assertThat(now.oneCode(envelope).code().usageCount()).isEqualTo(7);
        assertThat(now.done(now.json().readValue("{\"code\": 200}", ShoplazzaDto.Answer.class)))
                .isEqualTo(io.voucherport.domain.Done.DONE);

        ShoplazzaDto.Answer failing = now.json().readValue("{\"code\": 4001, \"message\": \"store is not active\"}",
                ShoplazzaDto.Answer.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> now.oneCode(failing))
                .isInstanceOfSatisfying(io.voucherport.adapter.support.ProviderProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(200);
                    assertThat(e.problem().code()).contains("4001");
                    assertThat(e.problem().messages()).containsExactly("store is not active");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> now.oneCode(bare))
                .isInstanceOf(io.voucherport.adapter.support.MalformedAnswerException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> old.oneRule(bare))
                .isInstanceOf(io.voucherport.adapter.support.MalformedAnswerException.class);
    }

    @Test
    void requestBodiesAreBuiltByTheMapperWithEachDialectsSentinels() throws Exception {
        ShoplazzaDialect old = ShoplazzaDialect.of(ShoplazzaVersion.V2022_01, ZoneId.of("Asia/Shanghai"));
        ShoplazzaDialect now = ShoplazzaDialect.of(ShoplazzaVersion.V2025_06, ZoneOffset.UTC);
        io.voucherport.domain.discount.PriceRuleDraft open = new io.voucherport.domain.discount.PriceRuleDraft("Open",
                new DiscountValue.FixedAmount(new BigDecimal("5.50")), UsageLimit.UNLIMITED,
                Instant.parse("2026-01-01T00:00:00Z"), Option.none());
        // written as the encoder writes a body: for the declared (sealed) body type
        assertThat(old.json().writerFor(ShoplazzaDto.RuleBody.class).writeValueAsString(old.ruleBody(open)))
                .isEqualTo("{\"price_rule\":{\"title\":\"Open\",\"value_type\":\"fixed_amount\",\"value\":\"-5.50\","
                        + "\"usage_limit\":\"-1\",\"starts_at\":\"2026-01-01 08:00:00\",\"ends_at\":\"-1\"}}");
        io.voucherport.domain.discount.PriceRuleDraft limited = new io.voucherport.domain.discount.PriceRuleDraft("Ten",
                new DiscountValue.Percentage(BigDecimal.TEN), UsageLimit.of(100), Instant.parse("2026-01-01T00:00:00Z"),
                Option.some(Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(now.json().writerFor(ShoplazzaDto.RuleBody.class).writeValueAsString(now.ruleBody(limited)))
                .isEqualTo("{\"price_rule\":{\"title\":\"Ten\",\"value_type\":\"percentage\",\"value\":-10,"
                        + "\"usage_limit\":100,\"starts_at\":\"2026-01-01T00:00:00Z\",\"ends_at\":\"2026-02-01T00:00:00Z\"}}");
        assertThat(now.json().writeValueAsString(now.ruleBody(open))).contains("\"usage_limit\":-1").doesNotContain("ends_at");
        assertThat(now.json().writeValueAsString(ShoplazzaMapper.INSTANCE.batchBody(List.of(new NewDiscountCode("A1"),
                new NewDiscountCode("B2"))))).isEqualTo("{\"discount_codes\":[{\"code\":\"A1\"},{\"code\":\"B2\"}]}");
        assertThat(now.json().writeValueAsString(ShoplazzaMapper.INSTANCE.codeBody(new NewDiscountCode("C3"))))
                .isEqualTo("{\"discount_code\":{\"code\":\"C3\"}}");
    }

    @Test
    void aRetiredVersionIsReportedAsSuchNotAsAMissingCode() {
        // a store whose only version is retired: the simulator sees /openapi/2020-01/…
        try (ShoplazzaDiscounts retired = ShoplazzaDiscounts.builder().storeUrl(shop.baseUrl() + "/openapi/2020-01/x")
                .version(ShoplazzaVersion.V2022_01).rateLimiter(new RateLimiter(40, 2, nanos::get, virtual))
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN))).build()) {
            ProviderFailure lookup = retired.lookup("FIVEOFF").getLeft();
            assertThat(lookup).as("never read as 'no such code'").isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(lookup.message()).contains("does not serve API version").contains("2020-01 is not supported");
        }
        shop.inject(Endpoint.LOOKUP_CODE, SimFault.status(404));
        try (ShoplazzaDiscounts old = adapter(ShoplazzaVersion.V2022_01)) {
            assertThat(old.lookup("FIVEOFF").get()).as("a plain 404 is no such code").isEmpty();
        }
        ProviderFailure failure = ShoplazzaErrors.classifier(ShoplazzaVersion.V2022_01).classify(new io.voucherport
                .adapter.support.HttpProblem(404, Option.none(), Option.none(), List.of("API version 2022-01 is not supported"),
                Option.none()), Operation.read("look up code"));
        assertThat(failure).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(failure.message()).contains("does not serve API version 2022-01");
    }

    @Test
    void theLimiterKeepsABurstOf200CallsUnderTheStoresBucket() {
        try (ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06)) {
            for (int i = 0; i < 200; i++) {
                assertThat(now.lookup("WELCOME5").isRight()).isTrue();
            }
        }
        assertThat(shop.throttled()).isZero();
        assertThat(Duration.ofNanos(nanos.get())).isGreaterThanOrEqualTo(Duration.ofSeconds(79));
        assertThat(retries).isEmpty();
    }

    @Test
    void withoutTheLimiterTheBucketAnswers429AndReadsBackOff() {
        try (ShoplazzaDiscounts greedy = ShoplazzaDiscounts.builder().storeUrl(shop.baseUrl())
                .version(ShoplazzaVersion.V2022_01)
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)))
                .rateLimiter(new RateLimiter(1_000, 1_000, nanos::get, virtual))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .sleeper(d -> {
                    retries.add(d);
                    nanos.addAndGet(d.toNanos());
                }).build()) {
            for (int i = 0; i < 45; i++) {
                greedy.lookup("WELCOME5");
            }
        }
        assertThat(shop.throttled()).isPositive();
        assertThat(retries).isNotEmpty();
    }

    @Test
    void oauthRefreshesBeforeExpiryAndStoresEveryRotatedRefreshToken() {
        shop.oauthLifetime(Duration.ofMinutes(30));
        RefreshTokenStore store = RefreshTokenStore.inMemory(Secret.of(ShoplazzaSimulator.FIRST_REFRESH_TOKEN));
        try (ShoplazzaOAuth oauth = ShoplazzaOAuth.builder().storeUrl(shop.baseUrl())
                .clientId(Secret.of(ShoplazzaSimulator.CLIENT_ID)).clientSecret(Secret.of(ShoplazzaSimulator.CLIENT_SECRET))
                .refreshTokens(store).renewBefore(Duration.ofMinutes(5)).clock(clock).logLevel(HttpLogLevel.FULL).build();
                ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06, oauth)) {
            assertThat(now.lookup("FIVEOFF").get()).isNotEmpty();
            assertThat(oauth.refreshes()).isEqualTo(1);
            assertThat(store.current().reveal()).isEqualTo(shop.currentRefreshToken());
            assertThat(now.lookup("FIVEOFF").isRight()).isTrue();
            assertThat(oauth.refreshes()).isEqualTo(1);

            nanos.addAndGet(Duration.ofMinutes(26).toNanos());
            assertThat(now.lookup("FIVEOFF").isRight()).isTrue();
            assertThat(oauth.refreshes()).as("renewed 5 minutes before expiry").isEqualTo(2);
            assertThat(store.current().reveal()).isEqualTo(shop.currentRefreshToken());
            assertThat(shop.currentRefreshToken()).isNotEqualTo(ShoplazzaSimulator.FIRST_REFRESH_TOKEN);
        }
        List<String> secrets = new ArrayList<>(shop.issuedTokens());
        secrets.add(ShoplazzaSimulator.CLIENT_SECRET);
        secrets.add(ShoplazzaSimulator.FIRST_REFRESH_TOKEN);
        secrets.add(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN);
        logs.assertNoneOf(secrets, List.of(store.toString()));
    }

    @Test
    void oauthRenewsTwoMinutesBeforeExpiryByDefault() {
        shop.oauthLifetime(Duration.ofMinutes(30));
        RefreshTokenStore store = RefreshTokenStore.inMemory(Secret.of(ShoplazzaSimulator.FIRST_REFRESH_TOKEN));
        try (ShoplazzaOAuth oauth = ShoplazzaOAuth.builder().storeUrl(shop.baseUrl())
                .clientId(Secret.of(ShoplazzaSimulator.CLIENT_ID)).clientSecret(Secret.of(ShoplazzaSimulator.CLIENT_SECRET))
                .refreshTokens(store).clock(clock).build();
                ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06, oauth)) {
            assertThat(now.lookup("FIVEOFF").isRight()).isTrue();
            nanos.addAndGet(Duration.ofMinutes(27).toNanos());
            assertThat(now.lookup("FIVEOFF").isRight()).isTrue();
            assertThat(oauth.refreshes()).as("3 minutes left: kept").isEqualTo(1);
            nanos.addAndGet(Duration.ofSeconds(90).toNanos());
            assertThat(now.lookup("FIVEOFF").isRight()).isTrue();
            assertThat(oauth.refreshes()).as("90 seconds left: renewed").isEqualTo(2);
            assertThat(store.current().reveal()).isEqualTo(shop.currentRefreshToken());
        }
    }

    @Test
    void aRejectedOAuthTokenIsRenewedOnceAndTheCallMadeAgain() {
        RefreshTokenStore store = RefreshTokenStore.inMemory(Secret.of(ShoplazzaSimulator.FIRST_REFRESH_TOKEN));
        try (ShoplazzaOAuth oauth = ShoplazzaOAuth.builder().storeUrl(shop.baseUrl())
                .clientId(Secret.of(ShoplazzaSimulator.CLIENT_ID)).clientSecret(Secret.of(ShoplazzaSimulator.CLIENT_SECRET))
                .refreshTokens(store).clock(clock).build();
                ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2022_01, oauth)) {
            assertThat(now.lookup("FIVEOFF").isRight()).isTrue();
            shop.inject(Endpoint.LOOKUP_CODE, SimFault.status(401));
            shop.clearRequestLog();
            assertThat(now.lookup("FIVEOFF").get()).isNotEmpty();
            assertThat(oauth.refreshes()).isEqualTo(2);
            assertThat(shop.requests(Endpoint.LOOKUP_CODE)).isEqualTo(2);
        }
        try (ShoplazzaOAuth wrong = ShoplazzaOAuth.builder().storeUrl(shop.baseUrl())
                .clientId(Secret.of(ShoplazzaSimulator.CLIENT_ID)).clientSecret(Secret.of("not-the-client-secret"))
                .refreshTokens(RefreshTokenStore.inMemory(Secret.of(ShoplazzaSimulator.FIRST_REFRESH_TOKEN)))
                .clock(clock).logLevel(HttpLogLevel.FULL).build();
                ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06, wrong)) {
            ProviderFailure denied = now.lookup("FIVEOFF").getLeft();
            assertThat(denied).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(denied.message()).contains("invalid_client");
        }
        logs.assertNoneOf(List.of(ShoplazzaSimulator.CLIENT_ID, ShoplazzaSimulator.CLIENT_SECRET, "not-the-client-secret"),
                List.of());
    }

    @Test
    void codesAreCreatedOneByOneOrInBatchesAndSingleCreatesMayAnswerAnArray() {
        try (ShoplazzaDiscounts old = adapter(ShoplazzaVersion.V2022_01);
                ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06)) {
            shop.createAnswersArray(true);
            assertThat(old.create(PriceRuleId.of(tenOff), new NewDiscountCode("ARRAY1")).get().code()).isEqualTo("ARRAY1");
            shop.createAnswersArray(false);
            List<NewDiscountCode> many = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                many.add(new NewDiscountCode("BATCH" + i));
            }
            shop.clearRequestLog();
            assertThat(now.createAll(PriceRuleId.of(tenOff), many).get()).hasSize(120);
            assertThat(shop.requests(Endpoint.BATCH_CREATE_CODES)).isEqualTo(2);
            assertThat(old.createAll(PriceRuleId.of(tenOff), List.of(new NewDiscountCode("ONE1"),
                    new NewDiscountCode("ONE2"))).get()).hasSize(2);
            assertThat(shop.requests(Endpoint.CREATE_CODE)).isEqualTo(2);
            assertThat(shop.codeCount(tenOff)).isEqualTo(123);
        }
    }

    /** Issue 15: numbers Shoplazza sends as text are bounded before they are parsed or printed. */
    @Test
    void anAbsurdRuleValueSentAsTextIsAnUnexpectedResponse() {
        try (ShoplazzaDiscounts old = adapter(ShoplazzaVersion.V2022_01)) {
            shop.inject(Endpoint.GET_RULE, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                    "(\"value\"\\s*:\\s*)[^,}]+\u0000$1\"-1e999999999\""));
            long start = System.nanoTime();
            ProviderFailure failure = old.get(PriceRuleId.of(tenOff)).getLeft();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        }
    }

    @Test
    void idsThatCouldChangeThePathAreRefusedBeforeAnyCall() {
        try (ShoplazzaDiscounts now = adapter(ShoplazzaVersion.V2025_06)) {
            shop.clearRequestLog();
            for (String hostile : List.of("..%2F..%2Fbalances", "%2E%2E", "..", "a/b", "a\\b")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> now.get(PriceRuleId.of(hostile)))
                        .isInstanceOf(IllegalArgumentException.class);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> now.delete(
                        PriceRuleId.of(tenOff), io.voucherport.domain.discount.DiscountCodeId.of(hostile)))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(shop.requestLog()).as("nothing sent").isEmpty();
        }
    }
}
