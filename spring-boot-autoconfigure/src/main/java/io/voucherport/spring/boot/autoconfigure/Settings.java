package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.domain.observe.VoucherportListener;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

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

    /**
     * The listener the service's beans make: none, the one (e.g. the auto-configured
     * {@code MicrometerListener}), or all of them together in their order.
     */
    static VoucherportListener listener(ObjectProvider<VoucherportListener> listeners) {
        List<VoucherportListener> all = listeners.orderedStream().toList();
        return all.isEmpty() ? VoucherportListener.none() : all.size() == 1 ? all.get(0) : VoucherportListener.composite(all);
    }

    /**
     * The settings every adapter shares, onto {@code builder}: the shared client when there is one,
     * and the listener every call is told to.
     */
    static <B extends AdapterBuilder<B>> B common(B builder, AdapterProperties properties, SharedHttpClient http,
            ObjectProvider<VoucherportListener> listeners) {
        builder.listener(listener(listeners));
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
