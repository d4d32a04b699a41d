package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.HttpProblem;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.ProviderProblemException;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Done;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What differs between API versions, and only that: the version's path, its DTO set (the answer
 * record its JSON set-up reads, the rule body, the envelope), whether it has a batch create, and
 * its paging (page numbers in 2022-01, cursor tokens in 2025-06, each its own cursor type). Calls
 * go through the adapter's one request path; the dialect only reads and writes their shapes,
 * inside the call. One instance per adapter, chosen by its {@link ShoplazzaVersion}.
 *
 * <p>Codes and rules are read one by one: in a listing, an item that cannot be read (a count that
 * is no count, a missing code text, a value of the wrong type) is an {@code UnreadableItem} with
 * what identifies it and why, and the others are delivered; a single item (a get, a look-up, a
 * create) that cannot be read fails the call as a malformed answer. Each item keeps its JSON as
 * read, masked ({@link RawFields}).
 *
 * <p>Items arrive as their buffered tokens. A plain item — an object of distinct fields holding
 * strings, whole numbers, booleans or nulls, as Shoplazza sends its codes — is read typed straight
 * from its tokens and keeps them for its raw fields, masked only if asked for; any other item, and
 * a plain one that does not read or map, is read into a tree and goes the item-by-item way, so it
 * ends exactly as it would have (a number with a fraction, for instance, reads differently as text
 * from a tree than from its tokens, so it never takes the short way).
 */
abstract sealed class ShoplazzaDialect {

    static final ShoplazzaMapper MAPPER = ShoplazzaMapper.INSTANCE;
    /** Reads one item's JSON as its record (items need no dialect module). */
    private static final ObjectMapper ITEMS = JsonSupport.newSnakeCaseMapper();
    /** The masking rules of the adapter's request path, for the items' raw fields. */
    private static final ProviderSpec MASKING = baseSpec(ITEMS);
    /** Most fields a plain item holds; an item with more is read the tree way. */
    private static final int PLAIN_FIELDS = 32;

    /** The zone of zone-less timestamps (2022-01). */
    final ZoneId zone;
    /**
     * The masking of the items' raw fields, asked at each item: the adapter's live spec with its
     * current secrets ({@link #maskingBy}); the base rules for a dialect used on its own.
     */
    private volatile Supplier<ProviderSpec> masking = () -> MASKING;
    private final ShoplazzaVersion version;

    private ShoplazzaDialect(ShoplazzaVersion version, ZoneId zone) {
        this.version = version;
        this.zone = zone;
    }

    static ShoplazzaDialect of(ShoplazzaVersion version, ZoneId zone) {
        return version == ShoplazzaVersion.V2022_01 ? new V2022(zone) : new V2025(zone);
    }

    /**
     * This dialect masking its items' raw fields by the spec {@code live} gives when an item is
     * read (the adapter's token, as current then, and its other secrets); set once, before use.
     */
    ShoplazzaDialect maskingBy(Supplier<ProviderSpec> live) {
        this.masking = live;
        return this;
    }

    /**
     * The start of every Shoplazza {@link ProviderSpec}: every masking rule of the adapter belongs
     * here, so logs and raw fields mask alike.
     */
    static ProviderSpec baseSpec(ObjectMapper json) {
        return ProviderSpec.of(ShoplazzaDiscounts.PROVIDER, json);
    }

    /**
     * Items of one page, read inside the call, and (2025-06) the token of the page after it.
     *
     * @param items the page's readable items, copied
     * @param unreadable the page's items that could not be read
     * @param more the next page's cursor token; none in 2022-01, which pages by page number
     * @param total how many items the whole listing holds, when the answer tells it (2022-01's
     *     {@code count}); what lets a listing fetch pages ahead
     */
    record Listed<T>(List<T> items, List<ProviderFailure.UnreadableItem> unreadable, Option<String> more,
            Option<Long> total) {
        Listed {
            items = List.copyOf(items);
            unreadable = List.copyOf(unreadable);
        }

        /** The same page with each readable item converted by {@code as}. */
        <R> Listed<R> map(Function<T, R> as) {
            return new Listed<>(items.stream().map(as).toList(), unreadable, more, total);
        }

        /** The same page, telling how many items the whole listing holds. */
        Listed<T> withTotal(Option<Long> count) {
            return new Listed<>(items, unreadable, more, count);
        }

        /** How many items the page held, readable or not. */
        int size() {
            return items.size() + unreadable.size();
        }

        /** The readable items when every item could be read (a write's answer); else a malformed answer. */
        List<T> strict() {
            if (!unreadable.isEmpty()) {
                throw new MalformedAnswerException(unreadable.get(0).message());
            }
            return items;
        }
    }

    /** Reads one item's JSON. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(JsonNode item) throws JsonProcessingException;
    }

    /** Reads one plain item from its buffered tokens; any failure sends the item the tree way. */
    @FunctionalInterface
    interface PlainReader<T> {
        T read(TokenBuffer item) throws IOException;
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

    /**
     * The one code in an answer: {@code discount_code}, or the first of {@code discount_codes}
     * (some docs answer a create so); unreadable, a malformed answer.
     */
    abstract ShoplazzaCode oneCode(ShoplazzaDto.Answer answer);

    /** The codes of an answer (a page, or a batch create), each read on its own. */
    abstract Listed<ShoplazzaCode> codes(ShoplazzaDto.Answer answer);

    /** The one rule in an answer; unreadable, a malformed answer. */
    abstract ShoplazzaRule oneRule(ShoplazzaDto.Answer answer);

    /** The rules of a page, each read on its own. */
    abstract Listed<ShoplazzaRule> rules(ShoplazzaDto.Answer answer);

    /** An answer that carries nothing (a delete), checked like every other. */
    abstract Done done(ShoplazzaDto.Answer answer);

    abstract ShoplazzaDto.RuleBody ruleBody(PriceRuleDraft draft);

    /**
     * Every item, page by page of {@code size}; {@code fetch} makes one call with the page's query
     * through the request path and reads the page inside it.
     */
    abstract <T> PagedSequence<T> pages(int size, Function<Map<String, Object>, Either<ProviderFailure, Listed<T>>> fetch,
            PagedSequence.Prefetch prefetch);

    /** Most pages one page plans ahead; the page ending a plan plans again. */
    static final int MAX_PLANNED = 1_000;

    /** {@code one} when present, else the first of {@code many}; none at all is a malformed answer. */
    static JsonNode oneOf(JsonNode one, List<JsonNode> many, String what) {
        if (present(one)) {
            return one;
        }
        if (many == null || many.isEmpty() || !present(many.get(0))) {
            throw new MalformedAnswerException("the answer holds no " + what);
        }
        return many.get(0);
    }

    /** The same as {@link #oneOf(JsonNode, List, String)} for items as buffered tokens. */
    static TokenBuffer oneOf(TokenBuffer one, List<TokenBuffer> many, String what) {
        if (present(one)) {
            return one;
        }
        if (many == null || many.isEmpty() || !present(many.get(0))) {
            throw new MalformedAnswerException("the answer holds no " + what);
        }
        return many.get(0);
    }

    /** A code item as the domain's code with its raw fields. */
    <D> ShoplazzaCode code(JsonNode item, Class<D> record, Function<D, DiscountCode> map)
            throws JsonProcessingException {
        return new ShoplazzaCode(map.apply(ITEMS.treeToValue(object(item), record)), RawFields.later(item, masking.get()));
    }

    /** A plain code item read typed from its tokens, which it keeps for its raw fields. */
    <D> ShoplazzaCode code(TokenBuffer item, ObjectReader record, Function<D, DiscountCode> map) throws IOException {
        DiscountCode code = map.apply(typed(item, record));
        return new ShoplazzaCode(code, RawFields.later(item, ITEMS, masking.get()));
    }

    /** A rule item as the domain's rule with its raw fields. */
    <D> ShoplazzaRule rule(JsonNode item, Class<D> record, Function<D, PriceRule> map)
            throws JsonProcessingException {
        return new ShoplazzaRule(map.apply(ITEMS.treeToValue(object(item), record)), RawFields.later(item, masking.get()));
    }

    /** A plain rule item read typed from its tokens, which it keeps for its raw fields. */
    <D> ShoplazzaRule rule(TokenBuffer item, ObjectReader record, Function<D, PriceRule> map) throws IOException {
        PriceRule rule = map.apply(typed(item, record));
        return new ShoplazzaRule(rule, RawFields.later(item, ITEMS, masking.get()));
    }

    /** The item's record, read by {@code record} (a reader of {@link #ITEMS}) from its tokens. */
    private static <D> D typed(TokenBuffer item, ObjectReader record) throws IOException {
        try (JsonParser tokens = item.asParser()) {
            D read = record.readValue(tokens);
            if (read == null) {
                throw new IllegalArgumentException("the item is not a JSON object");
            }
            return read;
        }
    }

    /** A reader of {@code record} over the items' JSON set-up. */
    static ObjectReader reader(Class<?> record) {
        return ITEMS.readerFor(record);
    }

    /**
     * One item as buffered tokens, strictly: a plain item read typed (see the class comment), any
     * other item, or one that fails so, the way of {@link #one(JsonNode, String, ItemReader)}.
     */
    static <T> T one(TokenBuffer item, String what, ItemReader<T> reader, PlainReader<T> plainReader) {
        T read = plainRead(item, plainReader);
        return read != null ? read : one(tree(item), what, reader);
    }

    /**
     * Each item as buffered tokens: a plain item read typed (see the class comment); any other item,
     * or one that fails so, is read the way of {@link #each(List, String, ItemReader, Option)}, with
     * the same place on the page, so it ends exactly as it would have.
     */
    static <T> Listed<T> each(List<TokenBuffer> items, String what, ItemReader<T> reader, PlainReader<T> plainReader,
            Option<String> more) {
        List<TokenBuffer> all = items == null ? List.of() : items;
        List<T> read = new ArrayList<>(all.size());
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            TokenBuffer item = all.get(i);
            T plain = plainRead(item, plainReader);
            if (plain != null) {
                read.add(plain);
            } else {
                itemFromTree(tree(item), i, what, reader, read, unreadable);
            }
        }
        return new Listed<>(read, unreadable, more, Option.none());
    }

    /** The plain item read typed, or null when it is not plain or does not read or map so. */
    private static <T> T plainRead(TokenBuffer item, PlainReader<T> plainReader) {
        if (!plain(item)) {
            return null;
        }
        try {
            return plainReader.read(item);
        } catch (IOException | RuntimeException notPlain) {
            return null;
        }
    }

    /**
     * Whether {@code item} is one object whose distinct fields (at most {@value #PLAIN_FIELDS}) each
     * hold a string, a whole number in its canonical spelling, a boolean or null: what reads the
     * same from its tokens as from its tree.
     */
    static boolean plain(TokenBuffer item) {
        if (item == null || item.firstToken() != JsonToken.START_OBJECT) {
            return false;
        }
        try (JsonParser tokens = item.asParser()) {
            tokens.nextToken();
            String[] names = new String[PLAIN_FIELDS];
            int fields = 0;
            JsonToken token;
            while ((token = tokens.nextToken()) == JsonToken.FIELD_NAME) {
                String name = tokens.currentName();
                for (int i = 0; i < fields; i++) {
                    if (names[i].equals(name)) {
                        return false;
                    }
                }
                if (fields == PLAIN_FIELDS) {
                    return false;
                }
                names[fields++] = name;
                JsonToken value = tokens.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT) {
                    if (tokens.getText().startsWith("-0")) {
                        return false;
                    }
                } else if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_TRUE
                        && value != JsonToken.VALUE_FALSE && value != JsonToken.VALUE_NULL) {
                    return false;
                }
            }
            return token == JsonToken.END_OBJECT && tokens.nextToken() == null;
        } catch (IOException unreplayable) {
            return false;
        }
    }

    /** The buffered item as a tree, as an answer read into trees holds it ({@code null} a null node). */
    static JsonNode tree(TokenBuffer item) {
        return JsonSupport.tree(ITEMS, item);
    }

    /** One item, strictly: an item that cannot be read is a malformed answer (the call fails). */
    static <T> T one(JsonNode item, String what, ItemReader<T> reader) {
        try {
            return reader.read(item);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof MalformedAnswerException malformed) {
                throw malformed;
            }
            throw new MalformedAnswerException("the " + what + " cannot be read: " + JsonSupport.unreadableReason(e));
        }
    }

    /** Each item on its own: the readable ones, and each unreadable one with what identifies it and why. */
    static <T> Listed<T> each(List<JsonNode> items, String what, ItemReader<T> reader, Option<String> more) {
        List<T> read = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        List<JsonNode> all = items == null ? List.of() : items;
        for (int i = 0; i < all.size(); i++) {
            itemFromTree(all.get(i), i, what, reader, read, unreadable);
        }
        return new Listed<>(read, unreadable, more, Option.none());
    }

    /** Item {@code i} of a page read from its tree: into {@code read}, or why not into {@code unreadable}. */
    private static <T> void itemFromTree(JsonNode item, int i, String what, ItemReader<T> reader, List<T> read,
            List<ProviderFailure.UnreadableItem> unreadable) {
        try {
            read.add(reader.read(item));
        } catch (JsonProcessingException | RuntimeException e) {
            int place = i + 1;
            String which = identity(item, "code").map(c -> what + " " + c)
                    .orElse(() -> identity(item, "id").map(id -> what + " id " + id))
                    .getOrElse(() -> what + " " + place + " of the page");
            String reason = JsonSupport.unreadableReason(e);
            unreadable.add(new ProviderFailure.UnreadableItem(FailureDetails.of(ShoplazzaDiscounts.PROVIDER,
                    which + " could not be read: " + reason), which, reason));
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static boolean present(TokenBuffer item) {
        return item != null && item.firstToken() != null && item.firstToken() != JsonToken.VALUE_NULL;
    }

    private static JsonNode object(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException("the item is not a JSON object");
        }
        return item;
    }

    /** The item's {@code field} when usable as its name: short text without control characters. */
    private static Option<String> identity(JsonNode item, String field) {
        JsonNode value = item == null ? null : item.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return Option.none();
        }
        String text = value.asText().strip();
        return text.isEmpty() || text.length() > 128 || text.chars().anyMatch(Character::isISOControl)
                ? Option.none() : Option.some(text);
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

        private static final ObjectReader CODE = reader(ShoplazzaDto.V2022.DiscountCode.class);
        private static final ObjectReader RULE = reader(ShoplazzaDto.V2022.PriceRule.class);

        ShoplazzaCode readCode(JsonNode item) throws JsonProcessingException {
            return code(item, ShoplazzaDto.V2022.DiscountCode.class, c -> MAPPER.code(c, zone));
        }

        ShoplazzaCode readCodeAsRead(TokenBuffer item) throws IOException {
            return code(item, CODE, (ShoplazzaDto.V2022.DiscountCode c) -> MAPPER.code(c, zone));
        }

        ShoplazzaRule readRule(JsonNode item) throws JsonProcessingException {
            return rule(item, ShoplazzaDto.V2022.PriceRule.class, r -> MAPPER.rule(r, zone));
        }

        ShoplazzaRule readRuleAsRead(TokenBuffer item) throws IOException {
            return rule(item, RULE, (ShoplazzaDto.V2022.PriceRule r) -> MAPPER.rule(r, zone));
        }

        @Override
        ShoplazzaCode oneCode(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2022.Answer a = read(answer);
            return one(oneOf(a.discountCode(), a.discountCodes(), "discount code"), "discount code", this::readCode,
                    this::readCodeAsRead);
        }

        @Override
        Listed<ShoplazzaCode> codes(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2022.Answer a = read(answer);
            return each(a.discountCodes(), "code", this::readCode, this::readCodeAsRead, Option.none())
                    .withTotal(count(a.count()));
        }

        @Override
        ShoplazzaRule oneRule(ShoplazzaDto.Answer answer) {
            return one(oneOf(read(answer).priceRule(), null, "price rule"), "price rule", this::readRule,
                    this::readRuleAsRead);
        }

        @Override
        Listed<ShoplazzaRule> rules(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2022.Answer a = read(answer);
            return each(a.priceRules(), "price rule", this::readRule, this::readRuleAsRead, Option.none())
                    .withTotal(count(a.count()));
        }

        /**
         * {@code count} when it is a whole number of items (text or number); none otherwise: the
         * count only lets pages be fetched ahead, and paging without it goes one page at a time.
         */
        private static Option<Long> count(JsonNode count) {
            if (count == null || !(count.isTextual() || count.isIntegralNumber())) {
                return Option.none();
            }
            String text = count.asText().strip();
            if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Option.none();
            }
            return Option.some(Long.parseLong(text));
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

        /**
         * A full page means there may be another: page numbers count from 1. When the answer tells
         * {@code count}, the pages after this one up to the last it implies are told as well (at
         * most {@value #MAX_PLANNED}), for fetching ahead; the stop rule stays the full page.
         */
        @Override
        <T> PagedSequence<T> pages(int size, Function<Map<String, Object>, Either<ProviderFailure, Listed<T>>> fetch,
                PagedSequence.Prefetch prefetch) {
            return PagedSequence.of(1, (Integer page) -> {
                Map<String, Object> query = new LinkedHashMap<>();
                query.put("limit", size);
                query.put("page", page);
                return fetch.apply(query).map(listed -> {
                    boolean more = listed.size() >= size;
                    List<Integer> ahead = new ArrayList<>();
                    long last = listed.total().map(t -> (t + size - 1) / size).getOrElse(0L);
                    for (long p = page + 1L; more && p <= last && p <= Integer.MAX_VALUE && ahead.size() < MAX_PLANNED; p++) {
                        ahead.add((int) p);
                    }
                    return new Page<>(listed.items(), listed.unreadable(), more ? Option.some(page + 1) : Option.none(),
                            ahead);
                });
            }, prefetch);
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

        private static final ObjectReader CODE = reader(ShoplazzaDto.V2025.DiscountCode.class);
        private static final ObjectReader RULE = reader(ShoplazzaDto.V2025.PriceRule.class);

        ShoplazzaCode readCode(JsonNode item) throws JsonProcessingException {
            return code(item, ShoplazzaDto.V2025.DiscountCode.class, c -> MAPPER.code(c, zone));
        }

        ShoplazzaCode readCodeAsRead(TokenBuffer item) throws IOException {
            return code(item, CODE, (ShoplazzaDto.V2025.DiscountCode c) -> MAPPER.code(c, zone));
        }

        ShoplazzaRule readRule(JsonNode item) throws JsonProcessingException {
            return rule(item, ShoplazzaDto.V2025.PriceRule.class, r -> MAPPER.rule(r, zone));
        }

        ShoplazzaRule readRuleAsRead(TokenBuffer item) throws IOException {
            return rule(item, RULE, (ShoplazzaDto.V2025.PriceRule r) -> MAPPER.rule(r, zone));
        }

        @Override
        ShoplazzaCode oneCode(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2025.Data data = data(answer);
            return one(oneOf(data.discountCode(), data.discountCodes(), "discount code"), "discount code",
                    this::readCode, this::readCodeAsRead);
        }

        @Override
        Listed<ShoplazzaCode> codes(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2025.Data data = data(answer);
            return each(data.discountCodes(), "code", this::readCode, this::readCodeAsRead, more(data));
        }

        @Override
        ShoplazzaRule oneRule(ShoplazzaDto.Answer answer) {
            return one(oneOf(data(answer).priceRule(), null, "price rule"), "price rule", this::readRule,
                    this::readRuleAsRead);
        }

        @Override
        Listed<ShoplazzaRule> rules(ShoplazzaDto.Answer answer) {
            ShoplazzaDto.V2025.Data data = data(answer);
            return each(data.priceRules(), "price rule", this::readRule, this::readRuleAsRead, more(data));
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

        /** Cursor tokens tell nothing about the pages after the next: one page at a time. */
        @Override
        <T> PagedSequence<T> pages(int size, Function<Map<String, Object>, Either<ProviderFailure, Listed<T>>> fetch,
                PagedSequence.Prefetch prefetch) {
            return PagedSequence.of(Cursor.FIRST, (Cursor at) -> {
                Map<String, Object> query = new LinkedHashMap<>();
                query.put("page_size", size);
                at.token().peek(t -> query.put("cursor", t));
                return fetch.apply(query).map(listed -> new Page<>(listed.items(), listed.unreadable(),
                        listed.more().map(t -> new Cursor(Option.some(t)))));
            });
        }
    }
}
