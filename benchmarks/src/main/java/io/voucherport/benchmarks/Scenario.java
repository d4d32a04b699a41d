package io.voucherport.benchmarks;

/** The four calls measured end to end, each with the answer the stub serves for it. */
public enum Scenario {
    /** EZ: the codes of an order of {@value Payloads#EZ_CODES} codes. */
    EZ_CODES,
    /** EZ: an instant order of one code (a POST with a JSON body). */
    EZ_INSTANT_ORDER,
    /** Elastic Path: every code of a promotion, {@value Payloads#EP_PAGES} pages of {@value Payloads#EP_PAGE}. */
    EP_ALL_CODES,
    /** Shoplazza 2025-06: one discount code. */
    SHOPLAZZA_CODE;

    /** The routes answering every scenario, pre-rendered. */
    public static LoopbackStub.Routes routes() {
        return routes(Payloads.EP_PAGE * (long) Payloads.EP_PAGES);
    }

    /**
     * The routes answering every scenario; Elastic Path promotions hold {@code promotionCodes}
     * codes (pages up to {@value Payloads#EP_PAGES} are pre-rendered, later ones rendered on demand).
     */
    public static LoopbackStub.Routes routes(long promotionCodes) {
        byte[] codes = LoopbackStub.ok(Payloads.ezCodes());
        byte[] order = LoopbackStub.ok(Payloads.ezInstantOrder());
        byte[] token = LoopbackStub.ok(Payloads.elasticPathToken());
        byte[] discountCode = LoopbackStub.ok(Payloads.shoplazzaCode());
        byte[][] pages = new byte[Payloads.EP_PAGES + 1][];
        for (int p = 0; p < pages.length; p++) {
            pages[p] = LoopbackStub.ok(Payloads.elasticPathPage((long) p * Payloads.EP_PAGE, Payloads.EP_PAGE,
                    promotionCodes));
        }
        byte[] notFound = LoopbackStub.response(404, "Not Found", "{\"error\":\"no route\"}".getBytes());
        return (method, target) -> {
            if (target.startsWith("/v2/orders/") && target.contains("/codes")) {
                return codes;
            }
            if (method.equals("POST") && target.startsWith("/v2/orders/instant")) {
                return order;
            }
            if (target.startsWith("/oauth/access_token")) {
                return token;
            }
            if (target.startsWith("/v2/promotions/")) {
                long offset = offset(target);
                long page = offset / Payloads.EP_PAGE;
                return page < pages.length && offset % Payloads.EP_PAGE == 0 ? pages[(int) page]
                        : LoopbackStub.ok(Payloads.elasticPathPage(offset, Payloads.EP_PAGE, promotionCodes));
            }
            if (target.contains("/discount_codes/")) {
                return discountCode;
            }
            return notFound;
        };
    }

    /** The {@code page[offset]} of a target, brackets encoded or not; 0 when absent. */
    static long offset(String target) {
        int at = target.indexOf("offset");
        if (at < 0) {
            return 0;
        }
        int eq = target.indexOf('=', at);
        int end = eq + 1;
        while (end < target.length() && Character.isDigit(target.charAt(end))) {
            end++;
        }
        return end > eq + 1 ? Long.parseLong(target.substring(eq + 1, end)) : 0;
    }
}
