package io.voucherport.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.micrometer.MicrometerListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Voucherport on Micrometer, when module {@code voucherport-micrometer} is on the class path and the
 * service has a {@link MeterRegistry} or an {@link ObservationRegistry} (Spring Boot's actuator
 * makes both): one {@link MicrometerListener}, given to every adapter and use case the
 * auto-configuration builds. Provider calls and use-case operations are observed through the
 * service's {@link ObservationRegistry} (its handlers make the {@code voucherport.call} and
 * {@code voucherport.usecase} timers and, with a tracer, spans); attempts, retry waits and purchase
 * steps are counted in its {@link MeterRegistry}. With a meter registry alone, calls are timed in
 * it directly; with an observation registry alone, the meters go nowhere. A
 * {@link VoucherportListener} bean of the service's own replaces it (several are told together).
 *
 * <p>Ordered after Spring Boot's metrics and observation auto-configurations, so that their
 * registries (and the handler that makes timers of observations) are known when this one is
 * considered.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"},
        before = {VoucherportAdaptersAutoConfiguration.class, VoucherportBuyersAutoConfiguration.class,
            VoucherportPurchasesAutoConfiguration.class, VoucherportCodesAutoConfiguration.class})
@ConditionalOnClass({MicrometerListener.class, MeterRegistry.class, ObservationRegistry.class})
@Conditional(VoucherportObservationAutoConfiguration.OnMeterOrObservationRegistry.class)
public final class VoucherportObservationAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportObservationAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(VoucherportListener.class)
    MicrometerListener voucherportMicrometerListener(ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations) {
        MeterRegistry meterRegistry = meters.getIfUnique();
        ObservationRegistry observationRegistry = observations.getIfUnique();
        if (observationRegistry == null || observationRegistry.isNoop()) {
            return MicrometerListener.of(meterRegistry != null ? meterRegistry : new CompositeMeterRegistry());
        }
        return MicrometerListener.of(meterRegistry != null ? meterRegistry : new CompositeMeterRegistry(),
                observationRegistry);
    }

    /** The service has a meter registry or an observation registry. */
    static final class OnMeterOrObservationRegistry extends AnyNestedCondition {

        OnMeterOrObservationRegistry() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(MeterRegistry.class)
        static final class Meters {
        }

        @ConditionalOnBean(ObservationRegistry.class)
        static final class Observations {
        }
    }
}
