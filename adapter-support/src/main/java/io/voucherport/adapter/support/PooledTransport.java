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
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
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
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
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
 * connection is aborted.
 *
 * <p>Per call it does as little as it can: each provider's origin (scheme, host, port: its pool
 * route and {@code Host} header) is parsed once and remembered ({@link #MAX_TARGETS} origins; more
 * are parsed per call); a URL whose path and query hold only characters that need no checking is
 * split, not parsed; the request carries Feign's headers plus {@code Host},
 * {@code Accept-Encoding: identity} and the client's {@code User-Agent} (unless the request has
 * one), and {@code Content-Type} and
 * {@code Content-Length} only when there is a body (or, {@code Content-Length: 0}, a bodiless
 * POST, PUT or PATCH); the answer's headers are handed to Feign as a view of the parsed headers.
 *
 * <p><b>Proxies.</b> Without the execution chain, routing through a proxy is done here: the
 * {@link ProxyRoutes} decide per origin (once, with the origin). An {@code http} provider behind a
 * proxy is sent absolute-URI requests ({@code GET http://host:port/path}) on a connection to the
 * proxy, with the proxy's {@code Proxy-Authorization}; an {@code https} provider is reached through
 * a {@code CONNECT host:port} tunnel (the proxy's credentials go with the {@code CONNECT} alone),
 * then TLS to the provider over it — the pooled connection keeps its tunnel for the next calls.
 * A proxy refusing the tunnel (a 407, a 502), failing it before TLS to the provider completes (closing
 * it, answering something else), or refusing a forwarded request for its credentials (a 407), is a
 * connection that could not be made: nothing was sent to the provider.
 * Thread-safe.
 */
final class PooledTransport implements Client {

    /** Most provider origins remembered; a client talking to more parses the others on every call. */
    static final int MAX_TARGETS = 64;

    private static final AtomicLong EXCHANGES = new AtomicLong();
    /** Headers the transport sets itself (framing, host, encoding, proxy credentials); never copied from a request. */
    private static final List<String> OWN_HEADERS = List.of("content-length", "transfer-encoding", "host", "connection",
            "accept-encoding", "te", "upgrade", "keep-alive", "trailer", "proxy-authorization", "proxy-connection");
    private static final Header IDENTITY = new BasicHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
    private static final Header NO_CONTENT = new BasicHeader(HttpHeaders.CONTENT_LENGTH, "0");
    /** The characters a path or query may hold that {@link URI} accepts as they are ({@code %} is checked apart). */
    private static final boolean[] PLAIN = plain();

    private final PoolingHttpClientConnectionManager pool;
    private final ScheduledExecutorService timer;
    private final ProxyRoutes proxies;
    private final Header userAgent;
    /** The client's bound on connecting and on waiting for a pooled connection, in ms. */
    private final long maxConnectMillis;
    private final HttpRequestExecutor executor = new HttpRequestExecutor();
    private final ConnectionEndpoint.RequestExecutor send = executor::execute;
    /** The origins seen so far, copied on write. */
    private volatile Target[] targets = new Target[0];

    PooledTransport(PoolingHttpClientConnectionManager pool, ScheduledExecutorService timer, ProxyRoutes proxies,
            String userAgent, long maxConnectMillis) {
        this.pool = pool;
        this.timer = timer;
        this.proxies = proxies;
        this.userAgent = new BasicHeader(HttpHeaders.USER_AGENT, userAgent);
        this.maxConnectMillis = maxConnectMillis;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String url = request.url();
        Target target = target(url);
        BasicClassicHttpRequest message = message(request, target, pathAndQuery(url, target.prefix.length()), userAgent);
        HttpClientContext context = HttpClientContext.create();
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
            Response response = exchange(exchange, request, message, target, options, deadline, context);
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

    private Response exchange(Exchange exchange, Request request, BasicClassicHttpRequest message, Target target,
            Request.Options options, Deadline deadline, HttpClientContext context) throws IOException, HttpException {
        long connectMillis = within(Math.min(maxConnectMillis,
                options.connectTimeoutUnit().toMillis(options.connectTimeout())), deadline);
        ConnectionEndpoint endpoint = exchange.lease(target.route, Timeout.ofMilliseconds(connectMillis));
        if (!endpoint.isConnected()) {
            pool.connect(endpoint, Timeout.ofMilliseconds(within(connectMillis, deadline)), context);
            if (target.route.isTunnelled()) {
                tunnel(exchange, endpoint, target, Timeout.ofMilliseconds(within(connectMillis, deadline)), context);
            }
        }
        endpoint.setSocketTimeout(Timeout.ofMilliseconds(
                within(options.readTimeoutUnit().toMillis(options.readTimeout()), deadline)));
        exchange.sending();
        ClassicHttpResponse answer = endpoint.execute(exchange.id, message, send, context);
        if (target.forwarded && answer.getCode() == 407) {
            // the proxy's own answer (its credentials missing or refused): nothing went to the provider
            exchange.discard();
            throw new NoConnectionException("the proxy refused the request (HTTP 407: proxy credentials missing or "
                    + "refused); nothing was sent to the provider");
        }
        boolean reusable = DefaultConnectionReuseStrategy.INSTANCE.keepAlive(message, answer, context);
        TimeValue keepAlive = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(answer, context);
        Header[] headers = answer.getHeaders();
        HttpEntity entity = answer.getEntity();
        Response.Body body;
        if (entity == null) {
            exchange.release(reusable, keepAlive);
            body = null;
        } else {
            long declared = entity.getContentLength();
            Integer length = declared >= 0 && declared <= Integer.MAX_VALUE ? Integer.valueOf((int) declared) : null;
            body = compressed(headers) ? new Body(new Refused(exchange), length)
                    : new Body(new Streamed(exchange, entity.getContent(), reusable, keepAlive), length);
        }
        Response response = Response.builder()
                .status(answer.getCode())
                .reason(answer.getReasonPhrase())
                .headers(HeaderView.of(headers))
                .request(request)
                .body(body)
                .build();
        exchange.handOut();
        return response;
    }

    /**
     * Opens the {@code CONNECT} tunnel to the provider through the proxy the endpoint is connected
     * to, then TLS to the provider over it. Nothing of the request is sent yet: a proxy refusing
     * the tunnel, or failing while asked, is a {@link NoConnectionException}.
     */
    private void tunnel(Exchange exchange, ConnectionEndpoint endpoint, Target target, Timeout timeout,
            HttpClientContext context) throws IOException {
        HttpHost provider = target.route.getTargetHost();
        BasicClassicHttpRequest connect = new BasicClassicHttpRequest("CONNECT", provider, provider.toHostString());
        connect.addHeader(HttpHeaders.HOST, provider.toHostString());
        connect.addHeader(userAgent);
        if (target.proxyAuthorization != null) {
            connect.addHeader(target.proxyAuthorization);
        }
        endpoint.setSocketTimeout(timeout);
        int status;
        try {
            status = endpoint.execute(exchange.id + "-connect", connect, send, context).getCode();
        } catch (IOException | HttpException e) {
            if (exchange.fired()) {
                throw new DeadlinePassedException(false, e);
            }
            throw new NoConnectionException("the proxy failed while asked for a tunnel to the provider ("
                    + e.getClass().getSimpleName() + "); nothing was sent", e);
        }
        if (status < 200 || status >= 300) {
            throw new NoConnectionException("the proxy refused the tunnel to the provider (HTTP " + status
                    + (status == 407 ? ": proxy credentials missing or refused" : "") + "); nothing was sent");
        }
        try {
            pool.upgrade(endpoint, context);
        } catch (IOException e) {
            // TLS to the provider never completed (the proxy closed the tunnel, or sent something else):
            // not a byte of the request went through it
            if (exchange.fired()) {
                throw new DeadlinePassedException(false, e);
            }
            throw new NoConnectionException("TLS to the provider through the proxy's tunnel failed ("
                    + e.getClass().getSimpleName() + "); nothing was sent", e);
        }
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

    /** The origin of {@code url}, parsed once per origin. */
    private Target target(String url) throws NoConnectionException {
        Target[] known = targets;
        for (Target t : known) {
            if (t.matches(url)) {
                return t;
            }
        }
        Target parsed = Target.parse(url, proxies);
        synchronized (this) {
            Target[] now = targets;
            if (now.length < MAX_TARGETS) {
                Target[] more = java.util.Arrays.copyOf(now, now.length + 1);
                more[now.length] = parsed;
                targets = more;
            }
        }
        return parsed;
    }

    /**
     * The request target ({@code /path?query}) of {@code url} after its origin: split off as it is
     * when every character is one {@link URI} takes as it is, otherwise read by {@link URI} (a
     * fragment dropped, an invalid URL refused before anything is sent).
     */
    static String pathAndQuery(String url, int from) throws NoConnectionException {
        int n = url.length();
        boolean plain = true;
        for (int i = from; i < n && plain; i++) {
            char c = url.charAt(i);
            if (c == '%') {
                plain = i + 2 < n && hex(url.charAt(i + 1)) && hex(url.charAt(i + 2));
                i += 2;
            } else {
                plain = c < 128 && PLAIN[c];
            }
        }
        if (plain) {
            if (from == n) {
                return "/";
            }
            return url.charAt(from) == '?' ? "/" + url.substring(from) : url.substring(from);
        }
        URI uri = parse(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean[] plain() {
        boolean[] plain = new boolean[128];
        for (char c = 'a'; c <= 'z'; c++) {
            plain[c] = true;
            plain[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            plain[c] = true;
        }
        for (char c : "-._~!$&'()*+,;=:@/?".toCharArray()) {
            plain[c] = true;
        }
        return plain;
    }

    private static URI parse(String url) throws NoConnectionException {
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

    /**
     * The request as HttpClient 5 sends it: Feign's headers but framing, {@code Content-Type} only
     * with a body, and never a compressed answer asked for.
     */
    private static BasicClassicHttpRequest message(Request request, Target target, String pathAndQuery,
            Header userAgent) {
        String method = request.httpMethod().name();
        BasicClassicHttpRequest message = new BasicClassicHttpRequest(method, target.scheme, target.authority,
                pathAndQuery);
        byte[] body = request.body();
        message.addHeader(target.host);
        if (target.forwarded) {
            // to the proxy: the absolute URI, and the proxy's credentials (the provider gets neither)
            message.setAbsoluteRequestUri(true);
            if (target.proxyAuthorization != null) {
                message.addHeader(target.proxyAuthorization);
            }
        }
        boolean agent = false;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (own(name) || body == null && name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                continue;
            }
            agent |= name.equalsIgnoreCase(HttpHeaders.USER_AGENT);
            for (String value : header.getValue()) {
                message.addHeader(name, value);
            }
        }
        message.addHeader(IDENTITY);
        if (!agent) {
            message.addHeader(userAgent);
        }
        if (body != null) {
            message.addHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
            message.setEntity(new ByteArrayEntity(body, null));
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            message.addHeader(NO_CONTENT);
        }
        return message;
    }

    private static boolean own(String name) {
        for (String own : OWN_HEADERS) {
            if (own.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compressed(Header[] headers) {
        for (Header header : headers) {
            if (header.getName().equalsIgnoreCase(HttpHeaders.CONTENT_ENCODING)) {
                for (String coding : header.getValue().split(",")) {
                    if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A provider's origin, parsed once: the URL prefix it covers ({@code scheme://authority}), the
     * pool route (direct, through a proxy, or tunnelled through one), the {@code Host} header and,
     * behind a proxy with credentials, the {@code Proxy-Authorization} header.
     */
    private static final class Target {
        final String prefix;
        final String scheme;
        final URIAuthority authority;
        final HttpRoute route;
        final Header host;
        /** Whether requests go to a proxy as absolute URIs (an http provider behind a proxy). */
        final boolean forwarded;
        /** The proxy's credentials, or null (none, or no proxy). */
        final Header proxyAuthorization;

        private Target(String prefix, URI uri, ProxyRoutes proxies) {
            this.prefix = prefix;
            this.scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            this.authority = new URIAuthority(uri.getHost(), uri.getPort());
            HttpHost target = RoutingSupport.normalize(HttpHost.create(uri), DefaultSchemePortResolver.INSTANCE);
            boolean secure = "https".equalsIgnoreCase(target.getSchemeName());
            HttpProxy proxy = proxies.proxyFor(scheme, uri.getHost());
            if (proxy == null) {
                this.route = new HttpRoute(target, null, secure);
                this.proxyAuthorization = null;
            } else {
                this.route = new HttpRoute(target, null, new HttpHost("http", proxy.host(), proxy.port()), secure);
                String credentials = proxy.authorization();
                this.proxyAuthorization = credentials == null ? null
                        : new BasicHeader(HttpHeaders.PROXY_AUTHORIZATION, credentials, true);
            }
            this.forwarded = proxy != null && !secure;
            this.host = new BasicHeader(HttpHeaders.HOST, authority.toString());
        }

        /** The origin of {@code url}, which must be an absolute http(s) URL with a host, routed by {@code proxies}. */
        static Target parse(String url, ProxyRoutes proxies) throws NoConnectionException {
            int scheme = url.indexOf("://");
            int end = scheme < 0 ? url.length() : scheme + 3;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            String prefix = url.substring(0, end);
            URI origin = PooledTransport.parse(prefix);
            if (origin.getRawPath() != null && !origin.getRawPath().isEmpty() || origin.getRawQuery() != null) {
                throw new NoConnectionException("the request URL is not a valid http(s) URL; nothing was sent");
            }
            try {
                return new Target(prefix, origin, proxies);
            } catch (IllegalArgumentException e) {   // a port out of range
                throw new NoConnectionException("the request URL is not a valid http(s) URL; nothing was sent");
            }
        }

        /** Whether {@code url} is on this origin: this prefix, then its path, query or end. */
        boolean matches(String url) {
            int n = prefix.length();
            if (!url.startsWith(prefix)) {
                return false;
            }
            if (url.length() == n) {
                return true;
            }
            char next = url.charAt(n);
            return next == '/' || next == '?' || next == '#';
        }
    }

    /**
     * The answer's headers as Feign's {@link Response} takes them (it copies them into its own
     * case-insensitive map): a view of HttpClient's parsed headers, one value each, with no map of
     * our own built; when a name repeats (in any case), a map merging its values instead.
     */
    static final class HeaderView extends AbstractMap<String, Collection<String>> {
        private final Header[] headers;

        private HeaderView(Header[] headers) {
            this.headers = headers;
        }

        static Map<String, Collection<String>> of(Header[] headers) {
            for (int i = 1; i < headers.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (headers[i].getName().equalsIgnoreCase(headers[j].getName())) {
                        return merged(headers);
                    }
                }
            }
            return new HeaderView(headers);
        }

        private static Map<String, Collection<String>> merged(Header[] headers) {
            Map<String, Collection<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header header : headers) {
                merged.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
            }
            return merged;
        }

        @Override
        public Set<Entry<String, Collection<String>>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Collection<String>>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < headers.length;
                        }

                        @Override
                        public Entry<String, Collection<String>> next() {
                            if (next >= headers.length) {
                                throw new NoSuchElementException();
                            }
                            Header header = headers[next++];
                            return new SimpleImmutableEntry<>(header.getName(), List.of(header.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return headers.length;
                }
            };
        }
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
