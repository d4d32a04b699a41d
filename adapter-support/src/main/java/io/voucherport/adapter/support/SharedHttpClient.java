package io.voucherport.adapter.support;

import feign.Client;
import io.voucherport.domain.Require;
import java.io.Closeable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
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
 * <p>Build one with {@link #create()}, {@link #withMaxConnections(int)} or {@link #builder()}
 * (which also takes the TLS material, e.g. to trust a private certificate authority). Thread-safe.
 */
public final class SharedHttpClient implements Closeable {

    /** Default pool size. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

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

    private SharedHttpClient(int maxConnections, int maxConnectionsPerRoute) {
        this(maxConnections, maxConnectionsPerRoute, null);
    }

    private SharedHttpClient(int maxConnections, int maxConnectionsPerRoute, SSLContext sslContext) {
        this.maxConnections = Require.positive(maxConnections, "max connections");
        this.maxConnectionsPerRoute = Require.positive(maxConnectionsPerRoute, "max connections per route");
        if (maxConnectionsPerRoute > maxConnections) {
            throw new IllegalArgumentException("max connections per route must be at most the max connections ("
                    + maxConnections + ") but was " + maxConnectionsPerRoute);
        }
        PoolingHttpClientConnectionManagerBuilder builder = PoolingHttpClientConnectionManagerBuilder.create();
        if (sslContext != null) {
            builder.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic());
        }
        this.pool = builder
                .setConnectionFactory(new QuietConnectionFactory())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnectionsPerRoute)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofSeconds(VALIDATE_AFTER_SECONDS))
                        .build())
                .build();
        this.feignClient = new PooledTransport(pool, TIMER);
        this.eviction = TIMER.scheduleWithFixedDelay(this::evictIdle, 10, 10, TimeUnit.SECONDS);
    }

    /**
     * A client with a pool of {@link #DEFAULT_MAX_CONNECTIONS} connections, at most half of them
     * to one provider.
     */
    public static SharedHttpClient create() {
        return withMaxConnections(DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * A client with a pool of {@code maxConnections} connections in total, at most half of them
     * (rounded up) to one provider.
     */
    public static SharedHttpClient withMaxConnections(int maxConnections) {
        Require.positive(maxConnections, "max connections");
        return new SharedHttpClient(maxConnections, (maxConnections + 1) / 2);
    }

    /**
     * A client with a pool of {@code maxConnections} connections in total and at most
     * {@code maxConnectionsPerRoute} (no more than the total) to one provider.
     */
    public static SharedHttpClient withMaxConnections(int maxConnections, int maxConnectionsPerRoute) {
        return new SharedHttpClient(maxConnections, maxConnectionsPerRoute);
    }

    /** A builder: the pool's size and the TLS material; every setting is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** The pool size. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The most connections to one provider (scheme, host and port). */
    public int maxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    /** The Feign client over the pool; for adapters. */
    public Client feignClient() {
        return feignClient;
    }

    /** Closes every pooled connection. */
    @Override
    public void close() {
        eviction.cancel(false);
        pool.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "SharedHttpClient[" + maxConnections + " connections, " + maxConnectionsPerRoute + " per route]";
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
     * Settings of a {@link SharedHttpClient}; every one optional. Not thread-safe; build once.
     */
    public static final class Builder {
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerRoute;
        private SSLContext sslContext;

        private Builder() {
        }

        /** The pool size; default {@link #DEFAULT_MAX_CONNECTIONS}. */
        public Builder maxConnections(int connections) {
            this.maxConnections = Require.positive(connections, "max connections");
            return this;
        }

        /** The most connections to one provider, at most the pool size; default half the pool size, rounded up. */
        public Builder maxConnectionsPerRoute(int connections) {
            this.maxConnectionsPerRoute = Require.positive(connections, "max connections per route");
            return this;
        }

        /**
         * The TLS material of every {@code https} connection (trusted certificates, client keys,
         * protocols); default the JDK's default {@link SSLContext} set-up. Host names are always
         * verified. One context serves every connection, so new connections resume its TLS sessions.
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Require.present(context, "SSL context");
            return this;
        }

        /** The client; close it when the application stops. */
        public SharedHttpClient build() {
            int perRoute = maxConnectionsPerRoute > 0 ? maxConnectionsPerRoute : (maxConnections + 1) / 2;
            return new SharedHttpClient(maxConnections, perRoute, sslContext);
        }
    }
}
