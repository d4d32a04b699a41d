package io.voucherport.reliability;

/** What a hostile provider (or something between us and it) does, as {@link HostileProviderMatrixTest} drives it. */
enum Hostile {
    SLOW_DRIP("slow drip (1 byte / 200 ms)"),
    ENDLESS_CHUNKED("endless chunked body"),
    GZIP_BOMB("gzip bomb (1 GiB inflated)"),
    DEEP_NESTING("JSON nested 100,000 deep"),
    HUGE_EXPONENT("number -1e999999999"),
    HUGE_MASKED_STRING("10 MB string in a masked field"),
    MALFORMED_SECRET("malformed body, unquoted secret"),
    REDIRECT("302 to another host"),
    HANGING_TOKEN("hanging token endpoint (8 callers)");

    final String label;

    Hostile(String label) {
        this.label = label;
    }
}
