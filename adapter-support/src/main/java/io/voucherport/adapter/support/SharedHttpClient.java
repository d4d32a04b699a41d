package io.voucherport.adapter.support;

import feign.Client;
import io.voucherport.domain.Require;
import java.io.Closeable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
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
 * logs is masked by its own logger. Thread-safe.
 */
public final class SharedHttpClient implements Closeable {

    /** Default pool size. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

    /** How long an idle pooled connection is kept. */
    private static final TimeValue IDLE = TimeValue.ofSeconds(30);

    /** One daemon thread for every client's deadlines and idle eviction: aborting a connection is quick. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final PoolingHttpClientConnectionManager pool;
    private final Client feignClient;
    private final ScheduledFuture<?> eviction;
    private final int maxConnections;
    private final int maxConnectionsPerRoute;

    private SharedHttpClient(int maxConnections, int maxConnectionsPerRoute) {
        this.maxConnections = Require.positive(maxConnections, "max connections");
        this.maxConnectionsPerRoute = Require.positive(maxConnectionsPerRoute, "max connections per route");
        if (maxConnectionsPerRoute > maxConnections) {
            throw new IllegalArgumentException("max connections per route must be at most the max connections ("
                    + maxConnections + ") but was " + maxConnectionsPerRoute);
        }
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new QuietConnectionFactory())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnectionsPerRoute)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
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
}
