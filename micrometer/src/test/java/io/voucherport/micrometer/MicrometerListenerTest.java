package io.voucherport.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.vavr.control.Option;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.application.discount.CheckDiscountCodes;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.ez.EzSimulator.Endpoint;
import io.voucherport.testkit.fake.InMemoryDiscounts;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import io.voucherport.testkit.sim.SimFault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer listener over real calls: the EZ adapter against the testkit's EZ simulator, and
 * purchases through {@code BuyCodes}, recorded in a {@link SimpleMeterRegistry} and a
 * {@link TestObservationRegistry}.
 */
class MicrometerListenerTest {

    private static final String IN_STOCK = "8PX-UF-Y5U";

    private final EzSimulator ez = EzSimulator.create().withSampleData();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    /** Everything that must never appear in a tag: secrets, references, codes, order ids, the URL. */
    private final List<String> forbidden = new ArrayList<>();
    private EzCardsSupplier supplier;

    @BeforeEach
    void start() {
        // as a service's set-up does (Spring Boot too): the observations' timers go to the meter registry
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        ez.start();
        supplier = adapter(MicrometerListener.of(meters, observations));
        forbidden.addAll(List.of(EzSimulator.DEFAULT_API_KEY, EzSimulator.DEFAULT_BEARER_TOKEN, ez.baseUrl(),
                URI.create(ez.baseUrl()).getAuthority(), Integer.toString(ez.port())));
    }

    @AfterEach
    void stop() {
        supplier.close();
        ez.close();
    }

    private EzCardsSupplier adapter(VoucherportListener listener) {
        return EzCardsSupplier.builder()
                .baseUrl(ez.baseUrl())
                .apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .sleeper(sleeps::add)
                .listener(listener)
                .build();
    }

    private OrderRequest request() {
        OrderReference reference = OrderReference.generate();
        forbidden.add(reference.value());
        return OrderRequest.of(reference, OrderLine.of(IN_STOCK, 1));
    }

    private BuyCodes buyer() {
        return BuyCodes.builder("ez", supplier, new InMemoryPurchaseJournal())
                .policy(PollingPolicy.fixed(Duration.ofMillis(20), Duration.ofSeconds(30)))
                .waiting(Waiting.real())
                .listener(MicrometerListener.of(meters, observations))
                .build();
    }

    private void forbidCodesOf(PurchaseResult result) {
        forbidden.add(result.reference().value());
        if (result instanceof PurchaseResult.Delivered delivered) {
            forbidden.add(delivered.order().id().value());
            for (DeliveredCode code : delivered.codes().delivered()) {
                code.code().forEach(c -> forbidden.add(c.reveal()));
                code.pin().forEach(p -> forbidden.add(p.reveal()));
            }
        }
    }

    private Timer timer(String name, String... tags) {
        return meters.get(name).tags(tags).timer();
    }

    @Test
    void aRetriedReadIsTimedWithItsAttemptsAndRetryWait() {
        ez.inject(Endpoint.GET_BALANCES, SimFault.unavailable(0));
        assertThat(supplier.balances().isRight()).isTrue();

        assertThat(timer(MicrometerListener.CALL, "provider", "ez-cards", "operation", "balances", "outcome", "ok",
                "status", "2xx", "write", "false").count()).isEqualTo(1);
        assertThat(timer(MicrometerListener.ATTEMPTS, "operation", "balances", "outcome", "Unavailable",
                "status", "5xx").count()).isEqualTo(1);
        assertThat(timer(MicrometerListener.ATTEMPTS, "operation", "balances", "outcome", "ok", "status", "2xx")
                .count()).isEqualTo(1);
        Timer waits = timer(MicrometerListener.RETRY_WAITS, "operation", "balances", "outcome", "Unavailable");
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isEqualTo(sleeps.get(0).toNanos());

        TestObservationRegistryAssert.assertThat(observations)
                .hasSingleObservationThat()
                .hasNameEqualTo(MicrometerListener.CALL)
                .hasContextualNameEqualTo("ez-cards balances")
                .hasLowCardinalityKeyValue("provider", "ez-cards")
                .hasLowCardinalityKeyValue("operation", "balances")
                .hasLowCardinalityKeyValue("outcome", "ok")
                .hasLowCardinalityKeyValue("status", "2xx")
                .hasHighCardinalityKeyValue("attempts", "2")
                .doesNotHaveError()
                .hasBeenStarted()
                .hasBeenStopped();
        assertNoForbiddenTag();
    }

    @Test
    void aPlacementWithoutAnswerIsAnErrorOutcomeUnknownAndACallInsideAnotherObservationIsItsChild() {
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.badGatewayHtml());
        Observation outer = Observation.start("checkout", observations);
        Observation.Scope scope = outer.openScope();
        try {
            assertThat(supplier.place(request()).getLeft()).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        } finally {
            scope.close();
        }
        outer.stop();

        assertThat(timer(MicrometerListener.CALL, "operation", "place", "outcome", "OutcomeUnknown", "status", "5xx",
                "write", "true").count()).isEqualTo(1);
        assertThat(meters.find(MicrometerListener.RETRY_WAITS).timers()).as("a write is never retried").isEmpty();
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerListener.CALL).that()
                .hasLowCardinalityKeyValue("outcome", "OutcomeUnknown")
                .hasLowCardinalityKeyValue("write", "true")
                .hasError()
                .hasParentObservationEqualTo(outer)
                .hasBeenStopped();
        assertNoForbiddenTag();
    }

    @Test
    void aPurchaseThroughBuyCodesCountsItsStepsAndTimesItsRun() {
        BuyCodes buy = buyer();
        PurchaseResult clean = buy.buy(request());
        assertThat(clean).isInstanceOf(PurchaseResult.Delivered.class);
        forbidCodesOf(clean);

        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.commitThenDrop());
        PurchaseResult doubted = buy.buy(request());
        assertThat(doubted).isInstanceOf(PurchaseResult.Delivered.class);
        forbidCodesOf(doubted);
        assertThat(ez.orderCount()).as("never bought twice").isEqualTo(2);

        assertThat(meters.get(MicrometerListener.PURCHASE_STEPS).tags("supplier", "ez", "stage", "placed").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(MicrometerListener.PURCHASE_STEPS).tags("stage", "outcome_unknown",
                "detail", "OutcomeUnknown").counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerListener.PURCHASE_STEPS).tags("stage", "looked_up", "detail", "found")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerListener.PURCHASE_STEPS).tags("stage", "delivered").counter().count())
                .isEqualTo(2);
        assertThat(timer(MicrometerListener.PURCHASE_DURATION, "supplier", "ez", "stage", "delivered").count())
                .isEqualTo(2);
        assertThat(timer(MicrometerListener.CALL, "operation", "find order", "outcome", "ok").count()).isEqualTo(1);
        assertThat(timer(MicrometerListener.CALL, "operation", "codes", "outcome", "ok").count()).isEqualTo(2);
        TestObservationRegistryAssert.assertThat(observations)
                .forAllObservationsWithNameEqualTo(MicrometerListener.CALL, call -> call.hasLowCardinalityKeyValueWithKey("outcome"));
        assertNoForbiddenTag();
    }

    @Test
    void aUseCaseIsObservedWithItsOutcome() {
        CheckDiscountCodes check = new CheckDiscountCodes(new InMemoryDiscounts(10), new InMemoryDiscounts(10),
                Clock.systemUTC(), MicrometerListener.of(meters, observations));
        assertThat(check.check("NO-SUCH-CODE").get()).isInstanceOf(CheckDiscountCodes.Check.Unknown.class);
        forbidden.add("NO-SUCH-CODE");
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerListener.USE_CASE).that()
                .hasContextualNameEqualTo("CheckDiscountCodes check")
                .hasLowCardinalityKeyValue("use.case", "CheckDiscountCodes")
                .hasLowCardinalityKeyValue("operation", "check")
                .hasLowCardinalityKeyValue("outcome", "unknown")
                .hasBeenStopped();
        assertNoForbiddenTag();
    }

    @Test
    void theMetersOnlyListenerTimesCallsThroughItsOwnObservationRegistry() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        try (EzCardsSupplier alone = adapter(MicrometerListener.of(own))) {
            assertThat(alone.balances().isRight()).isTrue();
        }
        assertThat(own.get(MicrometerListener.CALL).tags("provider", "ez-cards", "operation", "balances",
                "outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(own.get(MicrometerListener.ATTEMPTS).tags("outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void theTagScanCatchesAReferenceInATagOrASpanAttribute() {
        OrderRequest request = request();
        meters.counter("leaky", "reference", request.reference().value()).increment();
        org.assertj.core.api.Assertions.assertThatThrownBy(this::assertNoForbiddenTag).isInstanceOf(AssertionError.class)
                .hasMessageContaining("tags holding " + request.reference().value());
        meters.clear();
        meters.counter("clean").increment();
        Observation.createNotStarted("leaky", observations)
                .highCardinalityKeyValue("reference", request.reference().value()).start().stop();
        org.assertj.core.api.Assertions.assertThatThrownBy(this::assertNoForbiddenTag).isInstanceOf(AssertionError.class)
                .hasMessageContaining("tags holding " + request.reference().value());
    }

    @Test
    void statusClassesAreLowCardinality() {
        assertThat(MicrometerListener.statusClass(Option.some(503))).isEqualTo("5xx");
        assertThat(MicrometerListener.statusClass(Option.some(204))).isEqualTo("2xx");
        assertThat(MicrometerListener.statusClass(Option.some(999))).isEqualTo("none");
        assertThat(MicrometerListener.statusClass(Option.none())).isEqualTo("none");
    }

    /** No meter's tag, and no observation's key value or name, holds anything forbidden. */
    private void assertNoForbiddenTag() {
        assertThat(forbidden).hasSizeGreaterThanOrEqualTo(5);
        List<String> tags = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            tags.add(meter.getId().getName());
            for (Tag tag : meter.getId().getTags()) {
                tags.add(tag.getKey() + "=" + tag.getValue());
            }
        }
        assertThat(tags).as("meter tags").isNotEmpty();
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            for (Observation.Context context : contexts) {
                tags.add(context.getName() + " / " + context.getContextualName());
                for (KeyValue kv : context.getAllKeyValues()) {
                    tags.add(kv.getKey() + "=" + kv.getValue());
                }
            }
        });
        for (String value : forbidden) {
            assertThat(tags).as("tags holding " + value).noneMatch(t -> t.contains(value));
        }
    }
}
