package io.voucherport.adapter.support;

import java.util.Map;

/**
 * A hook that adds headers to every request a {@link SharedHttpClient}'s adapters send — a
 * {@code traceparent}, a correlation id — registered with
 * {@link SharedHttpClient.Builder#requestHeaders(java.util.Set, RequestHeaders)} together with the
 * names it may add.
 *
 * <p>It is called on the calling thread once per request sent (a retried read calls it again,
 * so each attempt may carry its own span id), before the rate limiter's permit is taken. It can
 * only add headers: a name it was not registered with, a name the request already carries, or a
 * value with a control character (a line break) or longer than 8 KiB refuses the request before
 * anything is sent — the call then fails as {@code Unavailable}, provably not applied, never with
 * an exception; so does a hook that throws. Names that carry credentials or framing
 * ({@code Authorization}, {@code Proxy-Authorization}, {@code Host}, {@code Content-Length},
 * {@code Transfer-Encoding}, the providers' secret headers, …) are refused when the client is
 * built. What it adds is logged like any other header (never put a secret in one). It must be
 * thread-safe.
 */
@FunctionalInterface
public interface RequestHeaders {

    /**
     * The headers to add to one request.
     *
     * @param provider the provider's name (e.g. {@code EZ}), as in its failures
     * @param operation the operation's name (e.g. {@code place}, {@code catalog}, {@code token});
     *     never the order reference or any other value of the request
     * @return header name → value; empty for none, never null
     */
    Map<String, String> headers(String provider, String operation);
}
