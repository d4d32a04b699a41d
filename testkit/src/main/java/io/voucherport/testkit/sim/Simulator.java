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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final List<E> log = new ArrayList<>();
    private WireMockServer server;

    /**
     * A simulator named {@code name} on {@code port} (0 for any free port).
     *
     * @param endpoints the endpoint enum
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

    /** Which endpoint a request is for, or null when it matches none (answered 404). */
    protected abstract E endpointOf(SimRequest request);

    /** The answer to a request for {@code endpoint}; called under this simulator's lock. */
    protected abstract SimResponse handle(E endpoint, SimRequest request);

    /** The body of an injected error status, in the provider's error shape. */
    protected abstract String errorBody(int status, String message);

    /** Starts serving; idempotent. */
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

    /** The base URL to configure an adapter with, e.g. {@code http://127.0.0.1:53211}. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException(name + " simulator is not started");
        }
        return "http://127.0.0.1:" + server.port();
    }

    /** The port it listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " simulator is not started");
        }
        return server.port();
    }

    /** Stops serving; idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Spoils the next answer of {@code endpoint} with {@code fault}; several queue up in order. */
    public synchronized void inject(E endpoint, SimFault fault) {
        faults.computeIfAbsent(Objects.requireNonNull(endpoint), e -> new ArrayDeque<>()).add(Objects.requireNonNull(fault));
    }

    /** Drops every queued fault. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** How many requests reached {@code endpoint}. */
    public synchronized int requests(E endpoint) {
        return (int) log.stream().filter(endpoint::equals).count();
    }

    /** Every request's endpoint, in arrival order. */
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

    private synchronized SimFault nextFault(E endpoint) {
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
        }
        SimFault fault = nextFault(endpoint);
        if (fault != null && !fault.commitsFirst()) {
            return spoiled(fault);
        }
        SimResponse response;
        synchronized (this) {
            response = handle(endpoint, request);
        }
        if (fault == null) {
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

    private ResponseDefinition spoiled(SimFault fault) {
        return switch (fault.kind()) {
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
            case MALFORMED_BODY, TRUNCATED_BODY -> aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(fault.body()).build();
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

    /** For subclasses' delays. */
    protected static Duration millis(long ms) {
        return Duration.ofMillis(ms);
    }

    /** The endpoint enum. */
    protected Class<E> endpoints() {
        return endpoints;
    }
}
