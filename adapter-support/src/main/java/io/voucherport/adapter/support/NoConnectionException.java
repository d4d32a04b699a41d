package io.voucherport.adapter.support;

import java.net.ConnectException;

/**
 * No pooled connection to the provider became free in time (the lease timeout, at most the
 * connect timeout), or the wait for one was interrupted, or a proxy refused the tunnel to the
 * provider, or a request headers hook refused the request: nothing was sent. The request path
 * reports it as {@code Unavailable}, provably not applied.
 */
final class NoConnectionException extends ConnectException {

    private static final long serialVersionUID = 1L;

    NoConnectionException(String message) {
        super(message);
    }

    NoConnectionException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
