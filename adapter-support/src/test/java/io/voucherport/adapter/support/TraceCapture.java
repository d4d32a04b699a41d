package io.voucherport.adapter.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every logger at TRACE into one in-memory Logback appender, for tests proving that no logger — ours,
 * Feign's or HttpClient's — ever sees a secret; {@link #close} restores the root level and detaches.
 */
final class TraceCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root;
    private final Level rootLevel;

    private TraceCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
    }

    /** Starts capturing every logger at TRACE. */
    static TraceCapture everything() {
        return new TraceCapture();
    }

    /** The events captured so far, in order. */
    List<ILoggingEvent> events() {
        return captured.list;
    }

    @Override
    public void close() {
        root.setLevel(rootLevel);
        root.detachAppender(captured);
        captured.stop();
    }
}
