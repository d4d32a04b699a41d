package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Secret;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.ConsumeUnit;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.JobStatus;
import io.voucherport.domain.promotion.JobType;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Elastic Path wire shapes and domain types, both directions. MapStruct generates every mapping
 * built field by field (codes, promotions, jobs, the created codes; the create, delete and job
 * request bodies); the {@code default} methods are value conversions MapStruct calls as building
 * blocks or shapes that need a judgement, each marked so. The engine decides which consume units
 * are known: a standard promotion's {@code per_application} is kept raw as unknown, never
 * guessed. Throws {@link IllegalArgumentException} or {@link MalformedAnswerException} for an
 * answer the domain refuses; the request path reports that as an unexpected response.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ElasticPathMapper {

    ElasticPathMapper INSTANCE = Mappers.getMapper(ElasticPathMapper.class);

    // ---- answers → domain (generated) ----

    @Mapping(target = "code", source = "code.code")
    @Mapping(target = "id", source = "code.id")
    @Mapping(target = "consumeUnit", expression = "java(consumeUnit(code.consumeUnit(), kind))")
    @Mapping(target = "users", source = "code.user", qualifiedByName = "users")
    @Mapping(target = "remainingUses", source = "code.uses")
    @Mapping(target = "maxUses", source = "code.maxUses")
    @Mapping(target = "createdBy", source = "code.createdBy")
    @Mapping(target = "createdAt", source = "code.meta.timestamps.createdAt")
    PromotionCode code(ElasticPathDto.Code code, PromotionKind kind);

    @Mapping(target = "id", source = "promotion.id")
    @Mapping(target = "kind", source = "kind")
    @Mapping(target = "name", expression = "java(nameOf(promotion))")
    @Mapping(target = "enabled", source = "promotion.enabled")
    @Mapping(target = "startsAt", source = "promotion.start")
    @Mapping(target = "endsAt", source = "promotion.end")
    Promotion promotion(ElasticPathDto.Promotion promotion, PromotionKind kind);

    @Mapping(target = "id", source = "job.id")
    @Mapping(target = "promotionId", source = "promotionId")
    @Mapping(target = "type", source = "job.jobType")
    @Mapping(target = "status", source = "job.status")
    @Mapping(target = "message", source = "job.error", qualifiedByName = "message")
    CodeJob job(ElasticPathDto.Job job, PromotionId promotionId);

    /**
     * A code as created: creating answers with the promotion, not the codes, so the codes are the
     * ones sent, as Elastic Path stored them on success (all allowed uses remain).
     */
    @Mapping(target = "id", expression = "java(io.vavr.control.Option.none())")
    @Mapping(target = "users", source = "user")
    @Mapping(target = "remainingUses", source = "allowedUses")
    @Mapping(target = "maxUses", source = "allowedUses")
    @Mapping(target = "createdBy", expression = "java(io.vavr.control.Option.none())")
    @Mapping(target = "createdAt", expression = "java(io.vavr.control.Option.none())")
    PromotionCode created(NewPromotionCode code);

    List<PromotionCode> created(List<NewPromotionCode> codes);

    // ---- domain → requests (generated) ----

    /** A code to create; {@code uses} here is the number of uses <em>allowed</em>. */
    @Mapping(target = "uses", source = "allowedUses")
    ElasticPathDto.NewCode newCode(NewPromotionCode code);

    List<ElasticPathDto.NewCode> newCodes(List<NewPromotionCode> codes);

    /** A code to delete: its text only. */
    @Mapping(target = "code", source = "code")
    @Mapping(target = "uses", ignore = true)
    @Mapping(target = "user", ignore = true)
    @Mapping(target = "consumeUnit", ignore = true)
    ElasticPathDto.NewCode codeToDelete(CodeText code);

    List<ElasticPathDto.NewCode> codesToDelete(List<CodeText> codes);

    /** {@code {data: {type: "promotion_job", job_type, parameters}}}: the body is generated around the job data. */
    @Mapping(target = "data", source = "data")
    ElasticPathDto.JobBody jobBody(ElasticPathDto.JobData data);

    /** A job of {@code type}; {@code generation} only for {@link JobType#GENERATE_CODES}, none (null) for an export. */
    @Mapping(target = "type", constant = "promotion_job")
    @Mapping(target = "jobType", source = "type")
    @Mapping(target = "parameters", source = "generation")
    ElasticPathDto.JobData jobData(JobType type, CodeGenerationRequest generation);

    @Mapping(target = "numberOfCodes", source = "count")
    @Mapping(target = "codePrefix", source = "prefix")
    @Mapping(target = "codeLength", source = "length")
    ElasticPathDto.JobParameters parameters(CodeGenerationRequest generation);

    /**
     * Envelope, written by hand because MapStruct does not map a list into a bean:
     * {@code {data: {type: "promotion_codes", codes: [...]}}}, the body of both create and delete.
     */
    default ElasticPathDto.CodesBody codesBody(List<ElasticPathDto.NewCode> codes) {
        return new ElasticPathDto.CodesBody(new ElasticPathDto.CodesData("promotion_codes", codes));
    }

    // ---- judgements ----

    /**
     * Judgement: the promotion holding a code is the first one the filter found (only its id is
     * read); one without a textual id is malformed.
     */
    default Option<PromotionId> holder(List<JsonNode> found) {
        return Option.ofOptional((found == null ? List.<JsonNode>of() : found).stream().findFirst()).map(p -> {
            JsonNode id = p == null ? null : p.get("id");
            if (id == null || !id.isTextual()) {
                throw new MalformedAnswerException("the promotion found has no id");
            }
            return promotionId(id.asText());
        });
    }

    /** Judgement: the job {@code jobId} among a promotion's jobs, when listed. */
    default Option<CodeJob> job(List<ElasticPathDto.Job> jobs, JobId jobId, PromotionId promotionId) {
        return Option.ofOptional((jobs == null ? List.<ElasticPathDto.Job>of() : jobs).stream()
                .filter(j -> jobId.value().equals(j.id())).findFirst()).map(j -> job(j, promotionId));
    }

    /** Judgement: an export file's link, under {@code href}, {@code url} or {@code link}; a secret. */
    default Secret fileLink(JsonNode file) {
        for (String field : List.of("href", "url", "link")) {
            if (file != null && file.hasNonNull(field) && !file.get(field).asText().isBlank()) {
                return Secret.of(file.get(field).asText());
            }
        }
        throw new MalformedAnswerException("the job file answer has no link");
    }

    /**
     * Judgement: an issued token expires at {@code expires} (unix seconds), else {@code expires_in}
     * seconds after {@code now}, else after the documented hour.
     */
    default TokenCache.IssuedToken issuedToken(ElasticPathDto.Token token, Instant now) {
        ElasticPathDto.Token t = MalformedAnswerException.require(token, "body");
        String value = MalformedAnswerException.require(t.accessToken(), "access_token");
        Instant expires = t.expires() != null ? Instant.ofEpochSecond(t.expires())
                : now.plusSeconds(t.expiresIn() != null ? t.expiresIn() : 3600);
        return new TokenCache.IssuedToken(Secret.of(value), expires);
    }

    /** Judgement: asks for the one promotion holding {@code code} ({@code filter=eq(code,…)}); a query is a map, not a bean. */
    default Map<String, Object> holderQuery(CodeText code) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filter", "eq(code," + code.value() + ")");
        query.put("page[limit]", 1);
        return query;
    }

    // ---- value conversions (building blocks) ----

    /** Value conversion: wire text → code text. */
    default CodeText codeText(String code) {
        return CodeText.of(code);
    }

    /** Value conversion: code text → wire text. */
    default String text(CodeText code) {
        return code.value();
    }

    /** Value conversion: wire text → promotion id. */
    default PromotionId promotionId(String id) {
        return PromotionId.of(id);
    }

    /** Value conversion: wire text → job id. */
    default JobId jobId(String id) {
        return JobId.of(id);
    }

    /** Value conversion: a nullable, possibly blank text → {@code Option}. */
    default Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    /** Value conversion: an optional text → a nullable wire field (absent when none). */
    default String nullableText(Option<String> value) {
        return value.getOrNull();
    }

    /** Value conversion: a nullable flag → {@code Option}. */
    default Option<Boolean> flag(Boolean value) {
        return Option.of(value);
    }

    /**
     * Value conversion: a nullable count → {@code Option}; a count that is negative, fractional or
     * beyond {@code Integer.MAX_VALUE} is no count: the answer (or its item) is unreadable, never
     * clamped.
     */
    default Option<Integer> count(BigDecimal value) {
        if (value == null) {
            return Option.none();
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new MalformedAnswerException("a count must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return Option.some(value.intValueExact());
    }

    /** Value conversion: an optional count → a nullable wire field (absent when none). */
    default Integer nullableCount(Option<Integer> value) {
        return value.getOrNull();
    }

    /** Value conversion: an ISO-8601 text → {@code Option<Instant>}. */
    default Option<Instant> instant(String value) {
        return Timestamps.parse(value);
    }

    /**
     * Value conversion: who may use a code — one customer id (or any identifying text) or an array
     * of them — as a list, each kept; absent, {@code null}, blank or an empty array is anybody. A
     * user that is not a text or number (an object, a nested array) is unreadable.
     */
    @Named("users")
    default List<String> users(JsonNode user) {
        if (user == null || user.isNull()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode u : user.isArray() ? user : List.of(user)) {
            if (u.isNull()) {
                continue;
            }
            if (!u.isTextual() && !u.isNumber()) {
                throw new MalformedAnswerException("user must be a customer id or an array of them");
            }
            if (!u.asText().isBlank()) {
                ids.add(u.asText());
            }
        }
        return ids;
    }

    /** Value conversion: the one user a new code is for, as a list (empty for anybody). */
    default List<String> users(Option<String> user) {
        return user.toJavaList();
    }

    /** Value conversion: an error object or text as one message. */
    @Named("message")
    default Option<String> message(JsonNode error) {
        if (error == null || error.isNull()) {
            return Option.none();
        }
        return text(error.isTextual() ? error.asText()
                : error.path("detail").asText(error.path("title").asText(error.toString())));
    }

    /** Value conversion: {@code code_export} is an export; any other job generates codes. */
    default JobType jobType(String raw) {
        return "code_export".equals(raw) ? JobType.EXPORT_CODES : JobType.GENERATE_CODES;
    }

    /** Value conversion: a job type → its {@code job_type} word. */
    default String jobTypeWord(JobType type) {
        return type == JobType.EXPORT_CODES ? "code_export" : "code_generate";
    }

    /** Value conversion: a job status word, by {@link ElasticPathStatuses}. */
    default JobStatus jobStatus(String raw) {
        return ElasticPathStatuses.jobStatus(raw);
    }

    /** Value conversion: a promotion's name, or its id when it has none. */
    default String nameOf(ElasticPathDto.Promotion promotion) {
        return text(promotion.name()).getOrElse(promotion.id());
    }

    /** Value conversion: the engine's own consume units; anything else (including the other engine's) kept raw. */
    default Option<ConsumeUnit> consumeUnit(String raw, PromotionKind kind) {
        return text(raw).map(r -> {
            for (ConsumeUnit.Known known : ConsumeUnit.Known.values()) {
                if (known.kind() == kind && known.name().equalsIgnoreCase(r.strip())) {
                    return (ConsumeUnit) known;
                }
            }
            return new ConsumeUnit.Unknown(r);
        });
    }

    /** Value conversion: an optional consume unit → its wire name ({@code per_cart}, … or the raw value), absent when none. */
    default String consumeUnitWord(Option<ConsumeUnit> unit) {
        return unit.map(u -> u instanceof ConsumeUnit.Known known ? known.name().toLowerCase(Locale.ROOT)
                : u instanceof ConsumeUnit.Unknown unknown ? unknown.raw() : u.toString()).getOrNull();
    }
}
