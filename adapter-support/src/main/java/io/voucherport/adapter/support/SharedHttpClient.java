package io.voucherport.adapter.support;

import feign.Client;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;

/**
 * A pooled HTTP client (Apache HttpClient 5's connection pool) to share between adapters:
 * connections are kept alive and reused, so a busy service opens at most
 * {@link #maxConnections()} connections instead of one per call, and at most
 * {@link #maxConnectionsPerRoute()} to any one provider (scheme, host and port), so a slow
 * provider holding its connections never starves calls to another. Close it when the application
 * stops.
 *
 * <p>What it never does: retry (retries are the adapters' decision, safe reads only); follow a
 * redirect (a 3xx is an unexpected answer, whichever host it points to); keep cookies; and
 * <b>decompress</b> — it sends {@code Accept-Encoding: identity}, and a compressed answer a
 * provider sends anyway is refused unread (an unexpected answer) rather than inflated, so a
 * compressed "bomb" costs no more than its compressed bytes. The providers' answers are small JSON
 * documents, so compression would save little, and inflating would put the time and memory an
 * answer costs out of the size limit's reach.
 *
 * <p>Each call is bounded by its {@link Deadline} (see {@code AdapterBuilder.callTimeout}): the
 * wait for a pooled connection (never longer than the connect timeout), the connect, the send and
 * the whole answer; past it the connection is aborted — closed, never drained, never reused. An
 * answer closed before its end (a size limit reached, an unreadable body) is aborted the same way.
 *
 * <p>HttpClient 5's own wire and header loggers ({@code org.apache.hc.client5.http.wire},
 * {@code org.apache.hc.client5.http.headers}) never see these connections' traffic at any level,
 * and no other HttpClient logger is given a request line, a header or a body: what Voucherport
 * logs is masked by its own logger.
 *
 * <p><b>Warm connections.</b> A connection is kept after an answer read to its end (for as long as
 * the provider's {@code Keep-Alive} allows, otherwise up to 30 s idle: idle
 * ones are closed every 10 s); one idle for more than 1 s is
 * checked before it is used again (a connection the provider has closed meanwhile is replaced
 * rather than written to). All TLS connections of one client share one {@link SSLContext}, so a
 * new connection to a provider already called resumes the TLS session (the JDK's client session
 * cache) instead of a full handshake. A service calling a provider every few seconds therefore
 * keeps its connection, and pays only a resumed handshake when the provider closes it. See
 * {@code docs/performance.md}, "Warm connections".
 *
 * <p><b>Customising it.</b> {@link #builder()} takes a proxy ({@link HttpProxy}, or the JVM's
 * proxy properties when asked: {@link Builder#proxyFromSystemProperties()}), TLS material (an
 * {@link SSLContext}, or key material for client certificates and trust material, TLS versions,
 * cipher suites, an extra host name check), socket options (connect timeout, {@code TCP_NODELAY},
 * {@code SO_KEEPALIVE}, buffer sizes), the {@code User-Agent} and a {@link RequestHeaders} hook.
 * Whatever is customised, the guarantees above hold: there is no way to turn on retries,
 * redirects, cookies or decompression, to unbound the pool, to stretch a timeout past the
 * deadline model, to turn off host name verification or to log unmasked; a setting that would
 * is refused with an {@link IllegalArgumentException} when the client is built. See
 * {@code docs/http.md}.
 *
 * <p>Build one with {@link #create()}, {@link #withMaxConnections(int)} or {@link #builder()}.
 * Thread-safe.
 */
public final class SharedHttpClient implements Closeable {

    /** Default pool size. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

    /** Largest pool a client may have: a pool is always bounded. */
    public static final int MAX_CONNECTIONS = 1024;

    /**
     * The {@code User-Agent} every request carries unless {@link Builder#userAgent(String)} says
     * otherwise: {@code voucherport/<version>}, the version of this library as built.
     */
    public static final String DEFAULT_USER_AGENT = "voucherport/" + Version.VALUE;

    /** Smallest socket buffer size that may be set, in bytes. */
    static final int MIN_BUFFER_BYTES = 1024;

    /** Largest socket buffer size that may be set, in bytes. */
    static final int MAX_BUFFER_BYTES = 16 * 1024 * 1024;

    /** Longest {@code User-Agent} that may be set. */
    static final int MAX_USER_AGENT_LENGTH = 512;

    /** How long an idle pooled connection is kept, in seconds. */
    static final int IDLE_SECONDS = 30;

    /**
     * A pooled connection idle for longer than this many seconds is checked before it is used (a
     * 1 ms read: has the provider closed it?). Shorter than the shortest keep-alive timeouts
     * servers commonly use (2 s and more), so a connection a provider closed while idle is
     * replaced rather than written to — a write on it would otherwise end in doubt.
     */
    static final int VALIDATE_AFTER_SECONDS = 1;

    private static final TimeValue IDLE = TimeValue.ofSeconds(IDLE_SECONDS);

    /** One daemon thread for every client's deadlines and idle eviction: aborting a connection is quick. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final PoolingHttpClientConnectionManager pool;
    private final Client feignClient;
    private final ScheduledFuture<?> eviction;
    private final int maxConnections;
    private final int maxConnectionsPerRoute;
    private final ProxyRoutes proxies;
    private final String userAgent;
    private final HeaderHook headerHook;

    private SharedHttpClient(int maxConnections, int maxConnectionsPerRoute) {
        this(new Builder().maxConnections(maxConnections).maxConnectionsPerRoute(maxConnectionsPerRoute));
    }

    private SharedHttpClient(Builder settings) {
        this.maxConnections = settings.maxConnections;
        this.maxConnectionsPerRoute = settings.maxConnectionsPerRoute > 0 ? settings.maxConnectionsPerRoute
                : (maxConnections + 1) / 2;
        if (maxConnectionsPerRoute > maxConnections) {
            throw new IllegalArgumentException("max connections per route must be at most the max connections ("
                    + maxConnections + ") but was " + maxConnectionsPerRoute);
        }
        if (settings.proxy != null && settings.systemProxies) {
            throw new IllegalArgumentException("give either a proxy or proxyFromSystemProperties(), not both");
        }
        this.proxies = settings.proxy != null ? ProxyRoutes.always(settings.proxy)
                : settings.systemProxies ? ProxyRoutes.fromProperties(System.getProperties()) : ProxyRoutes.DIRECT;
        this.userAgent = settings.userAgent;
        this.headerHook = settings.headerHook;
        PoolingHttpClientConnectionManagerBuilder builder = PoolingHttpClientConnectionManagerBuilder.create();
        if (settings.tls.customised()) {
            builder.setTlsSocketStrategy(settings.tls.build());
        }
        SocketConfig.Builder socket = SocketConfig.custom()
                .setTcpNoDelay(settings.tcpNoDelay)
                .setSoKeepAlive(settings.soKeepAlive);
        if (settings.sendBufferBytes > 0) {
            socket.setSndBufSize(settings.sendBufferBytes);
        }
        if (settings.receiveBufferBytes > 0) {
            socket.setRcvBufSize(settings.receiveBufferBytes);
        }
        this.pool = builder
                .setConnectionFactory(new QuietConnectionFactory())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnectionsPerRoute)
                .setDefaultSocketConfig(socket.build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofSeconds(VALIDATE_AFTER_SECONDS))
                        .build())
                .build();
        this.feignClient = new PooledTransport(pool, TIMER, proxies, userAgent,
                settings.connectTimeout == null ? Long.MAX_VALUE : settings.connectTimeout.toMillis());
        this.eviction = TIMER.scheduleWithFixedDelay(this::evictIdle, 10, 10, TimeUnit.SECONDS);
    }

    /**
     * A client with a pool of {@link #DEFAULT_MAX_CONNECTIONS} connections, at most half of them
     * to one provider.
     *
     * @return the client; close it when the application stops
     */
    public static SharedHttpClient create() {
        return withMaxConnections(DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * A client with a pool of {@code maxConnections} connections in total, at most half of them
     * (rounded up) to one provider.
     *
     * @param maxConnections the pool size, 1 to {@link #MAX_CONNECTIONS}
     * @return the client; close it when the application stops
     * @throws IllegalArgumentException if the pool size is out of range
     */
    public static SharedHttpClient withMaxConnections(int maxConnections) {
        return new SharedHttpClient(new Builder().maxConnections(maxConnections));
    }

    /**
     * A client with a pool of {@code maxConnections} connections in total and at most
     * {@code maxConnectionsPerRoute} (no more than the total) to one provider.
     *
     * @param maxConnections the pool size, 1 to {@link #MAX_CONNECTIONS}
     * @param maxConnectionsPerRoute the most connections to one provider, 1 to
     *     {@code maxConnections}
     * @return the client; close it when the application stops
     * @throws IllegalArgumentException if a size is out of range
     */
    public static SharedHttpClient withMaxConnections(int maxConnections, int maxConnectionsPerRoute) {
        return new SharedHttpClient(maxConnections, maxConnectionsPerRoute);
    }

    /**
     * A builder: pool size, proxy, TLS material, socket options, {@code User-Agent} and request
     * headers hook; every setting is optional.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The pool size.
     *
     * @return the most connections open at once
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The most connections to one provider (scheme, host and port).
     *
     * @return the most connections open at once to one provider, at most {@link #maxConnections()}
     */
    public int maxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    /**
     * The {@code User-Agent} requests carry (unless an adapter's request sets its own).
     *
     * @return {@link #DEFAULT_USER_AGENT} or the one the builder was given
     */
    public String userAgent() {
        return userAgent;
    }

    /**
     * The Feign client over the pool; for adapters.
     *
     * @return the client every adapter on this pool sends through
     */
    public Client feignClient() {
        return feignClient;
    }

    /** The request headers hook, or null; for the request path. */
    HeaderHook headerHook() {
        return headerHook;
    }

    /** Closes every pooled connection. */
    @Override
    public void close() {
        eviction.cancel(false);
        pool.close(CloseMode.GRACEFUL);
    }

    /**
     * The pool's bounds and the proxies; never a proxy password.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "SharedHttpClient[" + maxConnections + " connections, " + maxConnectionsPerRoute + " per route"
                + (proxies.any() ? ", " + proxies : "") + "]";
    }

    private void evictIdle() {
        try {
            pool.closeExpired();
            pool.closeIdle(IDLE);
        } catch (RuntimeException e) {
            // a pool closing meanwhile: nothing left to evict
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "voucherport-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timer;
    }

    /**
     * Settings of a {@link SharedHttpClient}; every one optional. Each setter checks its value and
     * throws an {@link IllegalArgumentException} for one that would break a guarantee (see the
     * class comment); {@link #build()} checks how they combine. Not thread-safe; build once.
     */
    public static final class Builder {
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerRoute;
        private final TlsSetup tls = new TlsSetup();
        private HttpProxy proxy;
        private boolean systemProxies;
        private Duration connectTimeout;
        private boolean tcpNoDelay = true;
        private boolean soKeepAlive;
        private int sendBufferBytes;
        private int receiveBufferBytes;
        private String userAgent = DEFAULT_USER_AGENT;
        private HeaderHook headerHook;

        private Builder() {
        }

        /**
         * The pool size; default {@link #DEFAULT_MAX_CONNECTIONS}.
         *
         * @param connections 1 to {@link #MAX_CONNECTIONS}: a pool is never unbounded
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxConnections(int connections) {
            this.maxConnections = bounded(connections, "max connections");
            return this;
        }

        /**
         * The most connections to one provider, at most the pool size (checked by {@link #build()});
         * default half the pool size, rounded up.
         *
         * @param connections 1 to {@link #MAX_CONNECTIONS}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxConnectionsPerRoute(int connections) {
            this.maxConnectionsPerRoute = bounded(connections, "max connections per route");
            return this;
        }

        /**
         * Sends every request through {@code httpProxy} (see {@link HttpProxy}); default: direct
         * connections. Cannot be combined with {@link #proxyFromSystemProperties()}.
         *
         * @param httpProxy the forward proxy every request goes through, not null
         * @return this builder
         * @throws NullPointerException if the proxy is missing
         */
        public Builder proxy(HttpProxy httpProxy) {
            this.proxy = Require.present(httpProxy, "proxy");
            return this;
        }

        /**
         * Takes the proxies from the JVM's proxy properties, read when {@link #build()} runs:
         * {@code http.proxyHost} / {@code http.proxyPort} (default 80) for {@code http} providers,
         * {@code https.proxyHost} / {@code https.proxyPort} (default 443) for {@code https}
         * providers, both bypassed for the hosts {@code http.nonProxyHosts} names ({@code |}-separated,
         * a {@code *} at the start, the end or both, as the JDK reads them; the JDK's default {@code localhost|127.*|[::1]|0.0.0.0|[::0]}
         * when unset). Without this call those properties are ignored. Cannot be combined with
         * {@link #proxy(HttpProxy)}; a property that is not a host or a port is refused by
         * {@link #build()}.
         *
         * @return this builder
         */
        public Builder proxyFromSystemProperties() {
            this.systemProxies = true;
            return this;
        }

        /**
         * The TLS material of every {@code https} connection (trusted certificates, client keys,
         * protocols); default the JDK's default {@link SSLContext} set-up. Host names are always
         * verified. One context serves every connection, so new connections resume its TLS sessions.
         * Cannot be combined with {@link #keyMaterial} or {@link #trustMaterial}.
         *
         * @param context an initialised context holding the trust (and any key) managers, not null
         * @return this builder
         * @throws NullPointerException if the context is missing
         */
        public Builder sslContext(SSLContext context) {
            tls.context = Require.present(context, "SSL context");
            return this;
        }

        /**
         * A client certificate for mutual TLS: the key store's private key (with its certificate
         * chain) is presented to providers that ask for one. The store is read when
         * {@link #build()} runs; the password is not kept in any string.
         *
         * @param keyStore a loaded key store holding at least one private key entry
         * @param password the password of its keys
         * @return this builder
         * @throws IllegalArgumentException if the store or password is missing or the store holds
         *     no private key; {@link #build()} refuses a password that does not open the key
         */
        public Builder keyMaterial(KeyStore keyStore, Secret password) {
            tls.keys = TlsSetup.keys(keyStore, password);
            tls.keyPassword = password;
            return this;
        }

        /**
         * The certificates trusted for providers (e.g. a private certificate authority) instead
         * of the JDK's default trust store.
         *
         * @param trustStore a loaded key store holding at least one certificate
         * @return this builder
         * @throws IllegalArgumentException if the store is missing or holds no certificate
         */
        public Builder trustMaterial(KeyStore trustStore) {
            tls.trusted = TlsSetup.trusted(trustStore);
            return this;
        }

        /**
         * The TLS versions offered; default the SSL context's.
         *
         * @param versions {@code TLSv1.2} and/or {@code TLSv1.3}
         * @return this builder
         * @throws IllegalArgumentException for none, or any other version (older ones are broken)
         */
        public Builder tlsVersions(String... versions) {
            tls.versions = TlsSetup.versions(versions);
            return this;
        }

        /**
         * The cipher suites offered; default the SSL context's. {@link #build()} refuses a suite
         * the context does not support.
         *
         * @param suites JSSE cipher suite names
         * @return this builder
         * @throws IllegalArgumentException for none, or a null, anonymous, export, RC4, DES, 3DES
         *     or MD5 suite
         */
        public Builder cipherSuites(String... suites) {
            tls.ciphers = TlsSetup.ciphers(suites);
            return this;
        }

        /**
         * A host name check made in addition to the JDK's own (which always runs), e.g. to pin
         * the names a provider may present.
         *
         * @param verifier called with the host name and the TLS session of each new connection;
         *     returning false refuses it
         * @return this builder
         * @throws IllegalArgumentException if it is missing, or accepts a peer that presented no
         *     certificate (such as HttpClient's {@code NoopHostnameVerifier})
         */
        public Builder hostnameVerifier(HostnameVerifier verifier) {
            tls.verifier = TlsSetup.verifier(verifier);
            return this;
        }

        /**
         * An upper bound on connecting (and on waiting for a pooled connection) for every adapter
         * on this client; each adapter's own {@code connectTimeout} and the call's deadline apply
         * too, and the shortest wins. Default: no bound beyond those.
         *
         * @param timeout above 0 and at most 10 minutes
         * @return this builder
         * @throws IllegalArgumentException if missing, not positive, or above 10 minutes
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = HttpSettings.timeout(timeout, "connect timeout");
            return this;
        }

        /**
         * {@code TCP_NODELAY} (requests are sent at once rather than coalesced); default on.
         *
         * @param on whether to set it
         * @return this builder
         */
        public Builder tcpNoDelay(boolean on) {
            this.tcpNoDelay = on;
            return this;
        }

        /**
         * {@code SO_KEEPALIVE} (TCP keep-alive probes on idle connections); default off.
         *
         * @param on whether to set it
         * @return this builder
         */
        public Builder soKeepAlive(boolean on) {
            this.soKeepAlive = on;
            return this;
        }

        /**
         * The socket send and receive buffer sizes ({@code SO_SNDBUF}, {@code SO_RCVBUF});
         * default the system's.
         *
         * @param sendBytes send buffer, 1 KiB to 16 MiB
         * @param receiveBytes receive buffer, 1 KiB to 16 MiB
         * @return this builder
         * @throws IllegalArgumentException if a size is out of range
         */
        public Builder socketBuffers(int sendBytes, int receiveBytes) {
            this.sendBufferBytes = buffer(sendBytes, "send buffer");
            this.receiveBufferBytes = buffer(receiveBytes, "receive buffer");
            return this;
        }

        /**
         * The {@code User-Agent} of every request; default {@link #DEFAULT_USER_AGENT}. A service
         * may name itself, e.g. {@code "gift-shop/2.1 " + SharedHttpClient.DEFAULT_USER_AGENT}.
         *
         * @param agent visible ASCII and spaces, 1 to 512 characters
         * @return this builder
         * @throws NullPointerException if the agent is missing
         * @throws IllegalArgumentException if blank, too long, or holding a control or non-ASCII
         *     character
         */
        public Builder userAgent(String agent) {
            Require.text(agent, "user agent");
            if (agent.length() > MAX_USER_AGENT_LENGTH) {
                throw new IllegalArgumentException("user agent must be at most " + MAX_USER_AGENT_LENGTH + " characters");
            }
            for (int i = 0; i < agent.length(); i++) {
                char c = agent.charAt(i);
                if (c < 0x20 || c >= 0x7f) {
                    throw new IllegalArgumentException("user agent must hold only visible ASCII characters and spaces");
                }
            }
            this.userAgent = agent.strip();
            return this;
        }

        /**
         * A hook that adds headers to every request (see {@link RequestHeaders}), allowed to add
         * only {@code names}.
         *
         * @param names the header names the hook may add, 1 to 32 HTTP tokens
         * @param hook called once per request with the provider's and the operation's names
         * @return this builder
         * @throws NullPointerException if the hook or the names are missing
         * @throws IllegalArgumentException if there are no names or more than 32, a name is not an HTTP
         *     token, or a name is one no hook may set: {@code Authorization},
         *     {@code Proxy-Authorization}, {@code Host}, {@code Content-Length},
         *     {@code Transfer-Encoding}, {@code Connection}, {@code Content-Type}, {@code Accept},
         *     {@code Accept-Encoding}, {@code User-Agent}, {@code Cookie}, the providers' secret
         *     headers ({@link Masker#COMMON_HEADERS}) and a few more framing and routing headers
         */
        public Builder requestHeaders(Set<String> names, RequestHeaders hook) {
            this.headerHook = HeaderHook.of(names, hook);
            return this;
        }

        /**
         * The client; close it when the application stops.
         *
         * @return a new client owning its connection pool; thread-safe, share it between adapters
         * @throws IllegalArgumentException if the settings do not combine: more connections per
         *     route than in the pool, both a proxy and the system proxies, both an SSL context and
         *     key or trust material, a key password that does not open the key, a cipher suite the
         *     TLS context does not support, or a JVM proxy property that is not a host or port
         */
        public SharedHttpClient build() {
            return new SharedHttpClient(this);
        }

        private static int bounded(int connections, String field) {
            if (connections < 1 || connections > MAX_CONNECTIONS) {
                throw new IllegalArgumentException(field + " must be 1 to " + MAX_CONNECTIONS
                        + " (a pool is always bounded) but was " + connections);
            }
            return connections;
        }

        private static int buffer(int bytes, String field) {
            if (bytes < MIN_BUFFER_BYTES || bytes > MAX_BUFFER_BYTES) {
                throw new IllegalArgumentException(field + " must be " + MIN_BUFFER_BYTES + " to " + MAX_BUFFER_BYTES
                        + " bytes but was " + bytes);
            }
            return bytes;
        }
    }

    /** This library's version, as the build wrote it; the jar's manifest, or {@code unknown}, without it. */
    static final class Version {
        static final String VALUE = read();

        private Version() {
        }

        private static String read() {
            try (InputStream in = SharedHttpClient.class.getResourceAsStream("voucherport.properties")) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    String version = properties.getProperty("version", "").strip();
                    if (!version.isEmpty() && !version.contains("${")) {
                        return version;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // fall back to the manifest
            }
            String manifest = SharedHttpClient.class.getPackage().getImplementationVersion();
            return manifest != null && !manifest.isBlank() ? manifest.strip() : "unknown";
        }
    }
}
