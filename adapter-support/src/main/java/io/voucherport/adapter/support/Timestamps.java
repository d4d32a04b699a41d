package io.voucherport.adapter.support;

import io.vavr.control.Option;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;

/**
 * Tolerant reading of the timestamps providers send. The shapes providers send most
 * ({@code 2025-01-02T03:04:05Z}, with a fraction of up to nine digits, with a {@code ±HH:MM} offset,
 * or zone-less with a {@code T} or a space) are read directly, without a {@link DateTimeFormatter};
 * everything else, and anything the direct reading does not accept, takes the general path, so
 * both give the same answer for every text. Thread-safe.
 */
public final class Timestamps {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** {@code 10^(9 - digits)}: a fraction of {@code digits} digits in nanoseconds. */
    private static final int[] NANO_SCALE = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
        100, 10, 1};

    private Timestamps() {
    }

    /**
     * Reads ISO-8601 instants and offset date-times, zone-less date-times ({@code 2022-06-17T07:48:29}
     * or {@code 2022-06-17 07:48:29}) and plain dates in {@code zone}, and epoch seconds or
     * milliseconds; none for blank or unreadable text.
     *
     * @param text the timestamp as the provider sent it, possibly null or blank
     * @param zone the zone of zone-less date-times and plain dates, not null
     * @return the instant, or none when the text is blank or cannot be read (never thrown)
     */
    public static Option<Instant> parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Option.none();
        }
        String t = text.strip();
        Instant fast = fast(t, zone);
        return fast != null ? Option.some(fast) : general(t, zone);
    }

    /**
     * {@link #parse(String, ZoneId)} in UTC.
     *
     * @param text the timestamp as the provider sent it, possibly null or blank
     * @return the instant, or none when the text is blank or cannot be read (never thrown)
     */
    public static Option<Instant> parse(String text) {
        return parse(text, UTC);
    }

    /**
     * The common shapes, read character by character: {@code yyyy-MM-ddTHH:mm:ss}, then an
     * optional fraction of 1 to 9 digits, then {@code Z}, {@code ±HH:MM} or (with {@code T} or a
     * space between date and time) nothing, in {@code zone}. Null for anything else, and for any
     * field out of range: the general path decides those.
     */
    static Instant fast(String t, ZoneId zone) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        char separator = t.charAt(10);
        if (separator != 'T' && separator != ' ') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (at < n && t.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 10 && t.charAt(at) >= '0' && t.charAt(at) <= '9') {
                at++;
            }
            int count = at - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nano = digits(t, start, count) * NANO_SCALE[count];
        }
        long local;
        try {
            local = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        } catch (DateTimeException outOfRange) {
            return null;
        }
        if (at == n) {
            return inZone(local, nano, zone, year, month, day, hour, minute, second);
        }
        if (separator != 'T') {
            return null;
        }
        char sign = t.charAt(at);
        if (sign == 'Z' && at + 1 == n) {
            return Instant.ofEpochSecond(local, nano);
        }
        if ((sign == '+' || sign == '-') && at + 6 == n && t.charAt(at + 3) == ':') {
            int offsetHours = digits(t, at + 1, 2);
            int offsetMinutes = digits(t, at + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 18 || offsetMinutes > 59
                    || offsetHours == 18 && offsetMinutes > 0) {
                return null;
            }
            int offset = (offsetHours * 3_600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
            return Instant.ofEpochSecond(local - offset, nano);
        }
        return null;
    }

    /** A zone-less date-time in {@code zone}: arithmetic for a fixed offset, the zone's rules otherwise. */
    private static Instant inZone(long local, int nano, ZoneId zone, int year, int month, int day, int hour, int minute,
            int second) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return Instant.ofEpochSecond(local - rules.getOffset(Instant.EPOCH).getTotalSeconds(), nano);
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nano).atZone(zone).toInstant();
    }

    /** The {@code count} ASCII digits at {@code from} as a number, or -1 when one is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Every shape, through {@link DateTimeFormatter}s: the tolerant path. */
    static Option<Instant> general(String t, ZoneId zone) {
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
        if (epoch(t)) {
            long n = Long.parseLong(t);
            return Option.some(t.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
        }
        return Option.none();
    }

    /** 9 to 13 ASCII digits: epoch seconds or milliseconds. */
    private static boolean epoch(String t) {
        if (t.length() < 9 || t.length() > 13) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
