package io.voucherport.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {

    @ParameterizedTest
    @CsvSource({"USD, 2", "EUR, 2", "JPY, 0", "KWD, 3", "IRT, 0", "XYZ, 2", "XAU, 2"})
    void knowsFractionDigitsIncludingNonIsoCodes(String code, int digits) {
        assertThat(CurrencyCode.of(code).fractionDigits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "USDT", "U$D", "", " USD"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> CurrencyCode.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("currency code must be three upper-case letters");
    }

    @Test
    void shortensAbsurdInputInTheMessage() {
        assertThatThrownBy(() -> CurrencyCode.of("X".repeat(10_000))).hasMessageEndingWith("XXXXXXXXXXXX…'");
    }

    @Test
    void exchangeRateMustBePositive() {
        CurrencyCode usd = CurrencyCode.of("USD");
        CurrencyCode cad = CurrencyCode.of("CAD");
        assertThat(new ExchangeRate(usd, cad, new BigDecimal("0.00001263583522870862"), Option.none()).rate())
                .isEqualByComparingTo("0.00001263583522870862");
        assertThatThrownBy(() -> new ExchangeRate(usd, cad, BigDecimal.ZERO, Option.none()))
                .hasMessage("rate must be positive but was 0");
    }
}
