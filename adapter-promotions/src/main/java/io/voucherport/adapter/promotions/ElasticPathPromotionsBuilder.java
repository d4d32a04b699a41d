package io.voucherport.adapter.promotions;

import io.vavr.control.Option;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.PagingExecutor;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.promotion.PromotionKind;
import java.time.Clock;
import java.time.Duration;

/**
 * Configuration of an {@link ElasticPathPromotions}: the store's base URL and client credentials
 * (required: base URL and client id), the engine, token renewal, page size and client-side rate,
 * plus the settings every adapter shares ({@link AdapterBuilder}). Each setter validates its value
 * and throws {@link IllegalArgumentException} (or {@link NullPointerException}) for an invalid one.
 * Not thread-safe; build once. Obtain one with {@link ElasticPathPromotions#builder()}.
 */
public final class ElasticPathPromotionsBuilder extends AdapterBuilder<ElasticPathPromotionsBuilder> {

    private String baseUrl;
    private Secret clientId;
    private Option<Secret> clientSecret = Option.none();
    private PromotionKind kind = PromotionKind.STANDARD;
    private Clock clock = Clock.systemUTC();
    private Duration renewBefore = TokenCache.DEFAULT_RENEW_BEFORE;
    private int pageSize = ElasticPathPromotions.MAX_PAGE_SIZE;
    private int requestsPerSecond = ElasticPathPromotions.DEFAULT_REQUESTS_PER_SECOND;
    private int prefetchPages = PagingExecutor.DEFAULT_PAGES;

    ElasticPathPromotionsBuilder() {
    }

    @Override
    protected ElasticPathPromotionsBuilder self() {
        return this;
    }

    /**
     * {@link ElasticPathPromotions#US_EAST}, {@link ElasticPathPromotions#EU_WEST}, or a simulator's URL. Required.
     *
     * @param url an absolute http or https URL without query or fragment, not null; a trailing
     *     slash is dropped
     * @return this builder
     */
    public ElasticPathPromotionsBuilder baseUrl(String url) {
        this.baseUrl = HttpSettings.baseUrl(url);
        return this;
    }

    /**
     * The client id (a credential: masked in logs and messages). Required.
     *
     * @param id the store's client id, not null; a credential, never logged
     * @return this builder
     */
    public ElasticPathPromotionsBuilder clientId(Secret id) {
        this.clientId = Require.present(id, "client id");
        return this;
    }

    /**
     * The client secret, for {@code client_credentials} (full access); without it the
     * {@code implicit} grant is used.
     *
     * @param secret the store's client secret, not null; never logged
     * @return this builder
     */
    public ElasticPathPromotionsBuilder clientSecret(Secret secret) {
        this.clientSecret = Option.some(Require.present(secret, "client secret"));
        return this;
    }

    /**
     * Standard promotions (default) or Promotions Builder ({@link PromotionKind#RULE_BASED}).
     *
     * @param engine which of the store's promotion engines this adapter works with, not null
     * @return this builder
     */
    public ElasticPathPromotionsBuilder kind(PromotionKind engine) {
        this.kind = Require.present(engine, "kind");
        return this;
    }

    /**
     * The clock deciding token renewal; default the system clock.
     *
     * @param clock the clock to read time from, not null
     * @return this builder
     */
    public ElasticPathPromotionsBuilder clock(Clock clock) {
        this.clock = Require.present(clock, "clock");
        return this;
    }

    /**
     * How long before {@code expires} the token is renewed; default
     * {@link TokenCache#DEFAULT_RENEW_BEFORE} (2 minutes).
     *
     * @param margin not negative, not null; 0 renews only once the token has expired
     * @return this builder
     */
    public ElasticPathPromotionsBuilder renewBefore(Duration margin) {
        this.renewBefore = HttpSettings.notNegative(margin, "renew before");
        return this;
    }

    /**
     * Codes and promotions per page, 1 to {@value ElasticPathPromotions#MAX_PAGE_SIZE}; default
     * {@value ElasticPathPromotions#MAX_PAGE_SIZE}.
     *
     * @param size items per page, 1 to {@value ElasticPathPromotions#MAX_PAGE_SIZE}
     * @return this builder
     */
    public ElasticPathPromotionsBuilder pageSize(int size) {
        this.pageSize = HttpSettings.pageSize(size, 1, ElasticPathPromotions.MAX_PAGE_SIZE);
        return this;
    }

    /**
     * Client-side limit in requests per second (100 on production stores, 25 on development
     * stores); 0 turns the limiter off. Default {@value ElasticPathPromotions#DEFAULT_REQUESTS_PER_SECOND}.
     *
     * @param rate requests per second at most for this adapter, 0 or more (0: no client-side limit,
     *     Elastic Path's 429s still handled)
     * @return this builder
     */
    public ElasticPathPromotionsBuilder requestsPerSecond(int rate) {
        Require.notNegative(rate, "requests per second");
        this.requestsPerSecond = rate;
        return this;
    }

    /**
     * Pages of a listing in flight at most once Elastic Path tells its total, 1 (one page at a
     * time) to {@value PagingExecutor#MAX_PAGES}; default {@value PagingExecutor#DEFAULT_PAGES}.
     * Pages ahead are fetched on the shared {@link PagingExecutor}, each within this adapter's rate
     * limiter and pool, and handed out in order.
     *
     * @param pages pages in flight at most, 1 to {@value PagingExecutor#MAX_PAGES}
     * @return this builder
     */
    public ElasticPathPromotionsBuilder prefetchPages(int pages) {
        this.prefetchPages = PagingExecutor.pages(pages);
        return this;
    }

    /** {@return the adapter; throws when a required setting (base URL, client id) is missing} */
    public ElasticPathPromotions build() {
        Require.present(baseUrl, "base URL");
        Require.present(clientId, "client id");
        return new ElasticPathPromotions(this);
    }

    String baseUrl() {
        return baseUrl;
    }

    Secret clientId() {
        return clientId;
    }

    Option<Secret> clientSecret() {
        return clientSecret;
    }

    PromotionKind kind() {
        return kind;
    }

    Clock clock() {
        return clock;
    }

    Duration renewBefore() {
        return renewBefore;
    }

    int pageSize() {
        return pageSize;
    }

    int requestsPerSecond() {
        return requestsPerSecond;
    }

    int prefetchPages() {
        return prefetchPages;
    }

    @Override
    public String toString() {
        return "ElasticPathPromotionsBuilder[" + baseUrl + ", " + kind + ", client id ****]";
    }
}
