package io.voucherport.testkit.fake;

import io.vavr.control.Option;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.testkit.contract.DiscountsContract;
import java.math.BigDecimal;
import java.time.Instant;

/** The in-memory fake passes the same contract as the Shoplazza adapter. */
class InMemoryDiscountsContractTest extends DiscountsContract {

    private static final InMemoryDiscounts FAKE = new InMemoryDiscounts(4);
    private static final PriceRuleId LIMITED = FAKE.rule(new PriceRuleDraft("Ten off",
            new DiscountValue.Percentage(BigDecimal.TEN), UsageLimit.of(100), Instant.parse("2026-01-01T00:00:00Z"),
            Option.some(Instant.parse("2027-01-01T00:00:00Z"))));
    private static final PriceRuleId UNLIMITED = FAKE.rule(new PriceRuleDraft("Five off",
            new DiscountValue.FixedAmount(new BigDecimal("5")), UsageLimit.UNLIMITED,
            Instant.parse("2026-01-01T00:00:00Z"), Option.none()));

    static {
        for (int i = 0; i < 10; i++) {
            FAKE.code(LIMITED, "FAKE" + i, i);
        }
        FAKE.code(UNLIMITED, "KNOWN1", 3);
    }

    @Override
    protected DiscountCodes codes() {
        return FAKE;
    }

    @Override
    protected PriceRules rules() {
        return FAKE;
    }

    @Override
    protected Fixture fixture() {
        return new Fixture(LIMITED, 100, 10, UNLIMITED, "KNOWN1");
    }
}
