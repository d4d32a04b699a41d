package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Body;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * Elastic Path's promotion endpoints. {@code root} is {@code promotions} (standard) or
 * {@code rule-promotions} (Promotions Builder); every call but the token request carries the
 * bearer token the caller passes.
 */
@Headers("Accept: application/json")
interface ElasticPathApi {

    /** {@code form} is the already-encoded {@code application/x-www-form-urlencoded} body. */
    @RequestLine("POST /oauth/access_token")
    @Headers("Content-Type: application/x-www-form-urlencoded")
    @Body("{form}")
    ElasticPathDto.Token token(@Param("form") String form);

    /** Query: {@code page[limit]}, {@code page[offset]}, {@code filter}. */
    @RequestLine("GET /v2/{root}")
    @Headers("Authorization: Bearer {token}")
    ElasticPathDto.PageOf<ElasticPathDto.Promotion> promotions(
            @Param("token") String token, @Param("root") String root, @QueryMap Map<String, Object> query);

    @RequestLine("GET /v2/{root}/{id}")
    @Headers("Authorization: Bearer {token}")
    ElasticPathDto.Envelope<ElasticPathDto.Promotion> promotion(
            @Param("token") String token, @Param("root") String root, @Param("id") String id);

    /** Query: {@code page[limit]}, {@code page[offset]}. Items come flat or nested: read by the adapter. */
    @RequestLine("GET /v2/{root}/{id}/codes")
    @Headers("Authorization: Bearer {token}")
    ElasticPathDto.PageOf<ElasticPathDto.Code> codes(@Param("token") String token, @Param("root") String root,
            @Param("id") String id, @QueryMap Map<String, Object> query);

    /** Answers 201 with the promotion, not the codes. */
    @RequestLine("POST /v2/{root}/{id}/codes")
    @Headers({"Authorization: Bearer {token}", "Content-Type: application/json"})
    ElasticPathDto.Envelope<ElasticPathDto.Promotion> createCodes(@Param("token") String token, @Param("root") String root, @Param("id") String id,
            ElasticPathDto.CodesBody body);

    @RequestLine("DELETE /v2/{root}/{id}/codes")
    @Headers({"Authorization: Bearer {token}", "Content-Type: application/json"})
    void deleteCodes(@Param("token") String token, @Param("root") String root, @Param("id") String id,
            ElasticPathDto.CodesBody body);

    /**
     * {@code key}: the code text (standard) or the code id (Promotions Builder); URL-encoded by
     * Feign, slashes included ({@code decodeSlash = false}).
     */
    @RequestLine(value = "DELETE /v2/{root}/{id}/codes/{key}", decodeSlash = false)
    @Headers("Authorization: Bearer {token}")
    void deleteCode(@Param("token") String token, @Param("root") String root, @Param("id") String id,
            @Param("key") String key);

    @RequestLine("POST /v2/{root}/{id}/jobs")
    @Headers({"Authorization: Bearer {token}", "Content-Type: application/json"})
    ElasticPathDto.Envelope<ElasticPathDto.Job> createJob(@Param("token") String token, @Param("root") String root,
            @Param("id") String id, ElasticPathDto.JobBody body);

    @RequestLine("GET /v2/{root}/{id}/jobs")
    @Headers("Authorization: Bearer {token}")
    ElasticPathDto.PageOf<ElasticPathDto.Job> jobs(
            @Param("token") String token, @Param("root") String root, @Param("id") String id);

    @RequestLine("POST /v2/{root}/{id}/jobs/{jobId}/cancel")
    @Headers("Authorization: Bearer {token}")
    ElasticPathDto.Envelope<ElasticPathDto.Job> cancelJob(@Param("token") String token, @Param("root") String root,
            @Param("id") String id, @Param("jobId") String jobId);

    @RequestLine("GET /v2/{root}/{id}/jobs/{jobId}/file")
    @Headers("Authorization: Bearer {token}")
    ElasticPathDto.Envelope<JsonNode> jobFile(@Param("token") String token, @Param("root") String root,
            @Param("id") String id, @Param("jobId") String jobId);
}
