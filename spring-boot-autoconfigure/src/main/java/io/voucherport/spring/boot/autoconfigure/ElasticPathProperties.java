package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.domain.Secret;
import io.voucherport.domain.promotion.PromotionKind;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Elastic Path promotions ({@code voucherport.elastic-path.*}): configured when {@code base-url} is set;
 * the client id is then required, the client secret optional (without it the implicit grant is used).
 * Both are secrets: never shown by the actuator or logged.
 */
@ConfigurationProperties(prefix = "voucherport.elastic-path")
public class ElasticPathProperties extends AdapterProperties {

    /** The store's API base URL (US East, EU West or a simulator's); setting it turns the adapter on. */
    private String baseUrl;

    /** The client id (a secret). */
    private Secret clientId;

    /** The client secret, for client_credentials (a secret); without it the implicit grant is used. */
    private Secret clientSecret;

    /** Standard promotions or Promotions Builder (RULE_BASED). */
    private PromotionKind kind = PromotionKind.STANDARD;

    /** How long before expiry the token is renewed. */
    private Duration renewBefore = Duration.ofMinutes(2);

    /** Codes and promotions per page, 1 to 100. */
    private int pageSize = 100;

    /** Client-side rate limit in requests per second (100 on production stores, 25 on development stores); 0 turns it off. */
    private int requestsPerSecond = 25;

    /** Pages of a listing fetched ahead at most, 1 to 32. */
    private int prefetchPages = 8;

    /** After a create with unknown outcome, how long listings are repeated before a code counts as not created. */
    private Duration settleTime = Duration.ofSeconds(30);

    /**
     * {@return the store's API base URL (US East, EU West or a simulator's); setting it turns the
     * adapter on}
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets {@link #getBaseUrl()}.
     *
     * @param baseUrl the store's API base URL (US East, EU West or a simulator's); setting it turns
     *     the adapter on
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return the client id (a secret)} */
    public Secret getClientId() {
        return clientId;
    }

    /**
     * Sets {@link #getClientId()}.
     *
     * @param clientId the client id (a secret)
     */
    public void setClientId(Secret clientId) {
        this.clientId = clientId;
    }

    /**
     * {@return the client secret, for client_credentials (a secret); without it the implicit grant
     * is used}
     */
    public Secret getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets {@link #getClientSecret()}.
     *
     * @param clientSecret the client secret, for client_credentials (a secret); without it the
     *     implicit grant is used
     */
    public void setClientSecret(Secret clientSecret) {
        this.clientSecret = clientSecret;
    }

    /** {@return standard promotions or Promotions Builder (RULE_BASED)} */
    public PromotionKind getKind() {
        return kind;
    }

    /**
     * Sets {@link #getKind()}.
     *
     * @param kind standard promotions or Promotions Builder (RULE_BASED)
     */
    public void setKind(PromotionKind kind) {
        this.kind = kind;
    }

    /** {@return how long before expiry the token is renewed} */
    public Duration getRenewBefore() {
        return renewBefore;
    }

    /**
     * Sets {@link #getRenewBefore()}.
     *
     * @param renewBefore how long before expiry the token is renewed
     */
    public void setRenewBefore(Duration renewBefore) {
        this.renewBefore = renewBefore;
    }

    /** {@return codes and promotions per page, 1 to 100} */
    public int getPageSize() {
        return pageSize;
    }

    /**
     * Sets {@link #getPageSize()}.
     *
     * @param pageSize codes and promotions per page, 1 to 100
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * {@return client-side rate limit in requests per second (100 on production stores, 25 on
     * development stores); 0 turns it off}
     */
    public int getRequestsPerSecond() {
        return requestsPerSecond;
    }

    /**
     * Sets {@link #getRequestsPerSecond()}.
     *
     * @param requestsPerSecond client-side rate limit in requests per second (100 on production
     *     stores, 25 on development stores); 0 turns it off
     */
    public void setRequestsPerSecond(int requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
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

    /**
     * {@return after a create with unknown outcome, how long listings are repeated before a code
     * counts as not created}
     */
    public Duration getSettleTime() {
        return settleTime;
    }

    /**
     * Sets {@link #getSettleTime()}.
     *
     * @param settleTime after a create with unknown outcome, how long listings are repeated before
     *     a code counts as not created
     */
    public void setSettleTime(Duration settleTime) {
        this.settleTime = settleTime;
    }

    /** Defaults everywhere; Spring Boot binds the properties. */
    public ElasticPathProperties() {
    }
}
