package io.voucherport.adapter.discounts;

import io.vavr.control.Either;
import io.voucherport.adapter.support.TokenSource;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Supplies the {@code Access-Token} of a Shoplazza store: {@link #fixed} for a private app's
 * static token, {@link ShoplazzaOAuth} for a public app's refreshed OAuth tokens.
 */
public interface AccessTokenProvider extends TokenSource {

    /** A private app's static token; a rejected static token cannot be replaced ({@code AccessDenied}). */
    static AccessTokenProvider fixed(Secret token) {
        Require.present(token, "access token");
        return new AccessTokenProvider() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                return Either.right(token);
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                return Either.left(new ProviderFailure.AccessDenied(FailureDetails.of(ShoplazzaDiscounts.PROVIDER,
                        "the store rejected the static access token")));
            }

            /** A static token cannot be renewed: the call is made once and the store's rejection kept. */
            @Override
            public <T> Either<ProviderFailure, T> withToken(Function<Secret, Either<ProviderFailure, T>> call,
                    Predicate<ProviderFailure> rejected) {
                return call.apply(token);
            }

            @Override
            public String toString() {
                return "AccessTokenProvider.fixed[****]";
            }
        };
    }
}
