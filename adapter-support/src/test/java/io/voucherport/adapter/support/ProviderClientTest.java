package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderReference;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one request path, against a real local HTTP server: tokens, static headers, limiter, retries, classification. */
class ProviderClientTest {

    /** The answer and body shape of the test API. */
    record Thing(String value) {
    }

    @Headers({"Content-Type: application/json", "Accept: application/json"})
    interface ThingApi {
        @RequestLine("GET /thing")
        Thing thing();

        @RequestLine("POST /thing")
        Thing make(Thing thing);
    }

    /** One request as the server saw it. */
    record Seen(String method, String authorization, String apiKey) {
    }

    private final List<Seen> seen = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private LocalProvider provider;

    @BeforeEach
    void start() throws IOException {
        provider = new LocalProvider("/thing", this::answer);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("x-api-key")));
        int status = statuses.isEmpty() ? 200 : statuses.poll();
        LocalProvider.answer(exchange, status,
                status == 200 ? "{\"value\":\"ok\"}" : "{\"message\":\"status " + status + "\"}");
    }

    private ProviderClient<ThingApi> client(ProviderSpec spec) {
        return provider.client(ThingApi.class, spec, 3);
    }

    private static ProviderSpec spec() {
        return LocalProvider.spec();
    }

    /** Issues token-1, token-2, … each valid for an hour. */
    private static TokenCache issuing(AtomicInteger issued) {
        return new TokenCache(() -> Either.right(new TokenCache.IssuedToken(
                Secret.of("token-" + issued.incrementAndGet()), Instant.now().plus(Duration.ofHours(1)))),
                TokenCache.DEFAULT_RENEW_BEFORE, Clock.systemUTC());
    }

    @Test
    void everyRequestCarriesTheStaticHeadersAndTheTokenAndTakesAPermit() {
        AtomicLong clockReads = new AtomicLong();   // the limiter reads its clock once when made and once per permit
        ProviderClient<ThingApi> client = client(spec().withStaticHeader("x-api-key", Secret.of("key-123456"))
                .withTokens(TokenSource.fixed(Secret.of("static-token")), AuthScheme.bearer(),
                        f -> f instanceof ProviderFailure.AccessDenied)
                .withLimiter(new RateLimiter(100, 100, () -> clockReads.incrementAndGet() * 0, wait -> { })));
        assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
        assertThat(client.write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.right(new Thing("ok")));
        assertThat(seen).containsExactly(new Seen("GET", "Bearer static-token", "key-123456"),
                new Seen("POST", "Bearer static-token", "key-123456"));
        assertThat(clockReads.get() - 1).as("one permit per request sent").isEqualTo(2);
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheCallMadeOnceMore() {
        AtomicInteger issued = new AtomicInteger();
        ProviderClient<ThingApi> client = client(spec().withTokens(issuing(issued), AuthScheme.bearer(),
                f -> f instanceof ProviderFailure.AccessDenied));
        statuses.add(401);
        assertThat(client.write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.right(new Thing("ok")));
        assertThat(seen).extracting(Seen::authorization).containsExactly("Bearer token-1", "Bearer token-2");

        seen.clear();
        statuses.add(401);
        statuses.add(401);
        Either<ProviderFailure, Thing> twice = client.read("thing", ThingApi::thing);
        assertThat(twice.getLeft()).isInstanceOf(ProviderFailure.AccessDenied.class);
        assertThat(seen).as("replaced once, never a third time").extracting(Seen::authorization)
                .containsExactly("Bearer token-2", "Bearer token-3");
        assertThat(issued).hasValue(3);
    }

    @Test
    void aStaticTokenIsNeverReplacedAndTheCallNotRepeated() {
        ProviderClient<ThingApi> client = client(spec().withTokens(TokenSource.fixed(Secret.of("static-token")),
                AuthScheme.header("Access-Token"), f -> f instanceof ProviderFailure.AccessDenied));
        statuses.add(401);
        assertThat(client.read("thing", ThingApi::thing).getLeft()).isInstanceOf(ProviderFailure.AccessDenied.class);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aFailureToGetATokenEndsTheCallBeforeAnythingIsSent() {
        ProviderFailure down = new ProviderFailure.Unavailable(FailureDetails.of("test", "token endpoint down"),
                Option.none());
        TokenSource failing = new TokenSource() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                return Either.left(down);
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                return Either.left(down);
            }
        };
        ProviderClient<ThingApi> client = client(spec().withTokens(failing, AuthScheme.bearer(), f -> true));
        assertThat(client.write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.left(down));
        assertThat(seen).isEmpty();
    }

    @Test
    void aTokenRefreshThatGotNoAnswerLeavesNoDoubtAboutTheCallWhichWasNeverSent() {
        ProviderFailure refreshUnknown = new ProviderFailure.OutcomeUnknown(FailureDetails.of("test",
                "the token refresh got no answer"));
        TokenSource doubtful = new TokenSource() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                return Either.left(refreshUnknown);
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                return Either.left(refreshUnknown);
            }
        };
        ProviderClient<ThingApi> client = client(spec().withTokens(doubtful, AuthScheme.bearer(), f -> true));
        ProviderFailure failure = client.read("thing", ThingApi::thing).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(failure.provablyNotApplied()).isTrue();
        assertThat(failure.message()).contains("the token refresh got no answer").contains("nothing was sent");
        assertThat(seen).isEmpty();
    }

    @Test
    void aSafeCallIsRetriedAndAWriteIsSentOnceWithDoubtAsOutcomeUnknown() {
        ProviderClient<ThingApi> client = client(spec());
        statuses.add(503);
        assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
        assertThat(seen).hasSize(2);

        seen.clear();
        statuses.add(503);
        ProviderFailure failure = client.write("make", api -> api.make(new Thing("x"))).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(failure.provablyNotApplied()).isFalse();
        assertThat(seen).as("a write is never re-sent").hasSize(1);
    }

    @Test
    void theClassifierSeesTheOperationAndThePlacingReferenceOnce() {
        List<Operation> classified = new ArrayList<>();
        ErrorClassifier classifier = (problem, operation) -> {
            classified.add(operation);
            return operation.placing().isDefined() && problem.status() == 409
                    ? new ProviderFailure.DuplicateReference(problem.details("test"), operation.placing().get(),
                            Option.none())
                    : ErrorClassifier.standard("test").classify(problem, operation);
        };
        ProviderClient<ThingApi> client = client(spec().withErrors(classifier, body -> ProblemDecoder.ParsedBody.EMPTY));
        OrderReference reference = OrderReference.generate();
        statuses.add(409);
        ProviderFailure duplicate = client.call(Operation.placing(reference), api -> api.make(new Thing("x"))).getLeft();
        assertThat(duplicate).isInstanceOfSatisfying(ProviderFailure.DuplicateReference.class,
                d -> assertThat(d.reference()).isEqualTo(reference));
        statuses.add(409);
        assertThat(client.write("make", api -> api.make(new Thing("x"))).getLeft())
                .isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(classified).containsExactly(Operation.placing(reference), Operation.write("make"));
    }

    @Test
    void aRefusalIsAnInvalidRequestNothingWasSentFor() {
        ProviderClient<ThingApi> client = client(spec());
        ProviderFailure refusal = client.refusal("at most 5 per SKU");
        assertThat(refusal).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(refusal.provablyNotApplied()).isTrue();
        assertThat(refusal.message()).contains("at most 5 per SKU");
        assertThat(seen).isEmpty();
    }

    @Test
    void aSecretHeaderLogsWouldNotMaskIsRefused() {
        assertThatThrownBy(() -> spec().withStaticHeader("X-Custom-Key", Secret.of("key-123456")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not masked");
        assertThatThrownBy(() -> AuthScheme.header("X-Token")).hasMessageContaining("not masked");
        assertThatThrownBy(() -> Operation.read("")).isInstanceOf(IllegalArgumentException.class);
    }
}
