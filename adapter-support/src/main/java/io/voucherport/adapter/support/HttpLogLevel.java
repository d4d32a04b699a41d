package io.voucherport.adapter.support;

import feign.Logger;

/** How much of each HTTP exchange an adapter logs (always masked). */
public enum HttpLogLevel {
    /** Nothing. */
    NONE(Logger.Level.NONE),
    /** Method, URL, status and time. */
    BASIC(Logger.Level.BASIC),
    /** Also headers, with secret ones masked. */
    HEADERS(Logger.Level.HEADERS),
    /** Also bodies, with secret fields masked. */
    FULL(Logger.Level.FULL);

    private final Logger.Level feignLevel;

    HttpLogLevel(Logger.Level feignLevel) {
        this.feignLevel = feignLevel;
    }

    /** {@return Feign's level; for adapters} */
    public Logger.Level feignLevel() {
        return feignLevel;
    }
}
