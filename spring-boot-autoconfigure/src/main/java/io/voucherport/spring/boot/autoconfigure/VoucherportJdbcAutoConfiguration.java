package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.jdbc.JdbcOrderReferenceStore;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.adapter.jdbc.JdbcRefreshTokenStore;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.OrderReferenceStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * The durable side on the service's {@link DataSource} (PostgreSQL): the purchase journal, GiftHub's
 * order reference store and Shoplazza's refresh token store. The tables come from the service's
 * Flyway or Liquibase ({@code classpath:db/voucherport}, which these beans wait for) or, when
 * {@code voucherport.purchase.journal.initialize-schema=true}, from {@link VoucherportSchemaInitializer}.
 * With several data sources, the {@code @Primary} one is used. Without a single or primary
 * {@code DataSource} there is no journal, and no purchase use case, unless the service defines its
 * own {@link PurchaseJournal} bean.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({PurchaseProperties.class, ShoplazzaProperties.class})
public final class VoucherportJdbcAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportJdbcAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "voucherport.purchase.journal", name = "initialize-schema", havingValue = "true")
    VoucherportSchemaInitializer voucherportSchemaInitializer(DataSource dataSource, PurchaseProperties properties) {
        return new VoucherportSchemaInitializer(dataSource, properties.getJournal().getSchema());
    }

    @Bean
    @ConditionalOnMissingBean(PurchaseJournal.class)
    @DependsOnDatabaseInitialization
    JdbcPurchaseJournal voucherportPurchaseJournal(DataSource dataSource, PurchaseProperties properties,
            ObjectProvider<VoucherportSchemaInitializer> schema) {
        schema.ifAvailable(created -> { });
        return configure(JdbcPurchaseJournal.builder(dataSource), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean(OrderReferenceStore.class)
    @DependsOnDatabaseInitialization
    JdbcOrderReferenceStore voucherportOrderReferenceStore(DataSource dataSource, PurchaseProperties properties,
            ObjectProvider<VoucherportSchemaInitializer> schema) {
        schema.ifAvailable(created -> { });
        return configure(JdbcOrderReferenceStore.builder(dataSource), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean(RefreshTokenStore.class)
    @ConditionalOnProperty(prefix = "voucherport.shoplazza.oauth", name = "refresh-token")
    @DependsOnDatabaseInitialization
    JdbcRefreshTokenStore voucherportRefreshTokenStore(DataSource dataSource, PurchaseProperties properties,
            ShoplazzaProperties shoplazza, ObjectProvider<VoucherportSchemaInitializer> schema) {
        schema.ifAvailable(created -> { });
        String store = shoplazza.getStore() != null ? shoplazza.getStore() : shoplazza.getStoreUrl();
        String name = "shoplazza:" + Settings.required(store, "voucherport.shoplazza.store",
                "voucherport.shoplazza.oauth.refresh-token");
        return configure(JdbcRefreshTokenStore.builder(dataSource, name, shoplazza.getOauth().getRefreshToken()),
                properties).build();
    }

    private static <B extends io.voucherport.adapter.jdbc.JdbcBuilder<B>> B configure(B builder, PurchaseProperties properties) {
        PurchaseProperties.Journal journal = properties.getJournal();
        if (journal.getSchema() != null) {
            builder.schema(journal.getSchema());
        }
        return builder.queryTimeout(journal.getQueryTimeout());
    }
}
