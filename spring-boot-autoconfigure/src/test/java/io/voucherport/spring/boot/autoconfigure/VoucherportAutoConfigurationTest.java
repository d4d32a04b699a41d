package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.jdbc.JdbcOrderReferenceStore;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.application.discount.CheckDiscountCodes;
import io.voucherport.application.promotion.ManagePromotionCodes;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.application.purchase.RecoverPurchases;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/** Every condition of the auto-configuration, against the simulators and a real PostgreSQL. */
class VoucherportAutoConfigurationTest {

    static final AutoConfigurations ALL = AutoConfigurations.of(VoucherportHttpAutoConfiguration.class,
            VoucherportJdbcAutoConfiguration.class, VoucherportAdaptersAutoConfiguration.class,
            VoucherportBuyersAutoConfiguration.class, VoucherportPurchasesAutoConfiguration.class,
            VoucherportCodesAutoConfiguration.class, VoucherportHealthAutoConfiguration.class,
            VoucherportSanitizingAutoConfiguration.class);

    private static EzSimulator ez;
    private static GiftHubSimulator gifthub;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

    @BeforeAll
    static void startSimulators() {
        ez = EzSimulator.create().withSampleData();
        ez.start();
        gifthub = GiftHubSimulator.create().withSampleData();
        gifthub.start();
    }

    @AfterAll
    static void stopSimulators() {
        ez.close();
        gifthub.close();
    }

    private static String[] ezProperties() {
        return new String[] {"voucherport.ez.base-url=" + ez.baseUrl(),
            "voucherport.ez.api-key=" + EzSimulator.DEFAULT_API_KEY,
            "voucherport.ez.bearer-token=" + EzSimulator.DEFAULT_BEARER_TOKEN};
    }

    private static String[] giftHubProperties() {
        return new String[] {"voucherport.gifthub.base-url=" + gifthub.baseUrl(),
            "voucherport.gifthub.client-id=" + GiftHubSimulator.DEFAULT_CLIENT_ID,
            "voucherport.gifthub.client-secret=" + GiftHubSimulator.DEFAULT_CLIENT_SECRET};
    }

    private ApplicationContextRunner withDatabase(ApplicationContextRunner base) {
        return base.withBean(DataSource.class, TestDatabase::dataSource)
                .withPropertyValues("voucherport.purchase.journal.initialize-schema=true");
    }

    @Test
    void withoutPropertiesNothingButTheSecretBindingIsConfigured() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SecretConverter.class)
                    .doesNotHaveBean(SharedHttpClient.class).doesNotHaveBean(EzCardsSupplier.class)
                    .doesNotHaveBean(GiftHubSupplier.class).doesNotHaveBean(ElasticPathPromotions.class)
                    .doesNotHaveBean(ShoplazzaDiscounts.class).doesNotHaveBean(PurchaseJournal.class)
                    .doesNotHaveBean(BuyCodes.class).doesNotHaveBean(BuyFromSuppliers.class)
                    .doesNotHaveBean(ManagePromotionCodes.class).doesNotHaveBean(CheckDiscountCodes.class)
                    .doesNotHaveBean(HealthIndicator.class);
        });
    }

    @Test
    void ezBaseUrlConfiguresTheSupplierOnTheSharedClientWithoutAJournal() {
        runner.withPropertyValues(ezProperties()).withPropertyValues("voucherport.http.max-connections=4").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EzCardsSupplier.class).hasSingleBean(SharedHttpClient.class)
                    .hasBean("ezHealthIndicator")
                    .doesNotHaveBean(PurchaseJournal.class).doesNotHaveBean(BuyCodes.class)
                    .doesNotHaveBean(RecoverPurchases.class).doesNotHaveBean(GiftHubSupplier.class);
            assertThat(context.getBean(SharedHttpClient.class).maxConnections()).isEqualTo(4);
            Either<ProviderFailure, List<Balance>> balances = context.getBean(EzCardsSupplier.class).balances();
            assertThat(balances.isRight()).as("%s", balances).isTrue();
        });
    }

    @Test
    void aMissingCredentialStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("voucherport.ez.base-url=" + ez.baseUrl(),
                "voucherport.ez.api-key=" + EzSimulator.DEFAULT_API_KEY).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("voucherport.ez.bearer-token is required when voucherport.ez.base-url is set");
        });
    }

    @Test
    void theServicesOwnBeansWin() {
        SharedHttpClient own = SharedHttpClient.withMaxConnections(3);
        try {
            runner.withPropertyValues(ezProperties())
                    .withBean(SharedHttpClient.class, () -> own)
                    .withBean("ezHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
                    .run(context -> {
                        assertThat(context).hasNotFailed().getBean(SharedHttpClient.class).isSameAs(own);
                        assertThat(context.getBean("ezHealthIndicator", HealthIndicator.class).health().getStatus())
                                .isEqualTo(Status.UNKNOWN);
                    });
            EzCardsSupplier mine = EzCardsSupplier.builder().baseUrl(ez.baseUrl())
                    .apiKey(io.voucherport.domain.Secret.of("k")).bearerToken(io.voucherport.domain.Secret.of("t")).build();
            runner.withPropertyValues(ezProperties()).withBean(EzCardsSupplier.class, () -> mine).run(context ->
                    assertThat(context).hasNotFailed().getBean(EzCardsSupplier.class).isSameAs(mine));
            mine.close();
        } finally {
            own.close();
        }
    }

    @Test
    void aDataSourceBringsTheJournalTheStoresTheUseCasesAndRecovery() {
        withDatabase(runner).withPropertyValues(ezProperties()).withPropertyValues(giftHubProperties())
                .withPropertyValues("voucherport.purchase.preference=gifthub,ez").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(VoucherportSchemaInitializer.class)
                            .hasSingleBean(JdbcPurchaseJournal.class).hasSingleBean(JdbcOrderReferenceStore.class)
                            .hasBean("ezBuyCodes").hasBean("giftHubBuyCodes").hasSingleBean(BuyFromSuppliers.class)
                            .hasSingleBean(RecoverPurchases.class).hasSingleBean(PurchaseRecoveryRunner.class);
                    assertThat(context.getBean(SupplierPreference.class).names()).containsExactly("gifthub", "ez");
                    assertThat(context.getBean(BuyFromSuppliers.class).supplier("ez")).isNotEmpty();
                    assertThat(context.getBean(PurchaseRecoveryRunner.class).isRunning()).isTrue();
                });
    }

    @Test
    void withoutADataSourceThereIsNoJournalAndNoPurchaseUseCase() {
        runner.withPropertyValues(ezProperties()).withClassLoader(new FilteredClassLoader(DataSource.class)).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(EzCardsSupplier.class)
                        .doesNotHaveBean(PurchaseJournal.class).doesNotHaveBean(OrderReferenceStore.class)
                        .doesNotHaveBean(BuyCodes.class).doesNotHaveBean(BuyFromSuppliers.class)
                        .doesNotHaveBean(PurchaseRecoveryRunner.class));
    }

    @Test
    void recoveryCanBeTurnedOff() {
        withDatabase(runner).withPropertyValues(ezProperties())
                .withPropertyValues("voucherport.purchase.recovery.enabled=false").run(context ->
                        assertThat(context).hasNotFailed().hasSingleBean(RecoverPurchases.class)
                                .doesNotHaveBean(PurchaseRecoveryRunner.class));
    }

    @Test
    void theDefaultPreferenceIsEveryConfiguredSupplierEzFirstAndAnUnknownNameStopsTheStart() {
        withDatabase(runner).withPropertyValues(giftHubProperties()).withPropertyValues(ezProperties()).run(context ->
                assertThat(context.getBean(SupplierPreference.class).names()).containsExactly("ez", "gifthub"));
        withDatabase(runner).withPropertyValues(ezProperties()).withPropertyValues("voucherport.purchase.preference=gifthub")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("names supplier gifthub, which is not configured"));
    }

    @Test
    void gifthubNeedsADurableReferenceStoreUnlessInMemoryIsAskedFor() {
        runner.withPropertyValues(giftHubProperties()).run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("GiftHub needs a durable order reference store"));
        runner.withPropertyValues(giftHubProperties()).withPropertyValues("voucherport.gifthub.in-memory-references=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(GiftHubSupplier.class)
                        .doesNotHaveBean(OrderReferenceStore.class));
    }

    @Test
    void healthIndicatorsReadWithTheCredentialsAndNeverBuy() {
        int orders = ez.orderCount() + gifthub.paidOrders().size();
        withDatabase(runner).withPropertyValues(ezProperties()).withPropertyValues(giftHubProperties()).run(context -> {
            assertThat(context.getBean("ezHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean("giftHubHealthIndicator", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
        runner.withPropertyValues("voucherport.ez.base-url=" + ez.baseUrl(), "voucherport.ez.api-key=wrong-key",
                "voucherport.ez.bearer-token=wrong-token").run(context -> {
                    Health health = context.getBean("ezHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("failure", "AccessDenied").containsEntry("httpStatus", 401);
                    assertThat(health.toString()).doesNotContain("wrong-key").doesNotContain("wrong-token");
                });
        runner.withPropertyValues("voucherport.ez.base-url=http://127.0.0.1:1", "voucherport.ez.api-key=k",
                "voucherport.ez.bearer-token=t", "voucherport.ez.retry.max-attempts=1").run(context ->
                        assertThat(context.getBean("ezHealthIndicator", HealthIndicator.class).health().getDetails())
                                .containsEntry("failure", "Unavailable"));
        assertThat(ez.orderCount() + gifthub.paidOrders().size()).as("orders placed by health checks").isEqualTo(orders);
    }

    @Test
    void withoutTheActuatorThereAreNoHealthIndicatorsNorSanitizing() {
        runner.withPropertyValues(ezProperties())
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class, SanitizingFunction.class)).run(context ->
                        assertThat(context).hasNotFailed().hasSingleBean(EzCardsSupplier.class)
                                .doesNotHaveBean("ezHealthIndicator").doesNotHaveBean(SanitizingFunction.class));
        runner.withPropertyValues(ezProperties()).withPropertyValues("management.health.voucherport.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("ezHealthIndicator"));
    }

    @Test
    void promotionAndDiscountUseCasesFollowTheirAdapters() {
        runner.withPropertyValues("voucherport.elastic-path.base-url=http://127.0.0.1:9",
                "voucherport.elastic-path.client-id=ep-client", "voucherport.shoplazza.store=demo-store",
                "voucherport.shoplazza.api-version=2025-06", "voucherport.shoplazza.access-token=shop-token").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ElasticPathPromotions.class)
                            .hasSingleBean(ManagePromotionCodes.class).hasSingleBean(ShoplazzaDiscounts.class)
                            .hasSingleBean(CheckDiscountCodes.class).hasBean("elasticPathHealthIndicator")
                            .hasBean("shoplazzaHealthIndicator");
                });
        runner.withPropertyValues("voucherport.shoplazza.store=demo-store", "voucherport.shoplazza.api-version=2024-01",
                "voucherport.shoplazza.access-token=shop-token").run(context ->
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("api-version must be one of 2022-01, 2025-06 but was 2024-01"));
        runner.withPropertyValues("voucherport.shoplazza.store-url=http://127.0.0.1:9",
                "voucherport.shoplazza.api-version=2025-06", "voucherport.shoplazza.oauth.client-id=app-id",
                "voucherport.shoplazza.oauth.client-secret=app-secret").run(context ->
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("Shoplazza OAuth needs a durable refresh token store"));
    }

    @Test
    void shoplazzaOAuthKeepsItsRefreshTokenInTheJdbcStore() {
        withDatabase(runner).withPropertyValues("voucherport.shoplazza.store-url=http://127.0.0.1:9",
                "voucherport.shoplazza.api-version=2025-06", "voucherport.shoplazza.oauth.client-id=app-id",
                "voucherport.shoplazza.oauth.client-secret=app-secret",
                "voucherport.shoplazza.oauth.refresh-token=first-refresh").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(io.voucherport.adapter.jdbc.JdbcRefreshTokenStore.class)
                            .hasSingleBean(io.voucherport.adapter.discounts.ShoplazzaOAuth.class)
                            .hasSingleBean(ShoplazzaDiscounts.class);
                    assertThat(context.getBean(io.voucherport.domain.RefreshTokenStore.class).current().reveal())
                            .isEqualTo("first-refresh");
                });
    }

    @Test
    void closingTheApplicationClosesTheAdaptersAndTheirClient() {
        EzCardsSupplier[] kept = new EzCardsSupplier[1];
        runner.withPropertyValues(ezProperties()).withPropertyValues("voucherport.ez.retry.max-attempts=1").run(context -> {
            kept[0] = context.getBean(EzCardsSupplier.class);
            assertThat(kept[0].balances().isRight()).isTrue();
        });
        Either<ProviderFailure, List<Balance>> afterClose = kept[0].balances();
        assertThat(afterClose.isLeft()).as("a call after the application stopped: %s", afterClose).isTrue();
    }
}
