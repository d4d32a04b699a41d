package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2023-10-17T09:00:00Z, 2023-10-17T09:00:00Z",
        "2023-06-20T15:30:00+02:00, 2023-06-20T13:30:00Z",
        "2022-06-17 07:48:29, 2022-06-17T07:48:29Z",
        "2022-06-17T07:48:29, 2022-06-17T07:48:29Z",
        "2022-06-17, 2022-06-17T00:00:00Z",
        "1713718950, 2024-04-21T17:02:30Z",
        "1713718950921, 2024-04-21T17:02:30.921Z"
    })
    void readsEveryShapeProvidersSend(String text, String expected) {
        assertThat(Timestamps.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "yesterday", "2022-13-45"})
    void unreadableIsNone(String text) {
        assertThat(Timestamps.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2022-06-17 07:48:29, Asia/Shanghai, 2022-06-16T23:48:29Z"})
    void zoneLessTimesAreReadInTheGivenZone(String text, String zone, String expected) {
        assertThat(Timestamps.parse(text, ZoneId.of(zone))).contains(Instant.parse(expected));
    }
}
