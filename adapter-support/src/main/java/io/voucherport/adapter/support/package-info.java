/**
 * HTTP plumbing shared by the adapters, with no provider knowledge: the pooled HTTP client
 * ({@link io.voucherport.adapter.support.SharedHttpClient}), JSON set-up, a Feign logger that masks
 * secrets, the decoding of error answers, and retries of safe reads with capped exponential backoff
 * and jitter ({@link io.voucherport.adapter.support.RetryPolicy}).
 */
package io.voucherport.adapter.support;
