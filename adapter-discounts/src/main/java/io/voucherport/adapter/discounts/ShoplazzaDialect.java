package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.HttpProblem;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.ProviderProblemException;
import io.voucherport.domain.Done;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What differs between API versions, and only that: the version's path, its DTO set (the answer
 * record its JSON set-up reads, the rule body, the envelope), whether it has a batch create, and
 * its paging (page numbers in 2022-01, cursor tokens in 2025-06, each its own cursor type). Calls
 * go through the adapter's one request path; the dialect only reads and writes their shapes,
 * inside the call. One instance per adapter, chosen by its {@link ShoplazzaVersion}.
 */
abstract sealed class ShoplazzaDialect {

    static final ShoplazzaMapper MAPPER = ShoplazzaMapper.INSTANCE;

    /** The zone of zone-less timestamps (2022-01). */
    final ZoneId zone;
    private final ShoplazzaVersion version;

    private ShoplazzaDialect(ShoplazzaVersion version, ZoneId zone) {
        this.version = version;
        this.zone = zone;
    }

    static ShoplazzaDialect of(ShoplazzaVersion version, ZoneId zone) {
        return version == ShoplazzaVersion.V2022_01 ? new V2022(zone) : new V2025(zone);
    }

    /**
     * Items of one page, read inside the call, and (2025-06) the token of the page after it.
     *
     * @param items the page's items, copied (a missing item fails the call, not the caller)
     * @param more the next page's cursor token; none in 2022-01, which pages by page number
     */
    record Listed<T>(List<T> items, Option<String> more) {
        Listed {
            items = List.copyOf(items);
        }
    }

    /** The version this dialect is. */
    final ShoplazzaVersion version() {
        return version;
    }

    /** The version's path segment, e.g. {@code 2025-06}. */
    final String path() {
        return version.path();
    }

    /** The snake_case JSON set-up reading every {@link ShoplazzaDto.Answer} as this dialect's record. */
    final ObjectMapper json() {
        return JsonSupport.newSnakeCaseMapper().registerModule(module());
    }

    /** The Jackson module reading every {@link ShoplazzaDto.Answer} as this dialect's record. */
    final SimpleModule module() {
        return new SimpleModule("shoplazza-" + path()).addAbstractTypeMapping(ShoplazzaDto.Answer.class, answerType());
    }

    /** The record this dialect's answers are. */
    abstract Class<? extends ShoplazzaDto.Answer> answerType();

    /** Whether codes can be created in batches (2025-06). */
    abstract boolean batches();

    /** The one code in an answer: {@code discount_code}, or the first of {@code discount_codes} (some docs answer a create so). */
    abstract DiscountCode oneCode(ShoplazzaDto.Answer answer);

    /** The codes of an answer (a page, or a batch create). */
    abstract Listed<DiscountCode> codes(ShoplazzaDto.Answer answer);

    abstract PriceRule oneRule(ShoplazzaDto.Answer answer);

    abstract Listed<PriceRule> rules(ShoplazzaDto.Answer answer);

    /** An answer that carries nothing (a delete), checked like every other. */
    abstract Done done(ShoplazzaDto.Answer answer);

    abstract ShoplazzaDto.RuleBody ruleBody(PriceRuleDraft draft);

    /**
     * Every item, page by page of {@code size}; {@code fetch} makes one call with the page's query
     * through the request path and reads the page inside it.
     */
    abstract <T> PagedSequence<T> pages(int size, Function<Map<String, Object>, Either<ProviderFailure, Listed<T>>> fetch);

    static <T> T first(List<T> items, String what) {
        if (items == null || items.isEmpty()) {
            throw new MalformedAnswerException("the answer holds no " + what);
        }
        return MalformedAnswerException.require(items.get(0), what);
    }

    static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }

    /** 2022-01: bare objects, numbers as strings, zone-less timestamps, {@code limit}/{@code page} (the cursor is the page number). */
    static final class V2022 extends ShoplazzaDialect {
        V2022(ZoneId zone) {
            super(ShoplazzaVersion.V2022_01, zone);
        }

        @Override
        Class<? extends ShoplazzaDto.Answer> answerType() {
            return ShoplazzaDto.V2022.Answer.class;
        }

        @Override
        boolean batches() {
            return false;
        }

        private static ShoplazzaDto.V2022.Answer read(ShoplazzaDto.Answer answer) {
            return MalformedAnswerException.require(answer, "body").v2022()
                    .getOrElseThrow(() -> new MalformedAnswerException("the answer is not in the 2022-01 dialect"));
        }

        @Override
        DiscountCode oneCode(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2022.Answer a = read(answer);
            return a.discountCode() != null ? MAPPER.code(a.discountCode(), zone)
                    : MAPPER.code(first(a.discountCodes(), "discount code"), zone);
        }

        @Override
        Listed<DiscountCode> codes(ShoplazzaDto.Answer answer) {
            return new Listed<>(MAPPER.codes2022(orEmpty(read(answer).discountCodes()), zone), Option.none());
        }

        @Override
        PriceRule oneRule(ShoplazzaDto.Answer answer) {
            return MAPPER.rule(MalformedAnswerException.require(read(answer).priceRule(), "price rule"), zone);
        }

        @Override
        Listed<PriceRule> rules(ShoplazzaDto.Answer answer) {
            return new Listed<>(MAPPER.rules2022(orEmpty(read(answer).priceRules()), zone), Option.none());
        }

        @Override
        Done done(ShoplazzaDto.Answer answer) {
            read(answer);
            return Done.DONE;
        }

        @Override
        ShoplazzaDto.RuleBody ruleBody(PriceRuleDraft draft) {
            return MAPPER.ruleBody2022(draft, zone);
        }

        /** A full page means there may be another: page numbers count from 1. */
        @Override
        <T> PagedSequence<T> pages(int size, Function<Map<String, Object>, Either<ProviderFailure, Listed<T>>> fetch) {
            return PagedSequence.of(1, (Integer page) -> {
                Map<String, Object> query = new LinkedHashMap<>();
                query.put("limit", size);
                query.put("page", page);
                return fetch.apply(query).map(listed -> new Page<>(listed.items(),
                        listed.items().size() < size ? Option.none() : Option.some(page + 1)));
            });
        }
    }

    /** 2025-06: envelopes, ints, ISO-8601, {@code cursor}/{@code page_size}/{@code has_more} (the cursor is Shoplazza's token). */
    static final class V2025 extends ShoplazzaDialect {
        /** Where a 2025-06 page starts: the first page, or after Shoplazza's cursor token. */
        record Cursor(Option<String> token) {
            static final Cursor FIRST = new Cursor(Option.none());
        }

        V2025(ZoneId zone) {
            super(ShoplazzaVersion.V2025_06, zone);
        }

        @Override
        Class<? extends ShoplazzaDto.Answer> answerType() {
            return ShoplazzaDto.V2025.Envelope.class;
        }

        @Override
        boolean batches() {
            return true;
        }

        /**
         * The envelope's data; an envelope whose code is not a success (even under HTTP 2xx) is a
         * failure, thrown inside the call with Shoplazza's code and message for {@link ShoplazzaErrors}
         * to classify.
         */
        private static ShoplazzaDto.V2025.Data data(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2025.Envelope envelope = MalformedAnswerException.require(answer, "body").v2025()
                    .getOrElseThrow(() -> new MalformedAnswerException("the answer is not in the 2025-06 dialect"));
            Option<HttpProblem> failure = ShoplazzaErrors.envelopeFailure(envelope.code(), envelope.message());
            if (failure.isDefined()) {
                throw new ProviderProblemException(failure.get());
            }
            return envelope.data() == null ? ShoplazzaDto.V2025.Data.EMPTY : envelope.data();
        }

        @Override
        DiscountCode oneCode(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2025.Data data = data(answer);
            return data.discountCode() != null ? MAPPER.code(data.discountCode(), zone)
                    : MAPPER.code(first(data.discountCodes(), "discount code"), zone);
        }

        @Override
        Listed<DiscountCode> codes(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2025.Data data = data(answer);
            return new Listed<>(MAPPER.codes2025(orEmpty(data.discountCodes()), zone), more(data));
        }

        @Override
        PriceRule oneRule(ShoplazzaDto.Answer answer) {
            return MAPPER.rule(MalformedAnswerException.require(data(answer).priceRule(), "price rule"), zone);
        }

        @Override
        Listed<PriceRule> rules(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2025.Data data = data(answer);
            return new Listed<>(MAPPER.rules2025(orEmpty(data.priceRules()), zone), more(data));
        }

        @Override
        Done done(ShoplazzaDto.Answer answer) {
            data(answer);
            return Done.DONE;
        }

        @Override
        ShoplazzaDto.RuleBody ruleBody(PriceRuleDraft draft) {
            return MAPPER.ruleBody2025(draft);
        }

        /** The next page's token: only with {@code has_more} and a non-blank {@code cursor}. */
        private static Option<String> more(ShoplazzaDto.V2025.Data data) {
            return Option.of(data.cursor()).filter(c -> Boolean.TRUE.equals(data.hasMore()) && !c.isBlank());
        }

        @Override
        <T> PagedSequence<T> pages(int size, Function<Map<String, Object>, Either<ProviderFailure, Listed<T>>> fetch) {
            return PagedSequence.of(Cursor.FIRST, (Cursor at) -> {
                Map<String, Object> query = new LinkedHashMap<>();
                query.put("page_size", size);
                at.token().peek(t -> query.put("cursor", t));
                return fetch.apply(query).map(listed -> new Page<>(listed.items(), listed.more().map(t -> new Cursor(Option.some(t)))));
            });
        }
    }
}
