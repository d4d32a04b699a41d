package io.voucherport.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers the benchmarks serve, rendered once, in the providers' documented shapes (with a
 * few fields the clients do not read, as real answers have).
 */
public final class Payloads {

    /** The EZ order whose codes are fetched. */
    public static final String EZ_TRANSACTION = "0c6b3f6e-6f5e-4d59-9a8f-1d2e3f4a5b6c";
    /** The reference of the EZ instant order. */
    public static final String EZ_REFERENCE = "bench-order-0001";
    /** The SKU ordered. */
    public static final String EZ_SKU = "AMZ-US-25";
    /** How many codes the EZ order holds. */
    public static final int EZ_CODES = 100;
    /** The Elastic Path promotion listed. */
    public static final String EP_PROMOTION = "5a8f7c02-3b0e-4c1d-9e2f-6a7b8c9d0e1f";
    /** Elastic Path page size (its maximum). */
    public static final int EP_PAGE = 100;
    /** Pages of the listed promotion. */
    public static final int EP_PAGES = 10;
    /** The Shoplazza price rule and code. */
    public static final String SHOPLAZZA_RULE = "f1b6b0a4-7f7c-4a57-bf8e-2c6f8d6a9e11";
    /** The Shoplazza discount code's id. */
    public static final String SHOPLAZZA_CODE = "8d2c5e7a-1b3f-4c6d-9e0a-7b8c9d0e1f2a";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** {@code GET /v2/orders/{id}/codes}: one SKU, {@value #EZ_CODES} completed codes. */
    public static byte[] ezCodes() {
        List<Map<String, Object>> codes = new ArrayList<>();
        for (int i = 0; i < EZ_CODES; i++) {
            codes.add(map("stockId", "stk-" + (100_000 + i), "status", "COMPLETED",
                    "redeemCode", "AQ" + Integer.toHexString(0x5f3a1000 + i * 7919).toUpperCase() + "-7KQ2-XW9P",
                    "pinCode", String.format("%010d", 4_000_000_000L + i * 104_729L),
                    "expireDate", "2028-12-31"));
        }
        return json(map("requestId", "req-7f3e9a1c", "data",
                List.of(map("sku", EZ_SKU, "quantity", EZ_CODES, "productName", "Amazon.com $25", "codes", codes))));
    }

    /** {@code POST /v2/orders/instant}: a completed order of one code. */
    public static byte[] ezInstantOrder() {
        Map<String, Object> price = map("amount", "24.50", "currency", "USD");
        return json(map("requestId", "req-2b8d4e6f", "data", map(
                "transactionId", EZ_TRANSACTION, "clientOrderNumber", EZ_REFERENCE, "ezOrderNumber", "EZ-10482733",
                "payWithCurrency", "USD", "grandTotal", price, "createdAt", "2026-11-22T10:15:30Z",
                "status", "COMPLETED",
                "products", List.of(map("sku", EZ_SKU, "quantity", 1, "unitPrice", price, "totalPrice", price,
                        "status", "COMPLETED", "productName", "Amazon.com $25")),
                "fxSummary", List.of())));
    }

    /** {@code POST /oauth/access_token}: an hour-long token. */
    public static byte[] elasticPathToken() {
        return json(map("access_token", "bench-token-0f9e8d7c6b5a4f3e2d1c", "token_type", "Bearer",
                "expires", 4_102_444_800L, "expires_in", 3600, "identifier", "client_credentials"));
    }

    /** {@code GET /v2/promotions/{id}/codes}: the page at {@code offset} of a promotion holding {@code total} codes. */
    public static byte[] elasticPathPage(long offset, int limit, long total) {
        List<Map<String, Object>> codes = new ArrayList<>();
        for (long i = offset; i < Math.min(total, offset + limit); i++) {
            codes.add(map("type", "promotion_codes", "id", "c0de" + String.format("%012d", i), "code",
                    "SPRING-" + String.format("%07d", i), "uses", 1, "max_uses", 1, "consume_unit", "per_cart",
                    "created_by", "bench", "meta", map("timestamps", map("created_at", "2026-11-01T09:00:00.000Z",
                            "updated_at", "2026-11-01T09:00:00.000Z"))));
        }
        long pages = (total + limit - 1) / limit;
        return json(map("data", codes,
                "links", map("current", "page=" + (offset / limit + 1), "first", "page=1", "last", "page=" + pages),
                "meta", map("page", map("current", offset / limit + 1, "limit", limit, "offset", offset, "total", pages),
                        "results", map("total", total))));
    }

    /** Shoplazza 2025-06 {@code GET /price_rules/{id}/discount_codes/{codeId}}. */
    public static byte[] shoplazzaCode() {
        return json(map("code", 200, "message", "success", "data", map("discount_code", map(
                "id", SHOPLAZZA_CODE, "price_rule_id", SHOPLAZZA_RULE, "code", "WELCOME-2026",
                "created_at", "2026-11-01T09:00:00Z", "updated_at", "2026-11-20T17:45:12Z",
                "use_with_other", true, "usage_count", 37, "status", "active"))));
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
