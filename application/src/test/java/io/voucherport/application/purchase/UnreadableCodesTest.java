package io.voucherport.application.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.testkit.time.VirtualTime;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.fake.ForwardingCodeSupplier;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16: a code the supplier sent that cannot be read is missing, never delivered, and never awaited as pending. */
class UnreadableCodesTest {

    private final VirtualTime time = new VirtualTime();
    private final InMemoryCodeSupplier memory = new InMemoryCodeSupplier(time.clock())
            .product("GAME-10", "10.00", "USD", 10).balance("1000", "USD").pollsToComplete(1);

    /** The in-memory supplier, with the first {@code unreadable} codes of every answer unreadable and, after them, {@code pending} codes pending. */
    private BuyCodes buyer(int unreadable, int pending) {
        ForwardingCodeSupplier spoiling = new ForwardingCodeSupplier(memory) {
            @Override
            public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
                return super.fetchCodes(id).map(codes -> new OrderCodes(codes.orderId(), codes.skus().stream()
                        .map(s -> spoil(s, unreadable, pending)).toList()));
            }
        };
        return BuyCodes.builder("mem", spoiling, new InMemoryPurchaseJournal()).waiting(VirtualWaiting.of(time)).build();
    }

    private static SkuCodes spoil(SkuCodes sku, int unreadable, int pending) {
        List<DeliveredCode> codes = new ArrayList<>();
        for (int i = 0; i < sku.codes().size(); i++) {
            codes.add(i < unreadable ? DeliveredCode.unreadable(Option.some("stock-" + (i + 1)))
                    : i < unreadable + pending ? DeliveredCode.pending(Option.some("stock-" + (i + 1)))
                    : sku.codes().get(i));
        }
        return new SkuCodes(sku.sku(), sku.ordered(), codes, sku.instructions());
    }

    private static OrderRequest request(int quantity) {
        return BuyCodes.prepare(List.of(OrderLine.of("GAME-10", quantity)), Option.none());
    }

    @Test
    void aPaidOrderWithAnUnreadableCodeEndsPartiallyDeliveredAtOnceNamingItsStockId() {
        PurchaseResult result = buyer(1, 0).buy(request(3));

        assertThat(result).isInstanceOf(PurchaseResult.PartiallyDelivered.class);
        PurchaseResult.PartiallyDelivered partial = (PurchaseResult.PartiallyDelivered) result;
        assertThat(partial.missing()).isEqualTo(Map.of(Sku.of("GAME-10"), 1));
        assertThat(partial.codes().delivered()).as("an unreadable code is never delivered").hasSize(2);
        assertThat(partial.unreadable()).singleElement().satisfies(code -> {
            assertThat(code.status()).isEqualTo(CodeStatus.UNREADABLE);
            assertThat(code.stockId()).contains("stock-1");
            assertThat(code.redemption()).isEmpty();
        });
        assertThat(memory.calls(InMemoryCodeSupplier.Operation.FETCH_CODES)).as("not awaited as if pending")
                .isEqualTo(1);
        assertThat(memory.calls(InMemoryCodeSupplier.Operation.PLACE)).isEqualTo(1);
    }

    @Test
    void anInstantCodeThatIsUnreadableIsPartiallyDeliveredNeverDeliveredAndNotAwaited() {
        PurchaseResult result = buyer(1, 0).buy(request(1));

        PurchaseResult.PartiallyDelivered partial = (PurchaseResult.PartiallyDelivered) result;
        assertThat(partial.codes().delivered()).isEmpty();
        assertThat(partial.missing()).isEqualTo(Map.of(Sku.of("GAME-10"), 1));
        assertThat(partial.unreadable()).extracting(c -> c.stockId().get()).containsExactly("stock-1");
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void aCodeStillPendingBesideAnUnreadableOneIsAwaited() {
        PurchaseResult result = buyer(1, 1).buy(request(3));

        assertThat(result).as("the pending code may still come: waited for until the deadline")
                .isInstanceOf(PurchaseResult.Pending.class);
        assertThat(time.waits()).isNotEmpty();
    }
}
