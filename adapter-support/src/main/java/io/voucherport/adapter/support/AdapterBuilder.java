package io.voucherport.adapter.support;

import io.voucherport.domain.Require;
import io.voucherport.domain.observe.VoucherportListener;
import java.time.Duration;

/**
 * The settings every adapter's builder shares: timeouts (connect, read, and the whole call's
 * budget), the pooled HTTP client, logging, the
 * retry policy for safe reads, how retries wait, and who hears every call (a {@link VoucherportListener}). Each adapter's {@code Builder} extends it and
 * adds its provider's settings. Not thread-safe; build once.
 *
 * @param <B> the adapter's builder type
 */
public abstract class AdapterBuilder<B extends AdapterBuilder<B>> {

    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private SharedHttpClient httpClient;
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.THREAD;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private VoucherportListener listener = VoucherportListener.none();

    /** Default budget of one whole call: 60 s. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** Default largest answer read: 16 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /** For subclasses. */
    protected AdapterBuilder() {
    }

    /** {@return this builder, typed} */
    protected abstract B self();

    /**
     * Connect timeout; default 5 s. Also the longest wait for a free pooled connection (never
     * longer than the time the call has left).
     *
     * @param timeout how long to wait at most
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = HttpSettings.timeout(timeout, "connect timeout");
        return self();
    }

    /**
     * Read timeout; default 30 s: the longest wait for any one read of the answer (never longer
     * than the time the call has left). A read timeout on a call that changes something is
     * reported as {@code OutcomeUnknown}, never as failed.
     *
     * @param timeout how long to wait at most
     * @return this builder
     */
    public B readTimeout(Duration timeout) {
        this.readTimeout = HttpSettings.timeout(timeout, "read timeout");
        return self();
    }

    /**
     * The budget of one whole call of a port method; default {@link #DEFAULT_CALL_TIMEOUT} (60 s).
     * It covers everything the call does: renewing a token, every attempt and the waits between
     * retries, waiting for a pooled connection, connecting, sending, and reading the whole answer
     * however slowly it arrives. No retry or retry wait is started that would end past it; when it
     * passes mid-exchange the connection is aborted (closed, never drained or reused). A call
     * stopped by it is {@code Unavailable} — or {@code OutcomeUnknown} for a call that changes
     * something once its request was sent.
     *
     * @param timeout the budget, above 0 and at most 10 minutes; otherwise
     *     {@link IllegalArgumentException}
     * @return this builder
     */
    public B callTimeout(Duration timeout) {
        this.callTimeout = HttpSettings.timeout(timeout, "call timeout");
        return self();
    }

    /**
     * Uses a pooled client shared with other adapters, so they share one connection pool, proxy
     * and TLS setup; the adapter never closes it (its owner does, after closing the adapters).
     * Default: a pool of the adapter's own, closed with the adapter.
     *
     * @param client the shared client, not null and not yet closed
     * @return this builder
     */
    public B httpClient(SharedHttpClient client) {
        this.httpClient = Require.present(client, "http client");
        return self();
    }

    /**
     * How much HTTP to log; default {@link HttpLogLevel#NONE}. Whatever the level, keys, tokens,
     * codes, PINs and links are masked before anything is written.
     *
     * @param level how much of each exchange to log, not null
     * @return this builder
     */
    public B logLevel(HttpLogLevel level) {
        this.logLevel = Require.present(level, "log level");
        return self();
    }

    /**
     * How safe reads are retried on 429, 5xx and I/O errors; default {@link RetryPolicy#DEFAULT}.
     * Calls that change something (placing an order, creating a code) are never retried blind,
     * whatever the policy, so a purchase is never made twice.
     *
     * @param policy how many attempts and how long to wait between them, not null
     * @return this builder
     */
    public B retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Require.present(policy, "retry policy");
        return self();
    }

    /**
     * How retries and rate limiters wait; default {@link Sleeper#THREAD} (real time). Replace in
     * tests to run in virtual time.
     *
     * @param waiting the clock and the way to wait, not null
     * @return this builder
     */
    public B sleeper(Sleeper waiting) {
        this.sleeper = Require.present(waiting, "sleeper");
        return self();
    }

    /**
     * Largest answer read before it is refused as an unexpected response; default {@value #DEFAULT_MAX_RESPONSE_BYTES}.
     *
     * @param bytes the largest answer body to read, at least 1; otherwise
     *     {@link IllegalArgumentException}
     * @return this builder
     */
    public B maxResponseBytes(int bytes) {
        this.maxResponseBytes = Require.positive(bytes, "max response bytes");
        return self();
    }

    /**
     * Who hears every call this adapter makes (provider, operation, each attempt's outcome, HTTP
     * status, latency and retry wait): e.g. {@code MicrometerListener} of module
     * {@code voucherport-micrometer}, or several through {@link VoucherportListener#composite}.
     * Guarded: a listener that throws never changes a call's result. Default
     * {@link VoucherportListener#none()}.
     *
     * @param callListener who hears every call, not null; it is wrapped so that its failures are
     *     logged (names only) and swallowed
     * @return this builder
     */
    public B listener(VoucherportListener callListener) {
        this.listener = ListenerLog.guarded(Require.present(callListener, "listener"));
        return self();
    }

    /**
     * The same as {@link #listener(VoucherportListener)}.
     *
     * @param callListener who hears every call, not null
     * @return this builder
     */
    public B observer(VoucherportListener callListener) {
        return listener(callListener);
    }

    /** {@return the shared settings as configured, for the adapter being built} */
    public Settings settings() {
        return new Settings(connectTimeout, readTimeout, httpClient, logLevel, retryPolicy, sleeper, maxResponseBytes,
                callTimeout, listener);
    }

    /**
     * The settings every adapter shares, as configured.
     *
     * @param connectTimeout longest wait to connect, and for a free pooled connection
     * @param readTimeout longest wait for any one read of an answer
     * @param httpClient the shared client, or null for one of the adapter's own
     * @param logLevel how much HTTP to log
     * @param retryPolicy how safe reads are retried
     * @param sleeper how retries wait
     * @param maxResponseBytes largest answer read
     * @param callTimeout the budget of one whole call (attempts, retry waits, token renewal
     *     included)
     * @param listener who hears every call (guarded)
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, SharedHttpClient httpClient,
            HttpLogLevel logLevel, RetryPolicy retryPolicy, Sleeper sleeper, int maxResponseBytes,
            Duration callTimeout, VoucherportListener listener) {

        /**
         * The settings told to no listener (as before listeners existed).
         *
         * @param connectTimeout longest wait to connect, and for a free pooled connection
         * @param readTimeout longest wait for any one read of an answer
         * @param httpClient the shared client, or null for one of the adapter's own
         * @param logLevel how much HTTP to log
         * @param retryPolicy how safe reads are retried
         * @param sleeper how retries wait
         * @param maxResponseBytes largest answer read
         * @param callTimeout the budget of one whole call
         */
        public Settings(Duration connectTimeout, Duration readTimeout, SharedHttpClient httpClient,
                HttpLogLevel logLevel, RetryPolicy retryPolicy, Sleeper sleeper, int maxResponseBytes,
                Duration callTimeout) {
            this(connectTimeout, readTimeout, httpClient, logLevel, retryPolicy, sleeper, maxResponseBytes, callTimeout,
                    VoucherportListener.none());
        }

        /**
         * Guards the listener (a null one is none).
         *
         * @param connectTimeout longest wait to connect, and for a free pooled connection
         * @param readTimeout longest wait for any one read of an answer
         * @param httpClient the shared client, or null for one of the adapter's own
         * @param logLevel how much HTTP to log
         * @param retryPolicy how safe reads are retried
         * @param sleeper how retries wait
         * @param maxResponseBytes largest answer read
         * @param callTimeout the budget of one whole call (attempts, retry waits, token renewal
         *     included)
         * @param listener who hears every call (guarded)
         */
        public Settings {
            listener = ListenerLog.guarded(listener);
        }

        /** {@return the configured shared client, or a new one the adapter owns (and must close)} */
        public Http openHttp() {
            return httpClient != null ? new Http(httpClient, false) : new Http(SharedHttpClient.create(), true);
        }
    }

    /**
     * The HTTP client an adapter uses, and whether the adapter owns it.
     *
     * @param client the pooled client the adapter's calls go through
     * @param owned whether the adapter created it (and so closes it)
     */
    public record Http(SharedHttpClient client, boolean owned) implements AutoCloseable {
        /** Closes the client when the adapter owns it. */
        @Override
        public void close() {
            if (owned) {
                client.close();
            }
        }
    }
}
