package io.voucherport.adapter.giftcard;

import io.voucherport.domain.Secret;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.testkit.fake.SharedOrderReferenceStore;
import io.voucherport.testkit.contract.CodeSupplierContract;
import io.voucherport.testkit.gifthub.GiftHubSampleData;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GiftHub adapter against the GiftHub simulator passes the supplier contract. */
class GiftHubCodeSupplierContractTest extends CodeSupplierContract {

    @RegisterExtension
    static final GiftHubSimulator GIFTHUB = GiftHubSimulator.create().withSampleData().pollsToComplete(1_000);

    private static GiftHubSupplier supplier;

    @Override
    protected CodeSupplier supplier() {
        if (supplier == null) {
            supplier = GiftHubSupplier.builder()
                    .baseUrl(GIFTHUB.baseUrl())
                    .clientId(Secret.of(GiftHubSampleData.CLIENT_ID))
                    .clientSecret(Secret.of(GiftHubSampleData.CLIENT_SECRET))
                    .references(new SharedOrderReferenceStore())   // plays a durable store
                    .pageSize(5)
                    .build();
        }
        return supplier;
    }

    @AfterAll
    static void close() {
        if (supplier != null) {
            supplier.close();
        }
    }

    @Override
    protected Fixture fixture() {
        return GiftHubSampleData.contractFixture(GIFTHUB);
    }
}
