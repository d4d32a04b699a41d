package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaDiscountsBuilder;
import io.voucherport.adapter.discounts.ShoplazzaOAuth;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplierBuilder;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.promotions.ElasticPathPromotionsBuilder;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.supply.OrderReferenceStore;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * One adapter bean per configured provider, each on the shared HTTP client and closed when the
 * application stops: EZ ({@code voucherport.ez.base-url}), GiftHub ({@code voucherport.gifthub.base-url}),
 * Elastic Path ({@code voucherport.elastic-path.base-url}) and Shoplazza ({@code voucherport.shoplazza.store}
 * or {@code store-url}). A provider whose turning-on property is set but a required setting is missing
 * stops the start-up with a message naming the missing property. A bean of the adapter's type defined
 * by the service wins. Every adapter tells its calls to the service's {@link VoucherportListener}
 * beans (the auto-configured Micrometer one, see {@link VoucherportObservationAutoConfiguration}).
 */
@AutoConfiguration(after = {VoucherportHttpAutoConfiguration.class, VoucherportJdbcAutoConfiguration.class})
@EnableConfigurationProperties({EzProperties.class, GiftHubProperties.class, ElasticPathProperties.class,
    ShoplazzaProperties.class})
public final class VoucherportAdaptersAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportAdaptersAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "voucherport.ez", name = "base-url")
    EzCardsSupplier ezCardsSupplier(EzProperties properties, ObjectProvider<SharedHttpClient> http,
            ObjectProvider<VoucherportListener> listeners) {
        String because = "voucherport.ez.base-url";
        return Settings.common(EzCardsSupplier.builder(), properties, http.getIfAvailable(), listeners)
                .baseUrl(properties.getBaseUrl())
                .apiKey(Settings.required(properties.getApiKey(), "voucherport.ez.api-key", because))
                .bearerToken(Settings.required(properties.getBearerToken(), "voucherport.ez.bearer-token", because))
                .referenceLookupLag(properties.getReferenceLookupLag())
                .pageSize(properties.getPageSize())
                .prefetchPages(properties.getPrefetchPages())
                .build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "voucherport.gifthub", name = "base-url")
    GiftHubSupplier giftHubSupplier(GiftHubProperties properties, ObjectProvider<SharedHttpClient> http,
            ObjectProvider<VoucherportListener> listeners,
            ObjectProvider<OrderReferenceStore> references) {
        String because = "voucherport.gifthub.base-url";
        OrderReferenceStore store = references.getIfAvailable();
        if (store == null) {
            if (!properties.isInMemoryReferences()) {
                throw new IllegalStateException("GiftHub needs a durable order reference store to resume purchases"
                        + " after a restart: give the service a DataSource (the JDBC store is then used; mark one of"
                        + " several @Primary), define an"
                        + " OrderReferenceStore bean, or set voucherport.gifthub.in-memory-references=true for a"
                        + " single process that may forget its bindings");
            }
            store = OrderReferenceStore.inMemory();
        }
        GiftHubSupplierBuilder builder = Settings.common(GiftHubSupplier.builder(), properties, http.getIfAvailable(),
                        listeners)
                .baseUrl(properties.getBaseUrl())
                .clientId(Settings.required(properties.getClientId(), "voucherport.gifthub.client-id", because))
                .clientSecret(Settings.required(properties.getClientSecret(), "voucherport.gifthub.client-secret", because))
                .references(store)
                .wallet(CurrencyCode.of(properties.getWallet()))
                .referenceLookupLag(properties.getReferenceLookupLag())
                .pageSize(properties.getPageSize())
                .catalogTtl(properties.getCatalogTtl())
                .tokenLifetime(properties.getTokenLifetime())
                .renewBefore(properties.getRenewBefore());
        if (properties.getWebhookUrl() != null) {
            builder.webhookUrl(properties.getWebhookUrl());
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "voucherport.elastic-path", name = "base-url")
    ElasticPathPromotions elasticPathPromotions(ElasticPathProperties properties, ObjectProvider<SharedHttpClient> http,
            ObjectProvider<VoucherportListener> listeners) {
        ElasticPathPromotionsBuilder builder = Settings.common(ElasticPathPromotions.builder(), properties,
                        http.getIfAvailable(), listeners)
                .baseUrl(properties.getBaseUrl())
                .clientId(Settings.required(properties.getClientId(), "voucherport.elastic-path.client-id",
                        "voucherport.elastic-path.base-url"))
                .kind(properties.getKind())
                .renewBefore(properties.getRenewBefore())
                .pageSize(properties.getPageSize())
                .requestsPerSecond(properties.getRequestsPerSecond())
                .prefetchPages(properties.getPrefetchPages());
        if (properties.getClientSecret() != null) {
            builder.clientSecret(properties.getClientSecret());
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnShoplazzaStore.class)
    @ConditionalOnProperty(prefix = "voucherport.shoplazza.oauth", name = "client-id")
    ShoplazzaOAuth shoplazzaOAuth(ShoplazzaProperties properties, ObjectProvider<SharedHttpClient> http,
            ObjectProvider<VoucherportListener> listeners,
            ObjectProvider<RefreshTokenStore> refreshTokens) {
        ShoplazzaProperties.OAuth oauth = properties.getOauth();
        String because = "voucherport.shoplazza.oauth.client-id";
        RefreshTokenStore store = refreshTokens.getIfAvailable();
        if (store == null) {
            throw new IllegalStateException("Shoplazza OAuth needs a durable refresh token store (each refresh rotates"
                    + " the refresh token): give the service a DataSource (mark one of several @Primary) and set"
                    + " voucherport.shoplazza.oauth.refresh-token, or define a RefreshTokenStore bean");
        }
        return Settings.common(ShoplazzaOAuth.builder(), properties, http.getIfAvailable(), listeners)
                .storeUrl(storeUrl(properties))
                .clientId(oauth.getClientId())
                .clientSecret(Settings.required(oauth.getClientSecret(), "voucherport.shoplazza.oauth.client-secret", because))
                .refreshTokens(store)
                .renewBefore(oauth.getRenewBefore())
                .build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnShoplazzaStore.class)
    ShoplazzaDiscounts shoplazzaDiscounts(ShoplazzaProperties properties, ObjectProvider<SharedHttpClient> http,
            ObjectProvider<VoucherportListener> listeners,
            ObjectProvider<ShoplazzaOAuth> oauth) {
        AccessTokenProvider tokens = oauth.getIfAvailable();
        if (tokens == null) {
            tokens = AccessTokenProvider.fixed(Settings.required(properties.getAccessToken(),
                    "voucherport.shoplazza.access-token (or voucherport.shoplazza.oauth.*)", "voucherport.shoplazza.store"));
        }
        ShoplazzaDiscountsBuilder builder = Settings.common(ShoplazzaDiscounts.builder(), properties,
                        http.getIfAvailable(), listeners)
                .version(version(Settings.required(properties.getApiVersion(), "voucherport.shoplazza.api-version",
                        "voucherport.shoplazza.store")))
                .tokens(tokens)
                .storeZone(ZoneId.of(properties.getStoreZone()))
                .rateLimiter(new RateLimiter(properties.getRateLimit().getCapacity(),
                        properties.getRateLimit().getRefillPerSecond(), System::nanoTime, Sleeper.THREAD))
                .pageSize(properties.getPageSize())
                .prefetchPages(properties.getPrefetchPages());
        if (properties.getStore() != null) {
            builder.store(properties.getStore());
        } else {
            builder.storeUrl(properties.getStoreUrl());
        }
        return builder.build();
    }

    /** The store's root URL, from the subdomain or as configured. */
    private static String storeUrl(ShoplazzaProperties properties) {
        return properties.getStore() != null ? "https://" + properties.getStore() + ".myshoplaza.com"
                : properties.getStoreUrl();
    }

    /** The API version named as in its URLs ({@code 2025-06}); anything else is refused with the choices. */
    static ShoplazzaVersion version(String name) {
        return Arrays.stream(ShoplazzaVersion.values()).filter(v -> v.path().equals(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException("voucherport.shoplazza.api-version must be one of "
                        + Arrays.stream(ShoplazzaVersion.values()).map(ShoplazzaVersion::path)
                                .collect(Collectors.joining(", ")) + " but was " + name));
    }

    /** A Shoplazza store is configured: by subdomain or by URL. */
    static final class OnShoplazzaStore extends AnyNestedCondition {

        OnShoplazzaStore() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "voucherport.shoplazza", name = "store")
        static final class Store {
        }

        @ConditionalOnProperty(prefix = "voucherport.shoplazza", name = "store-url")
        static final class StoreUrl {
        }
    }
}
