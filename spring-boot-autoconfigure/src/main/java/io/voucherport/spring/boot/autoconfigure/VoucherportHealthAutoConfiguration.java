package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A health indicator per configured provider ({@code ez}, {@code gifthub}, {@code elasticPath},
 * {@code shoplazza} under {@code /actuator/health}), when Spring Boot's health support is on the
 * class path and {@code management.health.voucherport.enabled} is not {@code false}. Each one makes
 * one read call that needs the credentials — EZ's and GiftHub's balances, the first page of Elastic
 * Path's promotions or of Shoplazza's price rules — and never buys or changes anything.
 */
@AutoConfiguration(after = VoucherportAdaptersAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("voucherport")
public final class VoucherportHealthAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportHealthAutoConfiguration() {
    }

    @Bean
    @ConditionalOnBean(EzCardsSupplier.class)
    @ConditionalOnMissingBean(name = "ezHealthIndicator")
    HealthIndicator ezHealthIndicator(EzCardsSupplier supplier) {
        return new ProviderHealthIndicator(EzCardsSupplier.PROVIDER, supplier::balances);
    }

    @Bean
    @ConditionalOnBean(GiftHubSupplier.class)
    @ConditionalOnMissingBean(name = "giftHubHealthIndicator")
    HealthIndicator giftHubHealthIndicator(GiftHubSupplier supplier) {
        return new ProviderHealthIndicator(GiftHubSupplier.PROVIDER, supplier::balances);
    }

    @Bean
    @ConditionalOnBean(ElasticPathPromotions.class)
    @ConditionalOnMissingBean(name = "elasticPathHealthIndicator")
    HealthIndicator elasticPathHealthIndicator(ElasticPathPromotions promotions) {
        return new ProviderHealthIndicator(ElasticPathPromotions.PROVIDER,
                () -> ProviderHealthIndicator.firstOf(promotions::promotions));
    }

    @Bean
    @ConditionalOnBean(ShoplazzaDiscounts.class)
    @ConditionalOnMissingBean(name = "shoplazzaHealthIndicator")
    HealthIndicator shoplazzaHealthIndicator(ShoplazzaDiscounts discounts) {
        return new ProviderHealthIndicator(ShoplazzaDiscounts.PROVIDER,
                () -> ProviderHealthIndicator.firstOf(discounts::list));
    }
}
