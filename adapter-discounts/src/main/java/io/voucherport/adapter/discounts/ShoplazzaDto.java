package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.List;

/**
 * Shoplazza wire shapes, one set per dialect, read and written in snake_case. Every field may be
 * absent; unknown fields are ignored. Numbers and flags that a dialect sends as text or as numbers
 * are read as text ({@code "0"}, {@code 0}, {@code "-1"}, {@code "0.0000"}, {@code true}) and made
 * sense of by {@link ShoplazzaMapper}. The codes and rules of an answer are kept as each item's
 * buffered tokens ({@code TokenBuffer}) and read one by one by the dialect (one unreadable item never
 * spoils the others; the tokens are also the item's raw fields).
 */
final class ShoplazzaDto {

    private ShoplazzaDto() {
    }

    /**
     * Any answer of the Open API. {@link ShoplazzaApi} declares this type; the dialect's JSON set-up
     * ({@link ShoplazzaDialect#json()}) reads it as the dialect's own record, which the dialect gets
     * back through {@link #v2022()} or {@link #v2025()}.
     */
    sealed interface Answer permits V2022.Answer, V2025.Envelope {
        /** This answer when it is a 2022-01 one. */
        default Option<V2022.Answer> v2022() {
            return Option.none();
        }

        /** This answer when it is a 2025-06 one. */
        default Option<V2025.Envelope> v2025() {
            return Option.none();
        }
    }

    /** A price-rule body of either dialect, written as its own record (no type marker on the wire). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    sealed interface RuleBody permits V2022.RuleBody, V2025.RuleBody {
    }

    /** API 2022-01: bare objects, numbers as strings ({@code "0"}, {@code "-1"}, {@code "0.0000"}), zone-less timestamps. */
    static final class V2022 {
        private V2022() {
        }

        /**
         * Whatever an answer holds: one code or rule, or a page of them (paged by page number;
         * {@code count}, when sent, the number of items the whole listing holds, as text or a
         * number); items as read, for {@link DiscountCode} and {@link PriceRule}.
         */
        record Answer(TokenBuffer discountCode, List<TokenBuffer> discountCodes, TokenBuffer priceRule,
                List<TokenBuffer> priceRules, JsonNode count) implements ShoplazzaDto.Answer {
            @Override
            public Option<Answer> v2022() {
                return Option.some(this);
            }
        }

        record DiscountCode(String id, String priceRuleId, String code, String createdAt, String updatedAt,
                String useWithOther, String usageCount) {
        }

        /**
         * {@code usage_limit} {@code "-1"} is unlimited; {@code ends_at} {@code "-1"} is no end;
         * {@code times_used} the rule's uses; {@code once_per_customer} "1" once per customer (the
         * create page: a per-customer maximum, -1 or 0 none); {@code allocation_limit} per checkout.
         */
        record PriceRule(String id, String title, String valueType, String value, String usageLimit, String timesUsed,
                String oncePerCustomer, String allocationLimit, String startsAt, String endsAt) {
        }

        record RuleBody(RuleOut priceRule) implements ShoplazzaDto.RuleBody {
        }

        /** {@code usage_limit} {@code "-1"} is unlimited; {@code ends_at} {@code "-1"} is no end. */
        record RuleOut(String title, String valueType, String value, String usageLimit, String startsAt, String endsAt) {
        }
    }

    /** API 2025-06: ints (tolerated as strings too), ISO-8601 timestamps, inside the envelope's {@code data}. */
    static final class V2025 {
        private V2025() {
        }

        /**
         * The envelope of every answer. {@code code} is a success ({@code 200}, {@code "200"},
         * {@code "Success"}, …) or a failure, even under HTTP 2xx; {@code data} may be absent.
         */
        record Envelope(String code, String message, Data data) implements ShoplazzaDto.Answer {
            @Override
            public Option<Envelope> v2025() {
                return Option.some(this);
            }
        }

        /**
         * One code or rule, or a page of them with the next page's {@code cursor} when
         * {@code has_more}; items as read, for {@link DiscountCode} and {@link PriceRule}.
         */
        record Data(TokenBuffer discountCode, List<TokenBuffer> discountCodes, TokenBuffer priceRule,
                List<TokenBuffer> priceRules, String cursor, Boolean hasMore) {
            static final Data EMPTY = new Data(null, null, null, null, null, null);
        }

        /** {@code use_with_other} is seen as {@code 1}, {@code "1"} and {@code true}. */
        record DiscountCode(String id, String priceRuleId, String code, String createdAt, String updatedAt,
                String useWithOther, BigDecimal usageCount) {
        }

        /**
         * {@code usage_limit} -1 is unlimited; {@code ends_at} absent is no end; {@code times_used}
         * the rule's uses; {@code once_per_customer} 1 once per customer; {@code allocation_limit}
         * per checkout.
         */
        record PriceRule(String id, String title, String valueType, BigDecimal value, BigDecimal usageLimit,
                BigDecimal timesUsed, BigDecimal oncePerCustomer, BigDecimal allocationLimit, String startsAt,
                String endsAt) {
        }

        record RuleBody(RuleOut priceRule) implements ShoplazzaDto.RuleBody {
        }

        /** {@code usage_limit} -1 is unlimited; {@code ends_at} absent is no end. */
        record RuleOut(String title, String valueType, BigDecimal value, long usageLimit, String startsAt, String endsAt) {
        }

        /** {@code {"discount_codes": [{"code": …}, …]}}. */
        record BatchBody(List<CodeOut> discountCodes) {
        }
    }

    /** {@code {"discount_code": {"code": …}}} in both dialects. */
    record CodeBody(CodeOut discountCode) {
    }

    record CodeOut(String code) {
    }

    /** The OAuth refresh request ({@code grant_type} {@code refresh_token}). */
    record TokenRequest(String clientId, String clientSecret, String grantType, String refreshToken) {
    }

    /**
     * The OAuth token answer: {@code expires_at} (epoch seconds or a timestamp) or {@code expires_in}
     * (seconds); a new {@code refresh_token} replaces the old one.
     */
    record Token(String accessToken, String refreshToken, String expiresAt, Long expiresIn) {
    }
}
