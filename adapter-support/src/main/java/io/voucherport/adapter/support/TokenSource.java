package io.voucherport.adapter.support;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.Require;

/**
 * Where an adapter gets the access token for its calls: the current token, and a replacement
 * after the provider rejected one. Implementations are thread-safe and never renew twice for one
 * rejected token.
 */
public interface TokenSource {

    /** {@return the token to use now} */
    Either<ProviderFailure, Secret> current();

    /**
     * {@return a token to use instead of {@code rejected} (a new one, or one another caller already obtained)}
     *
     * @param rejected the token the provider just refused, not null; when another caller has
     *     replaced it already, that newer token is answered without another renewal
     */
    Either<ProviderFailure, Secret> replace(Secret rejected);

    /**
     * {@return whether a rejected token can be replaced; false for a static token, whose rejection is final
     * (the call is then not repeated)}
     */
    default boolean renewable() {
        return true;
    }

    /**
     * {@return a static token that cannot be replaced (an API key or a private app's token)}
     *
     * @param token the token (a secret)
     */
    static TokenSource fixed(Secret token) {
        Require.present(token, "token");
        return new TokenSource() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                return Either.right(token);
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                return Either.right(token);
            }

            @Override
            public boolean renewable() {
                return false;
            }

            @Override
            public String toString() {
                return "TokenSource.fixed[****]";
            }
        };
    }
}
