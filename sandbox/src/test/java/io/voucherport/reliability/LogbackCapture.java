package io.voucherport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Everything logged through SLF4J into Logback — Voucherport's own output (the library logs
 * through SLF4J 2), Feign's lines,
 * HttpClient 5's {@code org.apache.hc.client5.http.wire} and {@code .headers} loggers, Jetty,
 * WireMock — with <em>every</em> logger at {@code TRACE} while {@link #start() started}.
 *
 * <p>Memory stays bounded whatever is logged: each event is checked on arrival against the
 * {@link #watch watched} secrets (a leak is recorded with the logger's name), and at most
 * {@code keep} characters of text are kept for {@link #text()} ({@link #complete()} tells whether
 * any text was dropped). Thread-safe.
 */
final class LogbackCapture {

    /** Text kept by default for {@link #text()}; later events are still checked for secrets and counted. */
    static final long KEPT_CHARS = 16L * 1024 * 1024;
    /** HttpClient 5's wire and header loggers: must be captured at TRACE too. */
    static final List<String> HC5_LOGGERS = List.of("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

    /**
     * One captured event, in short.
     *
     * @param logger the logger's name
     * @param level the event's level
     * @param text the formatted message and any throwable's classes and messages
     */
    record Line(String logger, Level level, String text) {
    }

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<Logger, Level> previous = new IdentityHashMap<>();
    private final List<Line> lines = new ArrayList<>();
    private final Set<String> leaks = new LinkedHashSet<>();
    private List<String> secrets = List.of();
    private final long keep;
    private long keptChars;
    private long events;
    private long dropped;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String text = text(event);
            synchronized (lines) {
                events++;
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        leaks.add(event.getLoggerName() + " " + event.getLevel() + " logged the secret " + describe(secret));
                    }
                }
                if (keptChars + text.length() <= keep) {
                    keptChars += text.length();
                    lines.add(new Line(event.getLoggerName(), event.getLevel(), text));
                } else {
                    dropped++;
                }
            }
        }
    };

    /** A capture keeping {@link #KEPT_CHARS} characters of text. */
    LogbackCapture() {
        this(KEPT_CHARS);
    }

    /** A capture keeping at most {@code keep} characters of text. */
    LogbackCapture(long keep) {
        this.keep = keep;
    }

    /** Switches every logger to {@code TRACE} and captures into memory until {@link #stop()}. */
    void start() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (String name : HC5_LOGGERS) {
            context.getLogger(name);   // exists before the loop, so its level is set explicitly too
        }
        for (Logger logger : context.getLoggerList()) {
            previous.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        appender.setContext(context);
        appender.setName("capture");
        appender.start();
        root.addAppender(appender);
    }

    /** Restores every logger's level and stops capturing. */
    void stop() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        previous.forEach(Logger::setLevel);
        previous.clear();
    }

    /** Forgets what was captured and watches for {@code watched} from now on (each at least 6 characters). */
    void watch(Collection<String> watched) {
        for (String secret : watched) {
            assertThat(secret).as("a secret to look for").hasSizeGreaterThanOrEqualTo(6);
        }
        synchronized (lines) {
            secrets = List.copyOf(new LinkedHashSet<>(watched));
            lines.clear();
            leaks.clear();
            keptChars = 0;
            events = 0;
            dropped = 0;
        }
    }

    /** Where a watched secret was logged since {@link #watch}, one entry per logger, level and secret. */
    List<String> leaks() {
        synchronized (lines) {
            return List.copyOf(leaks);
        }
    }

    /** How many events arrived since {@link #watch}. */
    long events() {
        synchronized (lines) {
            return events;
        }
    }

    /** Whether every event since {@link #watch} was kept in full for {@link #text()}. */
    boolean complete() {
        synchronized (lines) {
            return dropped == 0;
        }
    }

    /** The kept lines that {@code test} accepts. */
    List<Line> lines(Predicate<Line> test) {
        synchronized (lines) {
            return lines.stream().filter(test).toList();
        }
    }

    /** The kept text, one event per line. */
    String text() {
        synchronized (lines) {
            StringBuilder all = new StringBuilder();
            for (Line line : lines) {
                all.append(line.text()).append('\n');
            }
            return all.toString();
        }
    }

    /** A secret named without showing it: its length and first two characters. */
    static String describe(String secret) {
        return "(" + secret.length() + " chars, starting " + secret.substring(0, 2) + "…)";
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
