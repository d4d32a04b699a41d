package io.voucherport.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void keepsTheExactDecimalSent() {
        Money m = Money.of("9.75", "USD");
        assertThat(m.amount()).isEqualByComparingTo("9.75");
        assertThat(m.amount().scale()).isEqualTo(2);
        assertThat(m).hasToString("9.75 USD");
    }

    @Test
    void equalityIgnoresTrailingZeros() {
        assertThat(Money.of("9.75", "USD")).isEqualTo(Money.of("9.750", "USD"))
                .hasSameHashCodeAs(Money.of("9.750", "USD"));
        assertThat(Money.of("9.75", "USD")).isNotEqualTo(Money.of("9.75", "EUR"));
    }

    @Test
    void arithmeticWithinOneCurrency() {
        Money a = Money.of("9.75", "USD");
        assertThat(a.plus(Money.of("0.25", "USD"))).isEqualTo(Money.of("10", "USD"));
        assertThat(a.minus(Money.of("0.75", "USD"))).isEqualTo(Money.of("9", "USD"));
        assertThat(a.times(3)).isEqualTo(Money.of("29.25", "USD"));
        assertThat(a.compareTo(Money.of("10", "USD"))).isNegative();
        assertThat(Money.zero(CurrencyCode.of("USD")).isZero()).isTrue();
    }

    @Test
    void refusesArithmeticAcrossCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .hasMessage("cannot add amounts of different currencies: USD and EUR");
        assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "EUR")))
                .hasMessageContaining("cannot compare");
    }

    @Test
    void refusesNegativeResultsAndAmounts() {
        assertThatThrownBy(() -> Money.of("-0.01", "USD")).hasMessage("amount must not be negative but was -0.01");
        assertThatThrownBy(() -> Money.of("1", "USD").minus(Money.of("2", "USD")))
                .hasMessageContaining("result would be negative");
        assertThatThrownBy(() -> Money.of("1", "USD").times(0)).hasMessageContaining("quantity must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1,5", "NaN", "1e"})
    void refusesNonNumbers(String amount) {
        assertThatThrownBy(() -> Money.of(amount, "USD")).hasMessageStartingWith("amount must be a decimal number");
    }

    @Test
    void refusesAbsurdPrecision() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1".repeat(40)), CurrencyCode.of("USD")))
                .hasMessageContaining("at most 34 digits");
    }

    @ParameterizedTest
    @CsvSource({"134.119, EUR, 134.11", "1000.99, IRT, 1000", "0.999, JPY, 0", "5.1299, KWD, 5.129"})
    void roundsDownToTheCurrencysScale(String amount, String currency, String expected) {
        Money rounded = Money.of(amount, currency).rounded(RoundingMode.DOWN);
        assertThat(rounded.amount()).isEqualByComparingTo(expected);
        assertThat(rounded.amount().scale()).isEqualTo(CurrencyCode.of(currency).fractionDigits());
    }
}
