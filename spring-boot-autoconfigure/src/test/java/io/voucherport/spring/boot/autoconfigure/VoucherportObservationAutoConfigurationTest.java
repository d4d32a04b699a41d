package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.application.discount.CheckDiscountCodes;
import io.voucherport.domain.observe.CallObservation;
import io.voucherport.domain.observe.CallStart;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.micrometer.MicrometerListener;
import io.voucherport.testkit.ez.EzSampleData;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.junit.SimulatorKind;
import io.voucherport.testkit.junit.WithSimulators;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Micrometer wiring: with Spring Boot's registries (or a meter registry of the service's) every
 * auto-configured adapter's calls show as {@code voucherport.call} timers; without
 * voucherport-micrometer, or without a registry, no listener; a listener of the service's wins.
 */
@WithSimulators({SimulatorKind.EZ, SimulatorKind.SHOPLAZZA})
class VoucherportObservationAutoConfigurationTest {

    /** Spring Boot's own metrics and observation auto-configurations, as a service with the actuator has them. */
    private static final AutoConfigurations BOOT_METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
            ObservationAutoConfiguration.class);

    private static EzSimulator ez;
    private static ShoplazzaSimulator shoplazza;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(VoucherportAutoConfigurationTest.ALL)
            .withConfiguration(AutoConfigurations.of(VoucherportObservationAutoConfiguration.class));

    private static String[] ezProperties() {
        return new String[] {"voucherport.ez.base-url=" + ez.baseUrl(),
            "voucherport.ez.api-key=" + EzSampleData.API_KEY,
            "voucherport.ez.bearer-token=" + EzSampleData.BEARER_TOKEN};
    }

    private static double ezCalls(MeterRegistry meters, String operation) {
        Timer timer = meters.find(MicrometerListener.CALL).tag("provider", EzCardsSupplier.PROVIDER).tag("operation", operation)
                .tag("outcome", "ok").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void withSpringBootsRegistriesEveryAdapterCallIsTimedThroughTheObservationRegistry() {
        runner.withConfiguration(BOOT_METRICS).withPropertyValues(ezProperties()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MicrometerListener.class)
                    .hasSingleBean(ObservationRegistry.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(context.getBean(EzCardsSupplier.class).balances().isRight()).isTrue();
            assertThat(ezCalls(meters, "balances")).isEqualTo(1);
            assertThat(meters.find(MicrometerListener.ATTEMPTS).tag("provider", EzCardsSupplier.PROVIDER).timer()).isNotNull();
        });
    }

    @Test
    void withAMeterRegistryOfTheServicesAloneCallsAreTimedInIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> meters).withPropertyValues(ezProperties()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(VoucherportListener.class)
                    .doesNotHaveBean(ObservationRegistry.class);
            assertThat(context.getBean(EzCardsSupplier.class).balances().isRight()).isTrue();
            assertThat(ezCalls(meters, "balances")).isEqualTo(1);
        });
    }

    @Test
    void theUseCasesTheAutoConfigurationBuildsAreObservedToo() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> meters)
                .withPropertyValues("voucherport.shoplazza.store-url=" + shoplazza.baseUrl(),
                        "voucherport.shoplazza.access-token=" + ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN,
                        "voucherport.shoplazza.api-version=2025-06")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(CheckDiscountCodes.class).check("NO-SUCH-CODE");
                    assertThat(meters.find(MicrometerListener.USE_CASE).tag("use.case", "CheckDiscountCodes").timer())
                            .isNotNull().extracting(Timer::count).isEqualTo(1L);
                    assertThat(meters.find(MicrometerListener.CALL).tag("provider", ShoplazzaDiscounts.PROVIDER).timer()).isNotNull();
                });
    }

    @Test
    void withoutVoucherportMicrometerThereIsNoListenerAndTheAdaptersStillWork() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withClassLoader(new FilteredClassLoader(MicrometerListener.class))
                .withBean(MeterRegistry.class, () -> meters).withPropertyValues(ezProperties()).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(VoucherportListener.class)
                            .hasSingleBean(EzCardsSupplier.class);
                    assertThat(context.getBean(EzCardsSupplier.class).balances().isRight()).isTrue();
                    assertThat(meters.find(MicrometerListener.CALL).timer()).isNull();
                });
    }

    @Test
    void withoutARegistryThereIsNoListener() {
        runner.withPropertyValues(ezProperties()).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(VoucherportListener.class)
                        .hasSingleBean(EzCardsSupplier.class));
    }

    @Test
    void aListenerOfTheServicesWins() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        VoucherportListener own = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                heard.add(start.provider() + " " + start.operation());
                return CallObservation.NONE;
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> meters).withBean(VoucherportListener.class, () -> own)
                .withPropertyValues(ezProperties()).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerListener.class);
                    assertThat(context.getBean(VoucherportListener.class)).isSameAs(own);
                    assertThat(context.getBean(EzCardsSupplier.class).balances().isRight()).isTrue();
                    assertThat(heard).containsExactly(EzCardsSupplier.PROVIDER + " balances");
                    assertThat(meters.find(MicrometerListener.CALL).timer()).isNull();
                });
    }
}
