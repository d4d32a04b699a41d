/**
 * Voucherport's listener SPI on Micrometer: {@link io.voucherport.micrometer.MicrometerListener}
 * times every provider call and use-case operation with the Observation API (so spans appear where
 * a tracer is configured), and counts attempts, retry waits and purchase steps — with
 * low-cardinality tags only.
 */
package io.voucherport.micrometer;
