package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.observe.AttemptEnd;
import io.voucherport.domain.observe.CallEnd;
import io.voucherport.domain.observe.CallObservation;
import io.voucherport.domain.observe.CallStart;
import io.voucherport.domain.observe.VoucherportListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request path tells its listener every call, against a real local HTTP server: opened before
 * sending, each attempt with outcome, status and retry wait, the end once; and a listener that
 * throws or is slow never changes a result.
 */
class CallListenerTest {

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

    /** Everything a listener heard, in order. */
    static final class Recording implements VoucherportListener {
        final List<Object> heard = Collections.synchronizedList(new ArrayList<>());
        /** How many requests the server had seen when each call was opened. */
        final List<Integer> requestsAtStart = Collections.synchronizedList(new ArrayList<>());
        private final CallListenerTest test;

        Recording(CallListenerTest test) {
            this.test = test;
        }

        @Override
        public CallObservation callStarted(CallStart start) {
            heard.add(start);
            requestsAtStart.add(test.requests());
            return new CallObservation() {
                @Override
                public void attempt(AttemptEnd attempt) {
                    heard.add(attempt);
                }

                @Override
                public void finished(CallEnd end) {
                    heard.add(end);
                }
            };
        }
    }

    private final Deque<Integer> statuses = new ArrayDeque<>();
    private int requests;
    private final List<Duration> sleeps = new ArrayList<>();
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
        requests++;
        int status = statuses.isEmpty() ? 200 : statuses.poll();
        LocalProvider.answer(exchange, status,
                status == 200 ? "{\"value\":\"ok\"}" : "{\"message\":\"status " + status + "\"}");
    }

    synchronized int requests() {
        return requests;
    }

    private ProviderClient<ThingApi> client(VoucherportListener listener) {
        AdapterBuilder.Settings settings = new LocalProvider.Builder()
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .sleeper(sleeps::add).readTimeout(Duration.ofSeconds(5)).listener(listener).settings();
        return ProviderClient.open(ThingApi.class, provider.baseUrl(), LocalProvider.spec(), settings);
    }

    @Test
    void aRetriedReadIsOpenedBeforeSendingAndToldEachAttemptWithItsStatusAndWait() {
        Recording recording = new Recording(this);
        statuses.add(503);
        try (ProviderClient<ThingApi> client = client(recording)) {
            assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
        }
        assertThat(recording.requestsAtStart).containsExactly(0);
        assertThat(recording.heard).hasSize(4);
        assertThat(recording.heard.get(0)).isEqualTo(new CallStart("test", "thing", false));
        AttemptEnd first = (AttemptEnd) recording.heard.get(1);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.outcome()).isEqualTo("Unavailable");
        assertThat(first.httpStatus()).contains(503);
        assertThat(first.retryWait()).isEqualTo(Option.of(sleeps.get(0)));
        AttemptEnd second = (AttemptEnd) recording.heard.get(2);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.outcome()).isEqualTo("ok");
        assertThat(second.httpStatus()).as("the status of the answer read").contains(200);
        assertThat(second.retryWait()).isEmpty();
        CallEnd end = (CallEnd) recording.heard.get(3);
        assertThat(end.outcome()).isEqualTo("ok");
        assertThat(end.httpStatus()).contains(200);
        assertThat(end.attempts()).isEqualTo(2);
        assertThat(end.latency()).isGreaterThanOrEqualTo(first.latency());
    }

    @Test
    void aWriteIsToldOnceWithItsDoubtAndAReadThatGivesUpWithEveryAttempt() {
        Recording recording = new Recording(this);
        try (ProviderClient<ThingApi> client = client(recording)) {
            statuses.add(503);
            assertThat(client.write("make", api -> api.make(new Thing("x"))).getLeft())
                    .isInstanceOf(ProviderFailure.OutcomeUnknown.class);
            statuses.addAll(List.of(500, 502, 503));
            assertThat(client.read("thing", ThingApi::thing).getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        }
        assertThat(recording.heard).hasSize(3 + 5);
        assertThat(recording.heard.get(0)).isEqualTo(new CallStart("test", "make", true));
        assertThat(((AttemptEnd) recording.heard.get(1)).outcome()).isEqualTo("OutcomeUnknown");
        assertThat(((AttemptEnd) recording.heard.get(1)).retryWait()).as("a write is never retried").isEmpty();
        assertThat(recording.heard.get(2)).isInstanceOfSatisfying(CallEnd.class, end -> {
            assertThat(end.outcome()).isEqualTo("OutcomeUnknown");
            assertThat(end.httpStatus()).contains(503);
            assertThat(end.attempts()).isEqualTo(1);
        });
        assertThat(recording.heard.subList(4, 7)).extracting(e -> ((AttemptEnd) e).httpStatus().get())
                .containsExactly(500, 502, 503);
        assertThat(((AttemptEnd) recording.heard.get(6)).retryWait()).as("the last attempt is not retried").isEmpty();
        assertThat(recording.heard.get(7)).isInstanceOfSatisfying(CallEnd.class,
                end -> assertThat(end.attempts()).isEqualTo(3));
    }

    @Test
    void aListenerThatThrowsEverywhereChangesNoResultAndNoRequest() {
        VoucherportListener throwing = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                return new CallObservation() {
                    @Override
                    public void attempt(AttemptEnd attempt) {
                        throw new IllegalStateException("attempt");
                    }

                    @Override
                    public void finished(CallEnd end) {
                        throw new StackOverflowError();
                    }
                };
            }
        };
        VoucherportListener throwingAtStart = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                throw new IllegalArgumentException("start");
            }
        };
        for (VoucherportListener listener : List.of(throwing, throwingAtStart)) {
            requests = 0;
            sleeps.clear();
            try (ProviderClient<ThingApi> client = client(listener)) {
                statuses.add(503);
                assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
                statuses.add(503);
                ProviderFailure failure = client.write("make", api -> api.make(new Thing("x"))).getLeft();
                assertThat(failure).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
                assertThat(failure.details().attempts()).isEqualTo(1);
            }
            assertThat(requests()).isEqualTo(3);
            assertThat(sleeps).hasSize(1);
        }
    }

    @Test
    void aSlowListenerChangesNoResult() {
        VoucherportListener slow = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                pause();
                return new CallObservation() {
                    @Override
                    public void attempt(AttemptEnd attempt) {
                        pause();
                    }

                    @Override
                    public void finished(CallEnd end) {
                        pause();
                    }
                };
            }

            private void pause() {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Recording after = new Recording(this);
        try (ProviderClient<ThingApi> client = client(VoucherportListener.composite(slow, after))) {
            statuses.add(503);
            assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
        }
        assertThat(requests()).isEqualTo(2);
        assertThat(after.heard).hasSize(4);
        assertThat(((CallEnd) after.heard.get(3)).attempts()).isEqualTo(2);
    }

    @Test
    void aThrowingListenersFailuresAreLoggedOnceAtWarnThenAtDebugWithClassNamesOnly() {
        String secret = "sk_live_9c8b7a6f5e4d";
        VoucherportListener throwing = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                return new CallObservation() {
                    @Override
                    public void attempt(AttemptEnd attempt) {
                        throw new IllegalStateException("token " + secret);
                    }

                    @Override
                    public void finished(CallEnd end) {
                        throw new IllegalArgumentException("token " + secret);
                    }
                };
            }
        };
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        ch.qos.logback.classic.LoggerContext context =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger observe = context.getLogger("io.voucherport.observe");
        ch.qos.logback.classic.Level level = observe.getLevel();
        ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.AppenderBase<>() {
                    @Override
                    protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
                        logged.add(event.getLevel() + " " + event.getFormattedMessage()
                                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
                    }
                };
        appender.setContext(context);
        appender.start();
        observe.setLevel(ch.qos.logback.classic.Level.TRACE);
        observe.addAppender(appender);
        try (ProviderClient<ThingApi> client = client(VoucherportListener.composite(throwing))) {
            assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
            assertThat(client.read("thing", ThingApi::thing)).isEqualTo(Either.right(new Thing("ok")));
        } finally {
            observe.detachAppender(appender);
            observe.setLevel(level);
            appender.stop();
        }
        assertThat(requests()).isEqualTo(2);
        assertThat(logged).hasSize(4);
        assertThat(logged.get(0)).startsWith("WARN ").contains("IllegalStateException").contains("attempt")
                .contains(throwing.getClass().getName());
        assertThat(logged.subList(1, 4)).allMatch(line -> line.startsWith("DEBUG "), "later failures at DEBUG");
        assertThat(String.join("\n", logged)).doesNotContain(secret).doesNotContain("token");
    }

    @Test
    void theDefaultListenerIsNoneAndSettingsGuardWhatTheyAreGiven() {
        assertThat(new LocalProvider.Builder().settings().listener()).isSameAs(VoucherportListener.none());
        AdapterBuilder.Settings old = new AdapterBuilder.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), null,
                HttpLogLevel.NONE, RetryPolicy.DEFAULT, Sleeper.THREAD, 1024, Duration.ofSeconds(5));
        assertThat(old.listener()).isSameAs(VoucherportListener.none());
        Recording recording = new Recording(this);
        assertThat(new LocalProvider.Builder().observer(recording).settings().listener())
                .as("guarded").isNotSameAs(recording).isInstanceOf(VoucherportListener.guarded(recording).getClass());
    }
}
