package io.voucherport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaOAuth;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.sandbox.Sandbox;
import io.voucherport.sandbox.SandboxAccess;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole demo journey — plus Shoplazza through OAuth and an Elastic Path code export — with the
 * adapters at FULL and <em>every</em> logger of a real SLF4J backend (Logback) at {@code TRACE},
 * HttpClient 5's wire and header loggers and the library's own SLF4J output included:
 * no configured secret (API keys, bearer tokens, client ids and secrets, JWTs, OAuth access and
 * refresh tokens) and no delivered code, PIN, serial number or redeem or export link appears in
 * any log line, the report, any failure's message or {@code toString}. Control assertions prove
 * the capture sees Feign's lines, HttpClient 5's DEBUG lines of the journey, and HttpClient 5's
 * wire and header lines whenever a connection logs them.
 */
class SecretHygieneTest {

    /** Keeps all text: secrets delivered during the run are only known at its end. */
    private final LogbackCapture logs = new LogbackCapture(Long.MAX_VALUE);

    @BeforeEach
    void capture() {
        logs.start();
        logs.watch(List.of());
    }

    @AfterEach
    void release() {
        logs.stop();
    }

    @Test
    void theWholeJourneyAtFullLoggingLeaksNoSecret() {
        List<String> secrets = new ArrayList<>(List.of(EzSimulator.DEFAULT_API_KEY, EzSimulator.DEFAULT_BEARER_TOKEN,
                GiftHubSimulator.DEFAULT_CLIENT_ID, GiftHubSimulator.DEFAULT_CLIENT_SECRET,
                ElasticPathSimulator.DEFAULT_CLIENT_ID, ElasticPathSimulator.DEFAULT_CLIENT_SECRET,
                ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN, ShoplazzaSimulator.CLIENT_ID, ShoplazzaSimulator.CLIENT_SECRET,
                ShoplazzaSimulator.FIRST_REFRESH_TOKEN));
        List<String> texts = new ArrayList<>();
        String[] wireControl = new String[1];
        SandboxAccess.Run run = SandboxAccess.demo(HttpLogLevel.FULL, sims -> {
            texts.addAll(rejectedCredentials(sims.ez().baseUrl(), sims.gifthub().baseUrl(), sims.elasticPath().baseUrl(),
                    sims.shoplazza().baseUrl(), secrets));
            texts.addAll(oauthAndExport(sims));
            wireControl[0] = plainHttpClientCall(sims.ez().baseUrl());
            secrets.addAll(sims.ez().deliveredSecrets());
            secrets.addAll(sims.gifthub().deliveredSecrets());
            secrets.addAll(sims.gifthub().issuedTokens());
            secrets.addAll(sims.elasticPath().issuedTokens());
            secrets.addAll(sims.elasticPath().fileLinks());
            secrets.addAll(sims.shoplazza().issuedTokens());
        });
        assertThat(run.ok()).as(run.report()).isTrue();
        assertThat(logs.complete()).as("every captured line was kept for the check").isTrue();
        String logged = logs.text();
        // control: the library's SLF4J output (Feign's lines) reaches the capture
        assertThat(logged).contains("---> POST").contains("<--- HTTP/1.1 200");
        // control: HttpClient 5's own DEBUG lines of the journey reach the capture
        assertThat(logs.lines(l -> l.logger().startsWith("org.apache.hc.client5.") && l.level() == Level.DEBUG))
                .as("HttpClient 5 DEBUG lines captured during the journey").isNotEmpty();
        // control: HttpClient 5's wire and header loggers reach the capture when a connection logs them
        for (String hc5 : LogbackCapture.HC5_LOGGERS) {
            assertThat(logs.lines(l -> l.logger().equals(hc5) && l.text().contains(wireControl[0])))
                    .as("%s captured the control request's marker header", hc5).isNotEmpty();
        }
        assertThat(secrets).as("secrets delivered and issued during the journey").hasSizeGreaterThan(20);
        texts.add(run.report());
        for (String secret : secrets) {
            assertThat(secret).as("a secret to look for").hasSizeGreaterThanOrEqualTo(6);
            List<LogbackCapture.Line> leaking = logs.lines(l -> l.text().contains(secret));
            assertThat(leaking.stream().map(l -> l.logger() + " " + l.level()).distinct().toList())
                    .as("loggers that logged the secret %s", LogbackCapture.describe(secret)).isEmpty();
            for (String text : texts) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    /**
     * A plain HttpClient 5 client (not an adapter's) sends a harmless marker header: HttpClient 5's
     * wire and header loggers log it, which shows the capture would see them log an adapter's call.
     */
    private static String plainHttpClientCall(String baseUrl) {
        String marker = "wire-control-" + UUID.randomUUID();
        try (CloseableHttpClient plain = HttpClients.createDefault()) {
            HttpGet get = new HttpGet(baseUrl + "/v2/balances");
            get.addHeader("X-Control", marker);
            plain.execute(get, response -> response.getCode());
        } catch (IOException e) {
            throw new AssertionError("the control request failed", e);
        }
        return marker;
    }

    /** Shoplazza through OAuth (client id, client secret, rotating refresh token) and an Elastic Path export link. */
    private static List<String> oauthAndExport(Sandbox.Simulators sims) {
        List<String> texts = new ArrayList<>();
        try (ShoplazzaOAuth oauth = ShoplazzaOAuth.builder().storeUrl(sims.shoplazza().baseUrl())
                .clientId(Secret.of(ShoplazzaSimulator.CLIENT_ID)).clientSecret(Secret.of(ShoplazzaSimulator.CLIENT_SECRET))
                .refreshTokens(RefreshTokenStore.inMemory(Secret.of(ShoplazzaSimulator.FIRST_REFRESH_TOKEN)))
                .logLevel(HttpLogLevel.FULL).build();
                ShoplazzaDiscounts shop = ShoplazzaDiscounts.builder().storeUrl(sims.shoplazza().baseUrl())
                        .version(ShoplazzaVersion.V2025_06).tokens(oauth).logLevel(HttpLogLevel.FULL).build()) {
            assertThat(shop.lookup("WELCOME5").get()).isNotEmpty();
            texts.add(oauth.toString());
            texts.add(shop.toString());
        }
        try (ElasticPathPromotions promotions = ElasticPathPromotions.builder().baseUrl(sims.elasticPath().baseUrl())
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_SECRET)).logLevel(HttpLogLevel.FULL).build()) {
            PromotionId summer = PromotionId.of("std-summer");
            CodeJob job = promotions.startCodeExport(summer).get();
            while (!promotions.job(summer, job.id()).get().status().isTerminal()) {
                Thread.onSpinWait();
            }
            Secret link = promotions.exportFile(summer, job.id()).get();
            texts.add(link.toString());
            texts.add(promotions.toString());
        }
        return texts;
    }

    /** Each adapter with a wrong credential: the failures' messages and {@code toString}s. */
    private static List<String> rejectedCredentials(String ez, String gifthub, String elasticPath, String shoplazza,
            List<String> secrets) {
        List<String> wrong = List.of("wrong-ez-key-31415926", "wrong-gifthub-secret-27182818",
                "wrong-ep-secret-16180339", "wrong-shoplazza-token-14142135");
        secrets.addAll(wrong);
        List<ProviderFailure> failures = new ArrayList<>();
        try (EzCardsSupplier s = EzCardsSupplier.builder().baseUrl(ez).apiKey(Secret.of(wrong.get(0)))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).logLevel(HttpLogLevel.FULL).build()) {
            failures.add(s.balances().getLeft());
        }
        try (GiftHubSupplier s = GiftHubSupplier.builder().baseUrl(gifthub).clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(wrong.get(1))).references(OrderReferenceStore.inMemory())
                .logLevel(HttpLogLevel.FULL).build()) {
            failures.add(s.balances().getLeft());
        }
        try (ElasticPathPromotions s = ElasticPathPromotions.builder().baseUrl(elasticPath)
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID)).clientSecret(Secret.of(wrong.get(2)))
                .logLevel(HttpLogLevel.FULL).build()) {
            failures.add(s.promotion(PromotionId.of("std-summer")).getLeft());
        }
        try (ShoplazzaDiscounts s = ShoplazzaDiscounts.builder().storeUrl(shoplazza).version(ShoplazzaVersion.V2022_01)
                .tokens(AccessTokenProvider.fixed(Secret.of(wrong.get(3)))).logLevel(HttpLogLevel.FULL).build()) {
            failures.add(s.lookup("WELCOME5").getLeft());
        }
        List<String> texts = new ArrayList<>();
        for (ProviderFailure f : failures) {
            assertThat(f).isInstanceOf(ProviderFailure.AccessDenied.class);
            texts.add(f.toString());
            texts.add(f.message());
        }
        return texts;
    }
}
