package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

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
}
