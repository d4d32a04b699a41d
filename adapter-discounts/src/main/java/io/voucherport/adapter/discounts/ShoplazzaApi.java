package io.voucherport.adapter.discounts;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * Shoplazza's price-rule and discount-code endpoints under {@code /openapi/{version}}, the same
 * paths in both dialects. Every answer is a {@link ShoplazzaDto.Answer}, read as the dialect's own
 * record by the dialect's JSON set-up; rule bodies are the dialect's own. No auth header: the
 * request path adds {@code Access-Token}.
 */
@Headers("Accept: application/json")
interface ShoplazzaApi {

    /** 2022-01: {@code limit}, {@code page}; 2025-06: {@code cursor}, {@code page_size}. */
    @RequestLine("GET /price_rules")
    ShoplazzaDto.Answer rules(@QueryMap Map<String, Object> query);

    @RequestLine("POST /price_rules")
    @Headers("Content-Type: application/json")
    ShoplazzaDto.Answer createRule(ShoplazzaDto.RuleBody body);

    @RequestLine("GET /price_rules/{id}")
    ShoplazzaDto.Answer rule(@Param("id") String id);

    @RequestLine("PUT /price_rules/{id}")
    @Headers("Content-Type: application/json")
    ShoplazzaDto.Answer updateRule(@Param("id") String id, ShoplazzaDto.RuleBody body);

    @RequestLine("DELETE /price_rules/{id}")
    ShoplazzaDto.Answer deleteRule(@Param("id") String id);

    /** Paged like {@link #rules}. */
    @RequestLine("GET /price_rules/{id}/discount_codes")
    ShoplazzaDto.Answer codes(@Param("id") String ruleId, @QueryMap Map<String, Object> query);

    @RequestLine("POST /price_rules/{id}/discount_codes")
    @Headers("Content-Type: application/json")
    ShoplazzaDto.Answer createCode(@Param("id") String ruleId, ShoplazzaDto.CodeBody body);

    /** 2025-06 only; the path is not confirmed by Shoplazza's documentation. */
    @RequestLine("POST /price_rules/{id}/discount_codes/batch")
    @Headers("Content-Type: application/json")
    ShoplazzaDto.Answer createCodes(@Param("id") String ruleId, ShoplazzaDto.V2025.BatchBody body);

    @RequestLine("GET /price_rules/{id}/discount_codes/{codeId}")
    ShoplazzaDto.Answer code(@Param("id") String ruleId, @Param("codeId") String codeId);

    @RequestLine("PUT /price_rules/{id}/discount_codes/{codeId}")
    @Headers("Content-Type: application/json")
    ShoplazzaDto.Answer updateCode(@Param("id") String ruleId, @Param("codeId") String codeId,
            ShoplazzaDto.CodeBody body);

    @RequestLine("DELETE /price_rules/{id}/discount_codes/{codeId}")
    ShoplazzaDto.Answer deleteCode(@Param("id") String ruleId, @Param("codeId") String codeId);

    @RequestLine("GET /discount_codes/lookup?code={code}")
    ShoplazzaDto.Answer lookup(@Param("code") String code);
}
