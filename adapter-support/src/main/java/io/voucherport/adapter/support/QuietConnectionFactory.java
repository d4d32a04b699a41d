package io.voucherport.adapter.support;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * The pool's connections: HttpClient 5's own, minus its wire and header logging. Whatever the
 * logging configuration, {@code org.apache.hc.client5.http.wire} never gets the bytes (keys,
 * tokens, codes in bodies) and {@code org.apache.hc.client5.http.headers} never gets a header
 * (an {@code Authorization}, an API key) or a request line (a path or query with a code or a
 * reference): the sockets are never wrapped in HttpClient's logging socket, and the hooks that log
 * each message's head do nothing. Everything else is {@code ManagedHttpClientConnectionFactory}'s
 * defaults, with bounded message heads ({@link #MAX_LINE_LENGTH}, {@link #MAX_HEADER_COUNT}) so a
 * provider cannot grow one header line without end.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    /** Longest status or header line read: 64 KiB (HttpClient's default is unlimited). */
    static final int MAX_LINE_LENGTH = 64 * 1024;

    /** Most header lines read in one answer (HttpClient's default is unlimited). */
    static final int MAX_HEADER_COUNT = 256;

    private static final AtomicLong COUNTER = new AtomicLong();

    private final Http1Config http1 = Http1Config.custom()
            .setMaxLineLength(MAX_LINE_LENGTH)
            .setMaxHeaderCount(MAX_HEADER_COUNT)
            .build();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("voucherport-" + COUNTER.getAndIncrement(), http1);
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** HttpClient 5's connection that never logs wire bytes or message heads. */
    static final class QuietConnection extends DefaultManagedHttpClientConnection {

        QuietConnection(String id, Http1Config http1) {
            super(id, null, null, http1, DefaultContentLengthStrategy.INSTANCE, DefaultContentLengthStrategy.INSTANCE,
                    NoResponseOutOfOrderStrategy.INSTANCE, new DefaultHttpRequestWriterFactory(http1),
                    new DefaultHttpResponseParserFactory(http1));
        }

        /** Binds the plain socket, never wrapped in HttpClient's wire-logging holder. */
        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(new SocketHolder(socket));
        }

        /** Binds the TLS socket over its base socket, never wrapped in HttpClient's wire-logging holder. */
        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            super.bind(new SocketHolder(sslSocket, socket));
        }

        /** Logs nothing (HttpClient logs the request line and every header here). */
        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
        }

        /** Logs nothing (HttpClient logs the status line and every header here). */
        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
        }
    }
}
