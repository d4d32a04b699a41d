package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * Elastic Path's promotion endpoints. {@code root} is {@code promotions} (standard) or
 * {@code rule-promotions} (Promotions Builder). The bearer token is added by the request path;
 * the token endpoint is {@link ElasticPathTokenApi}.
 */
@Headers("Accept: application/json")
interface ElasticPathApi {

    /** Query: {@code page[limit]}, {@code page[offset]}, {@code filter}. Items read one by one ({@link ElasticPathItems}). */
    @RequestLine("GET /v2/{root}")
    ElasticPathDto.PageOf<JsonNode> promotions(
            @Param("root") String root, @QueryMap Map<String, Object> query);

    @RequestLine("GET /v2/{root}/{id}")
    ElasticPathDto.Envelope<ElasticPathDto.Promotion> promotion(@Param("root") String root, @Param("id") String id);

    /**
     * Query: {@code page[limit]}, {@code page[offset]}. Items come flat or nested: each is kept as
     * its tokens and read one by one ({@link ElasticPathItems#codesAsRead}).
     */
    @RequestLine("GET /v2/{root}/{id}/codes")
    ElasticPathDto.PageOf<TokenBuffer> codes(@Param("root") String root, @Param("id") String id,
            @QueryMap Map<String, Object> query);

    /** Answers 201 with the promotion, not the codes. */
    @RequestLine("POST /v2/{root}/{id}/codes")
    @Headers("Content-Type: application/json")
    ElasticPathDto.Envelope<ElasticPathDto.Promotion> createCodes(@Param("root") String root, @Param("id") String id,
            ElasticPathDto.CodesBody body);

    @RequestLine("DELETE /v2/{root}/{id}/codes")
    @Headers("Content-Type: application/json")
    void deleteCodes(@Param("root") String root, @Param("id") String id, ElasticPathDto.CodesBody body);

    /**
     * {@code key}: the code text (standard) or the code id (Promotions Builder), encoded by
     * {@code PathSegment} (Feign passes it on as it is, {@code %2F} included: {@code decodeSlash = false}).
     */
    @RequestLine(value = "DELETE /v2/{root}/{id}/codes/{key}", decodeSlash = false)
    void deleteCode(@Param("root") String root, @Param("id") String id, @Param("key") String key);

    @RequestLine("POST /v2/{root}/{id}/jobs")
    @Headers("Content-Type: application/json")
    ElasticPathDto.Envelope<ElasticPathDto.Job> createJob(@Param("root") String root, @Param("id") String id,
            ElasticPathDto.JobBody body);

    @RequestLine("GET /v2/{root}/{id}/jobs")
    ElasticPathDto.PageOf<ElasticPathDto.Job> jobs(@Param("root") String root, @Param("id") String id);

    @RequestLine("POST /v2/{root}/{id}/jobs/{jobId}/cancel")
    ElasticPathDto.Envelope<ElasticPathDto.Job> cancelJob(@Param("root") String root, @Param("id") String id,
            @Param("jobId") String jobId);

    @RequestLine("GET /v2/{root}/{id}/jobs/{jobId}/file")
    ElasticPathDto.Envelope<JsonNode> jobFile(@Param("root") String root, @Param("id") String id,
            @Param("jobId") String jobId);
}
