package io.voucherport.adapter.support;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one owner of an access token for one set of credentials: issues it on first use, hands the
 * cached token to every caller, renews it {@code renewBefore} its expiry, and — when a provider
 * rejects a token — renews once and lets the call be retried once. Renewal is serialised, and a
 * rejection of a token that was already replaced does not renew again, so concurrent callers
 * never race two renewals (which matters where only the latest token is valid).
 *
 * <p>Thread-safe. Share one instance per credentials.
 */
public final class TokenCache implements TokenSource {

    /**
     * The renewal margin every adapter uses unless configured otherwise: 2 minutes — longer than a
     * call (with its retries) lasts plus ordinary clock skew, so a token never expires mid-call, and
     * a small part of the one-hour lifetime the providers' tokens have.
     */
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofMinutes(2);

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})");

    /**
     * A token as issued.
     *
     * @param value the token
     * @param expiresAt when it stops being accepted
     */
    public record IssuedToken(Secret value, Instant expiresAt) {
        /** Validates. */
        public IssuedToken {
            Require.present(value, "token");
            Require.present(expiresAt, "expires at");
        }
    }

    private final Supplier<Either<ProviderFailure, IssuedToken>> issuer;
    private final Duration renewBefore;
    private final Clock clock;
    private IssuedToken current;
    private int issued;

    /**
     * A cache calling {@code issuer} for each new token.
     *
     * @param renewBefore how long before expiry a token is renewed
     * @param clock the clock deciding expiry
     */
    public TokenCache(Supplier<Either<ProviderFailure, IssuedToken>> issuer, Duration renewBefore, Clock clock) {
        this.issuer = Require.present(issuer, "issuer");
        this.renewBefore = Require.present(renewBefore, "renew before");
        this.clock = Require.present(clock, "clock");
        if (renewBefore.isNegative()) {
            throw new IllegalArgumentException("renew before must not be negative");
        }
    }

    /** The valid cached token, renewed first when absent or about to expire. */
    @Override
    public synchronized Either<ProviderFailure, Secret> current() {
        if (current == null || !clock.instant().plus(renewBefore).isBefore(current.expiresAt())) {
            return renew();
        }
        return Either.right(current.value());
    }

    /**
     * After the provider rejected {@code rejected}: a new token, unless another caller already
     * replaced it (then the replacement, without renewing again).
     */
    @Override
    public synchronized Either<ProviderFailure, Secret> replace(Secret rejected) {
        Require.present(rejected, "rejected token");
        if (current != null && !current.value().equals(rejected)) {
            return current();
        }
        return renew();
    }

    /** How many tokens were issued so far. */
    public synchronized int issued() {
        return issued;
    }

    /** Forgets the cached token (e.g. after the credentials were rotated). */
    public synchronized void invalidate() {
        current = null;
    }

    /**
     * The {@code exp} claim of a JWT, when {@code token} is one; none for opaque tokens. The
     * signature is not checked: this only decides when to renew.
     */
    public static Option<Instant> jwtExpiry(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Option.none();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher m = EXP.matcher(payload);
            return m.find() ? Option.some(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Option.none();
        } catch (IllegalArgumentException notBase64) {
            return Option.none();
        }
    }

    @Override
    public String toString() {
        return "TokenCache[issued=" + issued() + "]";
    }

    private Either<ProviderFailure, Secret> renew() {
        Either<ProviderFailure, IssuedToken> fresh = issuer.get();
        if (fresh.isRight()) {
            current = fresh.get();
            issued++;
        }
        return fresh.map(IssuedToken::value);
    }
}
