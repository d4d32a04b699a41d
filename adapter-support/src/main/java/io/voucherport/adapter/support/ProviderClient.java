package io.voucherport.adapter.support;

import feign.RequestInterceptor;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one request path of every adapter: a provider's Feign interface {@code A} behind
 * authorisation, rate limiting, masked logging, error decoding and retries by operation safety.
 *
 * <p>Each call names its {@link Operation}. A safe one is retried on transient failures by the
 * {@link RetryPolicy}; one that changes something is sent once, and any doubt after sending
 * (timeout, dropped connection, 5xx, unreadable answer) comes back as {@code OutcomeUnknown}. Every
 * error answer is classified once, by the spec's {@link ErrorClassifier}. With a
 * {@link TokenSource}, each request carries the current token (added by a Feign
 * {@link RequestInterceptor}); after a failure the spec says means "token rejected", the token is
 * replaced once and the call made once more — safe even for writes, since providers refuse a stale
 * token before acting. Every request sent takes a permit from the spec's rate limiter first.
 * Nothing escapes as an exception: the answer or the failure comes back as an {@link Either}.
 *
 * <p>Thread-safe. Close it to release a connection pool it created itself.
 *
 * @param <A> the provider's Feign interface
 */
public final class ProviderClient<A> implements AutoCloseable {

    private final ProviderSpec spec;
    private final AdapterBuilder.Settings settings;
    private final AdapterBuilder.Http http;
    private final CallGuard guard;
    private final A api;
    /** The token of the call running on this thread, for the interceptor (Feign calls run on the caller's thread). */
    private final ThreadLocal<Secret> token = new ThreadLocal<>();
    /** The operation of the call running on this thread, for the request headers hook. */
    private final ThreadLocal<Operation> operation = new ThreadLocal<>();

    private ProviderClient(Class<A> type, String baseUrl, ProviderSpec spec, AdapterBuilder.Settings settings,
            AdapterBuilder.Http http) {
        this.spec = Require.present(spec, "spec");
        this.settings = Require.present(settings, "settings");
        this.http = http;
        this.guard = new CallGuard(spec.name(), spec.classifier(), settings.retryPolicy(), settings.sleeper(),
                settings.listener());
        feign.codec.Decoder decoder = FeignSetup.decoder(spec.json(), settings.maxResponseBytes());
        this.api = FeignSetup.builder(settings, http, spec.json(),
                        new MaskingLogger(spec.name(), spec.masker(), settings.maxResponseBytes()),
                        new ProblemDecoder(spec.errorBody(), spec.requestIdHeaders()))
                .decoder((response, answerType) -> {   // the status of an answer read, for the listener's events
                    CallGuard.answered(response.status());
                    return decoder.decode(response, answerType);
                })
                .requestInterceptor(this::authorise)
                .target(Require.present(type, "api type"), HttpSettings.baseUrl(baseUrl));
    }

    /**
     * {@return a client of {@code type} at {@code baseUrl}, over the settings' shared pool or (when none was
     * configured) a pool of its own that {@link #close()} releases}
     *
     * @param <A> the provider's Feign interface
     * @param type the provider's Feign interface, not null
     * @param baseUrl an absolute http or https URL without query or fragment, not null
     * @param spec how the provider is called: its name, error classification, masking, auth and
     *     rate limit, not null
     * @param settings the adapter's settings (timeouts, retries, logging, pool), as its builder
     *     made them; not null
     */
    public static <A> ProviderClient<A> open(Class<A> type, String baseUrl, ProviderSpec spec,
            AdapterBuilder.Settings settings) {
        return new ProviderClient<>(type, baseUrl, spec, settings, settings.openHttp());
    }

    /**
     * Another interface of the same provider (e.g. its token endpoint) at {@code baseUrl}, on this
     * client's pool, described by {@code other}. Closing it leaves the pool to this client.
     *
     * @param <B> the other Feign interface
     * @param type the other Feign interface, not null
     * @param baseUrl where the other interface is served (e.g. the token endpoint's host): an
     *     absolute http or https URL without query or fragment, not null
     * @param other how that interface is called (its own error body, auth, masking), not null
     * @return a new client for the other interface, sharing this one's pooled HTTP client
     */
    public <B> ProviderClient<B> sibling(Class<B> type, String baseUrl, ProviderSpec other) {
        return new ProviderClient<>(type, baseUrl, other, settings, new AdapterBuilder.Http(http.client(), false));
    }

    /**
     * {@return a safe call, retried on transient failures; see the class comment}
     *
     * @param <T> the type of the call's answer
     * @param operation a short name of what the call does, e.g. {@code "catalog"}; in logs and the
     *     listener's events, never a secret
     * @param call the call on the provider's interface, not null; it may run several times, so it
     *     must not change anything
     */
    public <T> Either<ProviderFailure, T> read(String operation, Function<A, T> call) {
        return call(Operation.read(operation), call);
    }

    /**
     * {@return a call that changes something, made once (plus once after a rejected token); see the class comment}
     *
     * @param <T> the type of the call's answer
     * @param operation a short name of what the call does, e.g. {@code "place"}; in logs and the
     *     listener's events, never a secret
     * @param call the call on the provider's interface, not null; sent once, any doubt after
     *     sending is {@code OutcomeUnknown}
     */
    public <T> Either<ProviderFailure, T> write(String operation, Function<A, T> call) {
        return call(Operation.write(operation), call);
    }

    /**
     * {@code call} as {@code operation} says; see the class comment. The whole call — token
     * renewal, every attempt, the waits between retries — runs within the settings' call timeout
     * (a {@link Deadline}; a call nested in another keeps the outer one's when that ends sooner).
     *
     * @param <T> the type of the call's answer
     * @param operation what the call does, which decides whether it may be retried
     * @param call the call on the provider's interface, not null
     * @return what {@code call} answered, or the failure that prevented it (a value, never thrown)
     */
    public <T> Either<ProviderFailure, T> call(Operation operation, Function<A, T> call) {
        Require.present(operation, "operation");
        Require.present(call, "call");
        if (http.client().headerHook() == null) {   // only the hook needs the operation on the thread
            return Deadline.after(settings.callTimeout()).run(() -> callWithinDeadline(operation, call));
        }
        Operation outer = this.operation.get();
        this.operation.set(operation);
        try {
            return Deadline.after(settings.callTimeout()).run(() -> callWithinDeadline(operation, call));
        } finally {
            if (outer == null) {
                this.operation.remove();
            } else {
                this.operation.set(outer);
            }
        }
    }

    private <T> Either<ProviderFailure, T> callWithinDeadline(Operation operation, Function<A, T> call) {
        if (spec.tokens().isEmpty()) {
            return guard.run(operation, () -> call.apply(api));
        }
        TokenSource tokens = spec.tokens().get();
        Either<ProviderFailure, Secret> current = token(tokens::current);
        if (current.isLeft()) {
            return Either.left(current.getLeft());
        }
        Either<ProviderFailure, T> result = withToken(current.get(), operation, call);
        if (result.isLeft() && tokens.renewable() && spec.rejected().test(result.getLeft())) {
            Either<ProviderFailure, Secret> replaced = token(() -> tokens.replace(current.get()));
            if (replaced.isLeft()) {
                return Either.left(replaced.getLeft());
            }
            return withToken(replaced.get(), operation, call);
        }
        return result;
    }

    /**
     * {@return an invalid request refused before anything was sent (a provider's documented limit the
     * request exceeds): provably not applied, never retried} Adapters return it as {@code Left}.
     *
     * @param reason what limit the request breaks, in words, not blank; in logs and the failure's
     *     message, so never a secret
     */
    public ProviderFailure refusal(String reason) {
        Require.text(reason, "reason");
        return new ProviderFailure.InvalidRequest(FailureDetails.of(spec.name(), reason), java.util.List.of(reason));
    }

    /** Releases the connection pool when this client created its own. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ProviderClient[" + spec.name() + "]";
    }

    /**
     * A token from the source. No token means the call itself was never sent: a source that throws
     * (a broken store, a bug), or whose refresh got no answer ({@code OutcomeUnknown} for the token
     * endpoint), is {@code Unavailable} — provably not applied — for this call, never an exception
     * and never "outcome unknown". Other failures of the source are this call's failure as they are.
     */
    private Either<ProviderFailure, Secret> token(Supplier<Either<ProviderFailure, Secret>> source) {
        try {
            Either<ProviderFailure, Secret> token = Require.present(source.get(), "token");
            if (token.isLeft() && token.getLeft() instanceof ProviderFailure.OutcomeUnknown doubt) {
                return Either.left(new ProviderFailure.Unavailable(new FailureDetails(spec.name(), doubt.httpStatus(),
                        doubt.requestId(), "could not get an access token (" + doubt.message() + "); nothing was sent",
                        doubt.details().attempts()), Option.none()));
            }
            return token;
        } catch (Throwable e) {   // Errors included (a StackOverflowError in the token call), but not a JVM failure
            if (CallGuard.fatal(e)) {
                throw (Error) e;
            }
            return Either.left(new ProviderFailure.Unavailable(FailureDetails.of(spec.name(),
                    "could not get an access token (" + e.getClass().getSimpleName() + "); nothing was sent"),
                    Option.none()));
        }
    }

    /** Runs {@code call} with {@code secret} as this thread's token; a call nested on the same client keeps the outer token. */
    private <T> Either<ProviderFailure, T> withToken(Secret secret, Operation operation, Function<A, T> call) {
        Secret outer = token.get();
        token.set(secret);
        try {
            return guard.run(operation, () -> call.apply(api));
        } finally {
            if (outer == null) {
                token.remove();
            } else {
                token.set(outer);
            }
        }
    }

    /**
     * Adds the static headers, the call's token and the shared client's request headers hook's
     * headers (a refused one stops the request before it is sent), and takes a rate-limit permit:
     * once per request sent.
     */
    private void authorise(feign.RequestTemplate template) {
        spec.staticHeaders().forEach((name, value) -> template.header(name, value.reveal()));
        Secret current = token.get();
        if (current != null) {
            template.header(spec.scheme().headerName(), spec.scheme().headerValue(current));
        }
        HeaderHook hook = http.client().headerHook();
        if (hook != null) {
            Operation running = operation.get();
            hook.apply(spec.name(), running == null ? "unknown" : running.name(), template);
        }
        spec.limiter().peek(RateLimiter::acquire);
    }
}
