package io.voucherport.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Review: a refusal that does not prove the placement harmless must leave the purchase in doubt. */
class JournaledPurchaseReviewTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static JournaledPurchase purchase() {
        return JournaledPurchase.open("ez", OrderRequest.of(OrderReference.of("vp-1"), OrderLine.of("SKU", 1)), T0);
    }

    @Test
    void aRefusalThatIsNotProvablyHarmlessKeepsThePurchaseInDoubt() {
        // e.g. UnexpectedResponse to the placement: "may have taken effect", provablyNotApplied == false
        JournaledPurchase p = purchase().with(new PurchaseEvent.Sent("ez", T0.plusSeconds(1)))
                .with(new PurchaseEvent.Refused("ez", "UnexpectedResponse", false, false, "unreadable answer",
                        T0.plusSeconds(2)));

        assertThat(p.provablyNothingBought()).isFalse();
        assertThat(p.doubtSince().isDefined()).as("the placement may have taken effect").isTrue();
        assertThat(p.mayPlace()).as("never placed again before absence is proven").isFalse();
        assertThatThrownBy(() -> p.with(new PurchaseEvent.Sent("ez", T0.plusSeconds(3))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(p.with(new PurchaseEvent.LookedUp("ez", Option.none(), T0.plusSeconds(40)))
                .with(new PurchaseEvent.LookedUp("ez", Option.none(), T0.plusSeconds(41)))
                .absenceProven(Duration.ofSeconds(30))).as("and absence can then be proven by lookups").isTrue();
    }
}
