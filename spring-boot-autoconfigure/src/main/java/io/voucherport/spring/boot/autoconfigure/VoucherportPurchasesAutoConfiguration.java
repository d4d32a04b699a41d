package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.RecoverPurchases;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.observe.VoucherportListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The supplier directory over every {@link BuyCodes} bean ({@link BuyFromSuppliers}), the configured
 * order of preference ({@link SupplierPreference}), and recovery of unfinished purchases
 * ({@link RecoverPurchases}), run at start-up and every {@code voucherport.purchase.recovery.interval}
 * unless {@code voucherport.purchase.recovery.enabled=false}.
 */
@AutoConfiguration(after = VoucherportBuyersAutoConfiguration.class)
@ConditionalOnBean({BuyCodes.class, PurchaseJournal.class})
@EnableConfigurationProperties(PurchaseProperties.class)
public final class VoucherportPurchasesAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportPurchasesAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    BuyFromSuppliers buyFromSuppliers(PurchaseJournal journal, PollingPolicy policy, Waiting waiting,
            PurchaseProperties properties, ObjectProvider<BuyCodes> buyers, ObjectProvider<VoucherportListener> listeners) {
        BuyFromSuppliers.Builder directory = BuyFromSuppliers.builder(journal, policy, waiting)
                .listener(Settings.listener(listeners))
                .owner(VoucherportBuyersAutoConfiguration.owner(properties)).lease(properties.getLease());
        buyers.orderedStream().forEach(buyer -> directory.buyer(buyer, Map.of()));
        return directory.build();
    }

    @Bean
    @ConditionalOnMissingBean
    SupplierPreference voucherportSupplierPreference(PurchaseProperties properties, BuyFromSuppliers directory,
            ObjectProvider<BuyCodes> buyers) {
        List<String> names = new ArrayList<>(properties.getPreference());
        if (names.isEmpty()) {
            buyers.orderedStream().map(BuyCodes::name).sorted(VoucherportPurchasesAutoConfiguration::ezFirst)
                    .forEach(names::add);
        }
        for (String name : names) {
            if (directory.supplier(name).isEmpty()) {
                throw new IllegalStateException("voucherport.purchase.preference names supplier " + name
                        + ", which is not configured; the configured ones are "
                        + buyers.orderedStream().map(BuyCodes::name).toList());
            }
        }
        return new SupplierPreference(names);
    }

    @Bean
    @ConditionalOnMissingBean
    RecoverPurchases recoverPurchases(BuyFromSuppliers directory) {
        return directory.recovery();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "voucherport.purchase.recovery", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    PurchaseRecoveryRunner voucherportPurchaseRecovery(RecoverPurchases recovery, PurchaseProperties properties) {
        return new PurchaseRecoveryRunner(recovery, properties.getRecovery().getInterval());
    }

    private static int ezFirst(String a, String b) {
        List<String> known = List.of(VoucherportBuyersAutoConfiguration.EZ, VoucherportBuyersAutoConfiguration.GIFTHUB);
        int ia = known.indexOf(a) < 0 ? known.size() : known.indexOf(a);
        int ib = known.indexOf(b) < 0 ? known.size() : known.indexOf(b);
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }
}
