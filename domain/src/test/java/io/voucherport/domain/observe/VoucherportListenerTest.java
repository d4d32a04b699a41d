package io.voucherport.domain.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener SPI's guarantees: guarded listeners never throw, composites tell everyone, failures
 * are handed on as class names only, and the domain itself logs nothing (a {@code java.util.logging}
 * handler on the root logger, where the JDK's {@code System.Logger} ends, hears nothing).
 */
class VoucherportListenerTest {

    private static final String SECRET = "sk_live_4f9a8b7c6d5e";

    private final List<String> logged = new ArrayList<>();
    private final List<ListenerFailure> failures = new ArrayList<>();
    private final java.util.function.Consumer<ListenerFailure> onFailure = failures::add;
    private final Logger jul = Logger.getLogger("");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private Level previous;

    @BeforeEach
    void listen() {
        previous = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.addHandler(capture);
    }

    @AfterEach
    void stop() {
        jul.removeHandler(capture);
        jul.setLevel(previous);
    }

    /** Hears everything, as text. */
    static final class Recording implements VoucherportListener {
        final List<String> heard = new ArrayList<>();
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public CallObservation callStarted(CallStart start) {
            heard.add(name + " started " + start.operation());
            return new CallObservation() {
                @Override
                public void attempt(AttemptEnd attempt) {
                    heard.add(name + " attempt " + attempt.attempt() + " " + attempt.outcome());
                }

                @Override
                public void finished(CallEnd end) {
                    heard.add(name + " finished " + end.outcome());
                }
            };
        }

        @Override
        public UseCaseObservation useCaseStarted(UseCaseStart start) {
            heard.add(name + " use case " + start.operation());
            return (outcome, latency) -> heard.add(name + " use case ended " + outcome);
        }

        @Override
        public void purchase(PurchaseSignal signal) {
            heard.add(name + " purchase " + signal.stage());
        }
    }

    /** Throws {@code failure} from every method and handle. */
    static VoucherportListener throwing(RuntimeException failure) {
        return new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                throw failure;
            }

            @Override
            public UseCaseObservation useCaseStarted(UseCaseStart start) {
                return (outcome, latency) -> {
                    throw failure;
                };
            }

            @Override
            public void purchase(PurchaseSignal signal) {
                throw failure;
            }
        };
    }

    private static CallStart start() {
        return new CallStart("ez", "catalog", false);
    }

    private static PurchaseSignal signal() {
        return new PurchaseSignal("ez", PurchaseSignal.Stage.PLACED, PurchaseSignal.NO_DETAIL, Duration.ZERO,
                OrderReference.of("vp-1"));
    }

    @Test
    void aGuardedListenerSwallowsWhatItThrowsAndHandsOnClassNamesOnly() {
        VoucherportListener guarded = VoucherportListener.guarded(
                throwing(new IllegalStateException("token " + SECRET)), onFailure);
        CallObservation handle = guarded.callStarted(start());
        assertThat(handle).isSameAs(CallObservation.NONE);
        handle.attempt(new AttemptEnd(1, Outcome.OK, Option.some(200), Duration.ZERO, Option.none()));
        handle.finished(new CallEnd(Outcome.OK, Option.none(), 1, Duration.ZERO));
        guarded.purchase(signal());
        guarded.useCaseStarted(new UseCaseStart("CheckDiscountCodes", "check")).finished(Outcome.OK, Duration.ZERO);

        assertThat(failures).hasSize(3);
        assertThat(failures.get(0).first()).as("the first failure, to be logged loudly").isTrue();
        assertThat(failures.get(0).describe()).contains("IllegalStateException").contains("callStarted")
                .contains(VoucherportListenerTest.class.getName());
        assertThat(failures.subList(1, 3)).noneMatch(ListenerFailure::first);
        assertThat(failures).extracting(ListenerFailure::method).containsExactly("callStarted", "purchase", "finished");
        assertThat(failures.toString() + failures.stream().map(ListenerFailure::describe).toList())
                .doesNotContain(SECRET).doesNotContain("token");
        assertThat(logged).as("the domain logs nothing").isEmpty();
    }

    @Test
    void aHandlerThatThrowsChangesNothingAndTheFirstHandlerGivenStays() {
        java.util.function.Consumer<ListenerFailure> failing = failure -> {
            throw new IllegalStateException("handler down");
        };
        VoucherportListener guarded = VoucherportListener.guarded(throwing(new IllegalStateException("x")), failing);
        guarded.purchase(signal());
        assertThat(VoucherportListener.guarded(guarded, failing)).as("idempotent for the same handler").isSameAs(guarded);
        assertThat(VoucherportListener.guarded(guarded, onFailure)).as("a handler of its own stays").isSameAs(guarded);
        assertThat(VoucherportListener.guarded(guarded)).isSameAs(guarded);

        VoucherportListener silent = VoucherportListener.guarded(throwing(new IllegalStateException("y")));
        silent.purchase(signal());
        assertThat(failures).as("guarded without a handler: dropped").isEmpty();
        VoucherportListener.guarded(silent, onFailure).purchase(signal());
        assertThat(failures).as("a silent guard takes the caller's handler").singleElement()
                .extracting(ListenerFailure::first).isEqualTo(true);
        assertThat(VoucherportListener.guarded(VoucherportListener.none(), onFailure)).isSameAs(VoucherportListener.none());
        assertThat(logged).isEmpty();
    }

    @Test
    void aCompositesListenersReportToTheHandlerItIsGuardedWith() {
        Recording a = new Recording("a");
        List<ListenerFailure> own = new ArrayList<>();
        VoucherportListener ownHandler = VoucherportListener.guarded(throwing(new IllegalArgumentException("z")), own::add);
        VoucherportListener composite = VoucherportListener.composite(
                throwing(new IllegalStateException(SECRET)), a, ownHandler);
        VoucherportListener guarded = VoucherportListener.guarded(composite, onFailure);
        guarded.purchase(signal());
        guarded.purchase(signal());
        assertThat(a.heard).containsExactly("a purchase PLACED", "a purchase PLACED");
        assertThat(failures).extracting(ListenerFailure::exception)
                .containsExactly(IllegalStateException.class.getName(), IllegalStateException.class.getName());
        assertThat(failures).extracting(ListenerFailure::first).containsExactly(true, false);
        assertThat(own).as("a listener guarded with its own handler keeps it").hasSize(2)
                .allMatch(f -> f.exception().equals(IllegalArgumentException.class.getName()));
        composite.purchase(signal());
        assertThat(failures).as("the composite itself is silent").hasSize(2);
    }

    @Test
    void aStackOverflowInAListenerIsSwallowedButAFailureOfTheJvmIsNot() {
        VoucherportListener overflowing = new VoucherportListener() {
            @Override
            public void purchase(PurchaseSignal signal) {
                throw new StackOverflowError();
            }
        };
        VoucherportListener.guarded(overflowing, onFailure).purchase(signal());
        assertThat(failures).singleElement().extracting(ListenerFailure::exception).asString()
                .contains("StackOverflowError");

        VoucherportListener dying = new VoucherportListener() {
            @Override
            public void purchase(PurchaseSignal signal) {
                throw new OutOfMemoryError("simulated");
            }
        };
        assertThatThrownBy(() -> VoucherportListener.guarded(dying, onFailure).purchase(signal()))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void nullHandlesAreNoOpsAndGuardingIsIdempotent() {
        VoucherportListener nulls = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                return null;
            }

            @Override
            public UseCaseObservation useCaseStarted(UseCaseStart start) {
                return null;
            }
        };
        VoucherportListener guarded = VoucherportListener.guarded(nulls, onFailure);
        assertThat(guarded.callStarted(start())).isSameAs(CallObservation.NONE);
        assertThat(guarded.useCaseStarted(new UseCaseStart("u", "o"))).isSameAs(UseCaseObservation.NONE);
        assertThat(VoucherportListener.guarded(guarded)).isSameAs(guarded);
        assertThat(VoucherportListener.guarded(VoucherportListener.none())).isSameAs(VoucherportListener.none());
        assertThat(VoucherportListener.none().callStarted(start())).isSameAs(CallObservation.NONE);
        assertThat(logged).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void aCompositeTellsEveryListenerInOrderAndClosesInReverseEvenWhenOneThrows() {
        Recording a = new Recording("a");
        Recording b = new Recording("b");
        List<String> order = new ArrayList<>();
        VoucherportListener composite = VoucherportListener.composite(a, throwing(new IllegalStateException("boom")), b);
        CallObservation handle = composite.callStarted(start());
        handle.attempt(new AttemptEnd(1, "Unavailable", Option.some(503), Duration.ofMillis(3),
                Option.some(Duration.ofMillis(100))));
        handle.attempt(new AttemptEnd(2, Outcome.OK, Option.some(200), Duration.ofMillis(2), Option.none()));
        handle.finished(new CallEnd(Outcome.OK, Option.some(200), 2, Duration.ofMillis(105)));
        composite.purchase(signal());
        order.addAll(a.heard);
        assertThat(a.heard).containsExactly("a started catalog", "a attempt 1 Unavailable", "a attempt 2 ok",
                "a finished ok", "a purchase PLACED");
        assertThat(b.heard).containsExactly("b started catalog", "b attempt 1 Unavailable", "b attempt 2 ok",
                "b finished ok", "b purchase PLACED");
        assertThat(VoucherportListener.composite(List.of(a))).isInstanceOf(GuardedListener.class);
        assertThatThrownBy(() -> VoucherportListener.composite(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompositeEndsNestedHandlesInReverseOrder() {
        List<String> ended = new ArrayList<>();
        VoucherportListener first = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                return new CallObservation() {
                    @Override
                    public void finished(CallEnd end) {
                        ended.add("first");
                    }
                };
            }
        };
        VoucherportListener second = new VoucherportListener() {
            @Override
            public CallObservation callStarted(CallStart start) {
                return new CallObservation() {
                    @Override
                    public void finished(CallEnd end) {
                        ended.add("second");
                    }
                };
            }
        };
        VoucherportListener.composite(first, second).callStarted(start())
                .finished(new CallEnd(Outcome.OK, Option.none(), 1, Duration.ZERO));
        assertThat(ended).containsExactly("second", "first");
    }

    @Test
    void aUseCaseIsToldItsOutcomeAndAThrowingOneIsToldTheExceptionsType() {
        Recording heard = new Recording("r");
        Either<ProviderFailure, String> result = UseCaseObservation.around(heard, new UseCaseStart("U", "check"),
                () -> Either.left(new ProviderFailure.NotFound(FailureDetails.of("p", "no such code"))), Outcome::of);
        assertThat(result.getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
        assertThatThrownBy(() -> UseCaseObservation.around(heard, new UseCaseStart("U", "issue"), () -> {
            throw new IllegalArgumentException("bad pattern");
        }, x -> Outcome.OK)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad pattern");
        String kept = UseCaseObservation.around(heard, new UseCaseStart("U", "odd"), () -> "value", x -> {
            throw new IllegalStateException("cannot name it");
        });
        assertThat(kept).isEqualTo("value");
        assertThat(heard.heard).containsExactly("r use case check", "r use case ended NotFound",
                "r use case issue", "r use case ended IllegalArgumentException", "r use case odd", "r use case ended unknown");
    }

    @Test
    void eventsValidateAndOutcomesNameOnlyTheFailureType() {
        ProviderFailure failure = new ProviderFailure.OutcomeUnknown(FailureDetails.of("ez", "timeout with " + SECRET));
        assertThat(Outcome.of(failure)).isEqualTo("OutcomeUnknown");
        assertThat(Outcome.of(Either.right("x"))).isEqualTo(Outcome.OK);
        assertThat(new PurchaseSignal("ez", PurchaseSignal.Stage.DELIVERED, "none", Duration.ofSeconds(-3),
                OrderReference.of("vp-2")).sinceOpened()).isEqualTo(Duration.ZERO);
        assertThat(PurchaseSignal.Stage.PENDING.endsRun()).isTrue();
        assertThat(PurchaseSignal.Stage.PLACED.endsRun()).isFalse();
        assertThatThrownBy(() -> new CallStart("ez", " ", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptEnd(0, Outcome.OK, Option.none(), Duration.ZERO, Option.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallEnd(Outcome.OK, null, 1, Duration.ZERO)).isInstanceOf(NullPointerException.class);
    }
}
