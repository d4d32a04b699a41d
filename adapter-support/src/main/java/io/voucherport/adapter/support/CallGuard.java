package io.voucherport.adapter.support;

import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.observe.AttemptEnd;
import io.voucherport.domain.observe.CallEnd;
import io.voucherport.domain.observe.CallObservation;
import io.voucherport.domain.observe.CallStart;
import io.voucherport.domain.observe.Outcome;
import io.voucherport.domain.observe.VoucherportListener;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one Feign call of {@link ProviderClient} so that nothing escapes as an exception: every
 * answer, error and transport failure becomes a value, error answers classified by the provider's
 * {@link ErrorClassifier}. A safe operation is retried on transient failures by the
 * {@link RetryPolicy}; one that changes something is called once, and any doubt after sending
 * (timeout, dropped connection, 5xx, unreadable answer) is {@code OutcomeUnknown}, never "failed".
 * Every call is told to the {@link VoucherportListener} (guarded, its failures logged: it never changes a result): opened
 * before the first attempt, each attempt as it ends, the end once the result is known.
 */
final class CallGuard {

    /** How deep a cause chain is followed (a hostile or buggy exception may make it loop). */
    private static final int MAX_CAUSES = 64;

    private final String provider;
    private final ErrorClassifier classifier;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final VoucherportListener listener;

    /** The HTTP status of the answer the current attempt on this thread decoded, if any (see {@link #answered}). */
    private static final ThreadLocal<Integer> ANSWERED = new ThreadLocal<>();

    /** A guard for {@code provider}'s calls, told to no listener. */
    CallGuard(String provider, ErrorClassifier classifier, RetryPolicy retryPolicy, Sleeper sleeper) {
        this(provider, classifier, retryPolicy, sleeper, VoucherportListener.none());
    }

    /** A guard for {@code provider}'s calls, told to {@code listener} (guarded here). */
    CallGuard(String provider, ErrorClassifier classifier, RetryPolicy retryPolicy, Sleeper sleeper,
            VoucherportListener listener) {
        this.provider = Require.text(provider, "provider");
        this.classifier = Require.present(classifier, "error classifier");
        this.retryPolicy = Require.present(retryPolicy, "retry policy");
        this.sleeper = Require.present(sleeper, "sleeper");
        this.listener = ListenerLog.guarded(Require.present(listener, "listener"));
    }

    /** Notes the HTTP status of an answer being decoded on this thread, for the listener's events. */
    static void answered(int status) {
        ANSWERED.set(status);
    }

    /** {@code call} as {@code operation}: retried when safe, once otherwise; the failure tells the attempts made. */
    <T> Either<ProviderFailure, T> run(Operation operation, Supplier<T> call) {
        Observed observed = new Observed(listener.callStarted(
                new CallStart(provider, operation.name(), operation.changesSomething())));
        try {
            return observed.end(attempts(operation, call, observed));
        } catch (Throwable e) {   // only a failure of the JVM gets here (once() turns the rest into values)
            observed.abandoned(e);
            throw e;
        }
    }

    private <T> Either<ProviderFailure, T> attempts(Operation operation, Supplier<T> call, Observed observed) {
        if (operation.changesSomething()) {
            return observed.attempt(1, () -> once(call, operation), null);
        }
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Either<ProviderFailure, T> result = once(call, operation);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (result.isRight()) {
                return observed.told(attempt, result, took, null);
            }
            ProviderFailure failure = result.getLeft();
            Duration wait = failure.isTransient() && attempt < retryPolicy.maxAttempts()
                    ? waitBefore(failure, attempt) : null;
            if (wait == null || !fitsDeadline(wait)) {
                return observed.told(attempt, Either.left(failure.withAttempts(attempt)), took, null);
            }
            observed.told(attempt, result, took, wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(failure.withAttempts(attempt));
            }
        }
    }

    /**
     * One call as its listener hears it: the attempts as they end and the end once, with the
     * latencies measured here, the listener's own time left out of the call's.
     */
    private static final class Observed {
        private final CallObservation observation;
        private final long started = System.nanoTime();
        private long listening;
        private int attempts;
        private Option<Integer> lastStatus = Option.none();

        Observed(CallObservation observation) {
            this.observation = observation;
        }

        /** Runs the single attempt of a write, and tells it. */
        <T> Either<ProviderFailure, T> attempt(int attempt, Supplier<Either<ProviderFailure, T>> once, Duration wait) {
            long began = System.nanoTime();
            Either<ProviderFailure, T> result = once.get();
            return told(attempt, result, Duration.ofNanos(System.nanoTime() - began), wait);
        }

        /** Tells how attempt {@code attempt} went ({@code wait}: the wait before the next one, or null) and returns its result. */
        <T> Either<ProviderFailure, T> told(int attempt, Either<ProviderFailure, T> result, Duration took, Duration wait) {
            attempts = attempt;
            Integer answered = ANSWERED.get();
            ANSWERED.remove();
            lastStatus = result.isLeft() ? result.getLeft().httpStatus() : Option.of(answered);
            long began = System.nanoTime();
            observation.attempt(new AttemptEnd(attempt, Outcome.of(result), lastStatus, took, Option.of(wait)));
            listening += System.nanoTime() - began;
            return result;
        }

        /** Tells the call's end, and returns its result. */
        <T> Either<ProviderFailure, T> end(Either<ProviderFailure, T> result) {
            observation.finished(new CallEnd(Outcome.of(result), lastStatus, Math.max(1, attempts), latency()));
            return result;
        }

        /** Tells the end of a call a failure of the JVM cut short. */
        void abandoned(Throwable e) {
            observation.finished(new CallEnd(e.getClass().getSimpleName(), lastStatus, Math.max(1, attempts), latency()));
        }

        private Duration latency() {
            return Duration.ofNanos(Math.max(0, System.nanoTime() - started - listening));
        }
    }

    /** Whether a wait of {@code wait} ends, and so a retry can start, before the call's {@link Deadline}. */
    private static boolean fitsDeadline(Duration wait) {
        return Deadline.current().map(deadline -> wait.compareTo(deadline.remaining()) < 0).getOrElse(true);
    }

    /** The wait before the next attempt, or null when the provider asked for longer than allowed. */
    private Duration waitBefore(ProviderFailure failure, int attempt) {
        Option<Duration> asked = Option.none();
        if (failure instanceof ProviderFailure.RateLimited r) {
            asked = r.retryAfter();
        } else if (failure instanceof ProviderFailure.Unavailable u) {
            asked = u.retryAfter();
        }
        if (asked.isDefined()) {
            return asked.get().compareTo(retryPolicy.maxRetryAfter()) > 0 ? null : asked.get();
        }
        return retryPolicy.delayBefore(attempt);
    }

    private <T> Either<ProviderFailure, T> once(Supplier<T> call, Operation operation) {
        boolean unsafe = operation.changesSomething();
        ANSWERED.remove();
        try {
            return Either.right(call.get());
        } catch (ProviderProblemException e) {
            return Either.left(classifier.classify(e.problem(), operation));
        } catch (RetryableException e) {
            return Either.left(transportFailure(e, unsafe));
        } catch (MalformedAnswerException e) {
            return Either.left(unreadable(Option.none(), e, unsafe));
        } catch (FeignException e) {
            if (causedBy(e, DeadlinePassedException.class)) {
                // the deadline passed while the answer was arriving: no answer, not an unreadable one
                return Either.left(transportFailure(e, unsafe));
            }
            if (e instanceof DecodeException || e.status() >= 200 && e.status() < 300) {
                // an answer came but could not be read (Feign reports decoder I/O errors as a 2xx FeignException)
                return Either.left(unreadable(Option.some(e.status()).filter(s -> s > 0), e, unsafe));
            }
            if (e.status() > 0) {
                return Either.left(classifier.classify(new HttpProblem(e.status(), Option.none(),
                        Option.none(), List.of(), Option.none()), operation));
            }
            return Either.left(transportFailure(e, unsafe));
        } catch (Throwable e) {   // anything else a call throws, Errors included (a StackOverflowError in a logger)
            if (fatal(e)) {
                throw (Error) e;
            }
            if (e instanceof InterruptedException) {   // thrown sneakily: keep the interrupt
                Thread.currentThread().interrupt();
            }
            return Either.left(unreadable(Option.none(), e, unsafe));
        }
    }

    /**
     * Whether {@code e} must not be caught as a failure: a {@link VirtualMachineError} (out of
     * memory, an internal error of the JVM) after which nothing can be trusted — except
     * {@link StackOverflowError}, which unwinds cleanly and is a typed failure like any other.
     */
    static boolean fatal(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    /**
     * An answer Voucherport cannot read (or an unexpected failure while reading it): after a call
     * that changes something it may have taken effect, so it is outcome unknown.
     */
    private ProviderFailure unreadable(Option<Integer> status, Throwable e, boolean unsafe) {
        Throwable cause = rootCause(e);
        String message = cause instanceof MalformedAnswerException ? cause.getMessage()
                : e instanceof FeignException ? "could not read the answer (" + cause.getClass().getSimpleName() + ")"
                : "unexpected failure (" + cause.getClass().getSimpleName() + ")";
        FailureDetails details = new FailureDetails(provider, status, Option.none(), message, 1);
        return unsafe ? new ProviderFailure.OutcomeUnknown(details) : new ProviderFailure.UnexpectedResponse(details);
    }

    private ProviderFailure transportFailure(RuntimeException e, boolean unsafe) {
        Throwable cause = rootCause(e);
        String kind = cause.getClass().getSimpleName();
        if (neverSent(e)) {
            return new ProviderFailure.Unavailable(
                    FailureDetails.of(provider, "could not connect (" + kind + ")"), Option.none());
        }
        if (unsafe) {
            return new ProviderFailure.OutcomeUnknown(FailureDetails.of(provider,
                    "no answer after the request was sent (" + kind + "): it may have taken effect"));
        }
        return new ProviderFailure.Unavailable(
                FailureDetails.of(provider, "no answer (" + kind + ")"), Option.none());
    }

    /** Whether the request provably never reached the provider: no connection could be made. */
    private static boolean neverSent(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_CAUSES; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t.getClass().getName().endsWith("ConnectTimeoutException")
                    || t instanceof DeadlinePassedException d && !d.sent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_CAUSES; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, looking at most {@value #MAX_CAUSES} deep (a cause chain may loop). */
    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < MAX_CAUSES && t.getCause() != null && t.getCause() != t; depth++) {
            t = t.getCause();
        }
        return t;
    }
}
