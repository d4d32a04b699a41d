package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.domain.Secret;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * GiftHub ({@code voucherport.gifthub.*}): the supplier is configured when {@code base-url} is set; the
 * client id and secret are then required (secrets: never shown by the actuator or logged). Its order
 * reference store is the JDBC one when a {@code DataSource} is present, or an in-memory one only when
 * {@code in-memory-references} is set (one process, nothing kept across restarts).
 */
@ConfigurationProperties(prefix = "voucherport.gifthub")
public class GiftHubProperties extends AdapterProperties {

    /** GiftHub's base URL (given to each customer) or a simulator's; setting it turns the GiftHub supplier on. */
    private String baseUrl;

    /** The client-id (a secret). */
    private Secret clientId;

    /** The client-secret (a secret). */
    private Secret clientSecret;

    /** The wallet paid from when a request names no settlement currency. */
    private String wallet = "EUR";

    /** Where GiftHub posts deliveries; none by default. */
    private String webhookUrl;

    /** How long after a placement its order may still be missing from a lookup by reference. */
    private Duration referenceLookupLag = Duration.ofSeconds(30);

    /** Product page size, 5 to 50. */
    private int pageSize = 50;

    /** How long the catalog used to price orders is kept. */
    private Duration catalogTtl = Duration.ofMinutes(10);

    /** Token lifetime assumed when a token carries no readable expiry. */
    private Duration tokenLifetime = Duration.ofHours(1);

    /** How long before expiry the token is renewed. */
    private Duration renewBefore = Duration.ofMinutes(2);

    /** Keep reference to order bindings in memory when no DataSource is present (one process only; a restart forgets them). */
    private boolean inMemoryReferences = false;

    /**
     * {@return GiftHub's base URL (given to each customer) or a simulator's; setting it turns the
     * GiftHub supplier on}
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets {@link #getBaseUrl()}.
     *
     * @param baseUrl GiftHub's base URL (given to each customer) or a simulator's; setting it turns
     *     the GiftHub supplier on
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return the client-id (a secret)} */
    public Secret getClientId() {
        return clientId;
    }

    /**
     * Sets {@link #getClientId()}.
     *
     * @param clientId the client-id (a secret)
     */
    public void setClientId(Secret clientId) {
        this.clientId = clientId;
    }

    /** {@return the client-secret (a secret)} */
    public Secret getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets {@link #getClientSecret()}.
     *
     * @param clientSecret the client-secret (a secret)
     */
    public void setClientSecret(Secret clientSecret) {
        this.clientSecret = clientSecret;
    }

    /** {@return the wallet paid from when a request names no settlement currency} */
    public String getWallet() {
        return wallet;
    }

    /**
     * Sets {@link #getWallet()}.
     *
     * @param wallet the wallet paid from when a request names no settlement currency
     */
    public void setWallet(String wallet) {
        this.wallet = wallet;
    }

    /** {@return where GiftHub posts deliveries; none by default} */
    public String getWebhookUrl() {
        return webhookUrl;
    }

    /**
     * Sets {@link #getWebhookUrl()}.
     *
     * @param webhookUrl where GiftHub posts deliveries; none by default
     */
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    /**
     * {@return how long after a placement its order may still be missing from a lookup by
     * reference}
     */
    public Duration getReferenceLookupLag() {
        return referenceLookupLag;
    }

    /**
     * Sets {@link #getReferenceLookupLag()}.
     *
     * @param referenceLookupLag how long after a placement its order may still be missing from a
     *     lookup by reference
     */
    public void setReferenceLookupLag(Duration referenceLookupLag) {
        this.referenceLookupLag = referenceLookupLag;
    }

    /** {@return product page size, 5 to 50} */
    public int getPageSize() {
        return pageSize;
    }

    /**
     * Sets {@link #getPageSize()}.
     *
     * @param pageSize product page size, 5 to 50
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** {@return how long the catalog used to price orders is kept} */
    public Duration getCatalogTtl() {
        return catalogTtl;
    }

    /**
     * Sets {@link #getCatalogTtl()}.
     *
     * @param catalogTtl how long the catalog used to price orders is kept
     */
    public void setCatalogTtl(Duration catalogTtl) {
        this.catalogTtl = catalogTtl;
    }

    /** {@return token lifetime assumed when a token carries no readable expiry} */
    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    /**
     * Sets {@link #getTokenLifetime()}.
     *
     * @param tokenLifetime token lifetime assumed when a token carries no readable expiry
     */
    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
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

    /**
     * {@return whether to keep reference to order bindings in memory when no DataSource is present
     * (one process only; a restart forgets them)}
     */
    public boolean isInMemoryReferences() {
        return inMemoryReferences;
    }

    /**
     * Sets {@link #isInMemoryReferences()}.
     *
     * @param inMemoryReferences whether to keep reference to order bindings in memory when no
     *     DataSource is present (one process only; a restart forgets them)
     */
    public void setInMemoryReferences(boolean inMemoryReferences) {
        this.inMemoryReferences = inMemoryReferences;
    }

    /** Defaults everywhere; Spring Boot binds the properties. */
    public GiftHubProperties() {
    }
}
