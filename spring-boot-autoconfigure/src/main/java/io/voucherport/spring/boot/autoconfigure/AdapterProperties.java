package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.support.HttpLogLevel;
import java.time.Duration;

/**
 * The settings every adapter shares (see {@code AdapterBuilder}): timeouts, the budget of a whole call,
 * how much HTTP is logged (always masked), the largest answer read and how safe reads are retried.
 * Calls that change something are never retried, whatever is set here.
 */
public abstract class AdapterProperties {

    /** Connect timeout, also the longest wait for a pooled connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Longest wait for any one read of an answer. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** Budget of one whole call of a port method (token renewal, attempts and retry waits included), at most 10 minutes. */
    private Duration callTimeout = Duration.ofSeconds(60);

    /** How much HTTP to log, always masked: NONE, BASIC, HEADERS or FULL. */
    private HttpLogLevel logLevel = HttpLogLevel.NONE;

    /** Largest answer read before it is refused as unexpected, in bytes. */
    private int maxResponseBytes = 16777216;

    /** How safe reads are retried (429, 5xx, I/O errors). */
    private final Retry retry = new Retry();

    /** {@return connect timeout, also the longest wait for a pooled connection} */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets {@link #getConnectTimeout()}.
     *
     * @param connectTimeout connect timeout, also the longest wait for a pooled connection
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** {@return longest wait for any one read of an answer} */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /**
     * Sets {@link #getReadTimeout()}.
     *
     * @param readTimeout longest wait for any one read of an answer
     */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * {@return budget of one whole call of a port method (token renewal, attempts and retry waits
     * included), at most 10 minutes}
     */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /**
     * Sets {@link #getCallTimeout()}.
     *
     * @param callTimeout budget of one whole call of a port method (token renewal, attempts and
     *     retry waits included), at most 10 minutes
     */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** {@return how much HTTP to log, always masked: NONE, BASIC, HEADERS or FULL} */
    public HttpLogLevel getLogLevel() {
        return logLevel;
    }

    /**
     * Sets {@link #getLogLevel()}.
     *
     * @param logLevel how much HTTP to log, always masked: NONE, BASIC, HEADERS or FULL
     */
    public void setLogLevel(HttpLogLevel logLevel) {
        this.logLevel = logLevel;
    }

    /** {@return largest answer read before it is refused as unexpected, in bytes} */
    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Sets {@link #getMaxResponseBytes()}.
     *
     * @param maxResponseBytes largest answer read before it is refused as unexpected, in bytes
     */
    public void setMaxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    /** {@return how safe reads are retried (429, 5xx, I/O errors)} */
    public Retry getRetry() {
        return retry;
    }

    /** For the providers' properties. */
    protected AdapterProperties() {
    }

    /** How safe reads are retried; calls that change something are never retried. */
    public static class Retry {

        /** Defaults everywhere. */
        public Retry() {
        }

        /** Calls in all, at least 1 (1: no retry). */
        private int maxAttempts = 3;

        /** Delay before the first retry, doubling after each. */
        private Duration initialDelay = Duration.ofMillis(200);

        /** Cap of the growing delay. */
        private Duration maxDelay = Duration.ofSeconds(5);

        /** Longest Retry-After honoured by waiting; a longer one returns the failure at once. */
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        /** {@return calls in all, at least 1 (1: no retry)} */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets {@link #getMaxAttempts()}.
         *
         * @param maxAttempts calls in all, at least 1 (1: no retry)
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** {@return delay before the first retry, doubling after each} */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /**
         * Sets {@link #getInitialDelay()}.
         *
         * @param initialDelay delay before the first retry, doubling after each
         */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** {@return cap of the growing delay} */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /**
         * Sets {@link #getMaxDelay()}.
         *
         * @param maxDelay cap of the growing delay
         */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /**
         * {@return longest Retry-After honoured by waiting; a longer one returns the failure at
         * once}
         */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /**
         * Sets {@link #getMaxRetryAfter()}.
         *
         * @param maxRetryAfter longest Retry-After honoured by waiting; a longer one returns the
         *     failure at once
         */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }

    }
}
