package io.voucherport.adapter.discounts;

import io.vavr.control.Either;
import io.voucherport.adapter.support.TokenSource;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;

/**
 * Supplies the {@code Access-Token} of a Shoplazza store: {@link #fixed} for a private app's
 * static token, {@link ShoplazzaOAuth} for a public app's refreshed OAuth tokens. Thread-safe.
 */
public interface AccessTokenProvider extends TokenSource {

    /**
     * {@return a private app's static token} It is never replaced: a call the store refuses with it is not
     * repeated, and the store's refusal ({@code AccessDenied}) is the answer.
     *
     * @param token the token (a secret)
     */
    static AccessTokenProvider fixed(Secret token) {
        Require.present(token, "access token");
        return new AccessTokenProvider() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                return Either.right(token);
            }

            /** A static token has no replacement. */
            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                return Either.left(new ProviderFailure.AccessDenied(FailureDetails.of(ShoplazzaDiscounts.PROVIDER,
                        "the store rejected the static access token")));
            }

            @Override
            public boolean renewable() {
                return false;
            }

            @Override
            public String toString() {
                return "AccessTokenProvider.fixed[****]";
            }
        };
    }
}
