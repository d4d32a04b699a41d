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
        return new Fixture() {
            @Override
            public Sku inStockSku() {
                return Sku.of("GAME-10");
            }

            @Override
            public Sku backorderedSku() {
                return Sku.of("BACKORDER-50");
            }

            @Override
            public Sku unknownSku() {
                return Sku.of("NOPE-1");
            }

            @Override
            public void fulfilPending() {
                fake.fulfilPending();
            }

            @Override
            public int catalogSize() {
                return 3;
            }
        };
    }
}
