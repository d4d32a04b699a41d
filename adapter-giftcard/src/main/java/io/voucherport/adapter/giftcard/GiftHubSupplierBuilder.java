package io.voucherport.adapter.giftcard;

import io.vavr.control.Option;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderReferenceStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Configuration of a {@link GiftHubSupplier}: GiftHub's base URL, credentials and reference store
 * (required), plus the shared HTTP settings of {@link AdapterBuilder}. Each setting is validated
 * when set and documents its default. Not thread-safe; build once.
 */
public final class GiftHubSupplierBuilder extends AdapterBuilder<GiftHubSupplierBuilder> {

    private String baseUrl;
    private Secret clientId;
    private Secret clientSecret;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofHours(1);
    private Duration renewBefore = TokenCache.DEFAULT_RENEW_BEFORE;
    private OrderReferenceStore references;
    private CurrencyCode wallet = CurrencyCode.of("EUR");
    private Option<String> webhookUrl = Option.none();
    private Duration lookupLag = Duration.ofSeconds(30);
    private int pageSize = GiftHubSupplier.MAX_PAGE_SIZE;
    private Duration catalogTtl = Duration.ofMinutes(10);

    GiftHubSupplierBuilder() {
    }

    @Override
    protected GiftHubSupplierBuilder self() {
        return this;
    }

    /**
     * GiftHub's {@code base_url} (given to each customer), or a simulator's URL. Required.
     *
     * @param url an absolute http or https URL without query or fragment, not null; a trailing
     *     slash is dropped
     * @return this builder
     */
    public GiftHubSupplierBuilder baseUrl(String url) {
        this.baseUrl = HttpSettings.baseUrl(url);
        return this;
    }

    /**
     * The {@code client-id}. Required.
     *
     * @param id GiftHub's client id, not null; a credential, never logged
     * @return this builder
     */
    public GiftHubSupplierBuilder clientId(Secret id) {
        this.clientId = Require.present(id, "client id");
        return this;
    }

    /**
     * The {@code client-secret}. Required.
     *
     * @param secret GiftHub's client secret, not null; never logged
     * @return this builder
     */
    public GiftHubSupplierBuilder clientSecret(Secret secret) {
        this.clientSecret = Require.present(secret, "client secret");
        return this;
    }

    /**
     * The clock deciding token renewal and catalog freshness; default the system clock.
     *
     * @param clock the clock to read time from, not null
     * @return this builder
     */
    public GiftHubSupplierBuilder clock(Clock clock) {
        this.clock = Require.present(clock, "clock");
        return this;
    }

    /**
     * Token lifetime assumed when a token carries no readable expiry; default one hour.
     *
     * @param lifetime how long a token is trusted when its expiry cannot be read, above zero
     * @return this builder
     */
    public GiftHubSupplierBuilder tokenLifetime(Duration lifetime) {
        this.tokenLifetime = positive(lifetime, "token lifetime");
        return this;
    }

    /**
     * How long before expiry the token is renewed; default {@link TokenCache#DEFAULT_RENEW_BEFORE}
     * (2 minutes: longer than a call with its retries, a small part of GiftHub's one-hour token).
     *
     * @param margin not negative, not null; 0 renews only once the token has expired
     * @return this builder
     */
    public GiftHubSupplierBuilder renewBefore(Duration margin) {
        Require.present(margin, "renew before");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("renew before must not be negative");
        }
        this.renewBefore = margin;
        return this;
    }

    /**
     * Where reference → order id bindings are kept. Required:
     * {@link OrderReferenceStore#inMemory()} for one process or tests, a durable store (e.g. JDBC) to
     * resume after restarts or to run several instances.
     *
     * @param store the binding store, not null; it must never answer {@code Unbound} for a
     *     reference it merely forgot
     * @return this builder
     */
    public GiftHubSupplierBuilder references(OrderReferenceStore store) {
        this.references = Require.present(store, "reference store");
        return this;
    }

    /**
     * The wallet paid from when a request names no settlement currency; default EUR.
     *
     * @param currency the wallet's currency, not null; a request's settlement currency overrides it
     * @return this builder
     */
    public GiftHubSupplierBuilder wallet(CurrencyCode currency) {
        this.wallet = Require.present(currency, "wallet");
        return this;
    }

    /**
     * Where GiftHub posts deliveries (read them with {@link GiftHubWebhook}); default none.
     *
     * @param url the absolute http or https URL GiftHub should post to, not null; sent with each
     *     order
     * @return this builder
     */
    public GiftHubSupplierBuilder webhookUrl(String url) {
        this.webhookUrl = Option.some(HttpSettings.baseUrl(url));
        return this;
    }

    /**
     * How long after a placement its order may still be missing from a lookup by reference (see
     * {@link CodeSupplier#referenceLookupLag()}); default 30 seconds: lookups are answered from the
     * {@link OrderReferenceStore}, bound before confirm, so only a placement still in flight in
     * another instance can be missed.
     *
     * @param lag not negative, not null; too short risks buying twice when another instance is
     *     still placing the same reference
     * @return this builder
     */
    public GiftHubSupplierBuilder referenceLookupLag(Duration lag) {
        this.lookupLag = HttpSettings.notNegative(lag, "reference lookup lag");
        return this;
    }

    /**
     * Product page size, {@value GiftHubSupplier#MIN_PAGE_SIZE} to {@value GiftHubSupplier#MAX_PAGE_SIZE};
     * default {@value GiftHubSupplier#MAX_PAGE_SIZE}.
     *
     * @param size products per page, {@value GiftHubSupplier#MIN_PAGE_SIZE} to
     *     {@value GiftHubSupplier#MAX_PAGE_SIZE}
     * @return this builder
     */
    public GiftHubSupplierBuilder pageSize(int size) {
        this.pageSize = HttpSettings.pageSize(size, GiftHubSupplier.MIN_PAGE_SIZE, GiftHubSupplier.MAX_PAGE_SIZE);
        return this;
    }

    /**
     * How long the catalog used to price orders is kept; default 10 minutes.
     *
     * @param ttl how long a fetched catalog is reused, above zero; a longer one may price an order
     *     with an outdated quote
     * @return this builder
     */
    public GiftHubSupplierBuilder catalogTtl(Duration ttl) {
        this.catalogTtl = positive(ttl, "catalog ttl");
        return this;
    }

    /** {@return the supplier; throws when a required setting is missing} */
    public GiftHubSupplier build() {
        Require.present(baseUrl, "base URL");
        Require.present(clientId, "client id");
        Require.present(clientSecret, "client secret");
        if (references == null) {
            throw new IllegalStateException("an order reference store is required: references("
                    + "OrderReferenceStore.inMemory()) for a single process or tests, or a durable store (e.g."
                    + " JDBC) to resume purchases after a restart or across instances");
        }
        return new GiftHubSupplier(this);
    }

    String baseUrl() {
        return baseUrl;
    }

    Secret clientId() {
        return clientId;
    }

    Secret clientSecret() {
        return clientSecret;
    }

    Clock clock() {
        return clock;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    Duration renewBefore() {
        return renewBefore;
    }

    OrderReferenceStore references() {
        return references;
    }

    CurrencyCode wallet() {
        return wallet;
    }

    Option<String> webhookUrl() {
        return webhookUrl;
    }

    Duration lookupLag() {
        return lookupLag;
    }

    int pageSize() {
        return pageSize;
    }

    Duration catalogTtl() {
        return catalogTtl;
    }

    private static Duration positive(Duration d, String field) {
        Require.present(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive but was " + d);
        }
        return d;
    }
}
