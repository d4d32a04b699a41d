package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Elastic Path wire shapes, read and written in snake_case (the adapter's mapper is configured
 * so). Every field may be absent; unknown fields are ignored; numbers may come as strings.
 */
final class ElasticPathDto {

    private ElasticPathDto() {
    }

    /** {@code {access_token, token_type, expires (unix seconds), expires_in}}. */
    record Token(String accessToken, String tokenType, Long expires, Long expiresIn) {
    }

    record Envelope<T>(T data) {
    }

    /**
     * {@code {data, meta: {page, results: {total}}}}; {@code links.next} is deliberately not read.
     * Listings read their items as {@code JsonNode}s (promotions) or buffered tokens (codes), one by one
     * ({@link ElasticPathItems}).
     */
    record PageOf<T>(List<T> data, Meta meta) {
    }

    record Meta(PageMeta page, Results results) {
    }

    record PageMeta(Long current, Long limit, Long offset, Long total) {
    }

    record Results(Long total) {
    }

    record Promotion(String id, String type, String name, Boolean enabled, String start, String end) {
    }

    /**
     * A listed code. {@code uses} here is the number of uses <em>remaining</em>; counts are read as
     * numbers and judged by the mapper (a negative, fractional or overflowing count is unreadable,
     * never clamped). {@code user} is one id or an array of ids. Lists come flat
     * ({@code [{code…}]}) or nested ({@code [{data: {codes: [{code…}]}}]}): {@link ElasticPathItems}
     * finds the codes in either.
     */
    record Code(String id, String code, String consumeUnit, JsonNode user, BigDecimal uses, BigDecimal maxUses,
            String createdBy, CodeMeta meta) {
    }

    record CodeMeta(Timestamps timestamps) {
    }

    record Timestamps(String createdAt) {
    }

    /** {@code {data: {type: "promotion_codes", codes: [...]}}}. */
    record CodesBody(CodesData data) {
    }

    record CodesData(String type, List<NewCode> codes) {
    }

    /** {@code uses} here is the number of uses <em>allowed</em>. */
    record NewCode(String code, Integer uses, String user, String consumeUnit) {
    }

    record JobBody(JobData data) {
    }

    record JobData(String type, String jobType, JobParameters parameters) {
    }

    record JobParameters(Integer numberOfCodes, String codePrefix, Integer codeLength, Integer maxUsesPerCode,
            String consumeUnit) {
    }

    record Job(String id, String jobType, String status, JsonNode error) {
    }
}
