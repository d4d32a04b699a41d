package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.assertions.ReadmeSnippets;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "GiftHub" example compiles, runs, and is the same code as in the README. */
class ReadmeExampleTest {

    @RegisterExtension
    static final GiftHubSimulator GIFTHUB = GiftHubSimulator.create().withSampleData().pollsToComplete(1);

    @Test
    void theReadmeExampleBuysTwoCodes() {
        String baseUrl = GIFTHUB.baseUrl();
        String clientId = GiftHubSimulator.DEFAULT_CLIENT_ID;
        String clientSecret = GiftHubSimulator.DEFAULT_CLIENT_SECRET;
        OrderReferenceStore myDurableStore = OrderReferenceStore.inMemory();
        // README:gifthub-begin
        try (GiftHubSupplier gifthub = GiftHubSupplier.builder()
                .baseUrl(baseUrl)
                .clientId(Secret.of(clientId))
                .clientSecret(Secret.of(clientSecret))
                .references(myDurableStore)          // reference → order id, written before confirm
                .build()) {
            OrderReference reference = OrderReference.generate();
            Either<ProviderFailure, SupplierOrder> placed =        // create, then confirm once
                    gifthub.place(OrderRequest.of(reference, OrderLine.of("STEAM-EU-20", 2)));
            Either<ProviderFailure, SupplierOrder> done = placed;
            while (done.isRight() && !done.get().status().isTerminal()) {   // or wait for the webhook
                done = gifthub.findOrder(done.get().id());
            }
            Either<ProviderFailure, OrderCodes> codes = done.flatMap(order -> gifthub.fetchCodes(order.id()));
            codes.peek(c -> System.out.println(c.delivered().size() + " codes, missing " + c.shortfall()));
            // README:gifthub-end
            assertThat(codes.get().delivered()).hasSize(2);
        }
    }

    @Test
    void theReadmeShowsExactlyThisCode() {
        ReadmeSnippets.assertInReadme(ReadmeExampleTest.class, "gifthub", Path.of("../README.md"));
    }
}
