package io.voucherport.domain.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void rangedValuesAcceptValuesOnTheirSteps() {
        ProductValue range = new ProductValue.Ranged(Money.of("10", "EUR"), Money.of("100", "EUR"),
                Option.some(new BigDecimal("5")));
        assertThat(range.accepts(Money.of("25", "EUR"))).isTrue();
        assertThat(range.accepts(Money.of("26", "EUR"))).isFalse();
        assertThat(range.accepts(Money.of("105", "EUR"))).isFalse();
        assertThat(range.accepts(Money.of("25", "USD"))).isFalse();
        assertThat(new ProductValue.Fixed(Money.of("10", "EUR")).accepts(Money.of("10.00", "EUR"))).isTrue();
    }

    @Test
    void rangesMustBeOrderedWithPositiveSteps() {
        assertThatThrownBy(() -> new ProductValue.Ranged(Money.of("100", "EUR"), Money.of("10", "EUR"), Option.none()))
                .hasMessage("min 100 EUR must not exceed max 10 EUR");
        assertThatThrownBy(() -> new ProductValue.Ranged(Money.of("10", "EUR"), Money.of("100", "USD"), Option.none()))
                .hasMessageContaining("different currencies");
        assertThatThrownBy(() -> new ProductValue.Ranged(Money.of("1", "EUR"), Money.of("2", "EUR"),
                Option.some(BigDecimal.ZERO))).hasMessage("step must be positive but was 0");
    }

    @Test
    void productsPickThePriceTierForAQuantity() {
        Product product = new Product(Sku.of("A"), "Gift card", new ProductValue.Fixed(Money.of("10", "USD")),
                List.of(new PriceTier(10, Money.of("9.50", "USD")), new PriceTier(1, Money.of("9.75", "USD"))),
                true, Option.some("US"));
        assertThat(product.tierFor(1).map(PriceTier::unitPrice)).contains(Money.of("9.75", "USD"));
        assertThat(product.tierFor(50).map(PriceTier::unitPrice)).contains(Money.of("9.50", "USD"));
        assertThatThrownBy(() -> new PriceTier(0, Money.of("1", "USD"))).hasMessageContaining("min quantity");
    }

    @Test
    void balancesKeepOneCurrency() {
        assertThat(Balance.of(Money.of("10000.00", "USD")).currency().code()).isEqualTo("USD");
        assertThatThrownBy(() -> new Balance(Money.of("1", "USD"), Option.some(Money.of("1", "EUR")), Option.none()))
                .hasMessage("balance amounts must share the currency USD but one is in EUR");
    }
}
