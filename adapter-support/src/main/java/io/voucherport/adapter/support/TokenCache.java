package io.voucherport.adapter.support;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one owner of an access token for one set of credentials: issues it on first use, hands the
 * cached token to every caller, renews it {@code renewBefore} its expiry, and — when a provider
 * rejects a token — renews once and lets the call be retried once.
 *
 * <p>One renewal at a time, and no lock held over it: the renewal runs on a renewal thread of its
 * own, and every caller that needs a new token meanwhile (the one that started it included) waits
 * for that one renewal and gets its result, token or failure. A rejection of a token that was
 * already replaced, or that a renewal under way replaces, does not renew again, so concurrent
 * callers never race two renewals (which matters where only the latest token is valid). Each
 * caller waits at most until its own {@link Deadline} (when the request path set one), else as
 * long as the renewal takes (the issuer's own timeouts bound it, or {@code maxWait} when given);
 * a caller whose time runs out gets {@code Unavailable} — nothing was sent — while the renewal
 * goes on for the others and its token is cached when it comes. An issuer that throws fails that
 * renewal for every caller waiting for it: its exception is rethrown to each (the request path
 * reports it as {@code Unavailable}).
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

    /** Renewal threads, shared by every cache: daemons, created when needed, gone after a minute idle. */
    private static final Executor RENEWALS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "voucherport-token-renewal");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A token as issued.
     *
     * @param value the access token (a secret, masked when printed)
     * @param expiresAt when it stops being accepted
     */
    public record IssuedToken(Secret value, Instant expiresAt) {
        /**
         * Validates.
         *
         * @param value the access token, not null
         * @param expiresAt when it stops being accepted
         */
        public IssuedToken {
            Require.present(value, "token");
            Require.present(expiresAt, "expires at");
        }
    }

    private final String provider;
    private final Supplier<Either<ProviderFailure, IssuedToken>> issuer;
    private final Duration renewBefore;
    private final Clock clock;
    private final Option<Duration> maxWait;
    private IssuedToken current;
    private int issued;
    /** The renewal under way, if any; its waiters share it. */
    private CompletableFuture<Either<ProviderFailure, IssuedToken>> renewal;

    /**
     * A cache calling {@code issuer} for each new token; a caller without a {@link Deadline} waits
     * as long as the renewal takes.
     *
     * @param renewBefore how long before expiry a token is renewed
     * @param clock the clock deciding expiry, not null
     * @param issuer obtains a new token from the provider, not null; called by one renewal at a
     *     time, its failures answered to every caller waiting for it
     */
    public TokenCache(Supplier<Either<ProviderFailure, IssuedToken>> issuer, Duration renewBefore, Clock clock) {
        this("token issuer", issuer, renewBefore, clock, Option.none());
    }

    /**
     * A cache of {@code provider}'s tokens calling {@code issuer} for each new one.
     *
     * @param provider the provider's name, in failures
     * @param renewBefore how long before expiry a token is renewed
     * @param clock the clock deciding expiry, not null
     * @param maxWait how long a caller without a {@link Deadline} waits for a renewal at most; none
     *     to wait as long as the renewal takes
     * @param issuer obtains a new token from the provider, not null; called by one renewal at a
     *     time, its failures answered to every caller waiting for it
     */
    public TokenCache(String provider, Supplier<Either<ProviderFailure, IssuedToken>> issuer, Duration renewBefore,
            Clock clock, Option<Duration> maxWait) {
        this.provider = Require.text(provider, "provider");
        this.issuer = Require.present(issuer, "issuer");
        this.renewBefore = Require.present(renewBefore, "renew before");
        this.clock = Require.present(clock, "clock");
        this.maxWait = Require.present(maxWait, "max wait");
        if (renewBefore.isNegative()) {
            throw new IllegalArgumentException("renew before must not be negative");
        }
        maxWait.peek(w -> HttpSettings.notNegative(w, "max wait"));
    }

    /** The valid cached token; when absent or about to expire, the result of the (one) renewal. */
    @Override
    public Either<ProviderFailure, Secret> current() {
        CompletableFuture<Either<ProviderFailure, IssuedToken>> pending;
        synchronized (this) {
            if (renewal == null && current != null && clock.instant().plus(renewBefore).isBefore(current.expiresAt())) {
                return Either.right(current.value());
            }
            pending = renewal();
        }
        return await(pending);
    }

    /**
     * After the provider rejected {@code rejected}: a new token, unless another caller already
     * replaced it or a renewal under way replaces it (then the replacement, without renewing again).
     */
    @Override
    public Either<ProviderFailure, Secret> replace(Secret rejected) {
        Require.present(rejected, "rejected token");
        boolean replacedAlready;
        CompletableFuture<Either<ProviderFailure, IssuedToken>> pending;
        synchronized (this) {
            replacedAlready = renewal == null && current != null && !current.value().equals(rejected);
            pending = replacedAlready ? null : renewal();
        }
        return replacedAlready ? current() : await(pending);
    }

    /** {@return how many tokens were issued so far} */
    public synchronized int issued() {
        return issued;
    }

    /** Forgets the cached token (e.g. after the credentials were rotated); a renewal under way still ends. */
    public synchronized void invalidate() {
        current = null;
    }

    /**
     * {@return the {@code exp} claim of a JWT, when {@code token} is one; none for opaque tokens} The
     * signature is not checked: this only decides when to renew.
     *
     * @param token the token (a secret)
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

    /** The renewal under way, or a new one started; called holding the monitor, never waits. */
    private CompletableFuture<Either<ProviderFailure, IssuedToken>> renewal() {
        if (renewal == null) {
            CompletableFuture<Either<ProviderFailure, IssuedToken>> started = new CompletableFuture<>();
            renewal = started;
            try {
                RENEWALS.execute(() -> renew(started));
            } catch (RuntimeException rejected) {   // no thread to renew on: this renewal fails, the next one tries again
                renewal = null;
                started.completeExceptionally(rejected);
            }
        }
        return renewal;
    }

    /** Runs on a renewal thread: calls the issuer, caches a new token, then hands the result to every waiter. */
    private void renew(CompletableFuture<Either<ProviderFailure, IssuedToken>> started) {
        Either<ProviderFailure, IssuedToken> fresh;
        try {
            fresh = Require.present(issuer.get(), "issued token");
        } catch (Throwable e) {   // handed to every waiter: a renewal that throws must not leave them waiting
            synchronized (this) {
                renewal = null;
            }
            started.completeExceptionally(e);
            if (CallGuard.fatal(e)) {
                throw (Error) e;
            }
            return;
        }
        synchronized (this) {
            if (fresh.isRight()) {
                current = fresh.get();
                issued++;
            }
            renewal = null;
        }
        started.complete(fresh);
    }

    /** The renewal's result, waited for at most until this thread's deadline (or {@code maxWait}). */
    private Either<ProviderFailure, Secret> await(CompletableFuture<Either<ProviderFailure, IssuedToken>> pending) {
        Option<Duration> limit = Deadline.current().map(Deadline::remaining).orElse(maxWait);
        try {
            Either<ProviderFailure, IssuedToken> result = limit.isDefined()
                    ? pending.get(limit.get().toNanos(), TimeUnit.NANOSECONDS) : pending.get();
            return result.map(IssuedToken::value);
        } catch (TimeoutException e) {
            return unavailable("no access token within the call's time (a renewal is still under way)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted while waiting for an access token");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the token issuer failed (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private Either<ProviderFailure, Secret> unavailable(String why) {
        return Either.left(new ProviderFailure.Unavailable(FailureDetails.of(provider, why + "; nothing was sent"),
                Option.none()));
    }
}
