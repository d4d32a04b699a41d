package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.domain.Secret;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shoplazza discounts ({@code voucherport.shoplazza.*}): configured when {@code store} (the subdomain) or
 * {@code store-url} is set; {@code api-version} is then required, and either a private app's
 * {@code access-token} or a public app's {@code oauth.*} credentials. Tokens and credentials are
 * secrets: never shown by the actuator or logged.
 */
@ConfigurationProperties(prefix = "voucherport.shoplazza")
public class ShoplazzaProperties extends AdapterProperties {

    /** The store's subdomain: https://{store}.myshoplaza.com. */
    private String store;

    /** The store's root URL instead of a subdomain (a simulator's URL). */
    private String storeUrl;

    /** The Open API version, an explicit choice: 2022-01 or 2025-06. */
    private String apiVersion;

    /** A private app's static access token (a secret). */
    private Secret accessToken;

    /** The zone of 2022-01's zone-less timestamps. */
    private String storeZone = "UTC";

    /** Items per page, 1 to 250. */
    private int pageSize = 50;

    /** Pages of a listing fetched ahead at most, 1 to 32. */
    private int prefetchPages = 8;

    /** The store's request bucket, honoured client-side. */
    private final RateLimit rateLimit = new RateLimit();

    /** A public app's OAuth credentials. */
    private final OAuth oauth = new OAuth();

    /** {@return the store's subdomain: https://{store}.myshoplaza.com} */
    public String getStore() {
        return store;
    }

    /**
     * Sets {@link #getStore()}.
     *
     * @param store the store's subdomain: https://{store}.myshoplaza.com
     */
    public void setStore(String store) {
        this.store = store;
    }

    /** {@return the store's root URL instead of a subdomain (a simulator's URL)} */
    public String getStoreUrl() {
        return storeUrl;
    }

    /**
     * Sets {@link #getStoreUrl()}.
     *
     * @param storeUrl the store's root URL instead of a subdomain (a simulator's URL)
     */
    public void setStoreUrl(String storeUrl) {
        this.storeUrl = storeUrl;
    }

    /** {@return the Open API version, an explicit choice: 2022-01 or 2025-06} */
    public String getApiVersion() {
        return apiVersion;
    }

    /**
     * Sets {@link #getApiVersion()}.
     *
     * @param apiVersion the Open API version, an explicit choice: 2022-01 or 2025-06
     */
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** {@return a private app's static access token (a secret)} */
    public Secret getAccessToken() {
        return accessToken;
    }

    /**
     * Sets {@link #getAccessToken()}.
     *
     * @param accessToken a private app's static access token (a secret)
     */
    public void setAccessToken(Secret accessToken) {
        this.accessToken = accessToken;
    }

    /** {@return the zone of 2022-01's zone-less timestamps} */
    public String getStoreZone() {
        return storeZone;
    }

    /**
     * Sets {@link #getStoreZone()}.
     *
     * @param storeZone the zone of 2022-01's zone-less timestamps
     */
    public void setStoreZone(String storeZone) {
        this.storeZone = storeZone;
    }

    /** {@return items per page, 1 to 250} */
    public int getPageSize() {
        return pageSize;
    }

    /**
     * Sets {@link #getPageSize()}.
     *
     * @param pageSize items per page, 1 to 250
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** {@return pages of a listing fetched ahead at most, 1 to 32} */
    public int getPrefetchPages() {
        return prefetchPages;
    }

    /**
     * Sets {@link #getPrefetchPages()}.
     *
     * @param prefetchPages pages of a listing fetched ahead at most, 1 to 32
     */
    public void setPrefetchPages(int prefetchPages) {
        this.prefetchPages = prefetchPages;
    }

    /** {@return the store's request bucket, honoured client-side} */
    public RateLimit getRateLimit() {
        return rateLimit;
    }

    /** {@return a public app's OAuth credentials} */
    public OAuth getOauth() {
        return oauth;
    }

    /** Defaults everywhere; Spring Boot binds the properties. */
    public ShoplazzaProperties() {
    }

    /** The store's request bucket (Shoplazza: 40, refilled at 2 per second). */
    public static class RateLimit {

        /** Defaults everywhere. */
        public RateLimit() {
        }

        /** Requests the bucket holds. */
        private int capacity = 40;

        /** Requests added back per second. */
        private double refillPerSecond = 2;

        /** {@return requests the bucket holds} */
        public int getCapacity() {
            return capacity;
        }

        /**
         * Sets {@link #getCapacity()}.
         *
         * @param capacity requests the bucket holds
         */
        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }

        /** {@return requests added back per second} */
        public double getRefillPerSecond() {
            return refillPerSecond;
        }

        /**
         * Sets {@link #getRefillPerSecond()}.
         *
         * @param refillPerSecond requests added back per second
         */
        public void setRefillPerSecond(double refillPerSecond) {
            this.refillPerSecond = refillPerSecond;
        }

    }

    /** A public app's credentials; its rotating refresh token is kept in the JDBC refresh token store. */
    public static class OAuth {

        /** Defaults everywhere. */
        public OAuth() {
        }

        /** The app's client id (a secret). */
        private Secret clientId;

        /** The app's client secret (a secret). */
        private Secret clientSecret;

        /** The first refresh token (a secret); used only while the store holds none. */
        private Secret refreshToken;

        /** How long before expiry the access token is refreshed. */
        private Duration renewBefore = Duration.ofMinutes(2);

        /** {@return the app's client id (a secret)} */
        public Secret getClientId() {
            return clientId;
        }

        /**
         * Sets {@link #getClientId()}.
         *
         * @param clientId the app's client id (a secret)
         */
        public void setClientId(Secret clientId) {
            this.clientId = clientId;
        }

        /** {@return the app's client secret (a secret)} */
        public Secret getClientSecret() {
            return clientSecret;
        }

        /**
         * Sets {@link #getClientSecret()}.
         *
         * @param clientSecret the app's client secret (a secret)
         */
        public void setClientSecret(Secret clientSecret) {
            this.clientSecret = clientSecret;
        }

        /** {@return the first refresh token (a secret); used only while the store holds none} */
        public Secret getRefreshToken() {
            return refreshToken;
        }

        /**
         * Sets {@link #getRefreshToken()}.
         *
         * @param refreshToken the first refresh token (a secret); used only while the store holds
         *     none
         */
        public void setRefreshToken(Secret refreshToken) {
            this.refreshToken = refreshToken;
        }

        /** {@return how long before expiry the access token is refreshed} */
        public Duration getRenewBefore() {
            return renewBefore;
        }

        /**
         * Sets {@link #getRenewBefore()}.
         *
         * @param renewBefore how long before expiry the access token is refreshed
         */
        public void setRenewBefore(Duration renewBefore) {
            this.renewBefore = renewBefore;
        }

    }
}
