package io.voucherport.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.sandbox.Sandbox;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public entry point refuses invalid arguments with a clear message before any HTTP call
 * (the simulators record no request), and ids that need URL encoding are encoded.
 */
class HostileInputTest {

    private static final String LONG = "x".repeat(10_000);
    private static Sandbox.Simulators sims;
    private static EzCardsSupplier ez;
    private static GiftHubSupplier gifthub;
    private static ElasticPathPromotions promotions;
    private static ShoplazzaDiscounts shop;

    @BeforeAll
    static void start() {
        sims = Sandbox.Simulators.start(0, 0, 0, 0);
        ez = EzCardsSupplier.builder().baseUrl(sims.ez().baseUrl()).apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).build();
        gifthub = GiftHubSupplier.builder().baseUrl(sims.gifthub().baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .references(OrderReferenceStore.inMemory()).build();
        promotions = ElasticPathPromotions.builder().baseUrl(sims.elasticPath().baseUrl())
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_SECRET)).build();
        shop = ShoplazzaDiscounts.builder().storeUrl(sims.shoplazza().baseUrl()).version(ShoplazzaVersion.V2025_06)
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN))).build();
    }

    @AfterAll
    static void stop() {
        ez.close();
        gifthub.close();
        promotions.close();
        shop.close();
        sims.close();
    }

    private static List<ThrowingCallable> hostile() {
        List<ThrowingCallable> calls = new ArrayList<>();
        // domain values
        calls.add(() -> OrderLine.of("8PX-UF-Y5U", 0));
        calls.add(() -> OrderLine.of("8PX-UF-Y5U", -1));
        calls.add(() -> OrderLine.of("8PX-UF-Y5U", 10_001));
        calls.add(() -> OrderLine.of((String) null, 1));
        calls.add(() -> OrderLine.of(" ", 1));
        calls.add(() -> Sku.of("../x"));
        calls.add(() -> Sku.of(LONG));
        calls.add(() -> CurrencyCode.of("usd"));
        calls.add(() -> CurrencyCode.of("EURO"));
        calls.add(() -> Money.of("-1", "USD"));
        calls.add(() -> OrderReference.of(LONG));
        calls.add(() -> OrderRequest.of(OrderReference.generate(), List.of()));
        calls.add(() -> OrderRequest.of(OrderReference.generate(), Collections.nCopies(101, OrderLine.of("A", 1))));
        calls.add(() -> OrderRequest.of(OrderReference.generate(), List.of(OrderLine.of("A", 1), OrderLine.of("A", 2))));
        calls.add(() -> SupplierOrderId.of(".."));
        calls.add(() -> SupplierOrderId.of("a/b"));
        calls.add(() -> PromotionId.of("../x"));
        calls.add(() -> CodeText.of(LONG));
        calls.add(() -> PriceRuleId.of("a\\b"));
        calls.add(() -> DiscountCodeId.of(""));
        calls.add(() -> new NewDiscountCode("two words"));
        calls.add(() -> new CodeGenerationRequest(0, Option.none(), 10, Option.none(), Option.none()));
        // builders
        calls.add(() -> EzCardsSupplier.builder().baseUrl("ftp://example.com"));
        calls.add(() -> EzCardsSupplier.builder().baseUrl(null));
        calls.add(() -> EzCardsSupplier.builder().readTimeout(Duration.ofSeconds(-1)));
        calls.add(() -> EzCardsSupplier.builder().baseUrl("https://x.example").build());
        calls.add(() -> GiftHubSupplier.builder().pageSize(4));
        calls.add(() -> ElasticPathPromotions.builder().pageSize(101));
        calls.add(() -> ShoplazzaDiscounts.builder().store("../evil"));
        calls.add(() -> ShoplazzaDiscounts.builder().storeUrl(sims.shoplazza().baseUrl()).build());
        // port implementations
        calls.add(() -> ez.place(null));
        calls.add(() -> ez.findOrder(null));
        calls.add(() -> ez.codes(SupplierOrderId.of("x"), Option.none(), List.of("../1")));
        calls.add(() -> gifthub.fetchCodes(null));
        calls.add(() -> gifthub.product("../p"));
        calls.add(() -> promotions.createCodes(PromotionId.of("std-summer"), List.of()));
        calls.add(() -> shop.lookup(" "));
        calls.add(() -> shop.get(null));
        // use cases
        calls.add(() -> BuyCodes.builder("ez", null, new InMemoryPurchaseJournal()));
        calls.add(() -> BuyCodes.builder("ez", ez, null));
        calls.add(() -> BuyCodes.builder("../ez", ez, new InMemoryPurchaseJournal()));
        calls.add(() -> BuyCodes.prepare(List.of(), Option.none()));
        calls.add(() -> new PollingPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2), 0, Duration.ofSeconds(9)));
        calls.add(() -> BuyFromSuppliers.builder(new InMemoryPurchaseJournal(), PollingPolicy.DEFAULT, Waiting.real())
                .supplier(" ", ez));
        return calls;
    }

    @Test
    void invalidArgumentsAreRefusedWithAClearMessageBeforeAnyHttpCall() {
        sims.ez().clearRequestLog();
        sims.gifthub().clearRequestLog();
        sims.elasticPath().clearRequestLog();
        sims.shoplazza().clearRequestLog();
        List<ThrowingCallable> calls = hostile();
        for (int n = 0; n < calls.size(); n++) {
            int i = n;
            assertThatThrownBy(calls.get(i)).as("hostile call #%d", i)
                    .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                    .satisfies(e -> assertThat(e.getMessage()).as("message of #%d", i).isNotBlank());
        }
        assertThat(sims.ez().requestLog()).isEmpty();
        assertThat(sims.gifthub().requestLog()).isEmpty();
        assertThat(sims.elasticPath().requestLog()).isEmpty();
        assertThat(sims.shoplazza().requestLog()).isEmpty();
    }

    /** A provider's limit is no invalid argument: it is answered InvalidRequest, provably not applied, nothing sent. */
    @Test
    void elasticPathLimitsAreRefusedAsValuesBeforeAnyHttpCall() {
        sims.elasticPath().clearRequestLog();
        List<io.vavr.control.Either<ProviderFailure, ?>> answers = List.of(
                promotions.createCodes(PromotionId.of("std-summer"),
                        Collections.nCopies(101, NewPromotionCode.of(CodeText.of("X1")))),
                promotions.findPromotionHolding(CodeText.of("A,B)")));
        List<String> messages = List.of("at most 100 codes at once, not 101", "cannot be looked up by filter");
        for (int i = 0; i < answers.size(); i++) {
            ProviderFailure refused = answers.get(i).getLeft();
            assertThat(refused).as("limit #%d", i).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(refused.provablyNotApplied()).as("limit #%d", i).isTrue();
            assertThat(refused.message()).as("message of limit #%d", i).contains(messages.get(i));
        }
        assertThat(sims.elasticPath().requestLog()).isEmpty();
    }

    @Test
    void idsThatNeedUrlEncodingAreEncodedInPaths() {
        sims.ez().clearRequestLog();
        sims.shoplazza().clearRequestLog();
        ProviderFailure notFound = ez.fetchCodes(SupplierOrderId.of("ez 1?x=2&y#z 20")).getLeft();
        assertThat(notFound).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(sims.ez().requestLog()).containsExactly(EzSimulator.Endpoint.GET_CODES);
        sims.ez().clearRequestLog();
        assertThat(shop.get(PriceRuleId.of("rule id?with&odd#chars")).getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(sims.shoplazza().requestLog()).containsExactly(ShoplazzaSimulator.Endpoint.GET_RULE);
        sims.shoplazza().clearRequestLog();
    }
}
