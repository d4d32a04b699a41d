package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "..%2F..%2Fbalances", "%2E%2E", "%2e%2E", "%252E%252E", "../x", "a/../b", "a\\..\\b",
            "x/.", "%2E%2E%2Fbalances", "a%2F%2E%2E%2Fb", "%25252E%25252E", ""})
    void textThatIsOrHoldsADotSegmentEncodedOrNotIsRefused(String text) {
        assertThat(PathSegment.encode(text, "code").getLeft()).startsWith("code must not be");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SUMMER 10/OFF?&#|SUMMER%2010%2FOFF%3F%26%23",
            "50%OFF|50%25OFF",
            "A%41|A%2541",
            "a.b..c|a.b..c",
            "...|...",
            "é|%C3%A9",
            "a+b;c|a%2Bb%3Bc"})
    void everythingElseIsOneOpaqueSegment(String text, String encoded) {
        assertThat(PathSegment.encode(text, "code").get()).isEqualTo(encoded);
    }
}
