package io.voucherport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vavr.control.Option;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrderId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values a hostile provider (or caller) may send: refused cheaply, never printed in full. */
class HostileValuesTest {

    private static final Duration CHEAP = Duration.ofSeconds(5);
    private static final CurrencyCode USD = CurrencyCode.of("USD");

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fbalances", "%2e%2e", "%2E%2E%2Fx", "a%2Fb", "50%", "..", ".", "a/b", "a\\b",
            "../x", "a\u0000b"})
    void everyIdThatGoesIntoAPathRefusesWhatCouldChangeThePath(String hostile) {
        List<Function<String, Object>> ids = List.of(SupplierOrderId::of, PromotionId::of, JobId::of,
                PriceRuleId::of, DiscountCodeId::of);
        for (Function<String, Object> id : ids) {
            assertThatThrownBy(() -> id.apply(hostile)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not");
        }
        assertThatThrownBy(() -> Require.identifier(hostile, "id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPercentSignIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> SupplierOrderId.of("..%2F..%2Fbalances"))
                .hasMessageStartingWith("supplier order id must not contain '%'");
        assertThat(Sku.of("odd|sku;with,chars")).isNotNull();
    }

    @Test
    void aBalanceOfMinusOneEToTheBillionIsRefusedCheaplyWithoutPrintingIt() {
        BigDecimal huge = new BigDecimal("-1e999999999");
        String message = assertTimeoutPreemptively(CHEAP, () -> {
            try {
                Money.of(huge, USD);
                return "accepted";
            } catch (IllegalArgumentException refused) {
                return refused.getMessage();
            }
        });
        assertThat(message).startsWith("amount must have at most 100 digits").hasSizeLessThan(300);
        assertThatThrownBy(() -> Money.of("1e-999999999", "USD")).hasMessageContaining("scale 999999999");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e101"), USD)).hasMessageContaining("scale -101");
        assertThat(Money.of(new BigDecimal("1e100"), USD).toString()).hasSize(101 + 4);
    }

    @Test
    void everyDecimalFromOutsideIsBoundedBeforeItIsPrintedOrComputedWith() {
        BigDecimal tiny = new BigDecimal("1e-99999");
        assertTimeoutPreemptively(CHEAP, () -> {
            assertThatThrownBy(() -> new ExchangeRate(USD, CurrencyCode.of("EUR"), tiny, Option.none()))
                    .hasMessageStartingWith("rate must have at most");
            assertThatThrownBy(() -> new ExchangeRate(USD, CurrencyCode.of("EUR"), tiny.negate(), Option.none()))
                    .hasMessageStartingWith("rate must have at most");
            assertThatThrownBy(() -> new DiscountValue.Percentage(tiny)).hasMessageStartingWith("percent must have");
            assertThatThrownBy(() -> new DiscountValue.FixedAmount(new BigDecimal("-1e999999999")))
                    .hasMessageStartingWith("amount must have");
            assertThatThrownBy(() -> new ProductValue.Ranged(Money.of("1", "USD"), Money.of("100", "USD"),
                    Option.some(tiny))).hasMessageStartingWith("step must have");
            assertThatThrownBy(() -> Require.decimal(new BigDecimal("1".repeat(101)), "n"))
                    .hasMessage("n must have at most 100 digits and a scale of at most 100 either way, but has 101"
                            + " digits and scale 0");
        });
    }

    @Test
    void rangeArithmeticAtTheBoundsStaysCheap() {
        ProductValue.Ranged range = new ProductValue.Ranged(Money.of(new BigDecimal("1e-100"), USD),
                Money.of(new BigDecimal("9e+100"), USD), Option.some(new BigDecimal("1e-100")));
        assertThat(assertTimeoutPreemptively(CHEAP, () -> {
            boolean all = true;
            for (int i = 0; i < 10_000; i++) {
                all &= range.accepts(Money.of(new BigDecimal("8e+100"), USD));
            }
            return all;
        })).isTrue();
    }
}
