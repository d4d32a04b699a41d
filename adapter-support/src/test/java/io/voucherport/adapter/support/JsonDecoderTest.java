package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDecoderTest {

    record Price(BigDecimal amount, String currency) {
    }

    private final JsonDecoder decoder = new JsonDecoder(JsonSupport.newObjectMapper(), 64);

    @Test
    void readsTheBodyIntoTheTargetType() throws IOException {
        assertThat(decoder.decode(response(200, "{\"amount\":\"9.75\",\"currency\":\"USD\",\"extra\":1}", true), Price.class))
                .isEqualTo(new Price(new BigDecimal("9.75"), "USD"));
        assertThat(decoder.decode(response(200, "{\"amount\":1.10}", false), Price.class))
                .isEqualTo(new Price(new BigDecimal("1.10"), null));
    }

    @Test
    void anEmptyBodyIsNullAnd404IsTheEmptyValue() throws IOException {
        assertThat(decoder.decode(response(200, "", true), Price.class)).isNull();
        assertThat(decoder.decode(response(200, "", false), Price.class)).isNull();
        assertThat(decoder.decode(response(404, "{}", true), List.class)).isEqualTo(List.of());
    }

    @Test
    void refusesAnswersOverTheLimitWhetherTheirLengthIsDeclaredOrNot() {
        String big = "{\"currency\":\"" + "X".repeat(100) + "\"}";
        assertThatThrownBy(() -> decoder.decode(response(200, big, true), Price.class))
                .isInstanceOf(MalformedAnswerException.class).hasMessageContaining("limit of 64 bytes");
        assertThatThrownBy(() -> decoder.decode(response(200, big, false), Price.class))
                .isInstanceOf(MalformedAnswerException.class).hasMessageContaining("limit of 64 bytes");
    }

    @Test
    void anUnreadableBodyIsAnIoFailure() {
        assertThatThrownBy(() -> decoder.decode(response(200, "{\"amount\":", true), Price.class))
                .isInstanceOf(IOException.class);
    }

    private static Response response(int status, String body, boolean declaredLength) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Response.Builder builder = Response.builder().status(status).reason("x").headers(Map.of())
                .request(Request.create(Request.HttpMethod.GET, "http://localhost/", Map.of(), null, StandardCharsets.UTF_8,
                        null));
        return declaredLength ? builder.body(bytes).build()
                : builder.body(new ByteArrayInputStream(bytes), null).build();
    }
}
