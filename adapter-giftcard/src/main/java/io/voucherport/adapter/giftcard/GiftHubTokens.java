package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.adapter.support.TokenSource;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one owner of a supplier's GiftHub JWT, over a {@link TokenCache}: issued by {@code /auth/jwt}
 * on first use, renewed {@code renewBefore} its expiry and once after GiftHub rejected it, never by
 * two threads at once (GiftHub's strict resources accept only the latest token). The token comes
 * back in the answer's {@code Authorization} header. GiftHub documents both GET and POST: GET is
 * asked first and, once GiftHub answers that it does not serve it, POST from then on.
 *
 * <p>Thread-safe. Issuing is a safe read (retried by the request path); it needs the token
 * endpoint's client, attached once by {@link #issueThrough} before first use.
 */
final class GiftHubTokens implements TokenSource {

    private static final Operation TOKEN_BY_POST = Operation.read("token (POST)");

    private final TokenCache cache;
    private final Duration lifetime;
    private final Clock clock;
    private final ProblemDecoder problems;
    private volatile ProviderClient<GiftHubTokenApi> endpoint;
    private volatile boolean byPost;

    /**
     * @param lifetime the lifetime assumed for a token without a readable expiry
     * @param renewBefore how long before expiry a token is renewed
     * @param clock the clock deciding expiry
     * @param json how GiftHub's error answers are read
     */
    GiftHubTokens(Duration lifetime, Duration renewBefore, Clock clock, ObjectMapper json) {
        this.lifetime = Require.present(lifetime, "token lifetime");
        this.clock = Require.present(clock, "clock");
        this.cache = new TokenCache(GiftHubSupplier.PROVIDER, this::issue, renewBefore, clock, Option.none());
        this.problems = new ProblemDecoder(GiftHubErrors.parser(json), GiftHubErrors.REQUEST_ID_HEADERS);
    }

    /** How the token endpoint is called: {@code spec} without tokens, sending the credentials as secret headers. */
    static ProviderSpec endpointSpec(ProviderSpec spec, Secret clientId, Secret clientSecret) {
        return spec.withoutTokens().withStaticHeader("client-id", clientId).withStaticHeader("client-secret", clientSecret);
    }

    /** Issues tokens through {@code client} (the supplier's sibling client for the token endpoint). */
    void issueThrough(ProviderClient<GiftHubTokenApi> client) {
        this.endpoint = Require.present(client, "token endpoint");
    }

    @Override
    public Either<ProviderFailure, Secret> current() {
        return cache.current();
    }

    @Override
    public Either<ProviderFailure, Secret> replace(Secret rejected) {
        return cache.replace(rejected);
    }

    /** How many tokens were issued so far. */
    int issued() {
        return cache.issued();
    }

    @Override
    public String toString() {
        return "GiftHubTokens[issued=" + issued() + "]";
    }

    /** Obtains a token: by GET, or by POST once GiftHub said it does not serve GET. */
    private Either<ProviderFailure, TokenCache.IssuedToken> issue() {
        ProviderClient<GiftHubTokenApi> client = endpoint;
        if (client == null) {
            throw new IllegalStateException("no token endpoint attached");
        }
        if (!byPost) {
            Either<ProviderFailure, TokenCache.IssuedToken> got = client.call(GiftHubErrors.TOKEN_BY_GET,
                    api -> token(api.byGet()));
            if (got.isRight() || !(got.getLeft() instanceof ProviderFailure.NotFound)) {
                return got;
            }
            byPost = true;
        }
        return client.call(TOKEN_BY_POST, api -> token(api.byPost()));
    }

    /** The token in a successful answer's {@code Authorization} header, expiring as its {@code exp} claim says. */
    private TokenCache.IssuedToken token(Response answer) {
        try (Response ok = GiftHubErrors.successful(answer, problems)) {
            String header = ProblemDecoder.header(ok.headers(), List.of("Authorization")).getOrElseThrow(
                    () -> new MalformedAnswerException("the token answer has no Authorization header")).strip();
            String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : header;
            Instant expires = TokenCache.jwtExpiry(token).getOrElse(() -> clock.instant().plus(lifetime));
            return new TokenCache.IssuedToken(Secret.of(token), expires);
        }
    }
}
