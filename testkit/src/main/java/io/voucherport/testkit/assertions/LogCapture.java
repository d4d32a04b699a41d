package io.voucherport.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures everything logged through {@code java.util.logging} (where the JDK's
 * {@code System.Logger}, and so every Voucherport adapter, logs by default) with every logger at
 * its most verbose level, for tests that prove secrets never reach a log. Register it with
 * {@code @RegisterExtension} on an instance field: it captures around each test.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

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

    @Override
    public void beforeEach(ExtensionContext context) {
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root.removeHandler(handler);
        root.setLevel(previous);
    }

    /** Everything captured so far, one record per line. */
    public String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /**
     * Asserts that no secret appears in the captured logs nor in any of {@code texts} (failure
     * messages, {@code toString}s). Secrets shorter than 6 characters are refused as too likely to
     * match by chance.
     */
    public void assertNoneOf(Collection<String> secrets, Collection<String> texts) {
        String logged = text();
        assertThat(logged).as("nothing was captured: is logging on?").isNotBlank();
        for (String secret : secrets) {
            assertThat(secret).as("a secret to look for").hasSizeGreaterThanOrEqualTo(6);
            assertThat(logged).as("the logs").doesNotContain(secret);
            for (String text : texts) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
