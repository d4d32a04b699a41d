package io.voucherport.adapter.promotions;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Issues Elastic Path access tokens: {@code client_credentials} with the client id and secret
 * (full access), or {@code implicit} with the client id only (mostly read-only). The answer's
 * {@code expires} decides renewal (by the {@link TokenCache} this feeds). A token request is safe:
 * retried on transient failures. Thread-safe.
 */
final class ElasticPathTokens {

    private static final Operation ISSUE = Operation.read("token");

    private final ProviderClient<ElasticPathTokenApi> client;
    private final Secret form;
    private final Clock clock;

    /** Issues tokens through {@code client} (the token endpoint, without a token) for these credentials. */
    ElasticPathTokens(ProviderClient<ElasticPathTokenApi> client, Secret clientId, Option<Secret> clientSecret,
            Clock clock) {
        this.client = Require.present(client, "token client");
        Require.present(clientId, "client id");
        this.form = Secret.of(clientSecret
                .map(s -> form("grant_type", "client_credentials", "client_id", clientId.reveal(),
                        "client_secret", s.reveal()))
                .getOrElse(() -> form("grant_type", "implicit", "client_id", clientId.reveal())));
        this.clock = Require.present(clock, "clock");
    }

    /** A new token, or why none could be had. */
    Either<ProviderFailure, TokenCache.IssuedToken> issue() {
        return client.call(ISSUE, api -> ElasticPathMapper.INSTANCE.issuedToken(api.token(form.reveal()), clock.instant()));
    }

    /** Closes the token client; the connection pool stays with the promotions client it is a sibling of. */
    void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ElasticPathTokens[****]";
    }

    /** The {@code application/x-www-form-urlencoded} body of {@code name, value} pairs. */
    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
