package io.voucherport.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.observe.AttemptEnd;
import io.voucherport.domain.observe.CallEnd;
import io.voucherport.domain.observe.CallObservation;
import io.voucherport.domain.observe.CallStart;
import io.voucherport.domain.observe.Outcome;
import io.voucherport.domain.observe.PurchaseSignal;
import io.voucherport.domain.observe.UseCaseObservation;
import io.voucherport.domain.observe.UseCaseStart;
import io.voucherport.domain.observe.VoucherportListener;
import java.util.Locale;

/**
 * A {@link VoucherportListener} on Micrometer. Give it to an adapter's builder
 * ({@code .listener(...)}) and to the use cases ({@code BuyCodes.builder(...).listener(...)}).
 *
 * <p>What it records, every tag low-cardinality (never a code, token, key, URL or order reference):
 * <ul>
 *   <li>{@value #CALL}: an {@link Observation} of each provider call, started before it is sent and
 *       stopped when its result is known, scoped to the calling thread meanwhile — its handlers make a
 *       timer of it and, with a tracer, a span. Low-cardinality keys {@code provider},
 *       {@code operation}, {@code write}, and at the end {@code outcome} ({@code ok} or the failure
 *       type, e.g. {@code OutcomeUnknown}) and {@code status} (the HTTP status class: {@code 2xx},
 *       {@code 4xx}, {@code 5xx} or {@code none}); a failed call is marked in error. Each retry is
 *       an event on it.</li>
 *   <li>{@value #ATTEMPTS}: a timer of each attempt; tags {@code provider}, {@code operation},
 *       {@code outcome}, {@code status}.</li>
 *   <li>{@value #RETRY_WAITS}: a timer of the waits before retries; tags {@code provider},
 *       {@code operation}, {@code outcome} (of the attempt retried).</li>
 *   <li>{@value #USE_CASE}: an Observation of each use-case operation (enclosing its provider
 *       calls' spans); keys {@code use.case}, {@code operation}, {@code outcome}.</li>
 *   <li>{@value #PURCHASE_STEPS}: a counter of purchase steps; tags {@code supplier}, {@code stage}
 *       (e.g. {@code placed}, {@code outcome_unknown}, {@code delivered}), {@code detail}.</li>
 *   <li>{@value #PURCHASE_DURATION}: a timer, from opening the purchase, of each step that ends a
 *       run of it (delivered, partially delivered, failed, pending); tags {@code supplier},
 *       {@code stage}.</li>
 * </ul>
 * Thread-safe. Never throws into a call (and Voucherport guards every listener anyway).
 */
public final class MicrometerListener implements VoucherportListener {

    /** The name of the provider-call observation (and so of its timer and span). */
    public static final String CALL = "voucherport.call";
    /** The name of the timer of single attempts. */
    public static final String ATTEMPTS = "voucherport.call.attempts";
    /** The name of the timer of the waits before retries. */
    public static final String RETRY_WAITS = "voucherport.call.retry.waits";
    /** The name of the use-case observation (and so of its timer and span). */
    public static final String USE_CASE = "voucherport.usecase";
    /** The name of the counter of purchase steps. */
    public static final String PURCHASE_STEPS = "voucherport.purchase.steps";
    /** The name of the timer of purchase runs, from opening to the step that ended the run. */
    public static final String PURCHASE_DURATION = "voucherport.purchase.duration";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    private MicrometerListener(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = Require.present(meters, "meter registry");
        this.observations = Require.present(observations, "observation registry");
    }

    /**
     * A listener recording into {@code meters} alone: calls and use cases are observed through an
     * observation registry of its own whose only handler makes timers in {@code meters} (no spans).
     *
     * @param meters where timers and counters go, not null
     * @return a thread-safe listener to share between adapters and use cases
     */
    public static MicrometerListener of(MeterRegistry meters) {
        Require.present(meters, "meter registry");
        ObservationRegistry own = ObservationRegistry.create();
        own.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return new MicrometerListener(meters, own);
    }

    /**
     * A listener observing calls and use cases through {@code observations} — whose handlers make
     * their timers and spans (Spring Boot registers both) — and recording attempts, retry waits and
     * purchase steps into {@code meters}.
     *
     * @param meters where the attempt, retry-wait and purchase meters go
     * @param observations where calls and use cases are observed, not null
     * @return a thread-safe listener to share between adapters and use cases
     */
    public static MicrometerListener of(MeterRegistry meters, ObservationRegistry observations) {
        return new MicrometerListener(meters, observations);
    }

    @Override
    public CallObservation callStarted(CallStart start) {
        Observation observation = Observation.createNotStarted(CALL, observations)
                .contextualName(start.provider() + " " + start.operation())
                .lowCardinalityKeyValue("provider", start.provider())
                .lowCardinalityKeyValue("operation", start.operation())
                .lowCardinalityKeyValue("write", Boolean.toString(start.changesSomething()))
                .start();
        Observation.Scope scope = observation.openScope();
        return new CallObservation() {
            @Override
            public void attempt(AttemptEnd attempt) {
                Timer.builder(ATTEMPTS).description("One attempt of a provider call")
                        .tags(Tags.of("provider", start.provider(), "operation", start.operation(),
                                "outcome", attempt.outcome(), "status", statusClass(attempt.httpStatus())))
                        .register(meters).record(attempt.latency());
                if (attempt.retryWait().isDefined()) {
                    Timer.builder(RETRY_WAITS).description("The wait before retrying a provider call")
                            .tags(Tags.of("provider", start.provider(), "operation", start.operation(),
                                    "outcome", attempt.outcome()))
                            .register(meters).record(attempt.retryWait().get());
                    observation.event(Observation.Event.of("voucherport.call.retry", "retry after " + attempt.outcome()));
                }
            }

            @Override
            public void finished(CallEnd end) {
                observation.lowCardinalityKeyValue("outcome", end.outcome())
                        .lowCardinalityKeyValue("status", statusClass(end.httpStatus()))
                        .highCardinalityKeyValue("attempts", Integer.toString(end.attempts()));
                if (!Outcome.OK.equals(end.outcome())) {
                    observation.error(new CallFailed(end.outcome()));
                }
                scope.close();
                observation.stop();
            }
        };
    }

    @Override
    public UseCaseObservation useCaseStarted(UseCaseStart start) {
        Observation observation = Observation.createNotStarted(USE_CASE, observations)
                .contextualName(start.useCase() + " " + start.operation())
                .lowCardinalityKeyValue("use.case", start.useCase())
                .lowCardinalityKeyValue("operation", start.operation())
                .start();
        Observation.Scope scope = observation.openScope();
        return (outcome, latency) -> {
            observation.lowCardinalityKeyValue("outcome", outcome);
            scope.close();
            observation.stop();
        };
    }

    @Override
    public void purchase(PurchaseSignal signal) {
        String stage = signal.stage().name().toLowerCase(Locale.ROOT);
        meters.counter(PURCHASE_STEPS, Tags.of("supplier", signal.supplier(), "stage", stage,
                "detail", signal.detail())).increment();
        if (signal.stage().endsRun()) {
            Timer.builder(PURCHASE_DURATION).description("A purchase run, from opening to the step that ended it")
                    .tags(Tags.of("supplier", signal.supplier(), "stage", stage))
                    .register(meters).record(signal.sinceOpened());
        }
        // the reference (high-cardinality) is deliberately used nowhere: not a tag, not a span attribute
    }

    /** The class of an HTTP status, {@code 2xx}…{@code 5xx}, or {@code none} when no answer came. */
    static String statusClass(Option<Integer> status) {
        return status.filter(s -> s >= 100 && s < 600).map(s -> s / 100 + "xx").getOrElse("none");
    }

    @Override
    public String toString() {
        return "MicrometerListener[" + meters.getClass().getSimpleName() + "]";
    }

    /**
     * Marks an observation of a failed call in error: named after the failure type only (no
     * message of the provider, no stack trace).
     */
    static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailed(String outcome) {
            super(outcome, null, false, false);
        }
    }
}
