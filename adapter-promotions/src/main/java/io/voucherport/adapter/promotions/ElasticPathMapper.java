package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.ConsumeUnit;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.JobStatus;
import io.voucherport.domain.promotion.JobType;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Elastic Path wire shapes to domain types. MapStruct generates the code, promotion and job
 * mappings; Vavr wrapping, the two list shapes and the engine-specific consume units are written
 * by hand. The engine decides which consume units are known: a standard promotion's
 * {@code per_application} is kept raw as unknown, never guessed.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ElasticPathMapper {

    ElasticPathMapper INSTANCE = Mappers.getMapper(ElasticPathMapper.class);

    @Mapping(target = "code", source = "code.code")
    @Mapping(target = "id", source = "code.id")
    @Mapping(target = "consumeUnit", expression = "java(consumeUnit(code.consumeUnit(), kind))")
    @Mapping(target = "user", source = "code.user", qualifiedByName = "user")
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

    /** A page's codes, listed flat ({@code [{code…}]}) or nested ({@code [{data: {codes: [...]}}]}); blank codes skipped. */
    default List<PromotionCode> codes(List<ElasticPathDto.Code> items, PromotionKind kind) {
        List<PromotionCode> codes = new ArrayList<>();
        for (ElasticPathDto.Code item : items == null ? List.<ElasticPathDto.Code>of() : items) {
            boolean flat = item.code() != null && !item.code().isBlank();
            List<ElasticPathDto.Code> listed = flat ? List.of(item)
                    : item.data() == null || item.data().codes() == null ? List.of() : item.data().codes();
            for (ElasticPathDto.Code code : listed) {
                if (code.code() != null && !code.code().isBlank()) {
                    codes.add(code(code, kind));
                }
            }
        }
        return codes;
    }

    default CodeText codeText(String code) {
        return CodeText.of(code);
    }

    default PromotionId promotionId(String id) {
        return PromotionId.of(id);
    }

    default JobId jobId(String id) {
        return JobId.of(id);
    }

    default Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    default Option<Boolean> flag(Boolean value) {
        return Option.of(value);
    }

    /** Counts below zero are not counts: none. */
    default Option<Integer> count(Integer value) {
        return Option.of(value).filter(v -> v >= 0);
    }

    default Option<Instant> instant(String value) {
        return Timestamps.parse(value);
    }

    /** A customer id, or several joined by commas. */
    @Named("user")
    default Option<String> user(JsonNode user) {
        if (user == null || user.isNull()) {
            return Option.none();
        }
        if (user.isArray()) {
            List<String> ids = new ArrayList<>();
            user.forEach(u -> ids.add(u.asText()));
            return text(String.join(",", ids));
        }
        return text(user.asText());
    }

    /** An error object or text as one message. */
    @Named("message")
    default Option<String> message(JsonNode error) {
        if (error == null || error.isNull()) {
            return Option.none();
        }
        return text(error.isTextual() ? error.asText()
                : error.path("detail").asText(error.path("title").asText(error.toString())));
    }

    default JobType jobType(String raw) {
        return "code_export".equals(raw) ? JobType.EXPORT_CODES : JobType.GENERATE_CODES;
    }

    default JobStatus jobStatus(String raw) {
        String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        for (JobStatus.Known known : JobStatus.Known.values()) {
            if (known.name().equals(s)) {
                return known;
            }
        }
        return new JobStatus.Unknown(raw == null ? "" : raw);
    }

    default String nameOf(ElasticPathDto.Promotion promotion) {
        return text(promotion.name()).getOrElse(promotion.id());
    }

    /** The engine's own consume units; anything else (including the other engine's) kept raw. */
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

    /** The wire name of a consume unit: {@code per_cart}, … or the raw value. */
    static String wireName(ConsumeUnit unit) {
        return unit instanceof ConsumeUnit.Known known ? known.name().toLowerCase(Locale.ROOT)
                : ((ConsumeUnit.Unknown) unit).raw();
    }
}
