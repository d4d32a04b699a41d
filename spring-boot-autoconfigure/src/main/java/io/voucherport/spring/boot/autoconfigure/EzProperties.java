package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.domain.Secret;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * EZ Cards ({@code voucherport.ez.*}): the supplier is configured when {@code base-url} is set; the API key
 * and the bearer token are then required. Both are secrets: never shown by the actuator or logged.
 */
@ConfigurationProperties(prefix = "voucherport.ez")
public class EzProperties extends AdapterProperties {

    /** EZ's base URL (production, sandbox or a simulator); setting it turns the EZ supplier on. */
    private String baseUrl;

    /** The API key sent as x-api-key (a secret). */
    private Secret apiKey;

    /** The pre-issued access token sent as Authorization: Bearer (a secret). */
    private Secret bearerToken;

    /** How long after a placement its order may still be missing from a lookup by reference. */
    private Duration referenceLookupLag = Duration.ofMinutes(1);

    /** Catalog and order page size, 1 to 100. */
    private int pageSize = 100;

    /** Pages of a listing fetched ahead at most, 1 to 32. */
    private int prefetchPages = 8;

    /**
     * {@return EZ's base URL (production, sandbox or a simulator); setting it turns the EZ supplier
     * on}
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets {@link #getBaseUrl()}.
     *
     * @param baseUrl EZ's base URL (production, sandbox or a simulator); setting it turns the EZ
     *     supplier on
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return the API key sent as x-api-key (a secret)} */
    public Secret getApiKey() {
        return apiKey;
    }

    /**
     * Sets {@link #getApiKey()}.
     *
     * @param apiKey the API key sent as x-api-key (a secret)
     */
    public void setApiKey(Secret apiKey) {
        this.apiKey = apiKey;
    }

    /** {@return the pre-issued access token sent as Authorization: Bearer (a secret)} */
    public Secret getBearerToken() {
        return bearerToken;
    }

    /**
     * Sets {@link #getBearerToken()}.
     *
     * @param bearerToken the pre-issued access token sent as Authorization: Bearer (a secret)
     */
    public void setBearerToken(Secret bearerToken) {
        this.bearerToken = bearerToken;
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

    /** {@return catalog and order page size, 1 to 100} */
    public int getPageSize() {
        return pageSize;
    }

    /**
     * Sets {@link #getPageSize()}.
     *
     * @param pageSize catalog and order page size, 1 to 100
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

    /** Defaults everywhere; Spring Boot binds the properties. */
    public EzProperties() {
    }
}
