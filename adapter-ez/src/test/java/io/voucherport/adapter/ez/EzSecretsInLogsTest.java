package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.assertions.LogCapture;
import io.voucherport.testkit.ez.EzSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** At Feign's FULL level, with every logger at its most verbose, no key, token, code or PIN is logged. */
class EzSecretsInLogsTest {

    @RegisterExtension
    static final EzSimulator EZ = EzSimulator.create().withSampleData().asyncPolls(2);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void aWholeJourneyLogsNoSecret() {
        List<String> texts = new ArrayList<>();
        try (EzCardsSupplier supplier = EzCardsSupplier.builder().baseUrl(EZ.baseUrl())
                .apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN))
                .logLevel(HttpLogLevel.FULL).build()) {
            OrderReference reference = OrderReference.generate();
            SupplierOrder instant = supplier.place(OrderRequest.of(reference, OrderLine.of("8PX-UF-Y5U", 1))).get();
            SupplierOrder bulk = supplier.place(OrderRequest.of(OrderReference.generate(),
                    OrderLine.of("AMZ-US-25", 3))).get();
            EZ.fulfilPending();
            OrderCodes codes = supplier.fetchCodes(instant.id()).get();
            OrderCodes bulkCodes = supplier.fetchCodes(bulk.id()).get();
            ProviderFailure duplicate = supplier.place(OrderRequest.of(reference, OrderLine.of("8PX-UF-Y5U", 1))).getLeft();
            texts.add(codes.toString());
            texts.add(bulkCodes.toString());
            texts.add(duplicate.toString());
            texts.add(duplicate.message());
            texts.add(supplier.toString());
            assertThat(bulkCodes.delivered()).hasSize(3);
        }
        String logged = logs.text();
        assertThat(logged).as("the capture works").contains("---> POST").contains("x-api-key: ****")
                .contains("Authorization: ****")
                .as("the codes of an answer are logged masked whole, whatever their fields are called")
                .containsPattern("\"codes\" ?: ?\"\\*{4}\"");
        List<String> secrets = new ArrayList<>(EZ.deliveredSecrets());
        secrets.add(EzSimulator.DEFAULT_API_KEY);
        secrets.add(EzSimulator.DEFAULT_BEARER_TOKEN);
        assertThat(secrets).hasSizeGreaterThan(8);
        logs.assertNoneOf(secrets, texts);
    }
}
