/**
 * The one observability SPI of Voucherport: a {@link io.voucherport.domain.observe.VoucherportListener}
 * hears every provider call (from the adapters' request path), every use-case operation and every
 * step of a purchase. Pure Java: a metrics or tracing library plugs in by implementing it (the
 * {@code voucherport-micrometer} module does, with Micrometer's Observation API).
 *
 * <p>Every field meant for metric tags or span attributes is low-cardinality and free of secrets:
 * provider, operation, outcome ({@code ok} or a failure type's simple name), stage, detail, the HTTP
 * status. No code, token, key, URL or order reference ever appears in them. A listener that throws
 * never changes a call's result: callers reach listeners through
 * {@link io.voucherport.domain.observe.VoucherportListener#guarded(io.voucherport.domain.observe.VoucherportListener, java.util.function.Consumer)},
 * which swallows the failure and tells the caller's handler class names only
 * ({@link io.voucherport.domain.observe.ListenerFailure}); the callers log it, the domain does not log.
 */
package io.voucherport.domain.observe;
