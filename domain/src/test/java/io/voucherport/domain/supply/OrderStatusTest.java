package io.voucherport.domain.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    @ParameterizedTest
    @EnumSource(value = OrderStatus.Known.class, names = {"CREATED", "CONFIRMED", "PROCESSING"})
    void inFlightStatusesAreNotTerminal(OrderStatus.Known status) {
        assertThat(status.isTerminal()).isFalse();
        assertThat(status.mayHaveCodes()).isFalse();
    }

    @Test
    void endStatusesAreTerminalAndOnlySuccessesHaveCodes() {
        EnumSet<OrderStatus.Known> terminal = EnumSet.of(OrderStatus.Known.COMPLETED,
                OrderStatus.Known.PARTIALLY_COMPLETED, OrderStatus.Known.FAILED, OrderStatus.Known.REJECTED,
                OrderStatus.Known.CANCELLED, OrderStatus.Known.EXPIRED);
        for (OrderStatus.Known s : OrderStatus.Known.values()) {
            assertThat(s.isTerminal()).as(s.name()).isEqualTo(terminal.contains(s));
        }
        assertThat(OrderStatus.COMPLETED.mayHaveCodes()).isTrue();
        assertThat(OrderStatus.PARTIALLY_COMPLETED.mayHaveCodes()).isTrue();
        assertThat(OrderStatus.FAILED.mayHaveCodes()).isFalse();
    }

    @Test
    void unknownKeepsTheRawValueAndIsNotTerminal() {
        OrderStatus status = new OrderStatus.Unknown("ON_HOLD");
        assertThat(status.isTerminal()).isFalse();
        assertThat(status).isEqualTo(new OrderStatus.Unknown("ON_HOLD")).hasToString("Unknown[raw=ON_HOLD]");
    }
}
