package io.voucherport.adapter.discounts;

/**
 * The Shoplazza Open API versions this adapter speaks, each with its own response dialect. The
 * version is part of every URL; Shoplazza retires a version about a year after its successor, and
 * a retired version answers 404 (reported as an {@code InvalidRequest} naming the version).
 */
public enum ShoplazzaVersion {
    /** Bare objects, numbers as strings, zone-less timestamps, page numbers. */
    V2022_01("2022-01"),
    /** Envelopes {@code {code, message, data}}, ints, ISO-8601 timestamps, cursors. */
    V2025_06("2025-06");

    private final String path;

    ShoplazzaVersion(String path) {
        this.path = path;
    }

    /** {@return the version as it appears in the URL, e.g. {@code 2025-06}} */
    public String path() {
        return path;
    }
}
