package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.application.discount.CheckDiscountCodes;
import io.voucherport.application.promotion.CodePattern;
import io.voucherport.application.promotion.ManagePromotionCodes;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.observe.PurchaseSignal;
import io.voucherport.domain.observe.PurchaseSignal.Stage;
import io.voucherport.domain.observe.UseCaseObservation;
import io.voucherport.domain.observe.UseCaseStart;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier.Operation;
import io.voucherport.testkit.fake.InMemoryDiscounts;
import io.voucherport.testkit.fake.InMemoryPromotionCodes;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import io.voucherport.testkit.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The use cases tell their listener each purchase step and operation, and a failing listener changes nothing. */
class PurchaseSignalsTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final VirtualTime time = new VirtualTime();
    private final InMemoryPurchaseJournal journal = new InMemoryPurchaseJournal();
    private final List<PurchaseSignal> signals = Collections.synchronizedList(new ArrayList<>());
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private final VoucherportListener recording = new VoucherportListener() {
        @Override
        public void purchase(PurchaseSignal signal) {
            signals.add(signal);
        }

        @Override
        public UseCaseObservation useCaseStarted(UseCaseStart start) {
            return (outcome, latency) -> operations.add(start.useCase() + " " + start.operation() + " " + outcome);
        }
    };
    private final VoucherportListener throwing = new VoucherportListener() {
        @Override
        public void purchase(PurchaseSignal signal) {
            throw new IllegalStateException("listener down");
        }

        @Override
        public UseCaseObservation useCaseStarted(UseCaseStart start) {
            throw new IllegalStateException("listener down");
        }
    };
    private InMemoryCodeSupplier supplier;

    @BeforeEach
    void setUp() {
        supplier = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 5).balance("1000", "USD");
    }

    private BuyCodes buyer(VoucherportListener listener) {
        return BuyCodes.builder("mem", supplier, journal).waiting(VirtualWaiting.of(time)).owner("a")
                .settleTime(SETTLE).listener(listener).build();
    }

    private static OrderRequest request() {
        return BuyCodes.prepare(List.of(OrderLine.of("GAME-10", 1)), Option.none());
    }

    private List<Stage> stages() {
        return signals.stream().map(PurchaseSignal::stage).toList();
    }

    @Test
    void aCleanPurchaseIsPlacedThenDelivered() {
        OrderRequest request = request();
        assertThat(buyer(VoucherportListener.composite(throwing, recording)).buy(request))
                .isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(stages()).containsExactly(Stage.PLACED, Stage.DELIVERED);
        assertThat(signals).allSatisfy(s -> {
            assertThat(s.supplier()).isEqualTo("mem");
            assertThat(s.reference()).isEqualTo(request.reference());
            assertThat(s.detail()).isEqualTo(PurchaseSignal.NO_DETAIL);
        });
    }

    @Test
    void anUnknownOutcomeIsLookedUpUntilAbsenceIsProvenThenPlacedAgain() {
        supplier.failNext(Operation.PLACE, new ProviderFailure.OutcomeUnknown(FailureDetails.of("mem", "timeout")));
        assertThat(buyer(recording).buy(request())).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(stages()).startsWith(Stage.OUTCOME_UNKNOWN, Stage.LOOKED_UP)
                .containsSubsequence(Stage.ABSENCE_PROVEN, Stage.PLACED, Stage.DELIVERED);
        assertThat(signals.get(0).detail()).isEqualTo("OutcomeUnknown");
        assertThat(signals.get(1).detail()).isEqualTo("absent");
        PurchaseSignal delivered = signals.get(signals.size() - 1);
        assertThat(delivered.sinceOpened()).as("in the use case's (virtual) clock").isGreaterThanOrEqualTo(SETTLE);
    }

    @Test
    void aThrowingListenerChangesNoPurchase() {
        supplier.failNext(Operation.PLACE, new ProviderFailure.OutcomeUnknown(FailureDetails.of("mem", "timeout")));
        OrderRequest request = request();
        PurchaseResult result = buyer(throwing).buy(request);
        assertThat(result).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);
    }

    @Test
    void aPurchaseLeftPendingIsToldAndRecoveryTellsItTookItOver() {
        BuyCodes buy = BuyCodes.builder("mem", supplier, journal).waiting(VirtualWaiting.of(time)).owner("a")
                .policy(PollingPolicy.DEFAULT.deadline(Duration.ofSeconds(5))).settleTime(SETTLE)
                .recheckAfter(Duration.ZERO).listener(recording).build();
        supplier.failNext(Operation.PLACE, new ProviderFailure.OutcomeUnknown(FailureDetails.of("mem", "timeout")));
        assertThat(buy.buy(request())).isInstanceOf(PurchaseResult.Pending.class);
        assertThat(stages()).endsWith(Stage.PENDING);
        assertThat(signals.get(signals.size() - 1).detail()).isEqualTo("deadline");

        signals.clear();
        time.advance(SETTLE.plusMinutes(5));
        List<PurchaseResult> recovered = new RecoverPurchases(journal, List.of(buy), VirtualWaiting.of(time),
                Duration.ofMinutes(2), "recovery").runOnce();
        assertThat(recovered).singleElement().isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(stages()).startsWith(Stage.RECOVERED).endsWith(Stage.DELIVERED);
    }

    @Test
    void aRoutedPurchaseTellsTheRefusalAndTheReroute() {
        InMemoryCodeSupplier other = new InMemoryCodeSupplier(time.clock()).product("GAME-10", "10.00", "USD", 5)
                .balance("1000", "USD");
        supplier.failNext(Operation.PLACE, new ProviderFailure.InsufficientFunds(FailureDetails.of("mem", "no funds")));
        BuyFromSuppliers directory = BuyFromSuppliers.builder(journal, PollingPolicy.DEFAULT, VirtualWaiting.of(time))
                .listener(recording).supplier("first", supplier).supplier("second", other, Map.of()).build();
        BuyFromSuppliers.Routed routed = directory.buy(OrderReference.generate(), List.of(OrderLine.of("GAME-10", 1)),
                Option.none(), List.of("first", "second"));
        assertThat(routed.supplier()).isEqualTo("second");
        assertThat(signals).extracting(s -> s.supplier() + " " + s.stage() + " " + s.detail()).containsExactly(
                "first REFUSED InsufficientFunds", "first FAILED InsufficientFunds", "second REROUTED none",
                "second PLACED none", "second DELIVERED none");
    }

    @Test
    void checkingAndIssuingAreToldWithTheirOutcomes() {
        CheckDiscountCodes check = new CheckDiscountCodes(new InMemoryDiscounts(10), new InMemoryDiscounts(10),
                time.clock(), recording);
        assertThat(check.check("NOPE").get()).isInstanceOf(CheckDiscountCodes.Check.Unknown.class);
        CheckDiscountCodes quiet = new CheckDiscountCodes(new InMemoryDiscounts(10), new InMemoryDiscounts(10),
                time.clock(), throwing);
        assertThat(quiet.check("NOPE").get()).isInstanceOf(CheckDiscountCodes.Check.Unknown.class);

        InMemoryPromotionCodes promotions = new InMemoryPromotionCodes(PromotionKind.STANDARD, 10, 5)
                .promotion("spring", "Spring", 0);
        ManagePromotionCodes manage = new ManagePromotionCodes(promotions, new Random(7), SETTLE,
                VirtualWaiting.of(time), recording);
        Either<ProviderFailure, ManagePromotionCodes.Issued> issued = manage.issue(PromotionId.of("spring"), 3,
                CodePattern.of("SPRING-", 14), Option.none());
        assertThat(issued.get().created()).hasSize(3);
        promotions.failNext(new ProviderFailure.Unavailable(FailureDetails.of("mem", "down"), Option.none()));
        assertThat(manage.issue(PromotionId.of("spring"), 1, CodePattern.of("SPRING-", 14), Option.none()).isLeft())
                .isTrue();
        assertThat(operations).containsExactly("CheckDiscountCodes check unknown", "ManagePromotionCodes issue ok",
                "ManagePromotionCodes issue Unavailable");
    }
}
