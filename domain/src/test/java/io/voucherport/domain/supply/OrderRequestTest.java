package io.voucherport.domain.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

    private static final OrderReference REF = OrderReference.of("ref-1");

    @Test
    void aValidRequest() {
        OrderRequest request = OrderRequest.of(REF, List.of(OrderLine.of("A", 2), OrderLine.of("B", 3)));
        assertThat(request.totalQuantity()).isEqualTo(5);
        assertThat(request.settlementCurrency()).isEqualTo(Option.none());
    }

    @Test
    void linesAreCopied() {
        List<OrderLine> lines = new ArrayList<>(List.of(OrderLine.of("A", 1)));
        OrderRequest request = OrderRequest.of(REF, lines);
        lines.add(OrderLine.of("B", 1));
        assertThat(request.lines()).hasSize(1);
    }

    @Test
    void refusesEmptyDuplicateAndTooManyLines() {
        assertThatThrownBy(() -> OrderRequest.of(REF, List.of()))
                .hasMessage("lines must hold at least one order line");
        assertThatThrownBy(() -> OrderRequest.of(REF, List.of(OrderLine.of("A", 1), OrderLine.of("A", 2))))
                .hasMessage("lines must name each SKU once but A appears twice");
        List<OrderLine> many = IntStream.range(0, 101).mapToObj(i -> OrderLine.of("S" + i, 1)).toList();
        assertThatThrownBy(() -> OrderRequest.of(REF, many))
                .hasMessage("lines must hold at most 100 order lines but has 101");
        assertThatThrownBy(() -> OrderRequest.of(null, List.of(OrderLine.of("A", 1))))
                .isInstanceOf(NullPointerException.class).hasMessage("reference is required but was null");
    }

    @Test
    void linesRefuseBadQuantitiesSkusAndFaceValues() {
        assertThatThrownBy(() -> OrderLine.of("A", 0)).hasMessage("quantity must be at least 1 but was 0");
        assertThatThrownBy(() -> OrderLine.of("A", -5)).hasMessage("quantity must be at least 1 but was -5");
        assertThatThrownBy(() -> OrderLine.of("A", 10_001)).hasMessage("quantity must be at most 10000 but was 10001");
        assertThatThrownBy(() -> OrderLine.of(" ", 1)).hasMessage("sku must not be blank");
        assertThatThrownBy(() -> OrderLine.of("../etc", 1)).hasMessageStartingWith("sku must not contain");
        assertThatThrownBy(() -> new OrderLine(Sku.of("A"), 1, Option.some(Money.of("0", "USD"))))
                .hasMessage("face value must be positive but was 0 USD");
    }

    @Test
    void referencesAreBoundedAndGeneratedUnique() {
        assertThatThrownBy(() -> OrderReference.of("")).hasMessage("order reference must not be blank");
        assertThatThrownBy(() -> OrderReference.of("r".repeat(65)))
                .hasMessage("order reference must be at most 64 characters but has 65");
        assertThat(OrderReference.of("Test Referance").value()).isEqualTo("Test Referance");
        assertThat(OrderReference.generate()).isNotEqualTo(OrderReference.generate());
        assertThat(OrderReference.generate().value()).startsWith("vp-").hasSize(39);
    }
}
