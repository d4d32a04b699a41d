package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EzStatusesTest {

    @ParameterizedTest
    @CsvSource({"PROCESSING, PROCESSING", "COMPLETED, COMPLETED", "CANCELLED, CANCELLED", "completed, COMPLETED",
            "' Processing ', PROCESSING", "CANCELED, CANCELLED"})
    void mapsEveryDocumentedOrderStatus(String raw, OrderStatus.Known expected) {
        assertThat(EzStatuses.orderStatus(raw)).isEqualTo(expected);
    }

    @Test
    void keepsUnknownOrderStatusesRaw() {
        assertThat(EzStatuses.orderStatus("ON_HOLD")).isEqualTo(new OrderStatus.Unknown("ON_HOLD"));
        assertThat(EzStatuses.orderStatus(null)).isEqualTo(new OrderStatus.Unknown(""));
        assertThat(EzStatuses.orderStatus("ON_HOLD").isTerminal()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETED, DELIVERED", "PROCESSING, PENDING", "SOMETHING_NEW, PENDING", "'', PENDING"})
    void codeStatuses(String raw, CodeStatus expected) {
        assertThat(EzStatuses.codeStatus(raw)).isEqualTo(expected);
    }
}
