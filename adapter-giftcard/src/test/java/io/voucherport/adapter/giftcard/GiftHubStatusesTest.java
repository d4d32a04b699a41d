package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.supply.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GiftHubStatesTest {

    @ParameterizedTest
    @CsvSource({"created, CREATED", "confirmed, CONFIRMED", "processing, PROCESSING", "successful, COMPLETED",
            "partial, PARTIALLY_COMPLETED", "failed, FAILED", "rejected, REJECTED", "expired, EXPIRED",
            "SUCCESSFUL, COMPLETED"})
    void mapsEveryDocumentedState(String raw, OrderStatus.Known expected) {
        assertThat(GiftHubStates.orderStatus(raw)).isEqualTo(expected);
    }

    @Test
    void keepsUnknownStatesRawAndNotTerminal() {
        assertThat(GiftHubStates.orderStatus("queued")).isEqualTo(new OrderStatus.Unknown("queued"));
        assertThat(GiftHubStates.orderStatus("queued").isTerminal()).isFalse();
    }
}
