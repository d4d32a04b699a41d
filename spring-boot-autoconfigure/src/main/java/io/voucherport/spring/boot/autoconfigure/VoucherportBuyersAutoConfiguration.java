package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.supply.CodeSupplier;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One {@link BuyCodes} per configured supplier, journaled in the {@link PurchaseJournal}: {@code ezBuyCodes}
 * (journal name {@code ez}) and {@code giftHubBuyCodes} ({@code gifthub}), waiting by the
 * {@code voucherport.purchase.polling.*} policy. Needs a journal: with none, no purchase use case
 * is configured.
 */
@AutoConfiguration(after = {VoucherportAdaptersAutoConfiguration.class, VoucherportJdbcAutoConfiguration.class})
@ConditionalOnBean(PurchaseJournal.class)
@EnableConfigurationProperties(PurchaseProperties.class)
public final class VoucherportBuyersAutoConfiguration {

    /** The journal name of the EZ supplier. */
    public static final String EZ = "ez";
    /** The journal name of the GiftHub supplier. */
    public static final String GIFTHUB = "gifthub";

    /** Created by Spring Boot. */
    public VoucherportBuyersAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    PollingPolicy voucherportPollingPolicy(PurchaseProperties properties) {
        PurchaseProperties.Polling polling = properties.getPolling();
        return new PollingPolicy(polling.getInitialDelay(), polling.getMultiplier(), polling.getMaxDelay(),
                polling.getJitter(), polling.getDeadline());
    }

    @Bean
    @ConditionalOnMissingBean
    Waiting voucherportWaiting() {
        return Waiting.real();
    }

    @Bean
    @ConditionalOnBean(EzCardsSupplier.class)
    @ConditionalOnMissingBean(name = "ezBuyCodes")
    BuyCodes ezBuyCodes(EzCardsSupplier supplier, PurchaseJournal journal, PollingPolicy policy, Waiting waiting,
            PurchaseProperties properties, ObjectProvider<VoucherportListener> listeners) {
        return buyer(EZ, supplier, journal, policy, waiting, properties, Settings.listener(listeners));
    }

    @Bean
    @ConditionalOnBean(GiftHubSupplier.class)
    @ConditionalOnMissingBean(name = "giftHubBuyCodes")
    BuyCodes giftHubBuyCodes(GiftHubSupplier supplier, PurchaseJournal journal, PollingPolicy policy, Waiting waiting,
            PurchaseProperties properties, ObjectProvider<VoucherportListener> listeners) {
        return buyer(GIFTHUB, supplier, journal, policy, waiting, properties, Settings.listener(listeners));
    }

    /**
     * The buyer of {@code supplier} as {@code name}, by the configured lease, recheck delay and settle
     * time, telling each purchase step to {@code listener}.
     */
    static BuyCodes buyer(String name, CodeSupplier supplier, PurchaseJournal journal, PollingPolicy policy,
            Waiting waiting, PurchaseProperties properties, VoucherportListener listener) {
        BuyCodes.Builder builder = BuyCodes.builder(name, supplier, journal).policy(policy).waiting(waiting)
                .listener(listener)
                .lease(properties.getLease()).recheckAfter(properties.getRecheckAfter()).owner(owner(properties));
        if (properties.getSettleTime() != null) {
            builder.settleTime(properties.getSettleTime());
        }
        return builder.build();
    }

    /** This instance's name in leases: the configured one, else one drawn once per start. */
    static String owner(PurchaseProperties properties) {
        synchronized (properties) {
            if (properties.getOwner() == null) {
                properties.setOwner("vp-" + UUID.randomUUID());
            }
            return properties.getOwner();
        }
    }
}
