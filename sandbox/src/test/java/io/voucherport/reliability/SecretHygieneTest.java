package io.voucherport.reliability;

import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.sandbox.SandboxAccess;
import io.voucherport.testkit.assertions.LogCapture;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole demo journey with every logger at its most verbose and Feign at FULL: no configured
 * secret (API keys, bearer tokens, client secrets, JWTs, OAuth tokens) and no delivered code, PIN,
 * serial number or redeem link appears in the logs, the report, any failure's message or
 * {@code toString}, or a domain object's {@code toString}.
 */
class SecretHygieneTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void theWholeJourneyAtFullLoggingLeaksNoSecret() {
        List<String> secrets = new ArrayList<>(List.of(EzSimulator.DEFAULT_API_KEY, EzSimulator.DEFAULT_BEARER_TOKEN,
                GiftHubSimulator.DEFAULT_CLIENT_SECRET, ElasticPathSimulator.DEFAULT_CLIENT_SECRET,
                ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN));
        List<String> texts = new ArrayList<>();
        SandboxAccess.Run run = SandboxAccess.demo(HttpLogLevel.FULL, sims -> {
            texts.addAll(rejectedCredentials(sims.ez().baseUrl(), sims.gifthub().baseUrl(), sims.elasticPath().baseUrl(),
                    sims.shoplazza().baseUrl(), secrets));
            secrets.addAll(sims.ez().deliveredSecrets());
            secrets.addAll(sims.gifthub().deliveredSecrets());
            secrets.addAll(sims.gifthub().issuedTokens());
            secrets.addAll(sims.elasticPath().issuedTokens());
        });
        org.assertj.core.api.Assertions.assertThat(run.ok()).as(run.report()).isTrue();
        org.assertj.core.api.Assertions.assertThat(logs.text()).contains("---> POST").contains("<--- HTTP/1.1 200");
        texts.add(run.report());
        logs.assertNoneOf(secrets, texts);
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
            org.assertj.core.api.Assertions.assertThat(f).isInstanceOf(ProviderFailure.AccessDenied.class);
            texts.add(f.toString());
            texts.add(f.message());
        }
        return texts;
    }
}
