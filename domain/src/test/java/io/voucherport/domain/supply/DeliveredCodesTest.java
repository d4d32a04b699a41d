package io.voucherport.domain.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import io.voucherport.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveredCodesTest {

    private static final DeliveredCode DELIVERED =
            DeliveredCode.delivered(Secret.of("CODE-1"), Option.some(Secret.of("0012")), Option.some("1"));
    private static final DeliveredCode PENDING = DeliveredCode.pending(Option.some("2"));

    @Test
    void pendingCodesCarryNoSecretsAndDeliveredOnesCarryOne() {
        assertThatThrownBy(() -> new DeliveredCode(CodeStatus.DELIVERED, Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none(), Option.none()))
                .hasMessage("a delivered code must carry a code, a PIN or a redeem link");
        assertThatThrownBy(() -> new DeliveredCode(CodeStatus.PENDING, Option.some(Secret.of("X")), Option.none(),
                Option.none(), Option.none(), Option.none(), Option.none()))
                .hasMessage("a pending code must not carry secret parts");
        DeliveredCode linkOnly = new DeliveredCode(CodeStatus.DELIVERED, Option.none(), Option.none(), Option.none(),
                Option.some(Secret.of("https://r.example/x")), Option.some(Instant.EPOCH), Option.none());
        assertThat(linkOnly.isDelivered()).isTrue();
    }

    @Test
    void partialDeliveryTellsWhatIsMissing() {
        OrderCodes codes = new OrderCodes(SupplierOrderId.of("t-1"), List.of(
                new SkuCodes(Sku.of("A"), 3, List.of(DELIVERED, PENDING)),
                new SkuCodes(Sku.of("B"), 1, List.of(DELIVERED))));
        assertThat(codes.delivered()).hasSize(2);
        assertThat(codes.isComplete()).isFalse();
        assertThat(codes.shortfall()).isEqualTo(Map.of(Sku.of("A"), 2));
    }

    @Test
    void completeDelivery() {
        OrderCodes codes = new OrderCodes(SupplierOrderId.of("t-1"),
                List.of(new SkuCodes(Sku.of("A"), 1, List.of(DELIVERED))));
        assertThat(codes.isComplete()).isTrue();
        assertThat(codes.shortfall()).isEmpty();
    }

    @Test
    void orderedLinesKeepOneCurrency() {
        assertThatThrownBy(() -> new OrderedLine(Sku.of("A"), 1, Option.some(Money.of("1", "USD")),
                Option.some(Money.of("1", "EUR")), OrderStatus.COMPLETED))
                .hasMessage("total price must be in the unit price's currency USD but was in EUR");
    }

    @Test
    void supplierOrderSumsItsLines() {
        SupplierOrder order = new SupplierOrder(SupplierOrderId.of("t-1"), Option.some(OrderReference.of("r")),
                OrderStatus.PROCESSING, List.of(
                        new OrderedLine(Sku.of("A"), 2, Option.none(), Option.none(), OrderStatus.PROCESSING),
                        new OrderedLine(Sku.of("B"), 3, Option.none(), Option.none(), OrderStatus.PROCESSING)),
                Option.none(), Option.none());
        assertThat(order.totalQuantity()).isEqualTo(5);
    }

    @Test
    void theOneThingToShowTheCustomerIsTheSameWhateverTheSupplier() {
        Secret code = Secret.of("CODE-0001");
        Secret pin = Secret.of("PIN-0001");
        Secret link = Secret.of("https://redeem.example/x");
        DeliveredCode codeAndPin = DeliveredCode.delivered(code, Option.some(pin), Option.none());
        assertThat(codeAndPin.redemption().get()).isEqualTo(new DeliveredCode.Redemption(code, Option.some(pin),
                Option.none()));
        DeliveredCode pinOnly = new DeliveredCode(CodeStatus.DELIVERED, Option.none(), Option.some(pin), Option.none(),
                Option.none(), Option.none(), Option.none());
        assertThat(pinOnly.redemption().get().primary()).as("a card whose only secret is a PIN is redeemed with it")
                .isEqualTo(pin);
        DeliveredCode linkOnly = new DeliveredCode(CodeStatus.DELIVERED, Option.none(), Option.none(), Option.none(),
                Option.some(link), Option.none(), Option.none());
        assertThat(linkOnly.redemption().get().primary()).isEqualTo(link);
        assertThat(DeliveredCode.pending(Option.some("s-1")).redemption()).isEmpty();
    }

    @Test
    void anUnreadableCodeIsMissingNeverDeliveredAndKeepsItsStockId() {
        DeliveredCode unreadable = DeliveredCode.unreadable(Option.some("stock-7"));
        assertThat(unreadable.isDelivered()).isFalse();
        assertThat(unreadable.redemption()).isEmpty();
        SkuCodes codes = new SkuCodes(Sku.of("A"), 2, List.of(unreadable,
                DeliveredCode.delivered(Secret.of("CODE-0002"), Option.none(), Option.some("stock-8"))));
        assertThat(codes.delivered()).hasSize(1);
        assertThat(codes.unreadable()).extracting(DeliveredCode::stockId).containsExactly(Option.some("stock-7"));
        assertThat(codes.missing()).isEqualTo(1);
        assertThatThrownBy(() -> new DeliveredCode(CodeStatus.UNREADABLE, Option.some(Secret.of("CODE-0003")),
                Option.none(), Option.none(), Option.none(), Option.none(), Option.none()))
                .hasMessageContaining("unreadable code must not carry secret parts");
    }

    @Test
    void instructionsHoldingALinkAreNeverShownByToString() {
        SkuCodes codes = new SkuCodes(Sku.of("A"), 1, List.of(DELIVERED),
                Option.some("Open https://redeem.example/claim/SECRET-LINK-1 and enter the PIN"));
        assertThat(codes.instructions()).contains("Open https://redeem.example/claim/SECRET-LINK-1 and enter the PIN");
        assertThat(codes.toString()).doesNotContain("SECRET-LINK-1").contains("instructions=Some(****)");
        assertThat(new SkuCodes(Sku.of("A"), 1, List.of(DELIVERED), Option.some("Enter the code at checkout."))
                .toString()).contains("Enter the code at checkout.");
    }
}
