package io.voucherport.adapter.support;

import feign.Client;
import feign.hc5.ApacheHttp5Client;
import io.voucherport.domain.Require;
import java.io.Closeable;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;

/**
 * A pooled HTTP client (Apache HttpClient 5) to share between adapters: connections are kept
 * alive and reused, so a busy service opens at most {@link #maxConnections()} connections instead
 * of one per call. The client itself never retries and never follows redirects; retries are the
 * adapters' decision (safe reads only). Close it when the application stops.
 */
public final class SharedHttpClient implements Closeable {

    /** Default pool size. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

    private final CloseableHttpClient httpClient;
    private final Client feignClient;
    private final int maxConnections;

    private SharedHttpClient(int maxConnections) {
        this.maxConnections = Require.positive(maxConnections, "max connections");
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        this.httpClient = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
                .build();
        this.feignClient = new ApacheHttp5Client(httpClient);
    }

    /** A client with a pool of {@link #DEFAULT_MAX_CONNECTIONS} connections. */
    public static SharedHttpClient create() {
        return new SharedHttpClient(DEFAULT_MAX_CONNECTIONS);
    }

    /** A client with a pool of {@code maxConnections} connections (per host and in total). */
    public static SharedHttpClient withMaxConnections(int maxConnections) {
        return new SharedHttpClient(maxConnections);
    }

    /** The pool size. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The Feign client over the pool; for adapters. */
    public Client feignClient() {
        return feignClient;
    }

    /** Closes every pooled connection. */
    @Override
    public void close() {
        httpClient.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
