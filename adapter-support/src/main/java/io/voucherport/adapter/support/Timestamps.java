package io.voucherport.adapter.support;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Tolerant reading of the timestamps providers send. */
public final class Timestamps {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {
    }

    /**
     * Reads ISO-8601 instants and offset date-times, zone-less date-times ({@code 2022-06-17T07:48:29}
     * or {@code 2022-06-17 07:48:29}) and plain dates in {@code zone}, and epoch seconds or
     * milliseconds; none for blank or unreadable text.
     */
    public static Option<Instant> parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Option.none();
        }
        String t = text.strip();
        try {
            return Option.some(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException notOffset) {
            // try the next shape
        }
        try {
            return Option.some(LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant());
        } catch (DateTimeParseException notLocal) {
            // try the next shape
        }
        try {
            return Option.some(LocalDateTime.parse(t, SPACED).atZone(zone).toInstant());
        } catch (DateTimeParseException notSpaced) {
            // try the next shape
        }
        try {
            return Option.some(LocalDate.parse(t).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException notDate) {
            // try the next shape
        }
        if (t.matches("\\d{9,13}")) {
            long n = Long.parseLong(t);
            return Option.some(t.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
        }
        return Option.none();
    }

    /** {@link #parse(String, ZoneId)} in UTC. */
    public static Option<Instant> parse(String text) {
        return parse(text, ZoneId.of("UTC"));
    }
}
