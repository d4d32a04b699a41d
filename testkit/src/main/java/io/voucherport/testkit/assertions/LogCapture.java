package io.voucherport.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures everything Voucherport logs with every logger at its most verbose level, for tests that
 * prove secrets never reach a log. Register it with {@code @RegisterExtension} on an instance
 * field: it captures around each test.
 *
 * <p>Voucherport logs through SLF4J 2, so what is captured depends on the SLF4J provider on the
 * test class path: with Logback (the common choice, and what the library's own tests use) an
 * appender on the root logger sees every logger switched to {@code TRACE}; with
 * {@code slf4j-jdk14} (SLF4J to {@code java.util.logging}) a handler on the root
 * {@code java.util.logging} logger switched to {@code ALL} sees it. {@code java.util.logging} (and
 * so the JDK's {@code System.Logger}) is captured in either case. With no provider SLF4J logs
 * nothing, nothing is captured, and {@link #assertNoneOf} fails instead of passing vacuously.
 * Logback is an optional dependency of the testkit: bring it in test scope to capture through it.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private final List<String> lines = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(record.getMessage());
                if (record.getThrown() != null) {
                    lines.add(String.valueOf(record.getThrown()));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;
    private LogbackTap logback;

    /** A capture, idle until a test starts. */
    public LogCapture() {
    }

    /**
     * Switches every logger to its most verbose level and starts capturing.
     *
     * @param context the test about to run
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        if (LOGBACK_CONTEXT.equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            logback = new LogbackTap(lines);
            logback.start();
        }
    }

    /**
     * Stops capturing and restores every logger's level; what was captured stays readable.
     *
     * @param context the test that ran
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (logback != null) {
            logback.stop();
            logback = null;
        }
        root.removeHandler(handler);
        root.setLevel(previous);
    }

    /**
     * Everything captured so far, one record per line (a throwable as its class and message).
     *
     * @return the captured text, empty if nothing was logged
     */
    public String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /**
     * Asserts that no secret appears in the captured logs nor in any of {@code texts} (failure
     * messages, {@code toString}s). Secrets shorter than 6 characters are refused as too likely to
     * match by chance.
     *
     * @param secrets the secrets to look for, each at least 6 characters
     * @param texts other texts that must not contain them
     * @throws AssertionError if nothing was captured, a secret is too short, or one appears
     */
    public void assertNoneOf(Collection<String> secrets, Collection<String> texts) {
        String logged = text();
        assertThat(logged).as("nothing was captured: is logging on (an SLF4J provider such as Logback on the test"
                + " class path)?").isNotBlank();
        for (String secret : secrets) {
            assertThat(secret).as("a secret to look for").hasSizeGreaterThanOrEqualTo(6);
            assertThat(logged).as("the logs").doesNotContain(secret);
            for (String text : texts) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    /** The Logback side: an appender on the root logger, every logger at TRACE while it runs. */
    private static final class LogbackTap {
        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final Map<ch.qos.logback.classic.Logger, ch.qos.logback.classic.Level> levels = new IdentityHashMap<>();
        private final AppenderBase<ILoggingEvent> appender;

        LogbackTap(List<String> lines) {
            this.appender = new AppenderBase<>() {
                @Override
                protected void append(ILoggingEvent event) {
                    synchronized (lines) {
                        lines.add(String.valueOf(event.getFormattedMessage()));
                        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                            lines.add(t.getClassName() + ": " + t.getMessage());
                        }
                    }
                }
            };
        }

        void start() {
            for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
                levels.put(logger, logger.getLevel());
                logger.setLevel(ch.qos.logback.classic.Level.TRACE);
            }
            appender.setContext(context);
            appender.setName("voucherport-log-capture");
            appender.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        }

        void stop() {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
            levels.forEach(ch.qos.logback.classic.Logger::setLevel);
            levels.clear();
        }
    }
}
