package io.voucherport.adapter.support;

import feign.Logger;
import feign.Request;
import feign.Response;
import io.voucherport.domain.Require;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Feign's logger, writing to the SLF4J logger {@code io.voucherport.http.<provider>} at
 * {@code DEBUG} (through whatever SLF4J 2 provider the service brings: Logback, Log4j 2, …), with
 * every secret masked by a {@link Masker} at every Feign level: header values by header name, bodies through the JSON token
 * stream or field by field for a form (a body that cannot be read so is logged as its length and
 * type only, never raw), configured secret values everywhere.
 *
 * <p>Bounded: nothing is read or buffered unless a body is logged (level {@code FULL} and the
 * logger enabled for {@code DEBUG}); then at most {@code maxResponseBytes + 1} bytes of an answer
 * are read. A larger answer is handed on as what was read followed by a failure, and with a
 * declared length over the limit, so the decoder refuses it as too large without reading more; an
 * answer whose declared length is over the limit is not read at all. A read that fails is handed
 * on the same way, so the decoder sees the failure it would have seen without logging.
 *
 * <p>Never throws: anything thrown while logging (even a {@code StackOverflowError}) is swallowed
 * into a line naming only its class.
 */
public final class MaskingLogger extends Logger {

    private static final int FIRST_BUFFER = 8192;

    private final org.slf4j.Logger logger;
    private final Masker masker;
    private final int maxBytes;

    /**
     * Logs to {@code io.voucherport.http.<provider>} through {@code masker}, reading at most
     * {@code maxResponseBytes + 1} bytes of an answer to log it (the adapter's response size limit).
     *
     * @param provider the provider's name, not blank; the last part of the logger's name
     * @param masker what to mask in every line (headers, fields, secret values), not null
     * @param maxResponseBytes the most response bytes
     */
    public MaskingLogger(String provider, Masker masker, int maxResponseBytes) {
        this.logger = LoggerFactory.getLogger("io.voucherport.http." + Require.text(provider, "provider"));
        this.masker = Require.present(masker, "masker");
        this.maxBytes = Require.positive(maxResponseBytes, "max response bytes");
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (enabled()) {
            String tag = tag(configKey);
            attempt(tag, () -> write(tag + masker.mask(String.format(format, args))));
        }
    }

    @Override
    protected void logRequest(String configKey, Level level, Request request) {
        if (!enabled() || request == null) {
            return;
        }
        String tag = tag(configKey);
        attempt(tag, () -> write(tag + "---> " + request.httpMethod() + " " + oneLine(masker.url(request.url())) + " "
                + resolveProtocolVersion(request.protocolVersion())));
        if (level.ordinal() < Level.HEADERS.ordinal()) {
            return;
        }
        attempt(tag, () -> headers(tag, request.headers()));
        attempt(tag, () -> {
            byte[] body = request.body();
            int length = body == null ? 0 : body.length;
            if (length > 0 && level.ordinal() >= Level.FULL.ordinal()) {
                String type = contentType(request.headers());
                write(tag + (request.charset() == null ? Masker.withheld(length, type, "binary")
                        : masker.body(body, length, request.charset(), type)));
            }
            write(tag + "---> END HTTP (" + length + "-byte body)");
        });
    }

    @Override
    protected void logRetry(String configKey, Level level) {
        if (enabled()) {
            String tag = tag(configKey);
            attempt(tag, () -> write(tag + "---> RETRYING"));
        }
    }

    @Override
    protected Response logAndRebufferResponse(String configKey, Level level, Response response, long elapsedTime) {
        if (!enabled() || response == null) {
            return response;
        }
        String tag = tag(configKey);
        attempt(tag, () -> {
            String reason = response.reason() == null ? "" : " " + oneLine(masker.literals(response.reason()));
            write(tag + "<--- " + resolveProtocolVersion(response.protocolVersion()) + " " + response.status()
                    + reason + " (" + elapsedTime + "ms)");
        });
        if (level.ordinal() < Level.HEADERS.ordinal()) {
            return response;
        }
        attempt(tag, () -> headers(tag, response.headers()));
        Response.Body body = response.body();
        if (body == null || response.status() == 204 || response.status() == 205) {
            attempt(tag, () -> write(tag + "<--- END HTTP (0-byte body)"));
            return response;
        }
        if (level.ordinal() < Level.FULL.ordinal()) {
            Integer declared = length(body);
            attempt(tag, () -> write(tag + "<--- END HTTP (" + (declared == null ? "body not read" : declared + "-byte body")
                    + ")"));
            return response;
        }
        try {
            return logBody(tag, response, body);
        } catch (Throwable e) {
            attempt(tag, () -> write(tag + "<--- END HTTP (body not logged: " + e.getClass().getSimpleName() + ")"));
            return response;
        }
    }

    @Override
    protected IOException logIOException(String configKey, Level level, IOException ioe, long elapsedTime) {
        if (enabled() && ioe != null) {
            String tag = tag(configKey);
            attempt(tag, () -> write(tag + "<--- ERROR " + ioe.getClass().getSimpleName() + ": "
                    + oneLine(masker.mask(String.valueOf(ioe.getMessage()))) + " (" + elapsedTime + "ms)"));
            if (level.ordinal() >= Level.FULL.ordinal()) {
                attempt(tag, () -> {
                    StringWriter trace = new StringWriter();
                    ioe.printStackTrace(new PrintWriter(trace));
                    write(tag + masker.mask(trace.toString()));
                    write(tag + "<--- END ERROR");
                });
            }
        }
        return ioe;
    }

    /**
     * Reads at most {@code maxBytes + 1} bytes of the answer, logs them masked, and hands on a
     * response with what was read (followed by the limit's or the read's failure when incomplete).
     */
    private Response logBody(String tag, Response response, Response.Body body) {
        String type = attemptGet(() -> contentType(response.headers()), null);
        Integer declared = length(body);
        if (declared != null && declared > maxBytes) {
            attempt(tag, () -> {
                write(tag + Masker.withheld(declared, type, "larger than the limit of " + maxBytes + " bytes"));
                write(tag + "<--- END HTTP (" + declared + "-byte body, not read)");
            });
            return response;
        }
        InputStream in;
        try {
            in = body.asInputStream();
        } catch (IOException | RuntimeException e) {
            attempt(tag, () -> write(tag + "<--- END HTTP (body not readable: " + e.getClass().getSimpleName() + ")"));
            return response;
        }
        int cap = (int) Math.min((long) maxBytes + 1, Integer.MAX_VALUE - 8);
        byte[] buffer = new byte[Math.max(1, Math.min(cap, declared != null ? declared + 1 : FIRST_BUFFER))];
        int count = 0;
        Throwable failure = null;
        boolean over = false;
        try {
            while (true) {
                if (count == buffer.length) {
                    if (count >= cap) {
                        over = true;
                        break;
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max(2L * count, FIRST_BUFFER)));
                }
                int n = in.read(buffer, count, buffer.length - count);
                if (n < 0) {
                    break;
                }
                count += n;
            }
        } catch (Throwable e) {
            failure = e;
        }
        Rebuffered rebuffered = over ? Rebuffered.tooLarge(buffer, count, body, maxBytes)
                : failure != null ? Rebuffered.failed(buffer, count, body, failure)
                : Rebuffered.complete(buffer, count, body);
        Response handedOn = response.toBuilder().body(rebuffered).build();
        byte[] read = buffer;
        int length = count;
        boolean larger = over;
        Throwable failed = failure;
        attempt(tag, () -> {
            if (larger) {
                write(tag + "<more than " + maxBytes + " bytes of " + Masker.mediaType(type)
                        + ", not logged: larger than the limit>");
                write(tag + "<--- END HTTP (more than " + maxBytes + " bytes, read " + length + ")");
            } else if (failed != null) {
                write(tag + Masker.withheld(length, type, "reading failed (" + failed.getClass().getSimpleName() + ")"));
                write(tag + "<--- END HTTP (" + length + " bytes read, then " + failed.getClass().getSimpleName() + ")");
            } else {
                if (length > 0) {
                    write(tag + masker.body(read, length, attemptGet(response::charset, null), type));
                }
                write(tag + "<--- END HTTP (" + length + "-byte body)");
            }
        });
        return handedOn;
    }

    private void headers(String tag, Map<String, Collection<String>> headers) {
        if (headers == null) {
            return;
        }
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            String name = header.getKey();
            for (String value : header.getValue() == null ? java.util.List.<String>of() : header.getValue()) {
                attempt(tag, () -> write(tag + oneLine(masker.literals(name)) + ": " + oneLine(masker.header(name, value))));
            }
        }
    }

    private static String contentType(Map<String, Collection<String>> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            if ("content-type".equalsIgnoreCase(header.getKey()) && header.getValue() != null
                    && !header.getValue().isEmpty()) {
                return header.getValue().iterator().next();
            }
        }
        return null;
    }

    private static Integer length(Response.Body body) {
        return attemptGet(body::length, null);
    }

    /** The line with configured secrets masked, at DEBUG. */
    private void write(String line) {
        logger.debug(masker.literals(line));
    }

    private boolean enabled() {
        try {
            return logger.isDebugEnabled();
        } catch (Throwable e) {
            return false;
        }
    }

    /** Runs {@code work}; anything it throws becomes a line naming only its class. */
    private void attempt(String tag, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) {
            try {
                logger.debug(tag + "<log line withheld: " + e.getClass().getSimpleName() + ">");
            } catch (Throwable ignored) {
                // logging must never fail the call
            }
        }
    }

    private static <T> T attemptGet(java.util.function.Supplier<T> work, T otherwise) {
        try {
            return work.get();
        } catch (Throwable e) {
            return otherwise;
        }
    }

    /** Feign's {@code [Api#method] } tag, for any configKey. */
    private static String tag(String configKey) {
        if (configKey == null) {
            return "[?] ";
        }
        int paren = configKey.indexOf('(');
        return "[" + oneLine(paren < 0 ? configKey : configKey.substring(0, paren)) + "] ";
    }

    /** {@code text} on one line: control characters as blanks. */
    private static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The answer's body as handed on after logging: the bytes read, then — when the read stopped
     * early — the failure (the limit's, as an {@link IOException}, or the read's own). Closing it
     * closes the original body.
     */
    private static final class Rebuffered implements Response.Body {
        private final byte[] bytes;
        private final int count;
        private final Response.Body original;
        private final Integer length;
        private final Throwable failure;

        private Rebuffered(byte[] bytes, int count, Response.Body original, Integer length, Throwable failure) {
            this.bytes = bytes;
            this.count = count;
            this.original = original;
            this.length = length;
            this.failure = failure;
        }

        static Rebuffered complete(byte[] bytes, int count, Response.Body original) {
            try {
                original.close();
            } catch (IOException | RuntimeException ignored) {
                // all was read; the connection's fate is the transport's
            }
            return new Rebuffered(bytes, count, original, count, null);
        }

        static Rebuffered tooLarge(byte[] bytes, int count, Response.Body original, int maxBytes) {
            Integer declared = maxBytes < Integer.MAX_VALUE ? maxBytes + 1 : null;
            return new Rebuffered(bytes, count, original, declared,
                    new IOException("the answer is larger than the limit of " + maxBytes + " bytes"));
        }

        static Rebuffered failed(byte[] bytes, int count, Response.Body original, Throwable failure) {
            return new Rebuffered(bytes, count, original, null, failure);
        }

        @Override
        public Integer length() {
            return length;
        }

        @Override
        public boolean isRepeatable() {
            return failure == null;
        }

        @Override
        public InputStream asInputStream() {
            return failure == null ? new ByteArrayInputStream(bytes, 0, count) : new Failing(bytes, count, failure);
        }

        @Override
        public Reader asReader(Charset charset) {
            return new InputStreamReader(asInputStream(), charset);
        }

        @Override
        public void close() throws IOException {
            original.close();
        }
    }

    /** The bytes read, then the failure that stopped the read. */
    private static final class Failing extends InputStream {
        private final byte[] bytes;
        private final int count;
        private final Throwable failure;
        private int position;

        Failing(byte[] bytes, int count, Throwable failure) {
            this.bytes = bytes;
            this.count = count;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            if (position < count) {
                return bytes[position++] & 0xff;
            }
            throw rethrow();
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position >= count) {
                throw rethrow();
            }
            int n = Math.min(length, count - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return count - position;
        }

        private IOException rethrow() {
            if (failure instanceof IOException io) {
                return io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return new IOException(failure.getClass().getSimpleName());
        }
    }
}
