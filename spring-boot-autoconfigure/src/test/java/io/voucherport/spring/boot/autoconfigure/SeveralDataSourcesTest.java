package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A service with several data sources: the journal goes on the primary one; without a primary there
 * is none, and a provider that needs a durable store says which data source it lacks.
 */
class SeveralDataSourcesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(VoucherportAutoConfigurationTest.ALL)
            .withPropertyValues("voucherport.purchase.journal.initialize-schema=true",
                    "voucherport.purchase.recovery.enabled=false", "voucherport.gifthub.base-url=http://127.0.0.1:9",
                    "voucherport.gifthub.client-id=" + GiftHubSimulator.DEFAULT_CLIENT_ID,
                    "voucherport.gifthub.client-secret=" + GiftHubSimulator.DEFAULT_CLIENT_SECRET);

    @Test
    void theJournalGoesOnThePrimaryDataSource() {
        runner.withBean("reporting", DataSource.class, TestDatabase::dataSource)
                .withBean("orders", DataSource.class, TestDatabase::dataSource, definition -> definition.setPrimary(true))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JdbcPurchaseJournal.class)
                        .hasSingleBean(BuyFromSuppliers.class));
    }

    @Test
    void withoutAPrimaryThereIsNoJournalAndTheMessageSaysWhy() {
        runner.withBean("reporting", DataSource.class, TestDatabase::dataSource)
                .withBean("orders", DataSource.class, TestDatabase::dataSource)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("GiftHub needs a durable order reference store")
                        .hasMessageContaining("mark one of several @Primary"));
        runner.withPropertyValues("voucherport.gifthub.in-memory-references=true")
                .withBean("reporting", DataSource.class, TestDatabase::dataSource)
                .withBean("orders", DataSource.class, TestDatabase::dataSource)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PurchaseJournal.class)
                        .doesNotHaveBean(BuyFromSuppliers.class));
    }
}
