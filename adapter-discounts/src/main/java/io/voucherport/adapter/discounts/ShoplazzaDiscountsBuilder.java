package io.voucherport.adapter.discounts;

import io.vavr.control.Option;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.PagingExecutor;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.domain.Require;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Configuration of a {@link ShoplazzaDiscounts}: the store, the API version, where access tokens
 * come from, the store's zone, its rate bucket and the page size, plus the settings every adapter
 * shares. Not thread-safe; build once.
 */
public final class ShoplazzaDiscountsBuilder extends AdapterBuilder<ShoplazzaDiscountsBuilder> {

    /** Items per page unless configured otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    private String storeUrl;
    private ShoplazzaVersion version;
    private AccessTokenProvider tokens;
    private ZoneId storeZone = ZoneOffset.UTC;
    private RateLimiter limiter;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int prefetchPages = PagingExecutor.DEFAULT_PAGES;

    ShoplazzaDiscountsBuilder() {
    }

    @Override
    protected ShoplazzaDiscountsBuilder self() {
        return this;
    }

    /**
     * The store's subdomain: {@code https://{subdomain}.myshoplaza.com}.
     *
     * @param subdomain the store's name in its {@code myshoplaza.com} host, not null; letters,
     *     digits and '-' only
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder store(String subdomain) {
        Require.identifier(subdomain, "store subdomain");
        if (!subdomain.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("store subdomain may hold letters, digits and '-' only");
        }
        this.storeUrl = "https://" + subdomain + ".myshoplaza.com";
        return this;
    }

    /**
     * The store's root URL instead of a subdomain (a simulator's URL); {@code /openapi/{version}}
     * is appended.
     *
     * @param url an absolute http or https URL without query or fragment, not null; a trailing
     *     slash is dropped
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder storeUrl(String url) {
        this.storeUrl = HttpSettings.baseUrl(url);
        return this;
    }

    /**
     * The API version, an explicit choice. Required.
     *
     * @param v the API version the store's app uses, not null; no default
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder version(ShoplazzaVersion v) {
        this.version = Require.present(v, "version");
        return this;
    }

    /**
     * Where the {@code Access-Token} comes from. Required.
     *
     * @param provider what supplies the current access token ({@link ShoplazzaOAuth} for a public
     *     app, {@link AccessTokenProvider#fixed} for a private app), not null
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder tokens(AccessTokenProvider provider) {
        this.tokens = Require.present(provider, "token provider");
        return this;
    }

    /**
     * The zone of 2022-01's zone-less timestamps; default UTC.
     *
     * @param zone the store's time zone, not null; used only for 2022-01 timestamps without an
     *     offset
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder storeZone(ZoneId zone) {
        this.storeZone = Require.present(zone, "store zone");
        return this;
    }

    /**
     * The store's bucket, shared with other instances calling the same store
     * ({@link ShoplazzaDiscounts#storeBucket()}); default one of this instance's own.
     *
     * @param bucket the rate limiter to spend a token of per request, not null; share one per store
     *     across instances and adapters
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder rateLimiter(RateLimiter bucket) {
        this.limiter = Require.present(bucket, "rate limiter");
        return this;
    }

    /**
     * Items per page, 1 to {@value ShoplazzaDiscounts#MAX_PAGE_SIZE}; default {@value #DEFAULT_PAGE_SIZE}.
     *
     * @param size items per page, 1 to {@value ShoplazzaDiscounts#MAX_PAGE_SIZE}
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder pageSize(int size) {
        this.pageSize = HttpSettings.pageSize(size, 1, ShoplazzaDiscounts.MAX_PAGE_SIZE);
        return this;
    }

    /**
     * Pages of a listing in flight at most once a 2022-01 answer tells {@code count}, 1 (one page
     * at a time) to {@value PagingExecutor#MAX_PAGES}; default {@value PagingExecutor#DEFAULT_PAGES}.
     * Pages ahead are fetched on the shared {@link PagingExecutor}, each within this instance's
     * bucket and pool, and handed out in order.
     *
     * @param pages pages in flight at most, 1 to {@value PagingExecutor#MAX_PAGES}
     * @return this builder
     */
    public ShoplazzaDiscountsBuilder prefetchPages(int pages) {
        this.prefetchPages = PagingExecutor.pages(pages);
        return this;
    }

    /** {@return the adapter; throws when a required setting is missing} */
    public ShoplazzaDiscounts build() {
        Require.present(storeUrl, "store");
        Require.present(version, "version");
        Require.present(tokens, "token provider");
        return new ShoplazzaDiscounts(this);
    }

    String storeUrl() {
        return storeUrl;
    }

    ShoplazzaVersion version() {
        return version;
    }

    AccessTokenProvider tokens() {
        return tokens;
    }

    ZoneId storeZone() {
        return storeZone;
    }

    Option<RateLimiter> limiter() {
        return Option.of(limiter);
    }

    int pageSize() {
        return pageSize;
    }

    int prefetchPages() {
        return prefetchPages;
    }
}
