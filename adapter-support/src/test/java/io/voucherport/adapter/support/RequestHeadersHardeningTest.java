package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request headers hook cannot turn a read into a write: every de facto method-override header
 * (a read is retried, so a read a provider took for a {@code POST} or {@code DELETE} would be a
 * write sent more than once) is refused when the client is built, like
 * {@code X-HTTP-Method-Override}, whatever its case, {@code -} or {@code _}.
 */
class RequestHeadersHardeningTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "x-http-method", "X-Method-Override",
        "X_Method_Override"})
    void aHookMayNotBeRegisteredForAMethodOverrideHeader(String name) {
        assertThatThrownBy(() -> SharedHttpClient.builder().requestHeaders(Set.of("traceparent", name), (p, o) -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }
}
