package io.voucherport.testkit.sim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stateful provider simulator on WireMock: one transformer routes every request to the
 * subclass, which keeps the provider's state; faults queued per endpoint spoil the next answers;
 * every request is logged by endpoint.
 *
 * <p>Use it as a plain object ({@link #start()}, {@link #baseUrl()}, {@link #close()}) or as a
 * JUnit 5 extension on a static field with {@code @RegisterExtension}: started before all tests
 * of the class, stopped after. It binds to 127.0.0.1 only.
 *
 * @param <E> the simulator's endpoints
 */
public abstract class Simulator<E extends Enum<E>> implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final int port;
    private final Class<E> endpoints;
    private final Map<E, Deque<SimFault>> faults;
    /** Faults waiting for a request that matches, in the order injected. */
    private final List<Matching<E>> matching = new ArrayList<>();
    private final List<E> log = new ArrayList<>();
    private WireMockServer server;
    private final List<Held> holds = new ArrayList<>();
    private boolean late;
    private Instant lateAt;
    private SimFault incomplete;

    /**
     * A simulator named {@code name} on {@code port} (0 for any free port).
     *
     * @param endpoints the subclass's endpoint enum class, not null
     * @param name the simulator's name, e.g. {@code "ez"}; in the WireMock transformer's name and
     *     in messages
     * @param port the port to listen on, 0 for any free port
     */
    protected Simulator(String name, int port, Class<E> endpoints) {
        this.name = Objects.requireNonNull(name, "name");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535 but was " + port);
        }
        this.port = port;
        this.endpoints = endpoints;
        this.faults = new EnumMap<>(endpoints);
    }

    /**
     * {@return which endpoint a request is for, or null when it matches none (answered 404)}
     *
     * @param request the incoming request (method, path, query, headers, body), not null
     */
    protected abstract E endpointOf(SimRequest request);

    /**
     * {@return the answer to a request for {@code endpoint}; called under this simulator's lock}
     *
     * @param endpoint the endpoint {@link #endpointOf} chose, not null
     * @param request the incoming request, not null
     */
    protected abstract SimResponse handle(E endpoint, SimRequest request);

    /**
     * {@return the body of an injected error status, in the provider's error shape}
     *
     * @param status the HTTP status being injected, e.g. 500
     * @param message what the error says, in words (never a secret)
     */
    protected abstract String errorBody(int status, String message);

    /**
     * {@return the answer for {@link SimFault#insufficientFunds()}, in the provider's shape; by default 400 with {@link #errorBody}}
     */
    protected SimResponse insufficientFunds() {
        return new SimResponse(400, errorBody(400, "Insufficient funds"), Map.of());
    }

    /**
     * {@return the checks made when a request arrives (e.g. credentials) for a request {@link SimFault#commitLater}
     * holds: a refusal (then nothing commits), or null to admit it; called under this simulator's lock}
     * By default admits; {@link #handle} still runs every check.
     *
     * @param endpoint the endpoint {@link #endpointOf} chose, not null
     * @param request the request as it arrived, not null
     */
    protected SimResponse admit(E endpoint, SimRequest request) {
        return null;
    }

    /**
     * Now on the simulator's clock, for {@link SimFault#commitLater(Duration, Duration)}; by default the system clock.
     *
     * @return the current instant on the simulator's clock; subclasses with a virtual clock answer
     *     from it
     */
    protected Instant now() {
        return Instant.now();
    }

    /**
     * {@return when the request being handled takes effect on the simulator's clock: now, or, for a request
     * held by {@link SimFault#commitLater(java.time.Duration, java.time.Duration)} and committed only
     * when a later request arrived, the moment its clock delay ran out (a request in flight lands
     * within its delay, whether or not anybody calls in the meantime)}
     */
    protected Instant commitTime() {
        return lateAt != null ? lateAt : now();
    }

    /**
     * {@return whether {@link #handle} runs for a held request that {@link #admit} admitted on arrival (skip those checks)}
     */
    protected final synchronized boolean admittedOnArrival() {
        return late;
    }

    /**
     * {@return the {@link SimFault.Kind#INCOMPLETE_ANSWER} fault to apply to the answer {@link #handle} is
     * making, or null; simulators that model it shape their answer by it}
     */
    protected final synchronized SimFault incompleteAnswer() {
        return incomplete;
    }

    /**
     * Starts serving; idempotent.
     *
     * @return this simulator, listening on its port
     */
    public synchronized Simulator<E> start() {
        if (server == null) {
            WireMockConfiguration options = WireMockConfiguration.options()
                    .bindAddress("127.0.0.1")
                    .port(port)
                    .disableRequestJournal()
                    .stubRequestLoggingDisabled(true)
                    .containerThreads(40)
                    .extensions(new Router());
            server = new WireMockServer(options);
            server.start();
            server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(transformerName())));
        }
        return this;
    }

    /** {@return the base URL to configure an adapter with, e.g. {@code http://127.0.0.1:53211}} */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException(name + " simulator is not started");
        }
        return "http://127.0.0.1:" + server.port();
    }

    /** {@return the port it listens on} */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " simulator is not started");
        }
        return server.port();
    }

    /** Stops serving; idempotent. Requests held by {@link SimFault#commitLater} are dropped uncommitted. */
    @Override
    public void close() {
        WireMockServer running;
        synchronized (this) {   // not held while stopping: held requests need the lock to finish
            running = server;
            server = null;
        }
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Spoils the next answer of {@code endpoint} with {@code fault}; several queue up in order.
     *
     * @param endpoint the endpoint whose next answer to spoil, not null
     * @param fault the fault to inject, not null
     */
    public synchronized void inject(E endpoint, SimFault fault) {
        faults.computeIfAbsent(Objects.requireNonNull(endpoint), e -> new ArrayDeque<>()).add(Objects.requireNonNull(fault));
    }

    /**
     * Spoils the next answer of {@code endpoint} to a request that {@code when} accepts (a page
     * asked for by its query, say) with {@code fault}; requests it does not accept are answered
     * as usual. Taken before the faults of {@link #inject(Enum, SimFault)}.
     *
     * @param endpoint the endpoint whose answer to spoil, not null
     * @param when which request to spoil, e.g. a given page; not null, tested under the simulator's
     *     lock
     * @param fault the fault to inject, not null
     */
    public synchronized void inject(E endpoint, Predicate<SimRequest> when, SimFault fault) {
        matching.add(new Matching<>(Objects.requireNonNull(endpoint), Objects.requireNonNull(when),
                Objects.requireNonNull(fault)));
    }

    /** A fault for the next request of an endpoint that a predicate accepts. */
    private record Matching<E>(E endpoint, Predicate<SimRequest> when, SimFault fault) {
    }

    /**
     * Waits until every request held by {@link SimFault#commitLater} has committed, at most
     * {@code timeout}; true when none is held any more.
     *
     * @param timeout how long to wait at most, in real time, not null
     * @return true when no request is held any more, false when some still were after
     *     {@code timeout}
     */
    public synchronized boolean awaitLateCommits(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Commits every request {@link SimFault#commitLater} holds now, as if its delay had passed (in arrival order). */
    public synchronized void commitHeldNow() {
        List.copyOf(holds).forEach(this::commit);
    }

    /** {@return how many requests {@link SimFault#commitLater} holds right now, admitted and not committed yet} */
    public synchronized int lateCommitsInFlight() {
        return holds.size();
    }

    /** Drops every queued fault (requests already held by {@link SimFault#commitLater} still commit). */
    public synchronized void clearFaults() {
        faults.clear();
        matching.clear();
    }

    /**
     * {@return how many requests reached {@code endpoint}}
     *
     * @param endpoint the endpoint to count requests of, not null
     */
    public synchronized int requests(E endpoint) {
        return (int) log.stream().filter(endpoint::equals).count();
    }

    /** {@return every request's endpoint, in arrival order} */
    public synchronized List<E> requestLog() {
        return List.copyOf(log);
    }

    /** Forgets the request log. */
    public synchronized void clearRequestLog() {
        log.clear();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private String transformerName() {
        return "voucherport-" + name + "-" + System.identityHashCode(this);
    }

    private synchronized SimFault nextFault(E endpoint, SimRequest request) {
        for (int i = 0; i < matching.size(); i++) {
            Matching<E> m = matching.get(i);
            if (m.endpoint().equals(endpoint) && m.when().test(request)) {
                return matching.remove(i).fault();
            }
        }
        Deque<SimFault> queue = faults.get(endpoint);
        return queue == null ? null : queue.poll();
    }

    private ResponseDefinition answer(SimRequest request) {
        E endpoint = endpointOf(request);
        if (endpoint == null) {
            return definition(new SimResponse(404, errorBody(404, "no such endpoint"), Map.of())).build();
        }
        synchronized (this) {
            log.add(endpoint);
            commitDue();
        }
        SimFault fault = nextFault(endpoint, request);
        if (fault != null && fault.kind() == SimFault.Kind.COMMIT_LATER) {
            return commitLater(endpoint, request, fault);
        }
        if (fault != null && !fault.commitsFirst()) {
            return spoiled(fault);
        }
        SimResponse response;
        synchronized (this) {
            incomplete = fault != null && fault.kind() == SimFault.Kind.INCOMPLETE_ANSWER ? fault : null;
            try {
                response = handle(endpoint, request);
            } finally {
                incomplete = null;
            }
        }
        if (fault == null || fault.kind() == SimFault.Kind.INCOMPLETE_ANSWER) {
            return definition(response).build();
        }
        if (fault.kind() == SimFault.Kind.DELAY) {
            return definition(response).withFixedDelay((int) fault.delay().toMillis()).build();
        }
        if (fault.kind() == SimFault.Kind.REWRITE) {
            return definition(new SimResponse(response.status(), fault.rewrite(response.body()), response.headers())).build();
        }
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    /** Holds the request, then commits it (when admitted on arrival) and resets the connection. */
    private ResponseDefinition commitLater(E endpoint, SimRequest request, SimFault fault) {
        Held hold = null;
        synchronized (this) {
            if (admit(endpoint, request) == null) {
                hold = new Held(endpoint, request, fault.commitClockDelay().map(now()::plus).orElse(null));
                holds.add(hold);
            }
        }
        try {
            synchronized (this) {   // until the delay has passed, or the hold was committed sooner
                long deadline = System.nanoTime() + fault.delay().toNanos();
                long left;
                while ((hold == null || holds.contains(hold)) && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                if (hold != null) {
                    commit(hold);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // stopping: the request is dropped uncommitted
            synchronized (this) {
                holds.remove(hold);
                notifyAll();
            }
        }
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    /** Commits every held request whose time on the simulator's clock has come; under the lock. */
    private void commitDue() {
        Instant now = null;
        for (Held hold : List.copyOf(holds)) {
            if (hold.due != null) {
                now = now == null ? now() : now;
                if (!now.isBefore(hold.due)) {
                    commit(hold);
                }
            }
        }
    }

    /** Commits a held request unless that happened already; under the lock. */
    private void commit(Held hold) {
        if (holds.remove(hold)) {
            late = true;
            Instant now = now();
            lateAt = hold.due != null && hold.due.isBefore(now) ? hold.due : null;
            try {
                handle(hold.endpoint, hold.request);
            } finally {
                late = false;
                lateAt = null;
                notifyAll();
            }
        }
    }

    /** A request held by {@link SimFault#commitLater}: due on the simulator's clock, or null for real time only. */
    private final class Held {
        final E endpoint;
        final SimRequest request;
        final Instant due;

        Held(E endpoint, SimRequest request, Instant due) {
            this.endpoint = endpoint;
            this.request = request;
            this.due = due;
        }
    }

    private ResponseDefinition spoiled(SimFault fault) {
        return switch (fault.kind()) {
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
            case MALFORMED_BODY, TRUNCATED_BODY -> aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(fault.body()).build();
            case INSUFFICIENT_FUNDS -> definition(insufficientFunds()).build();
            case OVERSIZED_BODY -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"padding\": \"" + "x".repeat(Math.max(0, fault.status() - 16)) + "\"}").build();
            case STATUS -> {
                boolean html = fault.body() != null;
                ResponseDefinitionBuilder b = aResponse().withStatus(fault.status())
                        .withHeader("Content-Type", html ? "text/html" : "application/json")
                        .withBody(html ? fault.body() : errorBody(fault.status(), "simulated " + fault.status()));
                if (!fault.delay().isZero()) {
                    b = b.withHeader("Retry-After", String.valueOf(fault.delay().toSeconds()));
                }
                yield b.build();
            }
            default -> throw new IllegalStateException("not a fault before acting: " + fault);
        };
    }

    private static ResponseDefinitionBuilder definition(SimResponse response) {
        ResponseDefinitionBuilder b = aResponse().withStatus(response.status());
        if (response.body() != null) {
            b = b.withHeader("Content-Type", "application/json").withBody(response.body());
        }
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            b = b.withHeader(h.getKey(), h.getValue());
        }
        return b;
    }

    /** Routes every request to {@link #answer}. */
    private final class Router implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(SimRequest.of(serveEvent.getRequest()));
        }

        @Override
        public String getName() {
            return transformerName();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    /**
     * For subclasses' delays.
     *
     * @param ms a delay in milliseconds
     * @return {@code ms} as a duration
     */
    protected static Duration millis(long ms) {
        return Duration.ofMillis(ms);
    }

    /** {@return the endpoint enum} */
    protected Class<E> endpoints() {
        return endpoints;
    }
}
