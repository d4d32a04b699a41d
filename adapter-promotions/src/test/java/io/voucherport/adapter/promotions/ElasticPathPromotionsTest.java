package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.ConsumeUnit;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.testkit.assertions.LogCapture;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.time.ManualClock;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Elastic Path specifics: tokens, paging limits, 429, both engines' codes, URL-encoding, secrets, memory. */
class ElasticPathPromotionsTest {

    private static final PromotionId SUMMER = PromotionId.of("std-summer");
    private static final PromotionId WELCOME = PromotionId.of("rule-welcome");


    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final ManualClock clock = new ManualClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private ElasticPathSimulator ep;
    private ElasticPathPromotions standard;
    private ElasticPathPromotions rules;

    @BeforeEach
    void start() {
        ep = ElasticPathSimulator.create().clock(clock).withSampleData()
                .credentials(ElasticPathSimulator.DEFAULT_CLIENT_ID, "s3cr&t=with+odd/chars%");
        ep.start();
        standard = adapter(PromotionKind.STANDARD, Option.some("s3cr&t=with+odd/chars%"));
        rules = adapter(PromotionKind.RULE_BASED, Option.some("s3cr&t=with+odd/chars%"));
    }

    @AfterEach
    void stop() {
        standard.close();
        rules.close();
        ep.close();
    }

    private ElasticPathPromotions adapter(PromotionKind kind, Option<String> secret) {
        ElasticPathPromotionsBuilder b = ElasticPathPromotions.builder().baseUrl(ep.baseUrl())
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID)).kind(kind).pageSize(40).requestsPerSecond(0)
                .clock(clock).logLevel(HttpLogLevel.FULL).sleeper(sleeps::add)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)));
        secret.peek(s -> b.clientSecret(Secret.of(s)));
        return b.build();
    }

    @Test
    void usesAreKeptApartAndAnAbsentMaxUsesIsNeverGuessed() {
        List<PromotionCode> codes = standard.codes(SUMMER).toList().get();
        assertThat(codes).hasSize(250);
        PromotionCode plain = codes.get(0);
        assertThat(plain.maxUses()).contains(10);
        assertThat(plain.remainingUses()).contains(9);
        assertThat(plain.consumeUnit()).contains(ConsumeUnit.PER_CART);
        assertThat(plain.createdAt()).isNotEmpty();
        PromotionCode legacy = codes.get(2);
        assertThat(legacy.remainingUses()).contains(7);
        assertThat(legacy.maxUses()).isEmpty();
        PromotionCode unlimited = codes.get(4);
        assertThat(unlimited.maxUses()).isEmpty();
        assertThat(unlimited.remainingUses()).isEmpty();
        assertThat(codes.get(6).users()).containsExactly("customer-7");

        PromotionCode rule = rules.codes(WELCOME).toList().get().get(0);
        assertThat(rule.id()).isNotEmpty();
        assertThat(rule.consumeUnit()).contains(ConsumeUnit.PER_CHECKOUT);
    }

    @Test
    void theOffsetCapEndsTheListingWithAClearFailureNotASilentTruncation() {
        ep.promotion("std-huge", false, "Huge", 10_250);
        try (ElasticPathPromotions big = ElasticPathPromotions.builder().baseUrl(ep.baseUrl())
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of("s3cr&t=with+odd/chars%")).requestsPerSecond(0).build()) {
            List<String> seen = new ArrayList<>();
            Either<ProviderFailure, Long> walked = big.codes(PromotionId.of("std-huge")).forEachItem(c -> seen.add(c.code().value()));
            assertThat(seen).hasSize(10_100).doesNotHaveDuplicates();
            assertThat(walked.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(walked.getLeft().message()).contains("offsets above 10000").contains("startCodeExport");
        }
    }

    @Test
    void rateLimitedReadsBackOffWithJitterAndWritesAreNotRetried() {
        ep.inject(Endpoint.LIST_CODES, SimFault.status(429));
        ep.inject(Endpoint.LIST_CODES, SimFault.status(429));
        assertThat(standard.codes(SUMMER).toList().get()).hasSize(250);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));

        ep.clearRequestLog();
        ep.inject(Endpoint.CREATE_CODES, SimFault.status(429));
        ProviderFailure failure = standard.createCodes(SUMMER, List.of(NewPromotionCode.of(CodeText.of("LIMITED1"))))
                .getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.RateLimited.class);
        assertThat(ep.requests(Endpoint.CREATE_CODES)).isEqualTo(1);
    }

    @Test
    void theSimulatorsRateLimitIsMetWith429AndTheAdaptersBackoff() {
        ep.rateLimit(3);
        Either<ProviderFailure, List<PromotionCode>> listed = standard.codes(SUMMER).toList();
        assertThat(listed.isLeft()).as("a clock that never moves never refills the simulator's window").isTrue();
        assertThat(listed.getLeft()).isInstanceOf(ProviderFailure.RateLimited.class);
        assertThat(listed.getLeft().details().attempts()).isEqualTo(3);
    }

    @Test
    void oneTokenServesConcurrentCallersAndIsRenewedOnceAfterExpiryOr401() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            concurrently(pool);
            assertThat(standard.tokensIssued()).isEqualTo(1);
            ep.revokeTokens();
            concurrently(pool);
            assertThat(standard.tokensIssued()).isEqualTo(2);
            clock.advance(Duration.ofMinutes(59));
            concurrently(pool);
            assertThat(standard.tokensIssued()).isEqualTo(3);
            assertThat(ep.requests(Endpoint.TOKEN)).isEqualTo(3 + rules.tokensIssued());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anImplicitTokenReadsButCannotWrite() {
        try (ElasticPathPromotions implicit = adapter(PromotionKind.STANDARD, Option.none())) {
            assertThat(implicit.promotion(SUMMER).get().name()).isEqualTo("Summer sale");
            ProviderFailure refused = implicit.deleteCode(SUMMER, CodeText.of("STDSUMMER-000001")).getLeft();
            assertThat(refused).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(refused.httpStatus()).contains(403);
            assertThat(implicit.tokensIssued()).as("a 403 is not a stale token").isEqualTo(1);
        }
        try (ElasticPathPromotions wrong = adapter(PromotionKind.STANDARD, Option.some("wrong-secret-value"))) {
            ProviderFailure denied = wrong.promotion(SUMMER).getLeft();
            assertThat(denied).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(denied.message()).contains("Unauthorized");
        }
    }

    @Test
    void codeTextsAreUrlEncodedInPathsAndBuilderCodesAreDeletedByIdCaseInsensitively() {
        CodeText odd = CodeText.of("SUMMER 10/OFF?&#");
        standard.createCodes(SUMMER, List.of(NewPromotionCode.of(odd))).get();
        assertThat(ep.holds("std-summer", odd.value())).isTrue();
        assertThat(standard.findPromotionHolding(CodeText.of("STDSUMMER-000042")).get()).contains(SUMMER);
        assertThat(standard.deleteCode(SUMMER, odd).isRight()).isTrue();
        assertThat(ep.holds("std-summer", odd.value())).isFalse();

        rules.createCodes(WELCOME, List.of(NewPromotionCode.of(CodeText.of("MiXed-Case-1")))).get();
        assertThat(rules.findPromotionHolding(CodeText.of("mixed-case-1")).get()).contains(WELCOME);
        assertThat(rules.deleteCode(WELCOME, CodeText.of("MIXED-CASE-1")).isRight()).isTrue();
        assertThat(ep.holds("rule-welcome", "mixed-case-1")).isFalse();
        assertThat(rules.deleteCode(WELCOME, CodeText.of("MIXED-CASE-1")).getLeft())
                .isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void eachEnginesConsumeUnitsAreKeptApartAndCheckedBeforeSending() {
        NewPromotionCode builderUnit = new NewPromotionCode(CodeText.of("UNIT-1"), Option.none(), Option.none(),
                Option.some(ConsumeUnit.PER_CHECKOUT));
        assertRefusedBeforeSending(standard.createCodes(SUMMER, List.of(builderUnit)), "does not belong to STANDARD");
        assertRefusedBeforeSending(rules.startCodeGeneration(WELCOME, new CodeGenerationRequest(5, Option.none(), 10,
                Option.none(), Option.some(ConsumeUnit.PER_ITEM))), "does not belong to RULE_BASED");
        assertRefusedBeforeSending(standard.startCodeGeneration(SUMMER, new CodeGenerationRequest(1001, Option.none(), 10,
                Option.none(), Option.none())), "at most 1000");
        assertRefusedBeforeSending(standard.startCodeGeneration(SUMMER, new CodeGenerationRequest(5, Option.none(), 20,
                Option.none(), Option.none())), "8 to 16");
        assertRefusedBeforeSending(standard.findPromotionHolding(CodeText.of("A,B)")), "cannot be looked up by filter");
        assertRefusedBeforeSending(standard.createCodes(SUMMER, java.util.Collections.nCopies(101,
                NewPromotionCode.of(CodeText.of("X1")))), "at most 100 codes at once, not 101");
        assertThatThrownBy(() -> standard.createCodes(SUMMER, List.of())).as("no codes at all is no provider limit")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThat(ep.requestLog()).isEmpty();
        NewPromotionCode perItem = new NewPromotionCode(CodeText.of("UNIT-2"), Option.some(2), Option.some("cust-1"),
                Option.some(ConsumeUnit.PER_ITEM));
        assertThat(standard.createCodes(SUMMER, List.of(perItem)).get().get(0).consumeUnit()).contains(ConsumeUnit.PER_ITEM);
        assertThat(standard.codes(SUMMER).stream().filter(c -> c.get().code().value().equals("UNIT-2")).findFirst()
                .get().get().consumeUnit()).contains(ConsumeUnit.PER_ITEM);
    }

    @Test
    void errorsInEveryShapeKeepTheirMessages() {
        ProviderFailure existing = standard.createCodes(SUMMER, List.of(NewPromotionCode.of(CodeText.of("STDSUMMER-000001"))))
                .getLeft();
        assertThat(existing).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(((ProviderFailure.InvalidRequest) existing).reasons())
                .containsExactly("Unprocessable Entity: code STDSUMMER-000001 already exists or is empty");
        assertThat(standard.promotion(PromotionId.of("nope")).getLeft().message()).contains("promotion not found");
        ep.inject(Endpoint.GET_PROMOTION, SimFault.status(400));
        assertThat(standard.promotion(SUMMER).getLeft().message()).contains("simulated 400");
    }

    @Test
    void anExportLinkUnderUrlOrLinkIsNotLoggedEither() {
        for (String field : List.of("url", "link")) {
            CodeJob job = standard.startCodeExport(SUMMER).get();
            while (!standard.job(SUMMER, job.id()).get().status().isTerminal()) {
                sleeps.add(Duration.ZERO);
            }
            ep.inject(Endpoint.JOB_FILE, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                    "\"href\"\u0000\"" + field + "\""));
            Secret link = standard.exportFile(SUMMER, job.id()).get();
            assertThat(ep.fileLinks()).contains(link.reveal());
            assertThat(logs.text()).contains("\"" + field + "\":\"****\"");
        }
        logs.assertNoneOf(ep.fileLinks(), List.of());
    }

    @Test
    void noSecretIsLogged() {
        CodeJob job = standard.startCodeExport(SUMMER).get();
        while (!standard.job(SUMMER, job.id()).get().status().isTerminal()) {
            sleeps.add(Duration.ZERO);
        }
        Secret link = standard.exportFile(SUMMER, job.id()).get();
        ep.revokeTokens();
        assertThat(standard.promotion(SUMMER).isRight()).isTrue();
        assertThat(logs.text()).contains("client_secret=****").contains("client_id=****").contains("\"href\"");
        List<String> secrets = new ArrayList<>(ep.issuedTokens());
        secrets.add(ElasticPathSimulator.DEFAULT_CLIENT_ID);
        secrets.addAll(ep.fileLinks());
        secrets.add("s3cr&t=with+odd/chars%");
        secrets.add(java.net.URLEncoder.encode("s3cr&t=with+odd/chars%", StandardCharsets.UTF_8));
        logs.assertNoneOf(secrets, List.of(link.toString(), standard.toString()));
    }

    /** With 16 pages in flight: pages fetched ahead stay bounded too. */
    @Test
    void twentyThousandCodesStreamThroughA24MegabyteHeap() throws Exception {
        ep.promotion("big-1", false, "Big one", 10_000).promotion("big-2", false, "Big two", 10_000);
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                StreamCodesMain.class.getName(), ep.baseUrl(), "s3cr&t=with+odd/chars%", "16", "big-1", "big-2")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("streamed 20000 codes");
        assertThat(child.exitValue()).as(output).isZero();
    }

    /** A provider limit: answered {@code InvalidRequest}, provably not applied, with the limit's message. */
    private static void assertRefusedBeforeSending(Either<ProviderFailure, ?> answer, String message) {
        assertThat(answer.isLeft()).as("refused: %s", answer).isTrue();
        assertThat(answer.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(answer.getLeft().provablyNotApplied()).isTrue();
        assertThat(answer.getLeft().message()).contains(message);
    }

    private void concurrently(ExecutorService pool) throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> standard.promotion(SUMMER).isRight()));
        }
        for (Future<Boolean> r : results) {
            assertThat(r.get()).isTrue();
        }
    }

    /** Issue 15: a code text that is, or decodes to, a dot segment would climb the path (DELETE …/codes/.. is the promotion). */
    @Test
    void codeTextsThatCouldChangeThePathAreRefusedBeforeAnyCall() {
        ep.clearRequestLog();
        for (String hostile : List.of("..%2F..%2Fbalances", "..", ".", "%2E%2E", "%2e%2e%2f", "a/../../b", "x\\..")) {
            ProviderFailure refused = standard.deleteCode(SUMMER, CodeText.of(hostile)).getLeft();
            assertThat(refused).as(hostile).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(refused.message()).contains("would change the URL path");
        }
        for (String hostile : List.of("..%2F..%2Fbalances", "%2E%2E", "..", "a/b")) {
            assertThatThrownBy(() -> standard.promotion(PromotionId.of(hostile))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> standard.cancelJob(SUMMER, io.voucherport.domain.promotion.JobId.of(hostile)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ep.requestLog()).as("nothing sent").isEmpty();
    }

    @Test
    void aCodeTextThatLooksPercentEncodedIsDeletedAsWritten() {
        CodeText looksEncoded = CodeText.of("A%41-50%OFF");
        standard.createCodes(SUMMER, List.of(NewPromotionCode.of(looksEncoded))).get();
        assertThat(ep.holds("std-summer", looksEncoded.value())).isTrue();
        assertThat(standard.deleteCode(SUMMER, looksEncoded).isRight()).isTrue();
        assertThat(ep.holds("std-summer", looksEncoded.value())).isFalse();
    }
}
