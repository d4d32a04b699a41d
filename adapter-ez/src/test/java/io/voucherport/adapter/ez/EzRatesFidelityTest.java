package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.ez.EzSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: EZ's Get Exchange Rates answer reaches the caller in full, its
 * {@code productCurrencies} included. The payload is written from EZ's fact sheet
 * ({@code ez-cards.md}: {@code data = {updatedAt, productCurrencies[], rates: [{pair, base, quote,
 * rate: "1.4102"}]}}), fed through the simulator's rewrite hook.
 */
class EzRatesFidelityTest {

    private static final String RATES = """
            {"requestId": "c4c7b997-79a5-4bde-9f17-47ad7eac9ed4", "data": {"updatedAt": "2024-04-21T16:22:30Z",
             "productCurrencies": ["USD", "CAD", "eur"],
             "rates": [{"pair": "USDCAD", "base": "USD", "quote": "CAD", "rate": "1.4102"},
                       {"pair": "GBPEUR", "base": "GBP", "quote": "EUR", "rate": "1.1687"}]}}""";

    private EzSimulator ez;
    private EzCardsSupplier supplier;

    @BeforeEach
    void start() {
        ez = EzSimulator.create().withSampleData();
        ez.start();
        supplier = EzCardsSupplier.builder().baseUrl(ez.baseUrl()).apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        supplier.close();
        ez.close();
    }

    /** EZ answers the exchange rates once with {@code body} instead of its own answer. */
    private void answer(String body) {
        ez.inject(Endpoint.GET_EXCHANGE_RATES, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(?s)\\A.*\\z\u0000" + Matcher.quoteReplacement(body)));
    }

    @Test
    void theProductCurrenciesReachTheCallerBesideTheRates() {
        answer(RATES);

        EzRates rates = supplier.rates(List.of(Map.entry(CurrencyCode.of("USD"), CurrencyCode.of("CAD")),
                Map.entry(CurrencyCode.of("GBP"), CurrencyCode.of("EUR")))).get();

        assertThat(rates.productCurrencies()).containsExactly(CurrencyCode.of("USD"), CurrencyCode.of("CAD"),
                CurrencyCode.of("EUR"));
        assertThat(rates.updatedAt()).contains(Instant.parse("2024-04-21T16:22:30Z"));
        assertThat(rates.rates()).hasSize(2).first().satisfies(r -> {
            assertThat(r.base()).isEqualTo(CurrencyCode.of("USD"));
            assertThat(r.quote()).isEqualTo(CurrencyCode.of("CAD"));
            assertThat(r.rate()).isEqualByComparingTo("1.4102");
            assertThat(r.asOf()).contains(Instant.parse("2024-04-21T16:22:30Z"));
        });
    }

    @Test
    void theExchangeRatesAreTheRatesOfTheSameAnswer() {
        answer(RATES);
        EzRates full = supplier.rates(List.of()).get();
        answer(RATES);
        assertThat(supplier.exchangeRates(List.of()).get()).isEqualTo(full.rates());
    }

    @Test
    void aProductCurrencyThatIsNoCurrencyCodeIsNeverLeftOut() {
        answer(RATES.replace("\"eur\"", "\"Euro\""));

        ProviderFailure failure = supplier.rates(List.of()).getLeft();

        assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(failure.message()).contains("product currency");
    }
}
