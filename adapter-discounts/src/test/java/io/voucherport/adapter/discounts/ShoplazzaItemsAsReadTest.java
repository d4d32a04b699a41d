package io.voucherport.adapter.discounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Shoplazza's items read from their buffered tokens (the dialect's way since issue 17) end exactly
 * as the same items read into trees (issue 16's way): the same codes and rules in the same order,
 * the same raw fields masked alike, the same unreadable items with the same reasons, the same
 * refusal of a single item — over many item shapes, in both dialects.
 */
class ShoplazzaItemsAsReadTest {

    private static final String SECRET = "shpat-secret-token-9911";

    /** The answer as issue 16 read it: every item a tree. */
    record TreeAnswer(JsonNode discountCode, List<JsonNode> discountCodes, JsonNode priceRule,
            List<JsonNode> priceRules, JsonNode count, String code, TreeData data) {
    }

    /** 2025-06's data as issue 16 read it. */
    record TreeData(JsonNode discountCode, List<JsonNode> discountCodes, JsonNode priceRule, List<JsonNode> priceRules) {
    }

    private static final List<String> CODE_FIELDS = List.of("id", "price_rule_id", "code", "created_at", "updated_at",
            "use_with_other", "usage_count", "status");
    private static final List<String> RULE_FIELDS = List.of("id", "title", "value_type", "value", "usage_limit",
            "times_used", "once_per_customer", "allocation_limit", "starts_at", "ends_at");

    /** Values of every JSON kind, including the ones that read differently from text and from a tree. */
    private static final List<String> VALUES = List.of("\"c-1\"", "\"\"", "\"  \"", "\"0\"", "\"-1\"", "\"0.0000\"",
            "\"12.50\"", "\"2026-11-01T09:00:00Z\"", "\"2026-11-01 09:00:00\"", "\"2026-11-01T09:00:00+08:00\"",
            "\"not a time\"", "\"https://shop.example/a?b=1\"", "\"" + SECRET + "\"", "\"made by " + SECRET + "\"",
            "\"true\"", "\"1\"", "\"fixed_amount\"", "\"percentage\"", "\"\\u0007bell\"", "0", "1", "37", "-1", "-0",
            "-37", "2147483648", "99999999999999999999999", "1.5", "0.0000", "12.50", "-10.0", "1e3", "1E-2", "true",
            "false", "null", "{}", "{\"a\":1}", "[]", "[1,\"x\"]");

    private final ObjectMapper base = JsonSupport.newSnakeCaseMapper();
    private final ProviderSpec spec = ShoplazzaDialect.baseSpec(base).withMaskedValues(Secret.of(SECRET));

    private ShoplazzaDialect dialect(ShoplazzaVersion version) {
        return ShoplazzaDialect.of(version, ZoneId.of("Asia/Shanghai")).maskingBy(() -> spec);
    }

    /** Items of every shape: each field absent and with each value, random mixes, duplicates, no objects. */
    private static List<String> items(List<String> fields, String valid) {
        List<String> items = new ArrayList<>();
        items.add(valid);
        for (String field : fields) {
            items.add(valid.replaceFirst("\"" + field + "\":[^,}]*,?", "").replace(",}", "}"));
            for (String value : VALUES) {
                items.add(valid.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":" + value.replace("$", "\\$")));
            }
        }
        Random random = new Random(17);
        for (int n = 0; n < 400; n++) {
            StringBuilder item = new StringBuilder("{");
            for (String field : fields) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                int kind = random.nextInt(3);
                String value = kind == 0 ? VALUES.get(random.nextInt(VALUES.size()))
                        : field.endsWith("_at") ? "\"2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T08:00:00Z\""
                        : kind == 1 ? "\"" + random.nextInt(100) + "\"" : String.valueOf(random.nextInt(100) - 1);
                item.append(item.length() > 1 ? "," : "").append('"').append(field).append("\":").append(value);
            }
            if (random.nextInt(4) == 0) {
                item.append(item.length() > 1 ? "," : "").append("\"extra\":").append(VALUES.get(random.nextInt(VALUES.size())));
            }
            items.add(item.append('}').toString());
        }
        items.add(valid.replace("{", "{\"code\":\"FIRST\","));
        items.add(valid.replace("}", ",\"id\":\"again\"}"));
        StringBuilder wide = new StringBuilder(valid.substring(0, valid.length() - 1));
        for (int f = 0; f < 40; f++) {
            wide.append(",\"f").append(f).append("\":").append(f);
        }
        items.add(wide.append('}').toString());
        items.addAll(List.of("{}", "null", "\"a string\"", "42", "1.5", "true", "[]", "[" + valid + "]"));
        return items;
    }

    private static String validCode(ShoplazzaVersion version) {
        return version == ShoplazzaVersion.V2022_01
                ? "{\"id\":\"dc-1\",\"price_rule_id\":\"pr-1\",\"code\":\"WELCOME\",\"created_at\":\"2026-11-01 09:00:00\","
                        + "\"updated_at\":\"2026-11-20 17:45:12\",\"use_with_other\":\"1\",\"usage_count\":\"37\",\"status\":\"active\"}"
                : "{\"id\":\"dc-1\",\"price_rule_id\":\"pr-1\",\"code\":\"WELCOME\",\"created_at\":\"2026-11-01T09:00:00Z\","
                        + "\"updated_at\":\"2026-11-20T17:45:12Z\",\"use_with_other\":true,\"usage_count\":37,\"status\":\"active\"}";
    }

    private static String validRule(ShoplazzaVersion version) {
        return version == ShoplazzaVersion.V2022_01
                ? "{\"id\":\"pr-1\",\"title\":\"Welcome\",\"value_type\":\"fixed_amount\",\"value\":\"-10\",\"usage_limit\":\"-1\","
                        + "\"times_used\":\"3\",\"once_per_customer\":\"1\",\"allocation_limit\":\"0\","
                        + "\"starts_at\":\"2026-11-01 09:00:00\",\"ends_at\":\"-1\"}"
                : "{\"id\":\"pr-1\",\"title\":\"Welcome\",\"value_type\":\"fixed_amount\",\"value\":-10,\"usage_limit\":-1,"
                        + "\"times_used\":3,\"once_per_customer\":1,\"allocation_limit\":0,"
                        + "\"starts_at\":\"2026-11-01T09:00:00Z\"}";
    }

    private static String page(ShoplazzaVersion version, String field, List<String> items) {
        String list = "\"" + field + "\":[" + String.join(",", items) + "]";
        return version == ShoplazzaVersion.V2022_01 ? "{" + list + "}" : "{\"code\":200,\"data\":{" + list + "}}";
    }

    private static String single(ShoplazzaVersion version, String field, String item) {
        String one = "\"" + field + "\":" + item;
        return version == ShoplazzaVersion.V2022_01 ? "{" + one + "}" : "{\"code\":\"Success\",\"data\":{" + one + "}}";
    }

    private static List<JsonNode> treeList(ShoplazzaVersion version, TreeAnswer read, boolean codes) {
        if (version == ShoplazzaVersion.V2022_01) {
            return codes ? read.discountCodes() : read.priceRules();
        }
        return codes ? read.data().discountCodes() : read.data().priceRules();
    }

    /** What an item became: its domain value and masked raw fields, or the failure's words. */
    private static <T> List<Object> outcome(ShoplazzaDialect.Listed<T> listed, java.util.function.Function<T, Object> value,
            java.util.function.Function<T, String> raw) {
        List<Object> out = new ArrayList<>();
        listed.items().forEach(i -> out.add(List.of(value.apply(i), raw.apply(i))));
        listed.unreadable().forEach(u -> out.add(List.of(u.item(), u.reason(), u.message(), u.details())));
        return out;
    }

    private static Object either(Supplier<Object> read) {
        try {
            return Either.right(read.get());
        } catch (RuntimeException e) {
            return Either.left(e.getClass().getName() + ": " + e.getMessage());
        }
    }

    @Test
    void everyItemShapeEndsAsItDidReadIntoATree() throws Exception {
        int plain = 0;
        int shapes = 0;
        for (ShoplazzaVersion version : ShoplazzaVersion.values()) {
            ShoplazzaDialect dialect = dialect(version);
            ObjectMapper json = dialect.json();
            for (boolean codes : new boolean[] {true, false}) {
                List<String> items = items(codes ? CODE_FIELDS : RULE_FIELDS, codes ? validCode(version) : validRule(version));
                shapes += items.size();
                String field = codes ? "discount_codes" : "price_rules";
                String body = page(version, field, items);
                TreeAnswer trees = json.readValue(body, TreeAnswer.class);
                ShoplazzaDto.Answer answer = json.readValue(body, ShoplazzaDto.Answer.class);

                List<JsonNode> treeItems = treeList(version, trees, codes);
                if (codes) {
                    ShoplazzaDialect.Listed<ShoplazzaCode> before = ShoplazzaDialect.each(treeItems, "code",
                            item -> readCode(dialect, item), Option.none());
                    ShoplazzaDialect.Listed<ShoplazzaCode> after = dialect.codes(answer);
                    assertThat(outcome(after, ShoplazzaCode::code, c -> c.raw().json()))
                            .containsExactlyElementsOf(outcome(before, ShoplazzaCode::code, c -> c.raw().json()));
                    assertThat(after.items()).containsExactlyElementsOf(before.items());
                } else {
                    ShoplazzaDialect.Listed<ShoplazzaRule> before = ShoplazzaDialect.each(treeItems, "price rule",
                            item -> readRule(dialect, item), Option.none());
                    ShoplazzaDialect.Listed<ShoplazzaRule> after = dialect.rules(answer);
                    assertThat(outcome(after, ShoplazzaRule::rule, r -> r.raw().json()))
                            .containsExactlyElementsOf(outcome(before, ShoplazzaRule::rule, r -> r.raw().json()));
                    assertThat(after.items()).containsExactlyElementsOf(before.items());
                }

                String one = codes ? "discount_code" : "price_rule";
                for (String item : items) {
                    String singleBody = single(version, one, item);
                    TreeAnswer tree = json.readValue(singleBody, TreeAnswer.class);
                    ShoplazzaDto.Answer buffered = json.readValue(singleBody, ShoplazzaDto.Answer.class);
                    JsonNode treeItem = version == ShoplazzaVersion.V2022_01
                            ? (codes ? tree.discountCode() : tree.priceRule())
                            : (codes ? tree.data().discountCode() : tree.data().priceRule());
                    TokenBuffer tokens = version == ShoplazzaVersion.V2022_01
                            ? (codes ? buffered.v2022().get().discountCode() : buffered.v2022().get().priceRule())
                            : (codes ? buffered.v2025().get().data().discountCode() : buffered.v2025().get().data().priceRule());
                    if (ShoplazzaDialect.plain(tokens)) {
                        plain++;
                    }
                    Object before = either(() -> {
                        JsonNode node = ShoplazzaDialect.oneOf(treeItem, null, codes ? "discount code" : "price rule");
                        return codes
                                ? codeCompared(ShoplazzaDialect.one(node, "discount code", i -> readCode(dialect, i)))
                                : ruleCompared(ShoplazzaDialect.one(node, "price rule", i -> readRule(dialect, i)));
                    });
                    Object after = either(() -> codes ? codeCompared(dialect.oneCode(buffered)) : ruleCompared(dialect.oneRule(buffered)));
                    assertThat(after).as("%s %s", version, item).isEqualTo(before);
                }
            }
        }
        assertThat(shapes).isGreaterThan(2_000);
        assertThat(plain).as("the short way is taken for plain items").isGreaterThan(500);
    }

    private static ShoplazzaCode readCode(ShoplazzaDialect dialect, JsonNode item) throws com.fasterxml.jackson.core.JsonProcessingException {
        return dialect instanceof ShoplazzaDialect.V2022 v2022 ? v2022.readCode(item) : ((ShoplazzaDialect.V2025) dialect).readCode(item);
    }

    private static ShoplazzaRule readRule(ShoplazzaDialect dialect, JsonNode item) throws com.fasterxml.jackson.core.JsonProcessingException {
        return dialect instanceof ShoplazzaDialect.V2022 v2022 ? v2022.readRule(item) : ((ShoplazzaDialect.V2025) dialect).readRule(item);
    }

    private static Object codeCompared(ShoplazzaCode code) {
        return List.of(code.code(), code.raw().json(), code.raw());
    }

    private static Object ruleCompared(ShoplazzaRule rule) {
        return List.of(rule.rule(), rule.raw().json(), rule.raw());
    }

    @Test
    void aPlainCodeIsReadFromItsTokensAndItsRawFieldsAreMaskedWhenAsked() throws Exception {
        ShoplazzaDialect dialect = dialect(ShoplazzaVersion.V2025_06);
        String item = "{\"id\":\"dc-1\",\"price_rule_id\":\"pr-1\",\"code\":\"WELCOME\",\"created_at\":\"2026-11-01T09:00:00Z\","
                + "\"use_with_other\":true,\"usage_count\":37,\"note\":\"by " + SECRET + "\",\"link\":\"https://x.example/c\"}";
        ShoplazzaDto.Answer answer = dialect.json().readValue(single(ShoplazzaVersion.V2025_06, "discount_code", item),
                ShoplazzaDto.Answer.class);
        assertThat(ShoplazzaDialect.plain(answer.v2025().get().data().discountCode())).isTrue();

        ShoplazzaCode code = dialect.oneCode(answer);

        assertThat(code.code().code()).isEqualTo("WELCOME");
        assertThat(code.raw().text("usage_count")).contains("37");
        assertThat(code.raw().text("note")).contains("by ****");
        assertThat(code.raw().json()).doesNotContain(SECRET).doesNotContain("https://");
        assertThat(code.raw().names()).containsExactly("id", "price_rule_id", "code", "created_at", "use_with_other",
                "usage_count", "note", "link");
    }

    @Test
    void onlyObjectsOfDistinctScalarFieldsArePlain() throws Exception {
        ObjectMapper json = dialect(ShoplazzaVersion.V2025_06).json();
        Map<String, Boolean> shapes = Map.of(
                "{\"a\":\"x\",\"b\":1,\"c\":true,\"d\":null,\"e\":-7}", true,
                "{\"a\":1.5}", false,
                "{\"a\":{}}", false,
                "{\"a\":[]}", false,
                "{\"a\":1,\"a\":2}", false,
                "[{\"a\":1}]", false,
                "\"x\"", false,
                "{}", true);
        shapes.forEach((item, expected) -> {
            try {
                TokenBuffer tokens = json.readValue(item, TokenBuffer.class);
                assertThat(ShoplazzaDialect.plain(tokens)).as(item).isEqualTo(expected);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(ShoplazzaDialect.plain(null)).isFalse();
    }

    @Test
    void theRawMaskingIsMadeOncePerAccessTokenAndAgainWhenItChanges() {
        AtomicReference<Secret> current = new AtomicReference<>(Secret.of("token-one-1234"));
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                return current.get() == null
                        ? Either.left(new ProviderFailure.AccessDenied(FailureDetails.of("shoplazza", "no token")))
                        : Either.right(current.get());
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                return current();
            }

            @Override
            public boolean renewable() {
                return true;
            }
        };
        ShoplazzaDiscounts.RawMasking masking = new ShoplazzaDiscounts.RawMasking(spec, tokens);

        ProviderSpec first = masking.get();
        assertThat(masking.get()).as("the same token: the same spec").isSameAs(first);
        current.set(Secret.of("token-two-5678"));
        ProviderSpec second = masking.get();
        assertThat(second).isNotSameAs(first);
        current.set(null);
        ProviderSpec none = masking.get();
        assertThat(none).isNotSameAs(second);
        assertThat(masking.get()).isSameAs(none);

        com.fasterxml.jackson.databind.node.ObjectNode item = base.createObjectNode()
                .put("a", "token-one-1234").put("b", "token-two-5678");
        assertThat(io.voucherport.adapter.support.RawFields.of(item, first).json())
                .isEqualTo(io.voucherport.adapter.support.RawFields.of(item,
                        ShoplazzaDiscounts.rawMasking(spec, AccessTokenProvider.fixed(Secret.of("token-one-1234")))).json())
                .doesNotContain("token-one-1234").contains("token-two-5678");
        assertThat(io.voucherport.adapter.support.RawFields.of(item, second).json())
                .doesNotContain("token-two-5678").contains("token-one-1234");
    }

    @Test
    void aFlagReadsAsItDidBeforeTheWordsWereTriedFirst() {
        for (String text : List.of("true", "TRUE", " True ", "false", "False", "1", "0", "-1", "0.0000", "0.5", "1e3",
                "", "  ", "yes", "no", "t", "truex", "1e999999999", "NaN", "null")) {
            Object before = either(() -> {
                BigDecimal n = ShoplazzaMapper.INSTANCE.number(text);
                return n != null ? n.signum() != 0 : text.strip().equalsIgnoreCase("true");
            });
            assertThat(either(() -> ShoplazzaMapper.INSTANCE.flag(text))).as(text).isEqualTo(before);
        }
        assertThat(ShoplazzaMapper.INSTANCE.flag(null)).isFalse();
    }
}
