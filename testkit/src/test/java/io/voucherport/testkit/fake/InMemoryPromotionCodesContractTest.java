package io.voucherport.testkit.fake;

import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.testkit.contract.PromotionCodesContract;
import java.util.List;

/** The in-memory fake passes the same contract as the Elastic Path adapter. */
class InMemoryPromotionCodesContractTest extends PromotionCodesContract {

    private static final InMemoryPromotionCodes FAKE = new InMemoryPromotionCodes(PromotionKind.STANDARD, 7, 50)
            .promotion("seeded", "Seeded", 40).promotion("scratch-a", "A", 0).promotion("scratch-b", "B", 0)
            .promotion("scratch-c", "C", 0).restrict("seeded", "SEEDED-7", "customer-7", "customer-8");

    @Override
    protected PromotionCodes promotions() {
        return FAKE;
    }

    @Override
    protected Fixture fixture() {
        return new Fixture(PromotionId.of("seeded"), 40,
                List.of(PromotionId.of("scratch-a"), PromotionId.of("scratch-b"), PromotionId.of("scratch-c")),
                CodeText.of("SEEDED-7"), List.of("customer-7", "customer-8"));
    }
}
