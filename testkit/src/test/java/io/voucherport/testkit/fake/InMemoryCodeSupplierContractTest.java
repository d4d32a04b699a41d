package io.voucherport.testkit.fake;

import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.Sku;
import io.voucherport.testkit.contract.CodeSupplierContract;

/** The fake passes the same contract as the real adapters. */
class InMemoryCodeSupplierContractTest extends CodeSupplierContract {

    private final InMemoryCodeSupplier fake = new InMemoryCodeSupplier()
            .product("GAME-10", "10", "USD", 100)
            .product("SHOP-25", "25", "USD", 100)
            .product("BACKORDER-50", "50", "USD", 0)
            .balance("1000", "USD");

    @Override
    protected CodeSupplier supplier() {
        return fake;
    }

    @Override
    protected Fixture fixture() {
        return new Fixture(Sku.of("GAME-10"), Sku.of("BACKORDER-50"), Sku.of("NOPE-1"), fake::fulfilPending, 3);
    }
}
