package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import org.junit.jupiter.api.Test;

class RawFieldsTest {

    private final ObjectMapper json = JsonSupport.newObjectMapper();
    private final ProviderSpec spec = ProviderSpec.of("p", json).withMaskedFields("redeemCode", "pinCode")
            .withMaskedValues(Secret.of("literal-secret-123"));

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void readsScalarsByPathAndKeepsEveryField() throws Exception {
        RawFields raw = RawFields.of(read("{\"ezOrderNumber\":\"EZ-1\",\"fxSummary\":{\"rate\":1.3500,\"big\":1E+3},"
                + "\"products\":[{\"sku\":\"A\",\"qty\":2,\"ok\":true,\"none\":null}]}"), spec);

        assertThat(raw.text("ezOrderNumber")).isEqualTo(Option.some("EZ-1"));
        assertThat(raw.text("fxSummary.rate").map(java.math.BigDecimal::new)).isEqualTo(Option.some(new java.math.BigDecimal("1.35")));
        assertThat(raw.text("fxSummary.big")).isEqualTo(Option.some("1000"));
        assertThat(raw.text("products.0.sku")).isEqualTo(Option.some("A"));
        assertThat(raw.text("products.0.qty")).isEqualTo(Option.some("2"));
        assertThat(raw.text("products.0.ok")).isEqualTo(Option.some("true"));
        assertThat(raw.text("products.0.none")).isEmpty();
        assertThat(raw.text("products.1.sku")).isEmpty();
        assertThat(raw.text("products.x")).isEmpty();
        assertThat(raw.text("fxSummary")).as("an object is no scalar").isEmpty();
        assertThat(raw.text("missing.deeper")).isEmpty();
        assertThat(raw.names()).containsExactly("ezOrderNumber", "fxSummary", "products");
    }

    @Test
    void keepsNoSecret() throws Exception {
        RawFields raw = RawFields.of(read("{\"codes\":[{\"redeemCode\":\"J72D-I83E\",\"pinCode\":1234,"
                + "\"stockId\":\"s1\"}],\"claimUrl\":\"https://x.example/claim?t=abc\",\"note\":\"has literal-secret-123 in it\","
                + "\"access_token\":{\"nested\":\"t\"}}"), spec);

        assertThat(raw.text("codes.0.redeemCode")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.text("codes.0.pinCode")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.text("codes.0.stockId")).isEqualTo(Option.some("s1"));
        assertThat(raw.text("claimUrl")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.text("note")).isEqualTo(Option.some("has **** in it"));
        assertThat(raw.text("access_token")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.toString()).isEqualTo(raw.json())
                .doesNotContain("J72D", "1234", "abc", "literal-secret", "nested");
    }

    @Test
    void masksEveryScalarOfASecretSubtreeWhateverNamesItsCodesCarry() throws Exception {
        ProviderSpec supplier = spec.withSecretSubtrees("codes", "redeem*", "voucher*");
        RawFields raw = RawFields.of(read("{\"sku\":\"A\",\"codes\":[{\"code\":\"SECRET-1\",\"pin\":48291337,"
                + "\"none\":null}],\"redeemCodes\":[\"SECRET-2\"],\"Voucher\":{\"serial\":\"SECRET-3\",\"ok\":true},"
                + "\"quantity\":2}"), supplier);

        assertThat(raw.json()).doesNotContain("SECRET-1", "48291337", "SECRET-2", "SECRET-3", "true");
        assertThat(raw.text("codes.0.code")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.text("codes.0.none")).as("nothing there stays nothing").isEmpty();
        assertThat(raw.text("Voucher.serial")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.text("sku")).isEqualTo(Option.some("A"));
        assertThat(raw.text("quantity")).isEqualTo(Option.some("2"));
        assertThat(RawFields.of(read("{\"codes\":[{\"code\":\"SECRET-1\"}]}"), spec).json())
                .as("without the option the subtree is read as before").contains("SECRET-1");
    }

    @Test
    void keepsOnlyTheAllowedFieldsOfEachEntryOfASecretContainer() throws Exception {
        ProviderSpec supplier = spec.withSecretEntries("redeem", "currency", "value", "expirationDate");
        RawFields raw = RawFields.of(read("{\"reference\":\"R\",\"redeem\":{\"A\":{\"currency\":\"DKK\","
                + "\"value\":1000,\"cards\":[{\"cardCode\":\"SECRET-1\"}],\"codes\":[\"SECRET-2\"],\"serial\":null},"
                + "\"B\":\"SECRET-3\",\"C\":null}}"), supplier);

        assertThat(raw.json()).doesNotContain("SECRET-1", "SECRET-2", "SECRET-3");
        assertThat(raw.text("redeem.A.currency")).isEqualTo(Option.some("DKK"));
        assertThat(raw.text("redeem.A.value")).isEqualTo(Option.some("1000"));
        assertThat(raw.text("redeem.A.cards")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.text("redeem.B")).isEqualTo(Option.some(Masker.MASK));
        assertThat(raw.text("reference")).isEqualTo(Option.some("R"));
        assertThat(RawFields.of(read("{\"redeem\":\"SECRET-4\"}"), supplier).json()).doesNotContain("SECRET-4");
    }

    @Test
    void masksALinkInsideText() throws Exception {
        RawFields raw = RawFields.of(read("{\"how\":\"Open https://redeem.example/c/SECRET-1 now\","
                + "\"html\":\"<a href=\\\"https://r.example/SECRET-2\\\">x</a>\",\"plain\":\"no link: here\"}"), spec);

        assertThat(raw.json()).doesNotContain("SECRET-1", "SECRET-2");
        assertThat(raw.text("plain")).isEqualTo(Option.some("no link: here"));
    }

    @Test
    void isACopyEqualByContent() throws Exception {
        JsonNode answer = read("{\"a\":{\"b\":\"c\"}}");
        RawFields raw = RawFields.of(answer, spec);
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer.get("a")).put("b", "changed");

        assertThat(raw.text("a.b")).isEqualTo(Option.some("c"));
        assertThat(raw).isEqualTo(RawFields.of(read("{\"a\":{\"b\":\"c\"}}"), spec))
                .hasSameHashCodeAs(RawFields.of(read("{\"a\":{\"b\":\"c\"}}"), spec));
        assertThat(RawFields.of(null, spec)).isEqualTo(RawFields.empty());
        assertThat(RawFields.empty().names()).isEmpty();
        assertThat(RawFields.empty().json()).isEqualTo("{}");
    }
}
