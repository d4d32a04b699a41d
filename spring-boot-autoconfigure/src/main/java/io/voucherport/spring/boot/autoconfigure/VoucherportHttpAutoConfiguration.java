package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.support.HttpProxy;
import io.voucherport.adapter.support.SharedHttpClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The one HTTP client every adapter shares ({@code voucherport.http.*}), created when at least one
 * provider is configured and closed when the application stops; and the binding of secrets into
 * {@link io.voucherport.domain.Secret}.
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpProperties.class)
public final class VoucherportHttpAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportHttpAutoConfiguration() {
    }

    @Bean
    @ConfigurationPropertiesBinding
    static SecretConverter voucherportSecretConverter() {
        return new SecretConverter();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnAnyProvider.class)
    SharedHttpClient voucherportHttpClient(HttpProperties properties) {
        SharedHttpClient.Builder builder = SharedHttpClient.builder().maxConnections(properties.getMaxConnections());
        if (properties.getMaxConnectionsPerRoute() != null) {
            builder.maxConnectionsPerRoute(properties.getMaxConnectionsPerRoute());
        }
        if (properties.getUserAgent() != null) {
            builder.userAgent(properties.getUserAgent());
        }
        HttpProperties.Proxy proxy = properties.getProxy();
        if (proxy.getHost() != null) {
            HttpProxy httpProxy = HttpProxy.of(proxy.getHost(), proxy.getPort());
            if (proxy.getUsername() != null) {
                httpProxy = httpProxy.withCredentials(proxy.getUsername(), Settings.required(proxy.getPassword(),
                        "voucherport.http.proxy.password", "voucherport.http.proxy.username"));
            }
            builder.proxy(httpProxy);
        }
        if (proxy.isUseSystemProperties()) {
            builder.proxyFromSystemProperties();
        }
        return builder.build();
    }

    /** Any provider configured: the property that turns each one on. */
    static final class OnAnyProvider extends AnyNestedCondition {

        OnAnyProvider() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "voucherport.ez", name = "base-url")
        static final class Ez {
        }

        @ConditionalOnProperty(prefix = "voucherport.gifthub", name = "base-url")
        static final class GiftHub {
        }

        @ConditionalOnProperty(prefix = "voucherport.elastic-path", name = "base-url")
        static final class ElasticPath {
        }

        @ConditionalOnProperty(prefix = "voucherport.shoplazza", name = "store")
        static final class ShoplazzaStore {
        }

        @ConditionalOnProperty(prefix = "voucherport.shoplazza", name = "store-url")
        static final class ShoplazzaStoreUrl {
        }
    }
}
