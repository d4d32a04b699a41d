package io.voucherport.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryCodeSupplierTest {

    @Test
    void processingOrdersCompleteOnceTheirTimeHasPassedOnTheSuppliersClock() {
        ManualClock clock = new ManualClock();
        InMemoryCodeSupplier supplier = new InMemoryCodeSupplier(clock).product("LATER-5", "5", "USD", 0)
                .completeAfter(Duration.ofSeconds(10));
        SupplierOrder order = supplier.place(OrderRequest.of(OrderReference.of("r-1"), OrderLine.of("LATER-5", 2))).get();
        assertThat(order.status()).isEqualTo(OrderStatus.PROCESSING);

        clock.advance(Duration.ofMillis(9_999));
        assertThat(supplier.findOrder(order.id()).get().status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(supplier.fetchCodes(order.id()).get().isComplete()).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(supplier.findOrder(order.id()).get().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(supplier.fetchCodes(order.id()).get().delivered()).hasSize(2);
    }

    @Test
    void refusesANegativeDelay() {
        assertThatThrownBy(() -> new InMemoryCodeSupplier().completeAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
