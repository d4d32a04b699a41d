package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.UsageLimit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Both dialects' wire shapes to domain types. MapStruct generates the mappings; the lenient
 * readings are written by hand: numbers as strings or numbers ({@code "0"}, {@code 0},
 * {@code "-1"}, {@code "0.0000"}), {@code -1} as "unlimited" or "no end", zone-less timestamps in
 * the store's zone, and Vavr wrapping.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ShoplazzaMapper {

    ShoplazzaMapper INSTANCE = Mappers.getMapper(ShoplazzaMapper.class);

    @Mapping(target = "usageCount", source = "usageCount")
    @Mapping(target = "combinesWithOtherOffers", source = "useWithOther")
    DiscountCode code(ShoplazzaDto.V2022.DiscountCode code, @Context ZoneId zone);

    @Mapping(target = "usageCount", source = "usageCount")
    @Mapping(target = "combinesWithOtherOffers", source = "useWithOther")
    DiscountCode code(ShoplazzaDto.V2025.DiscountCode code, @Context ZoneId zone);

    @Mapping(target = "title", expression = "java(rule.title() == null ? \"\" : rule.title())")
    @Mapping(target = "value", expression = "java(value(rule.valueType(), number(rule.value())))")
    PriceRule rule(ShoplazzaDto.V2022.PriceRule rule, @Context ZoneId zone);

    @Mapping(target = "title", expression = "java(rule.title() == null ? \"\" : rule.title())")
    @Mapping(target = "value", expression = "java(value(rule.valueType(), rule.value()))")
    PriceRule rule(ShoplazzaDto.V2025.PriceRule rule, @Context ZoneId zone);

    default DiscountCodeId codeId(String id) {
        return DiscountCodeId.of(id);
    }

    default PriceRuleId ruleId(String id) {
        return PriceRuleId.of(id);
    }

    /** A lenient number: {@code "0"}, {@code "-1"}, {@code "0.0000"}; none when absent or unreadable. */
    default BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    default int count(String text) {
        return count(number(text));
    }

    default int count(BigDecimal n) {
        return n == null || n.signum() < 0 ? 0 : n.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }

    default boolean flag(String text) {
        return text != null && (text.strip().equals("1") || text.strip().equalsIgnoreCase("true"));
    }

    default boolean flag(JsonNode node) {
        return node != null && (node.asBoolean(false) || flag(node.asText()));
    }

    /** Negative (the {@code -1} sentinel) or absent is unlimited. */
    default UsageLimit limit(String text) {
        return limit(number(text));
    }

    default UsageLimit limit(BigDecimal n) {
        return n == null || n.signum() < 0 ? UsageLimit.UNLIMITED : UsageLimit.of(count(n));
    }

    /** Absent, blank, {@code -1} or {@code 0} is none; otherwise ISO-8601 or zone-less in the store's zone. */
    default Option<Instant> instant(String text, @Context ZoneId zone) {
        if (text == null || text.isBlank() || text.strip().equals("-1") || text.strip().equals("0")) {
            return Option.none();
        }
        return Timestamps.parse(text, zone);
    }

    /** {@code percentage} or {@code fixed_amount}, sign ignored (Shoplazza writes discounts negative); none otherwise. */
    default Option<DiscountValue> value(String type, BigDecimal value) {
        if (type == null || value == null || value.signum() == 0) {
            return Option.none();
        }
        BigDecimal amount = value.abs().stripTrailingZeros();
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "percentage" -> amount.compareTo(BigDecimal.valueOf(100)) <= 0
                    ? Option.some(new DiscountValue.Percentage(amount)) : Option.none();
            case "fixed_amount" -> Option.some(new DiscountValue.FixedAmount(amount));
            default -> Option.none();
        };
    }
}
