package io.voucherport.adapter.support;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where an adapter gets the access token for its calls: the current token, and a replacement
 * after the provider rejected one. Implementations are thread-safe and never renew twice for one
 * rejected token.
 */
public interface TokenSource {

    /** The token to use now. */
    Either<ProviderFailure, Secret> current();

    /** A token to use instead of {@code rejected} (a new one, or one another caller already obtained). */
    Either<ProviderFailure, Secret> replace(Secret rejected);

    /**
     * Runs {@code call} with the current token; when it fails with {@code AccessDenied}, replaces the
     * token and runs it once more. Use only for calls the provider refuses before acting on a
     * rejected token (so the retry cannot do anything twice).
     */
    default <T> Either<ProviderFailure, T> withToken(Function<Secret, Either<ProviderFailure, T>> call) {
        return withToken(call, failure -> failure instanceof ProviderFailure.AccessDenied);
    }

    /** As {@link #withToken(Function)}, replacing the token only after failures {@code rejected} accepts (e.g. only 401). */
    default <T> Either<ProviderFailure, T> withToken(
            Function<Secret, Either<ProviderFailure, T>> call, Predicate<ProviderFailure> rejected) {
        Either<ProviderFailure, Secret> token = current();
        if (token.isLeft()) {
            return Either.left(token.getLeft());
        }
        Either<ProviderFailure, T> result = call.apply(token.get());
        if (result.isLeft() && rejected.test(result.getLeft())) {
            return replace(token.get()).flatMap(call);
        }
        return result;
    }
}
