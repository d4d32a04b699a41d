package io.voucherport.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredFormTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123456789Z");

    @Test
    void aRequestReadsBackEqualWhateverItsTextHolds() {
        OrderRequest request = new OrderRequest(OrderReference.of("ref %|;,é 東京 50%"), List.of(
                OrderLine.of("A|B;C,D%E", 3),
                new OrderLine(Sku.of("RANGE-€"), 1, Option.some(Money.of(new BigDecimal("1E+3"), CurrencyCode.of("EUR")))),
                new OrderLine(Sku.of("TENTH"), 2, Option.some(Money.of("0.10", "USD")))),
                Option.some(CurrencyCode.of("IRT")));

        String form = StoredForm.of(request);

        assertThat(form).startsWith("request/v1|").doesNotContain("\n");
        assertThat(StoredForm.request(form)).isEqualTo(request);
        assertThat(StoredForm.of(StoredForm.request(form))).isEqualTo(form);
    }

    @Test
    void theStoredFormOfARequestIsStable() {
        OrderRequest request = OrderRequest.of(OrderReference.of("vp-1"), OrderLine.of("AMZ-US-25", 2));
        assertThat(StoredForm.of(request)).isEqualTo("request/v1|vp-1||AMZ-US-25,2,,");
    }

    @Test
    void everyEventReadsBackEqual() {
        OrderRequest rerouted = OrderRequest.of(OrderReference.of("vp|2"), OrderLine.of("X;Y", 1));
        List<PurchaseEvent> events = List.of(
                new PurchaseEvent.Sent("ez", AT),
                new PurchaseEvent.Accepted("ez", SupplierOrderId.of("id|1"), AT),
                new PurchaseEvent.Refused("ez", "RateLimited", true, true, "slow | down; 100% \\n", AT),
                new PurchaseEvent.OutcomeUnknown("ez", "line one\nline two\r\t", AT),
                new PurchaseEvent.LookedUp("ez", Option.none(), AT),
                new PurchaseEvent.LookedUp("ez", Option.some(SupplierOrderId.of("o,1")), AT),
                new PurchaseEvent.AbsenceProven("ez", 3, AT),
                new PurchaseEvent.Rerouted("gift|hub", rerouted, AT),
                new PurchaseEvent.Delivered(SupplierOrderId.of("o1"), 4, AT),
                new PurchaseEvent.PartiallyDelivered(SupplierOrderId.of("o1"), 0, 2, AT),
                new PurchaseEvent.Failed("", true, AT));
        for (PurchaseEvent event : events) {
            String form = StoredForm.of(event);
            assertThat(form).doesNotContain("\n").startsWith(StoredForm.kind(event) + "/v1|");
            assertThat(StoredForm.event(form)).as(form).isEqualTo(event);
        }
    }

    @Test
    void unknownVersionsAndKindsAreRefusedNotGuessed() {
        assertThatThrownBy(() -> StoredForm.event("Sent/v2|ez|2026-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> StoredForm.event("Teleported/v1|ez|2026-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> StoredForm.request("request/v2|vp-1||A,1,,"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredForm.request("request/v1|vp-1||A,1,,%2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
