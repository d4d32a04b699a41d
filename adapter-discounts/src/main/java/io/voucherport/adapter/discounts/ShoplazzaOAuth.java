package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.CallGuard;
import io.voucherport.adapter.support.FeignSetup;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Masker;
import io.voucherport.adapter.support.MaskingLogger;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.ProblemMapper;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Require;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A public app's access tokens for one Shoplazza store: refreshed with the refresh token from a
 * {@link RefreshTokenStore} shortly before {@code expires_at} (and once after a 401), storing the
 * <b>new refresh token every refresh returns</b> in place of the old one. Renewals are serialised:
 * one store, one owner. A refresh is never retried (one that took effect unseen has already
 * rotated the refresh token). Thread-safe; share one per store.
 */
public final class ShoplazzaOAuth implements AccessTokenProvider, AutoCloseable {

    /** The token endpoint, {@code https://{store}.myshoplaza.com/admin/oauth/token}. */
    interface OAuthApi {
        @RequestLine("POST /admin/oauth/token")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode token(Map<String, String> body);
    }

    private final OAuthApi api;
    private final CallGuard guard;
    private final String clientId;
    private final Secret clientSecret;
    private final RefreshTokenStore refreshTokens;
    private final TokenCache cache;
    private final Clock clock;
    private final AdapterBuilder.Http http;

    private ShoplazzaOAuth(Builder b) {
        ObjectMapper json = JsonSupport.newObjectMapper();
        AdapterBuilder.Settings settings = b.settings();
        this.http = settings.openHttp();
        Masker masker = Masker.of(List.of(), List.of("refresh_token"), List.of(b.clientSecret.reveal()));
        this.api = FeignSetup.builder(settings, http, json, new MaskingLogger(ShoplazzaDiscounts.PROVIDER + ".oauth", masker),
                        new ProblemDecoder(ShoplazzaErrors.parser(json), List.of("x-request-id")))
                .target(OAuthApi.class, b.storeUrl);
        this.guard = new CallGuard(ShoplazzaDiscounts.PROVIDER, ProblemMapper.standard(ShoplazzaDiscounts.PROVIDER),
                settings.retryPolicy(), settings.sleeper());
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.refreshTokens = b.refreshTokens;
        this.clock = b.clock;
        this.cache = new TokenCache(this::refresh, b.renewBefore, b.clock);
    }

    /** A builder; store URL, client id and secret and the refresh-token store are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Either<ProviderFailure, Secret> current() {
        return cache.current();
    }

    @Override
    public Either<ProviderFailure, Secret> replace(Secret rejected) {
        return cache.replace(rejected);
    }

    /** How many access tokens were obtained. */
    public int refreshes() {
        return cache.issued();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ShoplazzaOAuth[refreshes=" + refreshes() + "]";
    }

    /** Exchanges the stored refresh token; stores the rotated one before handing out the access token. */
    private Either<ProviderFailure, TokenCache.IssuedToken> refresh() {
        Secret previous = refreshTokens.current();
        Map<String, String> body = Map.of("client_id", clientId, "client_secret", clientSecret.reveal(),
                "grant_type", "refresh_token", "refresh_token", previous.reveal());
        // never retried: a refresh that took effect unseen has already rotated the refresh token
        return guard.write(() -> {
            JsonNode answer = MalformedAnswerException.require(api.token(body), "body");
            String access = answer.path("access_token").asText("");
            if (access.isBlank()) {
                throw new MalformedAnswerException("the token answer has no access_token");
            }
            String rotated = answer.path("refresh_token").asText("");
            if (!rotated.isBlank()) {
                refreshTokens.rotated(previous, Secret.of(rotated));
            }
            Instant now = clock.instant();
            Instant expires = Timestamps.parse(answer.path("expires_at").asText(""))
                    .orElse(() -> Option.of(answer.get("expires_in")).filter(JsonNode::canConvertToLong)
                            .map(n -> now.plusSeconds(n.asLong())))
                    .getOrElse(() -> now.plus(Duration.ofHours(1)));
            return new TokenCache.IssuedToken(Secret.of(access), expires);
        });
    }

    /** Configuration of a {@link ShoplazzaOAuth}. */
    public static final class Builder extends AdapterBuilder<Builder> {
        private String storeUrl;
        private String clientId;
        private Secret clientSecret;
        private RefreshTokenStore refreshTokens;
        private Duration renewBefore = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** {@code https://{store}.myshoplaza.com}, or a simulator's URL. Required. */
        public Builder storeUrl(String url) {
            this.storeUrl = HttpSettings.baseUrl(url);
            return this;
        }

        /** The app's client id. Required. */
        public Builder clientId(String id) {
            this.clientId = Require.text(id, "client id");
            return this;
        }

        /** The app's client secret. Required. */
        public Builder clientSecret(Secret secret) {
            this.clientSecret = Require.present(secret, "client secret");
            return this;
        }

        /** Where the rotating refresh token lives. Required. */
        public Builder refreshTokens(RefreshTokenStore store) {
            this.refreshTokens = Require.present(store, "refresh token store");
            return this;
        }

        /** How long before {@code expires_at} the token is refreshed; default 5 minutes. */
        public Builder renewBefore(Duration margin) {
            Require.present(margin, "renew before");
            this.renewBefore = margin;
            return this;
        }

        /** The clock deciding expiry; default the system clock. */
        public Builder clock(Clock c) {
            this.clock = Require.present(c, "clock");
            return this;
        }

        /** The provider; throws when a required setting is missing. */
        public ShoplazzaOAuth build() {
            Require.present(storeUrl, "store URL");
            Require.present(clientId, "client id");
            Require.present(clientSecret, "client secret");
            Require.present(refreshTokens, "refresh token store");
            return new ShoplazzaOAuth(this);
        }
    }
}
