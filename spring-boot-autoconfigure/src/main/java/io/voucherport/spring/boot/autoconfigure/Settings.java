package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.SharedHttpClient;

/** Applying properties to builders, and refusing a missing required setting by its property's name. */
final class Settings {

    private Settings() {
    }

    /** {@code value}, or an exception naming the missing property and the one that asked for it. */
    static <T> T required(T value, String property, String because) {
        if (value == null) {
            throw new IllegalStateException(property + " is required when " + because + " is set");
        }
        return value;
    }

    /** The settings every adapter shares, onto {@code builder}; the shared client when there is one. */
    static <B extends AdapterBuilder<B>> B common(B builder, AdapterProperties properties, SharedHttpClient http) {
        AdapterProperties.Retry retry = properties.getRetry();
        builder.connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .callTimeout(properties.getCallTimeout())
                .logLevel(properties.getLogLevel())
                .maxResponseBytes(properties.getMaxResponseBytes())
                .retryPolicy(new RetryPolicy(retry.getMaxAttempts(), retry.getInitialDelay(), retry.getMaxDelay(),
                        retry.getMaxRetryAfter()));
        if (http != null) {
            builder.httpClient(http);
        }
        return builder;
    }
}
