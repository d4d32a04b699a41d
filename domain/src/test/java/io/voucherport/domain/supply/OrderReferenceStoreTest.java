package io.voucherport.domain.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherport.domain.supply.OrderReferenceStore.Binding;
import org.junit.jupiter.api.Test;

/** The in-memory reference store never claims to know what it did not see. */
class OrderReferenceStoreTest {

    private final OrderReferenceStore store = OrderReferenceStore.inMemory();
    private final OrderReference reference = OrderReference.of("order-1");
    private final SupplierOrderId first = SupplierOrderId.of("gh-1");
    private final SupplierOrderId second = SupplierOrderId.of("gh-2");

    @Test
    void aReferenceItNeverBoundIsUnknownNotUnbound() {
        Binding binding = store.find(reference);
        assertThat(binding).isInstanceOf(Binding.Unknown.class);
        assertThat(((Binding.Unknown) binding).why()).contains("forgets bindings made by other processes");
    }

    @Test
    void theFirstBindingWinsAndIsFound() {
        assertThat(store.bindIfAbsent(reference, first)).isEqualTo(first);
        assertThat(store.bindIfAbsent(reference, second)).isEqualTo(first);
        assertThat(store.find(reference)).isEqualTo(new Binding.Bound(first));
    }

    @Test
    void aReleasedReferenceIsUnboundAndCanBeBoundAgain() {
        store.bindIfAbsent(reference, first);
        store.release(reference, second);
        assertThat(store.find(reference)).isEqualTo(new Binding.Bound(first));
        store.release(reference, first);
        assertThat(store.find(reference)).isEqualTo(new Binding.Unbound());
        assertThat(store.bindIfAbsent(reference, second)).isEqualTo(second);
        assertThat(store.find(reference)).isEqualTo(new Binding.Bound(second));
    }

    @Test
    void releasingAReferenceItNeverBoundProvesNothing() {
        store.release(reference, first);
        assertThat(store.find(reference)).isInstanceOf(Binding.Unknown.class);
    }

    @Test
    void bindingsValidate() {
        assertThatThrownBy(() -> new Binding.Bound(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Binding.Unknown(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.find(null)).isInstanceOf(NullPointerException.class);
    }
}
