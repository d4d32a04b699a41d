package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskerTest {

    private final Masker masker = Masker.of(List.of("redeemCode", "pinCode", "redeemPin"),
            List.of("literal-secret-123"));

    @Test
    void masksSensitiveHeadersWithOrWithoutFeignsPrefix() {
        assertThat(masker.mask("Authorization: Bearer abc.def")).isEqualTo("Authorization: ****");
        assertThat(masker.mask("[Api#call] x-api-key: k123")).isEqualTo("[Api#call] x-api-key: ****");
        assertThat(masker.mask("Access-Token: v")).isEqualTo("Access-Token: ****");
        assertThat(masker.mask("Content-Type: application/json")).isEqualTo("Content-Type: application/json");
    }

    @Test
    void masksSensitiveJsonFieldsOfEveryShape() {
        String body = "{\"redeemCode\" : \"J72D-I83E\", \"pinCode\":1234, \"redeemPin\": [\"A\", \"B\"],"
                + " \"access_token\":\"t\\\"x\", \"sku\": \"keep\"}";
        assertThat(masker.mask(body)).isEqualTo("{\"redeemCode\" : \"****\", \"pinCode\":\"****\", \"redeemPin\": \"****\","
                + " \"access_token\":\"****\", \"sku\": \"keep\"}");
    }

    @Test
    void masksSensitiveFormFields() {
        assertThat(masker.mask("[Api#token] grant_type=client_credentials&client_id=c1&client_secret=s%26x/y"))
                .isEqualTo("[Api#token] grant_type=client_credentials&client_id=c1&client_secret=****");
        assertThat(masker.mask("client_secret=abc&password=p")).isEqualTo("client_secret=****&password=****");
        assertThat(masker.mask("my_client_secret=keep")).isEqualTo("my_client_secret=keep");
    }

    @Test
    void masksConfiguredSecretsAnywhere() {
        assertThat(masker.mask("GET /x?key=literal-secret-123&y=1")).isEqualTo("GET /x?key=****&y=1");
        assertThat(masker.mask(null)).isNull();
    }

    @Test
    void aLongMaskedValueInTextCostsNoStack() {
        for (int size : new int[] {1 << 20, 10 << 20}) {
            String value = "x".repeat(size - 6) + "\\\"tail";
            String text = "[Api#call] {\"redeemCode\":\"" + value + "\",\"sku\":\"keep\"}";
            assertThat(masker.mask(text)).isEqualTo("[Api#call] {\"redeemCode\":\"****\",\"sku\":\"keep\"}");
            String escapes = "[Api#call] {\"redeemCode\":\"" + "\\n".repeat(size / 2) + "\"}";
            assertThat(masker.mask(escapes)).isEqualTo("[Api#call] {\"redeemCode\":\"****\"}");
        }
    }

    @Test
    void unterminatedOrUnquotedSensitiveValuesInTextAreMaskedToTheirEnd() {
        assertThat(masker.mask("{\"redeemCode\": \"J72D-I83E")).isEqualTo("{\"redeemCode\": \"****\"");
        assertThat(masker.mask("{\"redeemCode\": J72D-I83E, \"sku\": 1}")).isEqualTo("{\"redeemCode\": \"****\", \"sku\": 1}");
        assertThat(masker.mask("{\"redeemPin\": {\"a\": [\"}\", 1]}, \"sku\": 1}"))
                .isEqualTo("{\"redeemPin\": \"****\", \"sku\": 1}");
        assertThat(masker.mask("say \"hi")).isEqualTo("say \"hi");
        assertThat(masker.mask("[".repeat(100_000) + "\"redeemCode\":\"s\"")).endsWith("\"redeemCode\":\"****\"");
    }

    @Test
    void namesMatchIgnoringCaseUnderscoresAndDashes() {
        assertThat(masker.mask("{\"accessToken\":\"a\",\"REDEEM_CODE\":\"b\",\"redeem-pin\":\"c\"}"))
                .isEqualTo("{\"accessToken\":\"****\",\"REDEEM_CODE\":\"****\",\"redeem-pin\":\"****\"}");
        assertThat(masker.sensitiveHeader("X-API-KEY")).isTrue();
        assertThat(masker.sensitiveHeader("x_api_key")).isTrue();
        assertThat(masker.sensitiveHeader("Content-Type")).isFalse();
        assertThat(masker.withHeaders(List.of("X-Store-Key")).sensitiveHeader("x-store-key")).isTrue();
    }

    @Test
    void aJsonBodyIsMaskedThroughItsTokensWhateverTheValuesShape() {
        String body = "{\"redeemCode\":\"J72D\",\"pinCode\":1234,\"redeemPin\":[\"A\",{\"b\":[1]}],"
                + "\"access_token\":{\"nested\":\"t\"},\"redeem_pin\":null,\"sku\":\"keep\",\"n\":1.5e3,\"ok\":true,"
                + "\"note\":\"key literal-secret-123 inside\",\"export\":\"https://bucket/f.csv?X-Amz-Signature=abc\","
                + "\"list\":[\"s3://bucket/key\",\"plain\"],\"href\":\"/relative/link\"}";
        assertThat(json(body)).isEqualTo("{\"redeemCode\":\"****\",\"pinCode\":\"****\",\"redeemPin\":\"****\","
                + "\"access_token\":\"****\",\"redeem_pin\":\"****\",\"sku\":\"keep\",\"n\":1.5e3,\"ok\":true,"
                + "\"note\":\"key **** inside\",\"export\":\"****\",\"list\":[\"****\",\"plain\"],\"href\":\"****\"}");
        assertThat(json("[{\"token\":\"t\"}, 1, \"x\"]")).isEqualTo("[{\"token\":\"****\"},1,\"x\"]");
    }

    @Test
    void aProvidersSecretSubtreesAreMaskedWholeInLogsWhateverTheirFieldsAreCalled() {
        Masker subtrees = Masker.of(List.of(), List.of()).withFieldPatterns(List.of("codes", "claim*", "*serial", "redeem"));
        String body = "{\"codes\":[{\"code\":\"C-1\",\"pin\":\"P-1\"}],\"claimCode\":\"C-2\",\"voucher\":"
                + "{\"cardSerial\":\"S-1\"},\"redeem\":{\"SKU\":{\"cards\":[\"C-3\"],\"value\":10}},\"sku\":\"keep\"}";
        String logged = subtrees.body(body.getBytes(StandardCharsets.UTF_8), body.length(), StandardCharsets.UTF_8,
                "application/json");
        assertThat(logged).doesNotContain("C-1", "P-1", "C-2", "S-1", "C-3").contains("\"sku\":\"keep\"");
        assertThat(subtrees.sensitiveField("CLAIM_code")).isTrue();
        assertThat(subtrees.sensitiveField("countryCode")).isFalse();
    }

    @Test
    void aLinkInsideTextOrHtmlInABodyIsMaskedWhole() {
        String body = "{\"redeem\":\"Open https://redeem.example/claim/SECRET-1 and enter the PIN\","
                + "\"html\":\"<a href=\\\"https://redeem.example/claim/SECRET-2\\\">Redeem</a>\",\"tnc\":\"See terms\"}";
        assertThat(json(body)).isEqualTo("{\"redeem\":\"****\",\"html\":\"****\",\"tnc\":\"See terms\"}");
    }

    @Test
    void aHugeValueInAMaskedFieldOfABodyIsMaskedInOnePass() {
        for (int size : new int[] {1 << 20, 10 << 20}) {
            String body = "{\"redeemCode\":\"" + "\\u0041".repeat(size / 6) + "\",\"sku\":\"keep\"}";
            assertThat(json(body)).isEqualTo("{\"redeemCode\":\"****\",\"sku\":\"keep\"}");
        }
    }

    @Test
    void aBodyNestedTooDeeplyIsWithheldWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(json(deep)).isEqualTo("<200000 bytes of application/json, not logged: beyond the JSON limits>");
        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThat(json(deepObjects)).startsWith("<").contains("not logged");
        String deepMasked = "{\"redeemCode\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(json(deepMasked)).startsWith("<").contains("not logged");
    }

    @Test
    void aBodyThatIsNotAJsonObjectOrArrayIsNeverShown() {
        List<String> bodies = List.of(
                "{\"redeemCode\": UNQUOTED-SECRET-1, \"sku\": \"a\"}",
                "{\"sku\": \"a\", \"x\": UNQUOTED-SECRET-1}",
                "{\"sku\": \"a\"} UNQUOTED-SECRET-1",
                "{\"sku\": \"UNQUOTED-SECRET-1",
                "\"UNQUOTED-SECRET-1\"",
                "UNQUOTED-SECRET-1",
                "<html>UNQUOTED-SECRET-1</html>",
                "{\"sku\": NaN, \"c\": \"UNQUOTED-SECRET-1\"}");
        for (String body : bodies) {
            String logged = masker.body(bytes(body), bytes(body).length, StandardCharsets.UTF_8, "text/html; charset=x");
            assertThat(logged).doesNotContain("UNQUOTED-SECRET-1").startsWith("<" + bytes(body).length + " bytes of text/html")
                    .contains("not logged");
        }
        assertThat(masker.body(bytes("UNQUOTED-SECRET-1"), 17, StandardCharsets.UTF_8, null))
                .isEqualTo("<17 bytes of unknown type, not logged: not readable JSON>");
    }

    @Test
    void aFormBodyIsMaskedFieldByField() {
        Masker forms = Masker.of(List.of("client_id"), List.of("s3cr&t=with+odd/chars%"));
        String form = "grant_type=client_credentials&client_id=c1&client_secret=s%26x%2Fy&Password=p&scope="
                + "&note=s3cr%26t%3Dwith%2Bodd%2Fchars%25&flag";
        assertThat(forms.body(bytes(form), bytes(form).length, StandardCharsets.UTF_8,
                "application/x-www-form-urlencoded; charset=UTF-8"))
                .isEqualTo("grant_type=client_credentials&client_id=****&client_secret=****&Password=****&scope="
                        + "&note=****&flag");
        assertThat(forms.body(bytes("a=%zz&client_secret=q"), 21, null, "application/x-www-form-urlencoded"))
                .isEqualTo("<21 bytes of application/x-www-form-urlencoded, not logged: not a readable form>");
        assertThat(forms.body(bytes("a=1 client_secret=q"), 19, null, "application/x-www-form-urlencoded"))
                .doesNotContain("client_secret=q").contains("not logged");
    }

    @Test
    void aUrlHasItsQueryMaskedAsAForm() {
        assertThat(masker.url("https://h/x?client_secret=abc&y=literal-secret-123&z=1&key=ok"))
                .isEqualTo("https://h/x?client_secret=****&y=****&z=1&key=ok");
        assertThat(masker.url("https://h/literal-secret-123/x")).isEqualTo("https://h/****/x");
        assertThat(masker.url("https://h/x?a=%zz")).isEqualTo("https://h/x?****");
    }

    private String json(String body) {
        return masker.body(bytes(body), bytes(body).length, StandardCharsets.UTF_8, "application/json");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
