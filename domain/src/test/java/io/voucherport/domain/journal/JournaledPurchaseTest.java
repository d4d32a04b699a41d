package io.voucherport.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of "never buy twice", read from a purchase's events alone. */
class JournaledPurchaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private static JournaledPurchase purchase() {
        return JournaledPurchase.open("ez", OrderRequest.of(OrderReference.of("vp-1"), OrderLine.of("SKU", 1)), T0);
    }

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aNewPurchaseMayBePlacedAndBoughtNothing() {
        assertThat(purchase().mayPlace()).isTrue();
        assertThat(purchase().provablyNothingBought()).isTrue();
        assertThat(purchase().doubtSince()).isEmpty();
    }

    @Test
    void aPlacementInFlightIsADoubtUntilItsOutcomeIsKnown() {
        JournaledPurchase sent = purchase().with(new PurchaseEvent.Sent("ez", t(1)));
        assertThat(sent.doubtSince()).contains(t(1));
        assertThat(sent.mayPlace()).isFalse();
        assertThat(sent.everInDoubt()).isTrue();
        assertThatThrownBy(() -> sent.with(new PurchaseEvent.Sent("ez", t(2)))).isInstanceOf(IllegalStateException.class);

        JournaledPurchase refused = sent.with(new PurchaseEvent.Refused("ez", "RateLimited", true, true, "429", t(2)));
        assertThat(refused.doubtSince()).isEmpty();
        assertThat(refused.mayPlace()).isTrue();
        assertThat(refused.provablyNothingBought()).isTrue();
    }

    @Test
    void oneEmptyLookupNeverProvesAbsenceNorDoLookupsBeforeTheSettleTime() {
        JournaledPurchase p = purchase().with(new PurchaseEvent.Sent("ez", t(0)))
                .with(new PurchaseEvent.OutcomeUnknown("ez", "timeout", t(1)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(40)));
        assertThat(p.absenceProven(SETTLE)).as("one empty answer, however late").isFalse();

        JournaledPurchase early = purchase().with(new PurchaseEvent.Sent("ez", t(0)))
                .with(new PurchaseEvent.OutcomeUnknown("ez", "timeout", t(1)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(2)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(20)));
        assertThat(early.absenceProven(SETTLE)).as("all within the settle time").isFalse();

        JournaledPurchase proven = early.with(new PurchaseEvent.LookedUp("ez", Option.none(), t(31)));
        assertThat(proven.absenceProven(SETTLE)).isTrue();
        assertThat(proven.mayPlace()).as("not before it is journaled").isFalse();
        JournaledPurchase settled = proven.with(new PurchaseEvent.AbsenceProven("ez", 3, t(31)));
        assertThat(settled.mayPlace()).isTrue();
        assertThat(settled.provablyNothingBought()).as("doubt, once, is never forgotten").isFalse();
        assertThat(settled.everInDoubt()).isTrue();
    }

    @Test
    void aCrashBetweenSendingAndTheOutcomeIsADoubtFromTheSendingOn() {
        JournaledPurchase crashed = purchase().with(new PurchaseEvent.Sent("ez", t(5)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(100)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(101)));
        assertThat(crashed.doubtSince()).contains(t(5));
        assertThat(crashed.absenceProven(SETTLE)).isTrue();
    }

    @Test
    void aRefusalAfterADoubtDoesNotClearTheDoubt() {
        JournaledPurchase p = purchase().with(new PurchaseEvent.Sent("ez", t(0)))
                .with(new PurchaseEvent.OutcomeUnknown("ez", "timeout", t(1)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(2)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(40)))
                .with(new PurchaseEvent.AbsenceProven("ez", 2, t(40)))
                .with(new PurchaseEvent.Sent("ez", t(41)))
                .with(new PurchaseEvent.Refused("ez", "InsufficientFunds", true, false, "funds", t(42)));
        assertThat(p.provablyNothingBought()).isFalse();
        assertThatThrownBy(() -> p.with(new PurchaseEvent.Rerouted("gifthub", p.request(), t(43))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKnownOrderEndsTheDoubtAndForbidsAnotherPlacement() {
        JournaledPurchase p = purchase().with(new PurchaseEvent.Sent("ez", t(0)))
                .with(new PurchaseEvent.OutcomeUnknown("ez", "timeout", t(1)))
                .with(new PurchaseEvent.LookedUp("ez", Option.some(SupplierOrderId.of("o-1")), t(2)));
        assertThat(p.orderId()).contains(SupplierOrderId.of("o-1"));
        assertThat(p.doubtSince()).isEmpty();
        assertThat(p.mayPlace()).isFalse();
        assertThat(p.provablyNothingBought()).isFalse();
    }

    @Test
    void aRerouteNeedsProofThatNothingWasBoughtAndKeepsTheReference() {
        JournaledPurchase refused = purchase().with(new PurchaseEvent.Sent("ez", t(0)))
                .with(new PurchaseEvent.Refused("ez", "NotFound", true, false, "unknown sku", t(1)))
                .with(new PurchaseEvent.Failed("refused", false, t(1)));
        assertThat(refused.status()).isEqualTo(PurchaseStatus.FAILED);

        OrderRequest elsewhere = OrderRequest.of(OrderReference.of("vp-1"), OrderLine.of("OTHER", 1));
        JournaledPurchase moved = refused.with(new PurchaseEvent.Rerouted("gifthub", elsewhere, t(2)));
        assertThat(moved.status()).isEqualTo(PurchaseStatus.OPEN);
        assertThat(moved.supplier()).isEqualTo("gifthub");
        assertThat(moved.request()).isEqualTo(elsewhere);
        assertThat(moved.placements()).isZero();
        assertThatThrownBy(() -> refused.with(new PurchaseEvent.Rerouted("gifthub",
                OrderRequest.of(OrderReference.of("vp-2"), OrderLine.of("OTHER", 1)), t(2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndedPurchaseTakesNoMoreEvents() {
        JournaledPurchase delivered = purchase().with(new PurchaseEvent.Sent("ez", t(0)))
                .with(new PurchaseEvent.Accepted("ez", SupplierOrderId.of("o-1"), t(1)))
                .with(new PurchaseEvent.Delivered(SupplierOrderId.of("o-1"), 1, t(2)));
        assertThat(delivered.status()).isEqualTo(PurchaseStatus.DELIVERED);
        assertThatThrownBy(() -> delivered.with(new PurchaseEvent.LookedUp("ez", Option.none(), t(3))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delivered.with(new PurchaseEvent.Rerouted("gifthub", delivered.request(), t(3))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookupsJournaledBeforeTheDoubtNeverCountEvenAtTheSameInstant() {
        JournaledPurchase p = purchase().with(new PurchaseEvent.Sent("ez", t(0)))
                .with(new PurchaseEvent.OutcomeUnknown("ez", "timeout", t(0)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(40)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(41)))
                .with(new PurchaseEvent.AbsenceProven("ez", 2, t(41)))
                .with(new PurchaseEvent.Sent("ez", t(41)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), t(100)));
        assertThat(p.emptyLookupsSinceDoubt()).isEqualTo(1);
        assertThat(p.absenceProven(SETTLE)).as("one lookup after the second placement, however late").isFalse();
    }
}
