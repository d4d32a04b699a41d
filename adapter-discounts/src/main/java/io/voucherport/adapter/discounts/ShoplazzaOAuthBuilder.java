package io.voucherport.adapter.discounts;

import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.time.Clock;
import java.time.Duration;

/**
 * Configuration of a {@link ShoplazzaOAuth}: the store, the app's credentials, where the rotating
 * refresh token lives, when tokens are renewed, plus the settings every adapter shares. Not
 * thread-safe; build once.
 */
public final class ShoplazzaOAuthBuilder extends AdapterBuilder<ShoplazzaOAuthBuilder> {

    private String storeUrl;
    private Secret clientId;
    private Secret clientSecret;
    private RefreshTokenStore refreshTokens;
    private Duration renewBefore = TokenCache.DEFAULT_RENEW_BEFORE;
    private Clock clock = Clock.systemUTC();

    ShoplazzaOAuthBuilder() {
    }

    @Override
    protected ShoplazzaOAuthBuilder self() {
        return this;
    }

    /**
     * {@code https://{store}.myshoplaza.com}, or a simulator's URL. Required.
     *
     * @param url an absolute http or https URL without query or fragment, not null; a trailing
     *     slash is dropped
     * @return this builder
     */
    public ShoplazzaOAuthBuilder storeUrl(String url) {
        this.storeUrl = HttpSettings.baseUrl(url);
        return this;
    }

    /**
     * The app's client id (masked in logs). Required.
     *
     * @param id the app's client id, not null; a credential, never logged
     * @return this builder
     */
    public ShoplazzaOAuthBuilder clientId(Secret id) {
        this.clientId = Require.present(id, "client id");
        return this;
    }

    /**
     * The app's client secret. Required.
     *
     * @param secret the app's client secret, not null; never logged
     * @return this builder
     */
    public ShoplazzaOAuthBuilder clientSecret(Secret secret) {
        this.clientSecret = Require.present(secret, "client secret");
        return this;
    }

    /**
     * Where the rotating refresh token lives. Required.
     *
     * @param store the store holding the current refresh token, not null; durable when the service
     *     restarts or runs several instances, since each refresh makes the previous token useless
     * @return this builder
     */
    public ShoplazzaOAuthBuilder refreshTokens(RefreshTokenStore store) {
        this.refreshTokens = Require.present(store, "refresh token store");
        return this;
    }

    /**
     * How long before {@code expires_at} the token is refreshed; default
     * {@link TokenCache#DEFAULT_RENEW_BEFORE} (2 minutes).
     *
     * @param margin not negative, not null; 0 refreshes only once the token has expired
     * @return this builder
     */
    public ShoplazzaOAuthBuilder renewBefore(Duration margin) {
        Require.present(margin, "renew before");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("renew before must not be negative");
        }
        this.renewBefore = margin;
        return this;
    }

    /**
     * The clock deciding expiry; default the system clock.
     *
     * @param c the clock to read time from, not null
     * @return this builder
     */
    public ShoplazzaOAuthBuilder clock(Clock c) {
        this.clock = Require.present(c, "clock");
        return this;
    }

    /** {@return the provider; throws when a required setting is missing} */
    public ShoplazzaOAuth build() {
        Require.present(storeUrl, "store URL");
        Require.present(clientId, "client id");
        Require.present(clientSecret, "client secret");
        Require.present(refreshTokens, "refresh token store");
        return new ShoplazzaOAuth(this);
    }

    String storeUrl() {
        return storeUrl;
    }

    Secret clientId() {
        return clientId;
    }

    Secret clientSecret() {
        return clientSecret;
    }

    RefreshTokenStore refreshTokens() {
        return refreshTokens;
    }

    Duration renewBefore() {
        return renewBefore;
    }

    Clock clock() {
        return clock;
    }
}
