package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Shoplazza wire shapes, one set per dialect, read and written in snake_case. Every field may be
 * absent; unknown fields are ignored.
 */
final class ShoplazzaDto {

    private ShoplazzaDto() {
    }

    /** API 2022-01: numbers as strings ({@code "0"}, {@code "-1"}, {@code "0.0000"}), zone-less timestamps. */
    static final class V2022 {
        private V2022() {
        }

        record DiscountCode(String id, String priceRuleId, String code, String createdAt, String updatedAt,
                String useWithOther, String usageCount) {
        }

        record PriceRule(String id, String title, String valueType, String value, String usageLimit, String startsAt,
                String endsAt) {
        }

        record RuleBody(RuleOut priceRule) {
        }

        /** {@code usage_limit} {@code "-1"} is unlimited; {@code ends_at} {@code "-1"} is no end. */
        record RuleOut(String title, String valueType, String value, String usageLimit, String startsAt, String endsAt) {
        }
    }

    /** API 2025-06: ints (tolerated as strings too), ISO-8601 timestamps, inside the envelope's {@code data}. */
    static final class V2025 {
        private V2025() {
        }

        record DiscountCode(String id, String priceRuleId, String code, String createdAt, String updatedAt,
                JsonNode useWithOther, BigDecimal usageCount) {
        }

        record PriceRule(String id, String title, String valueType, BigDecimal value, BigDecimal usageLimit,
                String startsAt, String endsAt) {
        }

        record RuleBody(RuleOut priceRule) {
        }

        /** {@code usage_limit} -1 is unlimited; {@code ends_at} absent is no end. */
        record RuleOut(String title, String valueType, BigDecimal value, long usageLimit, String startsAt, String endsAt) {
        }

        record BatchBody(List<CodeOut> discountCodes) {
        }
    }

    /** {@code {"discount_code": {"code": …}}} in both dialects. */
    record CodeBody(CodeOut discountCode) {
    }

    record CodeOut(String code) {
    }
}
