package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Raw fields masked on first use ({@link RawFields#later}) hold what the eager copy holds, and no secret shows. */
class RawFieldsLaterTest {

    private static final String ANSWER = "{\"codes\":[{\"redeemCode\":\"J72D-I83E\",\"pinCode\":1234,\"stockId\":\"s1\"}],"
            + "\"claimUrl\":\"https://x.example/claim?t=abc\",\"note\":\"has literal-secret-123 in it\","
            + "\"rate\":1.3500,\"vault\":{\"serial\":\"SECRET-3\",\"none\":null},\"ok\":true}";

    private final ObjectMapper json = JsonSupport.newObjectMapper();
    private final ProviderSpec spec = ProviderSpec.of("p", json).withMaskedFields("redeemCode", "pinCode")
            .withMaskedValues(Secret.of("literal-secret-123")).withSecretSubtrees("vault");

    @Test
    void aTreeMaskedOnFirstUseHoldsWhatTheEagerCopyHolds() throws Exception {
        RawFields eager = RawFields.of(json.readTree(ANSWER), spec);
        RawFields later = RawFields.later(json.readTree(ANSWER), spec);

        assertThat(later.json()).isEqualTo(eager.json());
        assertThat(later).isEqualTo(eager).hasSameHashCodeAs(eager);
        assertThat(later.text("codes.0.redeemCode")).isEqualTo(Option.some(Masker.MASK));
        assertThat(later.text("codes.0.stockId")).isEqualTo(Option.some("s1"));
        assertThat(later.text("vault.serial")).isEqualTo(Option.some(Masker.MASK));
        assertThat(later.text("note")).isEqualTo(Option.some("has **** in it"));
        assertThat(later.toString()).doesNotContain("J72D", "1234", "abc", "literal-secret", "SECRET-3");
    }

    @Test
    void bufferedTokensMaskedOnFirstUseHoldWhatTheEagerCopyHolds() throws Exception {
        RawFields eager = RawFields.of(json.readTree(ANSWER), spec);
        TokenBuffer tokens = json.readValue(ANSWER, TokenBuffer.class);
        RawFields later = RawFields.later(tokens, json, spec);

        assertThat(later.names()).containsExactly("codes", "claimUrl", "note", "rate", "vault", "ok");
        assertThat(later.text("rate")).isEqualTo(eager.text("rate"));
        assertThat(later.text("claimUrl")).isEqualTo(Option.some(Masker.MASK));
        assertThat(later).isEqualTo(eager);
        assertThat(later.json()).isEqualTo(eager.json()).doesNotContain("J72D", "1234", "abc", "literal-secret");
    }

    @Test
    void nothingOrNullIsEmpty() throws Exception {
        assertThat(RawFields.later((JsonNode) null, spec)).isSameAs(RawFields.empty());
        assertThat(RawFields.later(json.readTree("null"), spec)).isSameAs(RawFields.empty());
        TokenBuffer nullToken = new TokenBuffer(json, false);
        nullToken.writeNull();
        RawFields bufferedNull = RawFields.later(nullToken, json, spec);
        assertThat(bufferedNull).isEqualTo(RawFields.empty());
        assertThat(bufferedNull.names()).isEmpty();
    }

    @Test
    void callersAskingAtOnceAllSeeOneMaskedCopy() throws Exception {
        TokenBuffer tokens = json.readValue(ANSWER, TokenBuffer.class);
        RawFields later = RawFields.later(tokens, json, spec);
        String expected = RawFields.of(json.readTree(ANSWER), spec).json();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> asks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                asks.add(later::json);
            }
            for (Future<String> seen : callers.invokeAll(asks)) {
                assertThat(seen.get()).isEqualTo(expected);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
