package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.application.discount.CheckDiscountCodes;
import io.voucherport.application.promotion.ManagePromotionCodes;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.promotion.PromotionCodes;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The code use cases over the configured providers: {@link ManagePromotionCodes} over the
 * {@link PromotionCodes} bean (Elastic Path), drawing codes with a {@link SecureRandom}; and
 * {@link CheckDiscountCodes} over the {@link DiscountCodes} and {@link PriceRules} beans (Shoplazza).
 */
@AutoConfiguration(after = VoucherportAdaptersAutoConfiguration.class)
@EnableConfigurationProperties(ElasticPathProperties.class)
public final class VoucherportCodesAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportCodesAutoConfiguration() {
    }

    @Bean
    @ConditionalOnBean(PromotionCodes.class)
    @ConditionalOnMissingBean
    ManagePromotionCodes managePromotionCodes(PromotionCodes promotions, ElasticPathProperties properties,
            ObjectProvider<Waiting> waiting, ObjectProvider<VoucherportListener> listeners) {
        return new ManagePromotionCodes(promotions, new SecureRandom(), properties.getSettleTime(),
                waiting.getIfAvailable(Waiting::real), Settings.listener(listeners));
    }

    @Bean
    @ConditionalOnBean({DiscountCodes.class, PriceRules.class})
    @ConditionalOnMissingBean
    CheckDiscountCodes checkDiscountCodes(DiscountCodes codes, PriceRules rules,
            ObjectProvider<VoucherportListener> listeners) {
        return new CheckDiscountCodes(codes, rules, Clock.systemUTC(), Settings.listener(listeners));
    }
}
