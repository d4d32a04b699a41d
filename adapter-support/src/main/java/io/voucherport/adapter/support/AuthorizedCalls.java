package io.voucherport.adapter.support;

import io.vavr.control.Either;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Calls that need an access token: each takes a permit from the optional rate limiter, runs
 * through the {@link CallGuard} (safe reads retried, writes once), and after a failure the provider
 * uses to reject a token ({@code rejected}) gets a replaced token and runs once more — safe even
 * for writes, since a provider refuses a stale token before acting.
 */
public final class AuthorizedCalls {

    private final CallGuard guard;
    private final TokenSource tokens;
    private final Predicate<ProviderFailure> rejected;
    private final RateLimiter limiter;

    /**
     * @param rejected which failures mean "this token is no longer accepted" (e.g. only 401)
     * @param limiter the rate limiter, or null for none
     */
    public AuthorizedCalls(CallGuard guard, TokenSource tokens, Predicate<ProviderFailure> rejected, RateLimiter limiter) {
        this.guard = Require.present(guard, "guard");
        this.tokens = Require.present(tokens, "tokens");
        this.rejected = Require.present(rejected, "rejected");
        this.limiter = limiter;
    }

    /** Rejection by HTTP {@code status} with {@code AccessDenied}. */
    public static Predicate<ProviderFailure> deniedWith(int status) {
        return f -> f instanceof ProviderFailure.AccessDenied && f.httpStatus().contains(status);
    }

    /** A safe call with the token's text. */
    public <T> Either<ProviderFailure, T> read(Function<String, T> call) {
        return tokens.withToken(token -> guard.read(() -> call.apply(throttled(token.reveal()))), rejected);
    }

    /** A call that changes something, with the token's text: made once (plus once after a rejected token). */
    public <T> Either<ProviderFailure, T> write(Function<String, T> call) {
        return tokens.withToken(token -> guard.write(() -> call.apply(throttled(token.reveal()))), rejected);
    }

    private String throttled(String token) {
        if (limiter != null) {
            limiter.acquire();
        }
        return token;
    }
}
