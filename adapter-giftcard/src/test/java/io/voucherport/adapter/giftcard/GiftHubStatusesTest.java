package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.supply.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GiftHubStatusesTest {

    @ParameterizedTest
    @CsvSource({"created, CREATED", "confirmed, CONFIRMED", "processing, PROCESSING", "successful, COMPLETED",
            "partial, PARTIALLY_COMPLETED", "failed, FAILED", "rejected, REJECTED", "expired, EXPIRED",
            "SUCCESSFUL, COMPLETED"})
    void mapsEveryDocumentedState(String raw, OrderStatus.Known expected) {
        assertThat(GiftHubStatuses.orderStatus(raw)).isEqualTo(expected);
    }

    @Test
    void keepsUnknownStatesRawAndNotTerminal() {
        assertThat(GiftHubStatuses.orderStatus("queued")).isEqualTo(new OrderStatus.Unknown("queued"));
        assertThat(GiftHubStatuses.orderStatus("queued").isTerminal()).isFalse();
    }
}
