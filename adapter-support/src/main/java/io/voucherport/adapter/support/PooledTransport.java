package io.voucherport.adapter.support;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The adapters' Feign client: one exchange at a time on a connection leased from HttpClient 5's
 * pool, driven here rather than through HttpClient's execution chain — so no retry, no redirect,
 * no cookie, no automatic decompression, and none of the chain's loggers (which print request
 * lines: paths and queries) ever sees a request.
 *
 * <p>Every exchange honours the call's {@link Deadline}: waiting for a pooled connection takes at
 * most the connect timeout and the time left, connecting likewise, each socket read at most the
 * read timeout and the time left; and a timer aborts the exchange — connection closed, never
 * drained, never returned to the pool — when the deadline passes while the answer is still
 * arriving, however slowly it drips. The answer's body is streamed; reading it to its end returns
 * the connection to the pool, closing it earlier (a size limit reached, a parse error) aborts the
 * connection instead of draining the rest — unless all that is left is at most 1 KiB that has
 * already arrived (the framing after the JSON a parser stopped at), read with 1 ms reads so that
 * closing never waits for the provider. A compressed answer ({@code Content-Encoding} other
 * than identity) is never inflated: its body cannot be read (an {@link IOException}) and its
 * connection is aborted. Thread-safe.
 */
final class PooledTransport implements Client {

    private static final String USER_AGENT = "Voucherport";
    private static final AtomicLong EXCHANGES = new AtomicLong();
    /** Headers the transport sets itself (framing, host, encoding); never copied from a request. */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "transfer-encoding", "host", "connection",
            "accept-encoding", "te", "upgrade", "keep-alive", "trailer");

    private final PoolingHttpClientConnectionManager pool;
    private final ScheduledExecutorService timer;
    private final HttpProcessor processor = HttpProcessorBuilder.create()
            .add(new RequestContent())
            .add(new RequestTargetHost())
            .add(new RequestConnControl())
            .add(new RequestUserAgent(USER_AGENT))
            .build();
    private final HttpRequestExecutor executor = new HttpRequestExecutor();

    PooledTransport(PoolingHttpClientConnectionManager pool, ScheduledExecutorService timer) {
        this.pool = pool;
        this.timer = timer;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        URI uri = uri(request.url());
        HttpClientContext context = HttpClientContext.create();
        BasicClassicHttpRequest message = message(request, uri);
        try {
            executor.preProcess(message, processor, context);
        } catch (HttpException e) {
            throw new NoConnectionException("the request cannot be sent (" + e.getClass().getSimpleName() + ")");
        }
        Deadline deadline = Deadline.current().getOrNull();
        Exchange exchange = new Exchange(pool, "voucherport-exchange-" + EXCHANGES.incrementAndGet());
        if (deadline != null) {
            if (deadline.passed()) {
                throw new DeadlinePassedException(false, null);
            }
            exchange.watch(timer, deadline.remaining());
        }
        boolean handedOut = false;
        try {
            Response response = exchange(exchange, request, message, uri, options, deadline, context);
            handedOut = true;
            return response;
        } catch (HttpException e) {
            if (exchange.fired()) {
                throw new DeadlinePassedException(exchange.sent(), e);
            }
            throw new IOException("the answer is not valid HTTP (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException | RuntimeException e) {
            if (exchange.fired() && !(e instanceof DeadlinePassedException)) {
                throw new DeadlinePassedException(exchange.sent(), e);
            }
            throw e;
        } finally {
            if (!handedOut) {
                exchange.discard();
            }
        }
    }

    private Response exchange(Exchange exchange, Request request, BasicClassicHttpRequest message, URI uri,
            Request.Options options, Deadline deadline, HttpClientContext context) throws IOException, HttpException {
        HttpHost target = RoutingSupport.normalize(HttpHost.create(uri), DefaultSchemePortResolver.INSTANCE);
        HttpRoute route = new HttpRoute(target, null, "https".equalsIgnoreCase(target.getSchemeName()));
        long connectMillis = within(options.connectTimeoutUnit().toMillis(options.connectTimeout()), deadline);
        ConnectionEndpoint endpoint = exchange.lease(route, Timeout.ofMilliseconds(connectMillis));
        if (!endpoint.isConnected()) {
            pool.connect(endpoint, Timeout.ofMilliseconds(within(connectMillis, deadline)), context);
        }
        endpoint.setSocketTimeout(Timeout.ofMilliseconds(
                within(options.readTimeoutUnit().toMillis(options.readTimeout()), deadline)));
        exchange.sending();
        ClassicHttpResponse answer = endpoint.execute(exchange.id, message, executor::execute, context);
        executor.postProcess(answer, processor, context);
        boolean reusable = DefaultConnectionReuseStrategy.INSTANCE.keepAlive(message, answer, context);
        TimeValue keepAlive = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(answer, context);
        HttpEntity entity = answer.getEntity();
        Response.Body body;
        if (entity == null) {
            exchange.release(reusable, keepAlive);
            body = null;
        } else {
            long declared = entity.getContentLength();
            Integer length = declared >= 0 && declared <= Integer.MAX_VALUE ? Integer.valueOf((int) declared) : null;
            body = compressed(answer) ? new Body(new Refused(exchange), length)
                    : new Body(new Streamed(exchange, entity.getContent(), reusable, keepAlive), length);
        }
        Response response = Response.builder()
                .status(answer.getCode())
                .reason(answer.getReasonPhrase())
                .headers(headers(answer))
                .request(request)
                .body(body)
                .build();
        exchange.handOut();
        return response;
    }

    /** At least 1 ms (0 would mean "no timeout") and at most the time the deadline leaves. */
    private static long within(long millis, Deadline deadline) throws DeadlinePassedException {
        long bound = Math.max(1, millis);
        if (deadline == null) {
            return bound;
        }
        long left = deadline.remaining().toMillis();
        if (left <= 0) {
            throw new DeadlinePassedException(false, null);
        }
        return Math.min(bound, left);
    }

    private static URI uri(String url) throws NoConnectionException {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new NoConnectionException("the request URL is not a valid http(s) URL; nothing was sent");
        }
    }

    /** The request as HttpClient 5 sends it: Feign's headers but framing, and never a compressed answer asked for. */
    private static BasicClassicHttpRequest message(Request request, URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        BasicClassicHttpRequest message = new BasicClassicHttpRequest(request.httpMethod().name(),
                uri.getScheme().toLowerCase(Locale.ROOT), new URIAuthority(uri.getHost(), uri.getPort()), path);
        String contentType = null;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (OWN_HEADERS.contains(name)) {
                continue;
            }
            for (String value : header.getValue()) {
                message.addHeader(header.getKey(), value);
                if (name.equals("content-type")) {
                    contentType = value;
                }
            }
        }
        message.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
        byte[] body = request.body();
        if (body != null) {
            message.setEntity(new ByteArrayEntity(body, contentType == null ? null : ContentType.parseLenient(contentType)));
        }
        return message;
    }

    private static boolean compressed(ClassicHttpResponse answer) {
        for (Header header : answer.getHeaders(HttpHeaders.CONTENT_ENCODING)) {
            for (String coding : header.getValue().split(",")) {
                if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Collection<String>> headers(ClassicHttpResponse answer) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        for (Header header : answer.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    /**
     * One request and its answer on one leased connection, and the watchdog that aborts it at the
     * deadline. The connection is given back exactly once: to the pool after a body read to its
     * end on a reusable connection, closed in every other case.
     */
    static final class Exchange {
        private final PoolingHttpClientConnectionManager pool;
        final String id;
        private ScheduledFuture<?> watchdog;
        private LeaseRequest lease;
        private ConnectionEndpoint endpoint;
        private volatile boolean fired;
        private volatile boolean sent;
        private boolean handedOut;
        private boolean done;

        Exchange(PoolingHttpClientConnectionManager pool, String id) {
            this.pool = pool;
            this.id = id;
        }

        void watch(ScheduledExecutorService timer, Duration left) {
            watchdog = timer.schedule(this::fire, left.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** A connection for {@code route}, waiting at most {@code timeout}. */
        ConnectionEndpoint lease(HttpRoute route, Timeout timeout) throws IOException {
            LeaseRequest request = pool.lease(id, route, timeout, null);
            synchronized (this) {
                if (fired) {
                    request.cancel();
                    throw new DeadlinePassedException(false, null);
                }
                lease = request;
            }
            ConnectionEndpoint leased;
            try {
                leased = request.get(timeout);
            } catch (TimeoutException e) {
                throw fired ? new DeadlinePassedException(false, e)
                        : new NoConnectionException("no pooled connection to the provider free within "
                                + timeout.toMilliseconds() + " ms; nothing was sent");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoConnectionException("interrupted while waiting for a pooled connection; nothing was sent");
            } catch (ExecutionException | CancellationException e) {
                throw fired ? new DeadlinePassedException(false, e)
                        : new NoConnectionException("no pooled connection (" + e.getClass().getSimpleName()
                                + "); nothing was sent");
            }
            synchronized (this) {
                lease = null;
                endpoint = leased;
                if (fired) {
                    throw new DeadlinePassedException(false, null);
                }
            }
            return leased;
        }

        /** From here on the provider may see (part of) the request. */
        void sending() {
            sent = true;
        }

        boolean sent() {
            return sent;
        }

        boolean fired() {
            return fired;
        }

        /** The answer reached the caller: from now on a firing watchdog also gives the connection back. */
        synchronized void handOut() {
            handedOut = true;
            if (fired) {
                finish(false, null);
            }
        }

        /** Makes every further read of this exchange's answer wait at most 1 ms; false once the exchange is over. */
        synchronized boolean shortenReads() {
            if (done || endpoint == null) {
                return false;
            }
            endpoint.setSocketTimeout(Timeout.ofMilliseconds(1));
            return true;
        }

        /** The deadline passed: cancel the wait for a connection, close the connection mid-exchange. */
        synchronized void fire() {
            if (done) {
                return;
            }
            fired = true;
            if (lease != null) {
                lease.cancel();
            }
            if (endpoint != null) {
                endpoint.close(CloseMode.IMMEDIATE);
                if (handedOut) {
                    finish(false, null);
                }
            }
        }

        /** The exchange is over: the connection back to the pool when {@code reusable}, closed otherwise. */
        synchronized void release(boolean reusable, TimeValue keepAlive) {
            finish(reusable, keepAlive);
        }

        /** The exchange is over before its answer was read to the end: the connection closed, never drained. */
        synchronized void discard() {
            finish(false, null);
        }

        private void finish(boolean reusable, TimeValue keepAlive) {
            if (done) {
                return;
            }
            done = true;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (endpoint == null) {
                return;
            }
            boolean reuse = reusable && !fired;
            if (!reuse) {
                endpoint.close(CloseMode.IMMEDIATE);
            }
            pool.release(endpoint, null, reuse ? keepAlive : TimeValue.ZERO_MILLISECONDS);
        }
    }

    /** Feign's view of an answer's body: one stream, not repeatable. */
    private static final class Body implements Response.Body {
        private final InputStream stream;
        private final Integer length;

        Body(InputStream stream, Integer length) {
            this.stream = stream;
            this.length = length;
        }

        @Override
        public Integer length() {
            return length;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public InputStream asInputStream() {
            return stream;
        }

        @Override
        public Reader asReader(Charset charset) {
            return new InputStreamReader(stream, charset);
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /**
     * The body as it arrives. At its end the connection goes back to the pool (when reusable);
     * closed before its end, or failing, or past the deadline, the connection is aborted.
     */
    private static final class Streamed extends InputStream {
        /** Most bytes read on close to reach a body's end and keep its connection. */
        private static final int MAX_TAIL = 1024;

        private final Exchange exchange;
        private final InputStream in;
        private final boolean reusable;
        private final TimeValue keepAlive;
        private boolean ended;
        private boolean closed;

        Streamed(Exchange exchange, InputStream in, boolean reusable, TimeValue keepAlive) {
            this.exchange = exchange;
            this.in = in;
            this.reusable = reusable;
            this.keepAlive = keepAlive;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (closed) {
                throw new IOException("the answer's body is closed");
            }
            if (exchange.fired()) {
                exchange.discard();
                throw new DeadlinePassedException(true, null);
            }
            if (length == 0) {
                return 0;
            }
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                exchange.discard();
                if (exchange.fired()) {
                    throw new DeadlinePassedException(true, e);
                }
                throw e;
            }
            if (n < 0) {
                ended = true;
                exchange.release(reusable, keepAlive);
            }
            return n;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!ended && !endsWithinTail()) {
                    exchange.discard();
                }
            }
        }

        /**
         * Whether the body ends within {@link #MAX_TAIL} more bytes that have already arrived (the
         * framing or whitespace after the last JSON byte a parser stopped at): read with 1 ms
         * reads, so that closing never waits for the provider; then the connection can be kept.
         */
        private boolean endsWithinTail() {
            if (exchange.fired() || !exchange.shortenReads()) {
                return false;
            }
            byte[] tail = new byte[64];
            int total = 0;
            try {
                while (total <= MAX_TAIL) {
                    int n = in.read(tail, 0, tail.length);
                    if (n < 0) {
                        ended = true;
                        exchange.release(reusable, keepAlive);
                        return true;
                    }
                    total += n;
                }
            } catch (IOException | RuntimeException notThereYet) {
                return false;
            }
            return false;
        }
    }

    /** The body of a compressed answer: never read, never inflated; its connection is aborted. */
    private static final class Refused extends InputStream {
        private final Exchange exchange;

        Refused(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public int read() throws IOException {
            exchange.discard();
            throw new IOException("a compressed answer (Content-Encoding) is not read: Voucherport never inflates answers");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return read();
        }

        @Override
        public void close() {
            exchange.discard();
        }
    }
}
