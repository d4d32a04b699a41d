package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Secret;
import io.voucherport.testkit.ez.EzSimulator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Secrets bound from properties never show: not in {@code /actuator/configprops} nor {@code /actuator/env}
 * (both with {@code show-values=always}), nor in the start-up's log with every Voucherport logger at
 * TRACE and Spring Boot's condition report on.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayHiddenTest {

    /** Every secret setting, each with a value found nowhere else. */
    private static final Map<String, String> SECRETS = Map.ofEntries(
            Map.entry("voucherport.ez.api-key", EzSimulator.DEFAULT_API_KEY),
            Map.entry("voucherport.ez.bearer-token", EzSimulator.DEFAULT_BEARER_TOKEN),
            Map.entry("voucherport.gifthub.client-id", "gh-client-id-5bd0c1e7"),
            Map.entry("voucherport.gifthub.client-secret", "gh-client-secret-a83e0f55"),
            Map.entry("voucherport.elastic-path.client-id", "ep-client-id-77c1d0aa"),
            Map.entry("voucherport.elastic-path.client-secret", "ep-client-secret-0f9e2b31"),
            Map.entry("voucherport.shoplazza.access-token", "shop-access-token-c4d21e90"),
            Map.entry("voucherport.shoplazza.oauth.client-id", "shop-app-id-2e7b19f4"),
            Map.entry("voucherport.shoplazza.oauth.client-secret", "shop-app-secret-91aa06c3"),
            Map.entry("voucherport.shoplazza.oauth.refresh-token", "shop-refresh-token-3f18be72"),
            Map.entry("voucherport.http.proxy.password", "proxy-password-6a0c5d19"));

    private static EzSimulator ez;

    @BeforeAll
    static void start() {
        ez = EzSimulator.create().withSampleData();
        ez.start();
    }

    @AfterAll
    static void stop() {
        ez.close();
    }

    private static String[] properties() {
        List<String> all = new java.util.ArrayList<>();
        SECRETS.forEach((key, value) -> all.add(key + "=" + value));
        all.addAll(List.of("voucherport.ez.base-url=" + ez.baseUrl(), "voucherport.ez.log-level=FULL",
                "voucherport.gifthub.base-url=http://127.0.0.1:9", "voucherport.gifthub.in-memory-references=true",
                "voucherport.elastic-path.base-url=http://127.0.0.1:9",
                "voucherport.shoplazza.store=demo-store", "voucherport.shoplazza.api-version=2025-06",
                "voucherport.http.proxy.username=proxy-user"));
        return all.toArray(String[]::new);
    }

    @Test
    void actuatorEndpointsShowNoSecretEvenWithShowValuesAlways() {
        new ApplicationContextRunner()
                .withConfiguration(VoucherportAutoConfigurationTest.ALL)
                .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                        ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .withBean(RefreshTokenStore.class, () -> RefreshTokenStore.inMemory(Secret.of("in-memory-refresh")))
                .withPropertyValues(properties())
                .withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
                        "management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
                        "not.a.secret=visible-control-value", "VOUCHERPORT_EZ_APIKEY=" + EzSimulator.DEFAULT_API_KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    String configprops = flatten(context.getBean(ConfigurationPropertiesReportEndpoint.class)
                            .configurationProperties());
                    String env = flatten(context.getBean(EnvironmentEndpoint.class).environment(null));
                    // control: the values are shown (show-values=always), the non-secret ones as they are; the
                    // secret ones are listed (a Secret has no readable property, and its input is sanitised)
                    assertThat(configprops).contains(ez.baseUrl()).contains("proxy-user").contains("apiKey=")
                            .contains("bearerToken=");
                    assertThat(env).contains("visible-control-value").contains(ez.baseUrl()).contains("******");
                    SECRETS.values().forEach(secret -> {
                        assertThat(configprops).as("configprops").doesNotContain(secret);
                        assertThat(env).as("env").doesNotContain(secret);
                    });
                });
    }

    @Test
    void withoutTheSanitizingFunctionTheEnvironmentEndpointWouldShowThem() {
        // the control of the test above: the same endpoints, Voucherport's SanitizingFunction left out
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=env",
                        "management.endpoint.env.show-values=always",
                        "voucherport.ez.api-key=" + EzSimulator.DEFAULT_API_KEY)
                .run(context -> assertThat(flatten(context.getBean(EnvironmentEndpoint.class).environment(null)))
                        .contains(EzSimulator.DEFAULT_API_KEY));
    }

    @Test
    void theStartUpLogHoldsNoSecret(CapturedOutput output) {
        SpringApplication application = new SpringApplicationBuilder(LogApp.class).web(WebApplicationType.NONE)
                .properties(properties())
                .properties("debug=true", "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration", "logging.level.io.voucherport=TRACE", "logging.level.org.springframework.boot=DEBUG",
                        "logging.level.org.springframework.boot.context.properties=TRACE")
                .build();
        try (ConfigurableApplicationContext context = application.run()) {
            context.getBean(io.voucherport.adapter.ez.EzCardsSupplier.class).balances();   // one logged call at FULL
        }
        String log = output.getAll();
        // control: the capture holds the condition report, the bound properties' positive matches and the adapter's HTTP log
        assertThat(log).contains("VoucherportAdaptersAutoConfiguration").contains("voucherport.ez.base-url")
                .contains("GET").contains("/v2/balances");
        SECRETS.values().forEach(secret -> assertThat(log).doesNotContain(secret));
    }

    /** Renders an endpoint's answer, whatever its shape, as text to search. */
    private static String flatten(Object descriptor) {
        StringBuilder text = new StringBuilder();
        flatten(descriptor, text, 0);
        return text.toString();
    }

    private static void flatten(Object value, StringBuilder text, int depth) {
        if (depth > 12 || value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                text.append(k).append('=');
                flatten(v, text, depth + 1);
                text.append('\n');
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> flatten(item, text, depth + 1));
        } else if (value.getClass().getName().startsWith("org.springframework.boot.actuate")) {
            for (java.lang.reflect.Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")
                        && !getter.getName().equals("getClass")) {
                    try {
                        flatten(getter.invoke(value), text, depth + 1);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } else {
            text.append(value);
        }
    }

    /** The smallest application: auto-configuration only. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class LogApp {

        @Bean
        RefreshTokenStore refreshTokens() {
            return RefreshTokenStore.inMemory(Secret.of("in-memory-refresh"));
        }
    }
}
