package io.voucherport.domain.observe;

import io.voucherport.domain.Require;

/**
 * A provider call about to be sent. Both texts are low-cardinality, fit for tags.
 *
 * @param provider the provider's name, e.g. {@code ez} or {@code gifthub.token}
 * @param operation what the call does, from a fixed vocabulary per adapter, e.g. {@code catalog},
 *     {@code place}
 * @param changesSomething whether the call may change state at the provider (then it is sent once,
 *     never retried)
 */
public record CallStart(String provider, String operation, boolean changesSomething) {

    /**
     * Validates.
     *
     * @param provider the provider's name, e.g. {@code ez} or {@code gifthub.token}
     * @param operation what the call does, from a fixed vocabulary per adapter, e.g.
     *     {@code catalog}, {@code place}
     * @param changesSomething whether the call may change state at the provider (then it is sent
     *     once, never retried)
     */
    public CallStart {
        Require.text(provider, "provider");
        Require.text(operation, "operation");
    }
}
