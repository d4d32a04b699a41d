package io.voucherport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {

    @Test
    void textNamesTheFieldInEveryRefusal() {
        assertThatThrownBy(() -> Require.text(null, "sku")).isInstanceOf(NullPointerException.class)
                .hasMessage("sku is required but was null");
        assertThatThrownBy(() -> Require.text("  ", "sku")).hasMessage("sku must not be blank");
        assertThatThrownBy(() -> Require.text("a".repeat(257), "sku"))
                .hasMessage("sku must be at most 256 characters but has 257");
        assertThatThrownBy(() -> Require.text("a\nb", "sku")).hasMessage("sku must not contain control characters");
        assertThat(Require.text("a b", "sku")).isEqualTo("a b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "a\\b", "..", "."})
    void identifiersRefusePathTraversal(String id) {
        assertThatThrownBy(() -> Require.identifier(id, "order id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("order id must not");
    }

    @Test
    void identifiersMayNeedUrlEncodingButStayAccepted() {
        assertThat(Require.identifier("a b?c#d", "id")).isEqualTo("a b?c#d");
    }

    @Test
    void numbers() {
        assertThatThrownBy(() -> Require.positive(0, "quantity")).hasMessage("quantity must be at least 1 but was 0");
        assertThatThrownBy(() -> Require.notNegative(-1, "count")).hasMessage("count must not be negative but was -1");
        assertThat(Require.notNegative(0, "count")).isZero();
    }
}
