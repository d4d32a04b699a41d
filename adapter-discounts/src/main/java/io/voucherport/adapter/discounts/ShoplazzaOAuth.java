package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A public app's access tokens for one Shoplazza store: refreshed with the refresh token from a
 * {@link RefreshTokenStore} {@link TokenCache#DEFAULT_RENEW_BEFORE} (2 minutes, configurable) before
 * {@code expires_at}, and once after a 401, storing the <b>new refresh token every refresh
 * returns</b> in place of the old one. Renewals are serialised: one store, one owner. A refresh is
 * sent once and never retried (one that took effect unseen has already rotated the refresh token);
 * its failure is the failure of the call that needed the token. Client id, client secret and
 * tokens are masked in logs. Thread-safe; share one per store.
 */
public final class ShoplazzaOAuth implements AccessTokenProvider, AutoCloseable {

    /** The token endpoint, {@code https://{store}.myshoplaza.com/admin/oauth/token}. */
    interface OAuthApi {
        @RequestLine("POST /admin/oauth/token")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        ShoplazzaDto.Token token(ShoplazzaDto.TokenRequest body);
    }

    /** A token's lifetime when the answer gives none. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final ProviderClient<OAuthApi> client;
    private final Secret clientId;
    private final Secret clientSecret;
    private final RefreshTokenStore refreshTokens;
    private final TokenCache cache;
    private final Clock clock;

    ShoplazzaOAuth(ShoplazzaOAuthBuilder b) {
        this.clientId = b.clientId();
        this.clientSecret = b.clientSecret();
        this.refreshTokens = b.refreshTokens();
        this.clock = b.clock();
        this.cache = new TokenCache(ShoplazzaDiscounts.PROVIDER, this::refresh, b.renewBefore(), b.clock(), Option.none());
        ObjectMapper json = JsonSupport.newSnakeCaseMapper();
        ProviderSpec spec = ProviderSpec.of(ShoplazzaDiscounts.PROVIDER, json)
                .withErrors(ShoplazzaErrors.oauthClassifier(), ShoplazzaErrors.parser(json), "x-request-id")
                .withMaskedFields("client_id")
                .withMaskedValues(clientId, clientSecret);
        this.client = ProviderClient.open(OAuthApi.class, b.storeUrl(), spec, b.settings());
    }

    /** {@return a builder; store URL, client id and secret and the refresh-token store are required} */
    public static ShoplazzaOAuthBuilder builder() {
        return new ShoplazzaOAuthBuilder();
    }

    @Override
    public Either<ProviderFailure, Secret> current() {
        return cache.current();
    }

    @Override
    public Either<ProviderFailure, Secret> replace(Secret rejected) {
        return cache.replace(rejected);
    }

    /** The client id and secret, for masking wherever they appear (never shown). */
    List<Secret> credentials() {
        return List.of(clientId, clientSecret);
    }

    /** {@return how many access tokens were obtained} */
    public int refreshes() {
        return cache.issued();
    }

    /** Releases the connection pool when this instance created its own. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ShoplazzaOAuth[refreshes=" + refreshes() + "]";
    }

    /** Exchanges the stored refresh token; stores the rotated one before handing out the access token. */
    private Either<ProviderFailure, TokenCache.IssuedToken> refresh() {
        Secret previous = refreshTokens.current();
        ShoplazzaDto.TokenRequest request = ShoplazzaMapper.INSTANCE.refreshRequest(clientId, clientSecret, previous);
        // a write: never retried, a refresh that took effect unseen has already rotated the refresh token
        return client.write("refresh token", api -> issued(previous, MalformedAnswerException.require(api.token(request), "body")));
    }

    /** The access token of an answer, its refresh token stored first; expiry from {@code expires_at}, {@code expires_in} or one hour. */
    private TokenCache.IssuedToken issued(Secret previous, ShoplazzaDto.Token answer) {
        String access = Option.of(answer.accessToken()).filter(t -> !t.isBlank())
                .getOrElseThrow(() -> new MalformedAnswerException("the token answer has no access_token"));
        Option.of(answer.refreshToken()).filter(t -> !t.isBlank())
                .peek(rotated -> refreshTokens.rotated(previous, Secret.of(rotated)));
        Instant now = clock.instant();
        Instant expires = Timestamps.parse(answer.expiresAt())
                .orElse(() -> Option.of(answer.expiresIn()).map(now::plusSeconds))
                .getOrElse(() -> now.plus(DEFAULT_LIFETIME));
        return new TokenCache.IssuedToken(Secret.of(access), expires);
    }
}
