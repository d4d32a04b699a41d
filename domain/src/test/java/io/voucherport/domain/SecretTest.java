package io.voucherport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTest {

    private static final String CODE = "J72D-I83E-N87F-213E-B980-K915";
    private static final String PIN = "0042";

    @Test
    void toStringNeverRevealsTheValue() {
        Secret secret = Secret.of(CODE);
        assertThat(secret.toString()).isEqualTo("Secret[****]").doesNotContain(CODE);
        assertThat(secret.reveal()).isEqualTo(CODE);
    }

    @Test
    void maskedShowsOnlyTheLastFourCharactersOfLongValues() {
        assertThat(Secret.of(CODE).masked()).isEqualTo("****K915");
        assertThat(Secret.of(PIN).masked()).isEqualTo("****");
    }

    @Test
    void domainObjectsHoldingSecretsPrintNoSecret() {
        DeliveredCode code = DeliveredCode.delivered(Secret.of(CODE), Option.some(Secret.of(PIN)), Option.some("7"));
        OrderCodes codes = new OrderCodes(SupplierOrderId.of("t-1"), List.of(new SkuCodes(Sku.of("S"), 1, List.of(code))));
        assertThat(codes.toString()).doesNotContain(CODE).doesNotContain(PIN).contains("Secret[****]");
    }

    @Test
    void assertionMessagesComparingSecretsDoNotLeakThem() {
        Secret expected = Secret.of(CODE);
        Secret actual = Secret.of("ZZZZ-I83E-N87F-213E-B980-0000");
        assertThatThrownBy(() -> assertThat(actual).isEqualTo(expected))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CODE).doesNotContain(actual.reveal()));
    }

    @Test
    void equalityComparesTheHiddenValues() {
        assertThat(Secret.of(CODE)).isEqualTo(Secret.of(CODE)).hasSameHashCodeAs(Secret.of(CODE));
        assertThat(Secret.of(CODE)).isNotEqualTo(Secret.of(PIN));
    }

    @Test
    void refusesMissingOrEmptyValues() {
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> Secret.of("")).hasMessage("secret must not be empty");
    }
}
