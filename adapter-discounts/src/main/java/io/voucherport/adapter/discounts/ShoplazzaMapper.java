package io.voucherport.adapter.discounts;

import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.UsageLimit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Both directions between Shoplazza's wire shapes (both dialects) and the domain. MapStruct
 * generates every mapping; the hand-written methods are value conversions it calls as building
 * blocks — lenient numbers ({@code "0"}, {@code 0}, {@code "-1"}, {@code "0.0000"}), {@code -1} as
 * "unlimited" or "no end", zone-less timestamps in the store's zone, Vavr wrapping — and the one
 * shape MapStruct cannot build (a list into a body), each commented. Throws
 * {@code IllegalArgumentException} for what the domain refuses (read as an unexpected answer).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ShoplazzaMapper {

    ShoplazzaMapper INSTANCE = Mappers.getMapper(ShoplazzaMapper.class);

    /** 2022-01's zone-less timestamp shape. */
    DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    // ---- answers → domain (generated)

    @Mapping(target = "combinesWithOtherOffers", source = "useWithOther")
    DiscountCode code(ShoplazzaDto.V2022.DiscountCode code, @Context ZoneId zone);

    @Mapping(target = "combinesWithOtherOffers", source = "useWithOther")
    DiscountCode code(ShoplazzaDto.V2025.DiscountCode code, @Context ZoneId zone);

    @Mapping(target = "title", defaultValue = "")
    @Mapping(target = "value", expression = "java(value(rule.valueType(), number(rule.value())))")
    @Mapping(target = "perCustomerLimit", source = "oncePerCustomer", qualifiedByName = "perCustomer")
    PriceRule rule(ShoplazzaDto.V2022.PriceRule rule, @Context ZoneId zone);

    @Mapping(target = "title", defaultValue = "")
    @Mapping(target = "value", expression = "java(value(rule.valueType(), rule.value()))")
    @Mapping(target = "perCustomerLimit", source = "oncePerCustomer", qualifiedByName = "perCustomer")
    PriceRule rule(ShoplazzaDto.V2025.PriceRule rule, @Context ZoneId zone);

    // ---- domain → request bodies (generated)

    ShoplazzaDto.CodeOut codeOut(NewDiscountCode code);

    List<ShoplazzaDto.CodeOut> codeOuts(List<NewDiscountCode> codes);

    @Mapping(target = "discountCode", source = "newCode")
    ShoplazzaDto.CodeBody codeBody(NewDiscountCode newCode);

    @Mapping(target = "priceRule", source = "draft")
    ShoplazzaDto.V2022.RuleBody ruleBody2022(PriceRuleDraft draft, @Context ZoneId zone);

    @Mapping(target = "valueType", source = "value", qualifiedByName = "valueType")
    @Mapping(target = "value", source = "value", qualifiedByName = "amountText")
    @Mapping(target = "usageLimit", source = "usageLimit", qualifiedByName = "limitText")
    @Mapping(target = "startsAt", source = "startsAt", qualifiedByName = "spaced")
    @Mapping(target = "endsAt", source = "endsAt", qualifiedByName = "spacedOrNoEnd")
    ShoplazzaDto.V2022.RuleOut ruleOut2022(PriceRuleDraft draft, @Context ZoneId zone);

    @Mapping(target = "priceRule", source = "draft")
    ShoplazzaDto.V2025.RuleBody ruleBody2025(PriceRuleDraft draft);

    @Mapping(target = "valueType", source = "value", qualifiedByName = "valueType")
    @Mapping(target = "value", source = "value", qualifiedByName = "amount")
    @Mapping(target = "usageLimit", source = "usageLimit", qualifiedByName = "limit")
    @Mapping(target = "startsAt", source = "startsAt", qualifiedByName = "iso")
    @Mapping(target = "endsAt", source = "endsAt", qualifiedByName = "isoOrNone")
    ShoplazzaDto.V2025.RuleOut ruleOut2025(PriceRuleDraft draft);

    @Mapping(target = "clientId", source = "clientId")
    @Mapping(target = "clientSecret", source = "clientSecret")
    @Mapping(target = "refreshToken", source = "refreshToken")
    @Mapping(target = "grantType", constant = "refresh_token")
    ShoplazzaDto.TokenRequest refreshRequest(Secret clientId, Secret clientSecret, Secret refreshToken);

    /** Shape MapStruct cannot build: it maps no list into a bean, so the generated list is wrapped here. */
    default ShoplazzaDto.V2025.BatchBody batchBody(List<NewDiscountCode> codes) {
        return new ShoplazzaDto.V2025.BatchBody(codeOuts(codes));
    }

    // ---- value conversions, inbound

    /** Value conversion: an opaque id, never parsed as a number. */
    default DiscountCodeId codeId(String id) {
        return DiscountCodeId.of(id);
    }

    /** Value conversion: an opaque id, never parsed as a number. */
    default PriceRuleId ruleId(String id) {
        return PriceRuleId.of(id);
    }

    /**
     * Value conversion: a lenient number ({@code "0"}, {@code "-1"}, {@code "0.0000"}); null when
     * absent or unreadable; an absurd one (beyond {@link JsonSupport#decimal}'s bounds) is a
     * malformed answer.
     */
    default BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JsonSupport.decimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Value conversion: a count as text ({@code "0"}, {@code "12"}, {@code "0.0000"}); absent or
     * blank is 0; text that is no number is unreadable ({@link MalformedAnswerException}), as
     * {@link #count(BigDecimal)}.
     */
    default int count(String text) {
        return count(strictNumber(text));
    }

    /**
     * Value conversion: a count; absent is 0. A negative, fractional or overflowing count is no
     * count: the answer (or its item) is unreadable ({@link MalformedAnswerException}), never
     * clamped.
     */
    default int count(BigDecimal n) {
        if (n == null) {
            return 0;
        }
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new MalformedAnswerException("a count must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return n.intValueExact();
    }

    /** Value conversion: a count as text that may be absent ({@code times_used}, {@code allocation_limit}); unreadable as {@link #count(BigDecimal)}. */
    default Option<Integer> optionalCount(String text) {
        return optionalCount(strictNumber(text));
    }

    /** Value conversion: a count that may be absent; unreadable as {@link #count(BigDecimal)}. */
    default Option<Integer> optionalCount(BigDecimal n) {
        return Option.of(n).map(this::count);
    }

    /**
     * Value conversion: {@code once_per_customer} as a per-customer limit. Shoplazza's pages call it
     * a flag ("1" once per customer) and a maximum ("-1 or 0 means no limit"); both read alike:
     * -1 or 0 unlimited, n at most n uses per customer; absent none; anything else unreadable.
     */
    @Named("perCustomer")
    default Option<UsageLimit> perCustomer(String text) {
        return perCustomer(strictNumber(text));
    }

    /** Value conversion: {@link #perCustomer(String)} of a number. */
    @Named("perCustomer")
    default Option<UsageLimit> perCustomer(BigDecimal n) {
        if (n == null) {
            return Option.none();
        }
        return Option.some(n.compareTo(BigDecimal.ONE.negate()) == 0 || n.signum() == 0 ? UsageLimit.UNLIMITED
                : UsageLimit.of(count(n)));
    }

    /** Value conversion: a number sent as text, strictly: absent or blank is null; text that is no number is unreadable. */
    default BigDecimal strictNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JsonSupport.decimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedAnswerException("a number was expected");
        }
    }

    /** Value conversion: a flag sent as {@code 1}/{@code 0}, {@code "1"}/{@code "0"} or {@code true}/{@code false}. */
    default boolean flag(String text) {
        if (text == null) {
            return false;
        }
        String word = text.strip();
        if (word.equalsIgnoreCase("true")) {
            return true;   // the common shape first: a word is no number, and a refused number costs an exception
        }
        if (word.equalsIgnoreCase("false")) {
            return false;
        }
        BigDecimal n = number(text);
        return n != null && n.signum() != 0;
    }

    /** Value conversion: {@link #limit(BigDecimal)} of text; text that is no number is unreadable. */
    default UsageLimit limit(String text) {
        return limit(strictNumber(text));
    }

    /**
     * Value conversion: the {@code -1} sentinel or absent is unlimited; any other negative,
     * fractional or overflowing limit is unreadable ({@link MalformedAnswerException}).
     */
    default UsageLimit limit(BigDecimal n) {
        return n == null || n.compareTo(BigDecimal.ONE.negate()) == 0 ? UsageLimit.UNLIMITED : UsageLimit.of(count(n));
    }

    /** Value conversion: absent, blank, {@code -1} or {@code 0} is none; otherwise ISO-8601 or zone-less in the store's zone. */
    default Option<Instant> instant(String text, @Context ZoneId zone) {
        if (text == null || text.isBlank() || text.strip().equals("-1") || text.strip().equals("0")) {
            return Option.none();
        }
        return Timestamps.parse(text, zone);
    }

    /**
     * Judgement: {@code percentage} (at most 100) or {@code fixed_amount}, sign ignored (Shoplazza
     * writes discounts negative); none for zero, an unknown type or an impossible percentage.
     */
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

    // ---- value conversions, outbound

    /** Value conversion: {@code percentage} or {@code fixed_amount}. */
    @Named("valueType")
    default String valueType(DiscountValue value) {
        return value instanceof DiscountValue.Percentage ? "percentage" : "fixed_amount";
    }

    /** Value conversion: the discount as Shoplazza writes it, negative. */
    @Named("amount")
    default BigDecimal amount(DiscountValue value) {
        if (value instanceof DiscountValue.Percentage p) {
            return p.percent().negate();
        }
        if (value instanceof DiscountValue.FixedAmount f) {
            return f.amount().negate();
        }
        throw new IllegalArgumentException("unknown discount value " + value);
    }

    /** Value conversion: {@link #amount} as 2022-01's text (plain; a {@code DiscountValue} is bounded, so is the text). */
    @Named("amountText")
    default String amountText(DiscountValue value) {
        return amount(value).toPlainString();
    }

    /** Value conversion: the most uses, {@code -1} for unlimited. */
    @Named("limit")
    default long limit(UsageLimit limit) {
        return limit instanceof UsageLimit.Limited l ? l.max() : -1;
    }

    /** Value conversion: {@link #limit(UsageLimit)} as 2022-01's text. */
    @Named("limitText")
    default String limitText(UsageLimit limit) {
        return String.valueOf(limit(limit));
    }

    /** Value conversion: 2022-01's zone-less timestamp in the store's zone. */
    @Named("spaced")
    default String spaced(Instant instant, @Context ZoneId zone) {
        return SPACED.format(instant.atZone(zone));
    }

    /** Value conversion: 2022-01's end, {@code "-1"} for no end. */
    @Named("spacedOrNoEnd")
    default String spacedOrNoEnd(Option<Instant> end, @Context ZoneId zone) {
        return end.map(i -> spaced(i, zone)).getOrElse("-1");
    }

    /** Value conversion: ISO-8601. */
    @Named("iso")
    default String iso(Instant instant) {
        return instant.toString();
    }

    /** Value conversion: ISO-8601, absent for no end. */
    @Named("isoOrNone")
    default String isoOrNone(Option<Instant> end) {
        return end.map(Instant::toString).getOrNull();
    }

    /** Value conversion: a credential's text, for the request body only (masked in logs). */
    default String reveal(Secret secret) {
        return secret.reveal();
    }
}
