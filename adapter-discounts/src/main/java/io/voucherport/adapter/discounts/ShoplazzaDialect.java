package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.HttpProblem;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.ProviderProblemException;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.domain.paging.PageCursor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between API versions: the envelope, the DTO set, the paging and the request
 * bodies. One instance per adapter, chosen by its {@link ShoplazzaVersion}.
 */
abstract sealed class ShoplazzaDialect {

    final ObjectMapper json;
    final ZoneId zone;

    ShoplazzaDialect(ObjectMapper json, ZoneId zone) {
        this.json = json;
        this.zone = zone;
    }

    static ShoplazzaDialect of(ShoplazzaVersion version, ObjectMapper json, ZoneId zone) {
        return version == ShoplazzaVersion.V2022_01 ? new V2022(json, zone) : new V2025(json, zone);
    }

    /** The answer's payload; throws when the answer is a failure in disguise. */
    abstract JsonNode data(JsonNode body);

    abstract DiscountCode code(JsonNode node);

    abstract PriceRule rule(JsonNode node);

    abstract Object ruleBody(PriceRuleDraft draft);

    abstract PageCursor firstPage(int size);

    abstract Map<String, Object> query(PageCursor cursor);

    /** The next page after {@code cursor}, given the page's payload and how many items it held. */
    abstract Option<PageCursor> next(PageCursor cursor, JsonNode data, int received);

    /** The one code in a payload: {@code discount_code}, or the first of {@code discount_codes}. */
    DiscountCode oneCode(JsonNode data) {
        JsonNode single = data.get("discount_code");
        if (single != null && single.isObject()) {
            return code(single);
        }
        List<DiscountCode> many = codes(data);
        if (many.isEmpty()) {
            throw new MalformedAnswerException("the answer holds no discount code");
        }
        return many.get(0);
    }

    List<DiscountCode> codes(JsonNode data) {
        List<DiscountCode> codes = new ArrayList<>();
        data.path("discount_codes").forEach(n -> codes.add(code(n)));
        return codes;
    }

    PriceRule oneRule(JsonNode data) {
        JsonNode rule = data.get("price_rule");
        if (rule == null || !rule.isObject()) {
            throw new MalformedAnswerException("the answer holds no price rule");
        }
        return rule(rule);
    }

    List<PriceRule> rules(JsonNode data) {
        List<PriceRule> rules = new ArrayList<>();
        data.path("price_rules").forEach(n -> rules.add(rule(n)));
        return rules;
    }

    /** Reads a tree straight into {@code type} (no intermediate buffer, unlike {@code convertValue}). */
    <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException("unreadable " + type.getSimpleName() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String valueType(DiscountValue value) {
        return value instanceof DiscountValue.Percentage ? "percentage" : "fixed_amount";
    }

    /** Shoplazza writes discounts as negative values. */
    static BigDecimal amount(DiscountValue value) {
        return (value instanceof DiscountValue.Percentage p ? p.percent()
                : ((DiscountValue.FixedAmount) value).amount()).negate();
    }

    static long limit(UsageLimit limit) {
        return limit instanceof UsageLimit.Limited l ? l.max() : -1;
    }

    /** 2022-01: bare objects, numbers as strings, zone-less timestamps, {@code limit}/{@code page}. */
    static final class V2022 extends ShoplazzaDialect {
        private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        V2022(ObjectMapper json, ZoneId zone) {
            super(json, zone);
        }

        @Override
        JsonNode data(JsonNode body) {
            return MalformedAnswerException.require(body, "body");
        }

        @Override
        DiscountCode code(JsonNode node) {
            return ShoplazzaMapper.INSTANCE.code(read(node, ShoplazzaDto.V2022.DiscountCode.class), zone);
        }

        @Override
        PriceRule rule(JsonNode node) {
            return ShoplazzaMapper.INSTANCE.rule(read(node, ShoplazzaDto.V2022.PriceRule.class), zone);
        }

        @Override
        Object ruleBody(PriceRuleDraft d) {
            return new ShoplazzaDto.V2022.RuleBody(new ShoplazzaDto.V2022.RuleOut(d.title(), valueType(d.value()),
                    amount(d.value()).toPlainString(), String.valueOf(limit(d.usageLimit())), spaced(d.startsAt()),
                    d.endsAt().map(this::spaced).getOrElse("-1")));
        }

        private String spaced(Instant instant) {
            return SPACED.format(instant.atZone(zone));
        }

        @Override
        PageCursor firstPage(int size) {
            return new PageCursor.Numbered(1, size);
        }

        @Override
        Map<String, Object> query(PageCursor cursor) {
            PageCursor.Numbered at = (PageCursor.Numbered) cursor;
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("limit", at.size());
            query.put("page", at.page());
            return query;
        }

        @Override
        Option<PageCursor> next(PageCursor cursor, JsonNode data, int received) {
            PageCursor.Numbered at = (PageCursor.Numbered) cursor;
            return received < at.size() ? Option.none() : Option.some(at.next());
        }
    }

    /** 2025-06: envelopes, ints, ISO-8601, {@code cursor}/{@code page_size}/{@code has_more}. */
    static final class V2025 extends ShoplazzaDialect {
        V2025(ObjectMapper json, ZoneId zone) {
            super(json, zone);
        }

        /** A 2xx whose envelope code is not a success is a failure, with Shoplazza's code and message. */
        @Override
        JsonNode data(JsonNode body) {
            MalformedAnswerException.require(body, "body");
            JsonNode code = body.get("code");
            if (code != null && !code.isNull() && !success(code)) {
                List<String> messages = new ArrayList<>();
                Option.of(body.get("message")).map(JsonNode::asText).filter(m -> !m.isBlank()).peek(messages::add);
                throw new ProviderProblemException(new HttpProblem(200, Option.none(), Option.some(code.asText()),
                        messages, Option.none()));
            }
            JsonNode data = body.get("data");
            return data == null || data.isNull() ? json.createObjectNode() : data;
        }

        private static boolean success(JsonNode code) {
            String text = code.asText().strip();
            return text.equals("200") || text.equals("0") || text.equalsIgnoreCase("success")
                    || text.equalsIgnoreCase("ok");
        }

        @Override
        DiscountCode code(JsonNode node) {
            return ShoplazzaMapper.INSTANCE.code(read(node, ShoplazzaDto.V2025.DiscountCode.class), zone);
        }

        @Override
        PriceRule rule(JsonNode node) {
            return ShoplazzaMapper.INSTANCE.rule(read(node, ShoplazzaDto.V2025.PriceRule.class), zone);
        }

        @Override
        Object ruleBody(PriceRuleDraft d) {
            return new ShoplazzaDto.V2025.RuleBody(new ShoplazzaDto.V2025.RuleOut(d.title(), valueType(d.value()),
                    amount(d.value()), limit(d.usageLimit()), d.startsAt().toString(),
                    d.endsAt().map(Instant::toString).getOrNull()));
        }

        @Override
        PageCursor firstPage(int size) {
            return PageCursor.Token.first(size);
        }

        @Override
        Map<String, Object> query(PageCursor cursor) {
            PageCursor.Token at = (PageCursor.Token) cursor;
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("page_size", at.size());
            at.token().peek(t -> query.put("cursor", t));
            return query;
        }

        @Override
        Option<PageCursor> next(PageCursor cursor, JsonNode data, int received) {
            PageCursor.Token at = (PageCursor.Token) cursor;
            String next = data.path("cursor").asText("");
            boolean more = data.path("has_more").asBoolean(false) && !next.isBlank();
            return more ? Option.some(new PageCursor.Token(Option.some(next), at.size())) : Option.none();
        }
    }

    /** The body of a single code create or update, the same in both dialects. */
    static Object codeBody(NewDiscountCode code) {
        return new ShoplazzaDto.CodeBody(new ShoplazzaDto.CodeOut(code.code()));
    }
}
