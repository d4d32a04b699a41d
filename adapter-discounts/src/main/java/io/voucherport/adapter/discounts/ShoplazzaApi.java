package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * Shoplazza's price-rule and discount-code endpoints under {@code /openapi/{version}}. Answers
 * are read as JSON trees: each version's dialect unwraps and maps them with its own DTO set.
 */
@Headers({"Accept: application/json", "Access-Token: {token}"})
interface ShoplazzaApi {

    /** 2022-01: {@code limit}, {@code page}; 2025-06: {@code cursor}, {@code page_size}. */
    @RequestLine("GET /price_rules")
    JsonNode rules(@Param("token") String token, @QueryMap Map<String, Object> query);

    @RequestLine("POST /price_rules")
    @Headers("Content-Type: application/json")
    JsonNode createRule(@Param("token") String token, Object body);

    @RequestLine("GET /price_rules/{id}")
    JsonNode rule(@Param("token") String token, @Param("id") String id);

    @RequestLine("PUT /price_rules/{id}")
    @Headers("Content-Type: application/json")
    JsonNode updateRule(@Param("token") String token, @Param("id") String id, Object body);

    @RequestLine("DELETE /price_rules/{id}")
    JsonNode deleteRule(@Param("token") String token, @Param("id") String id);

    @RequestLine("GET /price_rules/{id}/discount_codes")
    JsonNode codes(@Param("token") String token, @Param("id") String ruleId, @QueryMap Map<String, Object> query);

    @RequestLine("POST /price_rules/{id}/discount_codes")
    @Headers("Content-Type: application/json")
    JsonNode createCode(@Param("token") String token, @Param("id") String ruleId, Object body);

    /** 2025-06 only; the path is not confirmed by Shoplazza's documentation. */
    @RequestLine("POST /price_rules/{id}/discount_codes/batch")
    @Headers("Content-Type: application/json")
    JsonNode createCodes(@Param("token") String token, @Param("id") String ruleId, Object body);

    @RequestLine("GET /price_rules/{id}/discount_codes/{codeId}")
    JsonNode code(@Param("token") String token, @Param("id") String ruleId, @Param("codeId") String codeId);

    @RequestLine("PUT /price_rules/{id}/discount_codes/{codeId}")
    @Headers("Content-Type: application/json")
    JsonNode updateCode(@Param("token") String token, @Param("id") String ruleId, @Param("codeId") String codeId,
            Object body);

    @RequestLine("DELETE /price_rules/{id}/discount_codes/{codeId}")
    JsonNode deleteCode(@Param("token") String token, @Param("id") String ruleId, @Param("codeId") String codeId);

    @RequestLine("GET /discount_codes/lookup?code={code}")
    JsonNode lookup(@Param("token") String token, @Param("code") String code);
}
