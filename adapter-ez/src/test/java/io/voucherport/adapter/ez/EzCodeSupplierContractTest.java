package io.voucherport.adapter.ez;

import io.voucherport.domain.Secret;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.testkit.contract.CodeSupplierContract;
import io.voucherport.testkit.ez.EzSampleData;
import io.voucherport.testkit.ez.EzSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EZ adapter against the EZ simulator passes the supplier contract. */
class EzCodeSupplierContractTest extends CodeSupplierContract {

    @RegisterExtension
    static final EzSimulator EZ = EzSimulator.create().withSampleData().asyncPolls(1_000);

    private static EzCardsSupplier supplier;

    @Override
    protected CodeSupplier supplier() {
        if (supplier == null) {
            supplier = EzCardsSupplier.builder()
                    .baseUrl(EZ.baseUrl())
                    .apiKey(Secret.of(EzSampleData.API_KEY))
                    .bearerToken(Secret.of(EzSampleData.BEARER_TOKEN))
                    .pageSize(3)
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
        return EzSampleData.contractFixture(EZ);
    }
}
