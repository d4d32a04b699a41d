package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @CsvSource({
        "2025-01-02T03:04:05Z, 2025-01-02T03:04:05Z",
        "2025-01-02T03:04:05.1Z, 2025-01-02T03:04:05.100Z",
        "2025-01-02T03:04:05.123Z, 2025-01-02T03:04:05.123Z",
        "2025-01-02T03:04:05.123456Z, 2025-01-02T03:04:05.123456Z",
        "2025-01-02T03:04:05.123456789Z, 2025-01-02T03:04:05.123456789Z",
        "2025-01-02T03:04:05+05:30, 2025-01-01T21:34:05Z",
        "2025-01-02T03:04:05-08:00, 2025-01-02T11:04:05Z",
        "2025-01-02T03:04:05.250+01:00, 2025-01-02T02:04:05.250Z",
        "2025-01-02T03:04:05+00:00, 2025-01-02T03:04:05Z",
        "2025-01-02T03:04:05-00:00, 2025-01-02T03:04:05Z",
        "2025-01-02T03:04:05+18:00, 2025-01-01T09:04:05Z",
        "2025-01-02T03:04:05.123456789+01:00, 2025-01-02T02:04:05.123456789Z",
        "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
        "2025-01-02T03:04:05.5, 2025-01-02T03:04:05.500Z",
        "2025-01-02 03:04:05.5, 2025-01-02T03:04:05.500Z",
        "'  2025-01-02T03:04:05Z  ', 2025-01-02T03:04:05Z"
    })
    void readsTheCommonShapesDirectly(String text, String expected) {
        assertThat(Timestamps.fast(text.strip(), ZoneId.of("UTC"))).isEqualTo(Instant.parse(expected));
        assertThat(Timestamps.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2023-10-17T24:00:00Z", "2023-10-17T09:60:00Z",
        "2023-10-17T09:00:60Z", "2023-13-17T09:00:00Z", "2023-10-17T09:00:00+19:00", "2023-10-17T09:00:00+05:75",
        "2023-10-17T09:00:00.1234567891Z", "2023-10-17T09:00:00,5Z", "2023-10-17T09:00:00Zjunk", "2023-1a-17T09:00:00Z",
        "2023-10-17X09:00:00Z", "2023-10-17 09:00:00Z", "2023-10-17 09:00:00+01:00", "2023-10-17T09:00:00+0100",
        "2023-10-17T09:00:00 Z", "\u0662\u0660\u0662\u0663-10-17T09:00:00Z", "2023-10-17T09:00:00+01:00:00x",
        "2023/10/17T09:00:00Z", "not a timestamp at all!"})
    void garbageIsLeftToTheGeneralPathAndStaysUnread(String text) {
        assertThat(Timestamps.fast(text, ZoneId.of("UTC"))).isNull();
        assertThat(Timestamps.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-10-17T09:00:00+01:00:30", "2023-10-17t09:00:00z", "2023-10-17T09:00Z",
        "2023-10-17T09:00:00.Z", "2023-10-17 09:00:00."})
    void shapesOutsideTheDirectPathAreReadAsBefore(String text) {
        assertThat(Timestamps.fast(text, ZoneId.of("UTC"))).isNull();
        assertThat(Timestamps.parse(text)).isEqualTo(Timestamps.general(text, ZoneId.of("UTC")));
        assertThat(Timestamps.parse(text)).isNotEmpty();
    }

    @Test
    void theDirectPathAgreesWithTheGeneralOneOnRandomTimestamps() {
        Random random = new Random(17);
        ZoneId[] zones = {ZoneId.of("UTC"), ZoneOffset.ofHours(3), ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin")};
        String[] patterns = {"yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
            "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SS"};
        for (int i = 0; i < 5_000; i++) {
            long seconds = random.nextLong() % 4_000_000_000L + 2_000_000_000L;
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 18 * 4) * 15 * 60);
            OffsetDateTime time = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000)).atOffset(offset);
            String text = time.format(DateTimeFormatter.ofPattern(patterns[random.nextInt(patterns.length)]));
            ZoneId zone = zones[random.nextInt(zones.length)];
            Instant fast = Timestamps.fast(text, zone);
            assertThat(fast).as(text).isNotNull();
            assertThat(Option.of(fast)).as(text + " in " + zone).isEqualTo(Timestamps.general(text, zone));
        }
    }
}
