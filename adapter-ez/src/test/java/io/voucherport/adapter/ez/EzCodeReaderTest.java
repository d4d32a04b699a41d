package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.domain.Secret;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Get Codes read straight from the parser ({@link EzCodeReader}): each code judged by the shapes
 * of its four fields as a tree of it would show them, with the same bounds on everything else.
 */
class EzCodeReaderTest {

    private final ObjectMapper json = JsonSupport.newObjectMapper();

    private List<DeliveredCode> codes(String... codes) throws Exception {
        String body = "{\"requestId\":\"r\",\"data\":[{\"sku\":\"S1\",\"quantity\":" + codes.length + ",\"codes\":["
                + String.join(",", codes) + "]}]}";
        EzDto.Envelope<List<EzDto.CodesProduct>> envelope = json.readValue(body, new TypeReference<>() { });
        return EzMapper.INSTANCE.codes(SupplierOrderId.of("t-1"), envelope.data()).skus().get(0).codes();
    }

    private static String reveal(Option<Secret> secret) {
        return secret.map(Secret::reveal).getOrNull();
    }

    @Test
    void readsEachFieldByItsShape() throws Exception {
        List<DeliveredCode> read = codes(
                "{\"stockId\":123456789012,\"status\":\"COMPLETED\",\"redeemCode\":12.50,\"pinCode\":-0,\"expireDate\":\"2028\"}",
                "{\"stockId\":\"s-2\",\"status\":\"COMPLETED\",\"redeemCode\":\"R-2\",\"pinCode\":1.5}",
                "{\"stockId\":\"s-3\",\"status\":true,\"redeemCode\":\"R-3\"}",
                "{\"stockId\":\"s-4\",\"status\":\"PROCESSING\",\"redeemCode\":{\"odd\":1}}",
                "{\"stockId\":\"s-5\",\"status\":\"COMPLETED\",\"redeemCode\":\"  \",\"pinCode\":null}",
                "\"not an object\"",
                "null",
                "{\"stockId\":\"s-8\",\"status\":\"COMPLETED\",\"redeemCode\":\"FIRST\",\"redeemCode\":\"LAST\"}");

        assertThat(read.get(0).status()).isEqualTo(CodeStatus.DELIVERED);
        assertThat(read.get(0).stockId()).contains("123456789012");
        assertThat(reveal(read.get(0).code())).as("a fraction is text where a fraction may be").isEqualTo("12.5");
        assertThat(reveal(read.get(0).pin())).isEqualTo("0");
        assertThat(read.get(1).status()).as("a fraction as PIN is no PIN").isEqualTo(CodeStatus.UNREADABLE);
        assertThat(read.get(1).stockId()).contains("s-2");
        assertThat(read.get(2).status()).as("a boolean status").isEqualTo(CodeStatus.UNREADABLE);
        assertThat(read.get(3).status()).as("a readable status other than COMPLETED comes first")
                .isEqualTo(CodeStatus.PENDING);
        assertThat(read.get(4).status()).as("blank and null: nothing sent yet").isEqualTo(CodeStatus.PENDING);
        assertThat(read.get(5).status()).isEqualTo(CodeStatus.UNREADABLE);
        assertThat(read.get(5).stockId()).isEmpty();
        assertThat(read.get(6).status()).isEqualTo(CodeStatus.UNREADABLE);
        assertThat(reveal(read.get(7).code())).as("a repeated field counts by its last value, as in a tree")
                .isEqualTo("LAST");
        assertThat(read).hasSize(8);
    }

    @Test
    void refusesWhatATreeOfTheCodeWouldRefuseInFieldsItDoesNotKeep() {
        assertThatThrownBy(() -> codes("{\"stockId\":\"s\",\"status\":\"COMPLETED\",\"redeemCode\":\"R\","
                + "\"extra\":[[{\"n\":-1e999999999}]]}"))
                .hasMessageContaining("a number in the answer");
        assertThatThrownBy(() -> codes("{\"stockId\":\"s\",\"status\":\"COMPLETED\",\"redeemCode\":\"R\","
                + "\"face\":-1e999999999}"))
                .hasMessageContaining("a number in the answer");
        assertThatThrownBy(() -> codes("{\"stockId\":\"s\",\"status\":\"COMPLETED\",\"redeemCode\":\"R\","
                + "\"note\":\"" + "x".repeat(JsonSupport.MAX_STRING_LENGTH + 1) + "\"}"))
                .hasMessageContaining("exceeds the maximum");
        assertThatThrownBy(() -> codes("{\"stockId\":\"s\",\"status\":\"COMPLETED\",\"pinCode\":-1e999999999}"))
                .hasMessageContaining("a number in the answer");
    }
}
