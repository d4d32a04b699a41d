package io.voucherport.adapter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import io.voucherport.domain.Require;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adapters' Feign decoder: parses the answer's byte stream as it arrives with Jackson's byte
 * parser, through one cached reader per target type, and refuses answers larger than a limit (a
 * declared length over it before reading, an undeclared one as soon as the limit is passed), so a
 * runaway body cannot exhaust the heap. Measured against Feign's
 * {@code JacksonDecoder} (which parses through a {@code Reader}) in {@code docs/performance.md}.
 * An empty body is {@code null}; 204 and 404 are the type's empty value, as in Feign's decoders;
 * an unreadable body is an {@link IOException} (Feign reports it as an unreadable answer).
 */
public final class JsonDecoder implements Decoder {

    private final ObjectMapper mapper;
    private final int maxBytes;
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    /**
     * Reads with {@code mapper} answers of at most {@code maxBytes}.
     *
     * @param mapper the adapter's JSON mapper, not null
     * @param maxBytes the largest answer body read, at least 1; a longer one is refused
     *     ({@code UnexpectedResponse}, or {@code OutcomeUnknown} for a write) instead of filling
     *     memory
     */
    public JsonDecoder(ObjectMapper mapper, int maxBytes) {
        this.mapper = Require.present(mapper, "mapper");
        this.maxBytes = Require.positive(maxBytes, "max bytes");
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.status() == 204 || response.status() == 404) {
            return Util.emptyValueOf(type);
        }
        if (response.body() == null) {
            return null;
        }
        Integer length = response.body().length();
        if (length != null && length > maxBytes) {
            throw tooLarge();
        }
        if (length != null && length == 0) {
            return null;
        }
        try (PushbackInputStream in = new PushbackInputStream(new Limited(response.body().asInputStream()), 1)) {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            in.unread(first);
            return reader(type).readValue(in);
        }
    }

    /** The cached reader for {@code type} (looked up without allocating once it exists). */
    private ObjectReader reader(Type type) {
        ObjectReader reader = readers.get(type);
        return reader != null ? reader : readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t)));
    }

    private MalformedAnswerException tooLarge() {
        return new MalformedAnswerException("the answer is larger than the limit of " + maxBytes + " bytes");
    }

    /** The answer's stream, failing once more than {@code maxBytes} were read: parsed as it arrives, never copied. */
    private final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n > 0 && (read += n) > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
