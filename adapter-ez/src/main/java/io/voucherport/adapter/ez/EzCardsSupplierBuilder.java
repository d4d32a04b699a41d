package io.voucherport.adapter.ez;

import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.PagingExecutor;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.supply.CodeSupplier;
import java.time.Duration;

/**
 * Configuration of an {@link EzCardsSupplier}: the base URL, the API key and the bearer token
 * (required), plus EZ's own settings and the settings every adapter shares. Every setting is
 * validated when given; {@link #build()} refuses a missing required one. Not thread-safe; build once.
 */
public final class EzCardsSupplierBuilder extends AdapterBuilder<EzCardsSupplierBuilder> {

    private String baseUrl;
    private Secret apiKey;
    private Secret bearerToken;
    private Duration lookupLag = Duration.ofMinutes(1);
    private int pageSize = 100;
    private int prefetchPages = PagingExecutor.DEFAULT_PAGES;

    EzCardsSupplierBuilder() {
    }

    @Override
    protected EzCardsSupplierBuilder self() {
        return this;
    }

    /**
     * {@link EzCardsSupplier#PRODUCTION}, {@link EzCardsSupplier#SANDBOX}, or a simulator's URL. Required.
     *
     * @param url an absolute http or https URL without query or fragment, not null; a trailing
     *     slash is dropped
     * @return this builder
     */
    public EzCardsSupplierBuilder baseUrl(String url) {
        this.baseUrl = HttpSettings.baseUrl(url);
        return this;
    }

    /**
     * The API key sent as {@code x-api-key}. Required.
     *
     * @param key EZ's API key, not null; never logged
     * @return this builder
     */
    public EzCardsSupplierBuilder apiKey(Secret key) {
        this.apiKey = Require.present(key, "api key");
        return this;
    }

    /**
     * The pre-issued access token sent as {@code Authorization: Bearer}. Required.
     *
     * @param token EZ's pre-issued access token, not null; never logged (the adapter does not
     *     refresh it)
     * @return this builder
     */
    public EzCardsSupplierBuilder bearerToken(Secret token) {
        this.bearerToken = Require.present(token, "bearer token");
        return this;
    }

    /**
     * How long after a placement its order may still be missing from a lookup by reference (see
     * {@link CodeSupplier#referenceLookupLag()}); default 1 minute: EZ's order search lag is
     * undocumented, and an order may still be in flight on EZ's side after the client gave up.
     *
     * @param lag not negative, not null; too short risks buying twice after a timeout, too long
     *     delays the retry of a purchase EZ never received
     * @return this builder
     */
    public EzCardsSupplierBuilder referenceLookupLag(Duration lag) {
        this.lookupLag = HttpSettings.notNegative(lag, "reference lookup lag");
        return this;
    }

    /**
     * Catalog and order page size, 1 to {@value EzCardsSupplier#MAX_PAGE_SIZE}; default 100.
     *
     * @param size items per page, 1 to {@value EzCardsSupplier#MAX_PAGE_SIZE}
     * @return this builder
     */
    public EzCardsSupplierBuilder pageSize(int size) {
        this.pageSize = HttpSettings.pageSize(size, 1, EzCardsSupplier.MAX_PAGE_SIZE);
        return this;
    }

    /**
     * Pages of the catalog or the order list in flight at most once EZ tells {@code totalPage} or
     * {@code total}, 1 (one page at a time) to {@value PagingExecutor#MAX_PAGES}; default
     * {@value PagingExecutor#DEFAULT_PAGES}. Pages ahead are fetched on the shared
     * {@link PagingExecutor}, each within this supplier's pool, and handed out in order.
     *
     * @param pages pages in flight at most, 1 to {@value PagingExecutor#MAX_PAGES}
     * @return this builder
     */
    public EzCardsSupplierBuilder prefetchPages(int pages) {
        this.prefetchPages = PagingExecutor.pages(pages);
        return this;
    }

    /** {@return the supplier; throws when a required setting is missing} */
    public EzCardsSupplier build() {
        Require.present(baseUrl, "base URL");
        Require.present(apiKey, "api key");
        Require.present(bearerToken, "bearer token");
        return new EzCardsSupplier(this);
    }

    String baseUrl() {
        return baseUrl;
    }

    Secret apiKey() {
        return apiKey;
    }

    Secret bearerToken() {
        return bearerToken;
    }

    Duration lookupLag() {
        return lookupLag;
    }

    int pageSize() {
        return pageSize;
    }

    int prefetchPages() {
        return prefetchPages;
    }
}
