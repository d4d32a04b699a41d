package io.voucherport.adapter.discounts;

import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.testkit.contract.DiscountsContract;
import io.voucherport.testkit.shoplazza.ShoplazzaSampleData;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Shoplazza adapter passes the testkit's {@link DiscountsContract} — its {@link DiscountCodes}
 * and {@link PriceRules} ports — in both dialects against the simulator.
 */
class ShoplazzaDiscountsContractTest {

    @RegisterExtension
    static final ShoplazzaSimulator SHOPLAZZA = ShoplazzaSimulator.create().bucket(1_000_000, 1_000_000);

    private static final List<ShoplazzaDiscounts> OPEN = new ArrayList<>();
    private static DiscountsContract.Fixture fixture;

    static synchronized ShoplazzaDiscounts adapter(ShoplazzaVersion version) {
        if (fixture == null) {
            fixture = ShoplazzaSampleData.contractFixture(SHOPLAZZA);
        }
        ShoplazzaDiscounts adapter = ShoplazzaDiscounts.builder().storeUrl(SHOPLAZZA.baseUrl()).version(version)
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSampleData.ACCESS_TOKEN)))
                .rateLimiter(new io.voucherport.adapter.support.RateLimiter(1_000_000, 1_000_000, System::nanoTime,
                        io.voucherport.adapter.support.Sleeper.THREAD))
                .pageSize(7).build();
        OPEN.add(adapter);
        return adapter;
    }

    @AfterAll
    static void close() {
        OPEN.forEach(ShoplazzaDiscounts::close);
    }

    abstract static class Dialect extends DiscountsContract {
        private final ShoplazzaDiscounts adapter;

        Dialect(ShoplazzaVersion version) {
            this.adapter = adapter(version);
        }

        @Override
        protected DiscountCodes codes() {
            return adapter;
        }

        @Override
        protected PriceRules rules() {
            return adapter;
        }

        @Override
        protected Fixture fixture() {
            return fixture;
        }
    }

    @Nested
    class Version2022 extends Dialect {
        Version2022() {
            super(ShoplazzaVersion.V2022_01);
        }
    }

    @Nested
    class Version2025 extends Dialect {
        Version2025() {
            super(ShoplazzaVersion.V2025_06);
        }
    }
}
