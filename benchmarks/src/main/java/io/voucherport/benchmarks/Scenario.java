package io.voucherport.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
     * codes (the first pages pre-rendered, later ones rendered on demand).
     */
    public static LoopbackStub.Routes routes(long promotionCodes) {
        Bodies bodies = new Bodies(promotionCodes);
        Map<byte[], byte[]> responses = new IdentityHashMap<>();
        bodies.preRendered().forEach(body -> responses.put(body, LoopbackStub.ok(body)));
        byte[] notFound = LoopbackStub.response(404, "Not Found", "{\"error\":\"no route\"}".getBytes(StandardCharsets.UTF_8));
        return (method, target) -> {
            byte[] body = bodies.body(method, target);
            if (body == null) {
                return notFound;
            }
            byte[] response = responses.get(body);
            return response != null ? response : LoopbackStub.ok(body);
        };
    }

    /** The answers' bodies by request, rendered once (Elastic Path pages past the first ones on demand). */
    static final class Bodies {
        private final long promotionCodes;
        private final byte[] codes = Payloads.ezCodes();
        private final byte[] order = Payloads.ezInstantOrder();
        private final byte[] token = Payloads.elasticPathToken();
        private final byte[] discountCode = Payloads.shoplazzaCode();
        private final byte[][] pages = new byte[Payloads.EP_PAGES + 1][];

        Bodies(long promotionCodes) {
            this.promotionCodes = promotionCodes;
            for (int p = 0; p < pages.length; p++) {
                pages[p] = Payloads.elasticPathPage((long) p * Payloads.EP_PAGE, Payloads.EP_PAGE, promotionCodes);
            }
        }

        /** The body answering {@code method target}, or null when nothing does. */
        byte[] body(String method, String target) {
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
                        : Payloads.elasticPathPage(offset, Payloads.EP_PAGE, promotionCodes);
            }
            if (target.contains("/discount_codes/")) {
                return discountCode;
            }
            return null;
        }

        /** The bodies rendered once (their whole responses can be rendered once too). */
        List<byte[]> preRendered() {
            List<byte[]> all = new ArrayList<>(List.of(codes, order, token, discountCode));
            all.addAll(Arrays.asList(pages));
            return all;
        }
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
