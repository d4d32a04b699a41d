/**
 * Voucherport's listener SPI on Micrometer: {@link io.voucherport.micrometer.MicrometerListener}
 * times every provider call and use-case operation with the Observation API (so spans appear where
 * a tracer is configured), times single attempts and the waits before retries, and counts
 * purchase steps — with low-cardinality tags only, never a code, token, key, URL or reference.
 */
package io.voucherport.micrometer;
