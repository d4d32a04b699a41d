package io.voucherport.application.discount;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.testkit.fake.InMemoryDiscounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Checking discount codes against the in-memory fake. */
class CheckDiscountCodesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final InMemoryDiscounts fake = new InMemoryDiscounts(3);
    private final PriceRuleId limited = fake.rule(new PriceRuleDraft("Ten off", new DiscountValue.Percentage(BigDecimal.TEN),
            UsageLimit.of(5), Instant.parse("2026-01-01T00:00:00Z"), Option.none()));
    private final PriceRuleId ended = fake.rule(new PriceRuleDraft("Winter", new DiscountValue.Percentage(BigDecimal.TEN),
            UsageLimit.UNLIMITED, Instant.parse("2026-01-01T00:00:00Z"), Option.some(Instant.parse("2026-03-01T00:00:00Z"))));
    private final CheckDiscountCodes checker = new CheckDiscountCodes(fake, fake, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCodeWithUsesLeftIsRedeemableAndSaysHowMany() {
        fake.code(limited, "SPRING10", 3);
        CheckDiscountCodes.Check check = checker.check("spring10").get();
        assertThat(check).isInstanceOf(CheckDiscountCodes.Check.Redeemable.class);
        assertThat(((CheckDiscountCodes.Check.Redeemable) check).usesLeft()).contains(2);
        fake.use("SPRING10");
        fake.use("SPRING10");
        assertThat(checker.check("SPRING10").get()).isInstanceOf(CheckDiscountCodes.Check.Exhausted.class);
    }

    @Test
    void unknownCodesAndEndedRulesAreToldApart() {
        fake.code(ended, "WINTER", 0);
        assertThat(checker.check("WINTER").get()).isInstanceOf(CheckDiscountCodes.Check.OutsideValidity.class);
        assertThat(checker.check("NOPE").get()).isEqualTo(new CheckDiscountCodes.Check.Unknown("NOPE"));
        fake.failNext(new ProviderFailure.Unavailable(FailureDetails.of("test", "down"), Option.none()));
        assertThat(checker.check("WINTER").getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
    }

    @Test
    void codesAreCreatedAndListedForARule() {
        checker.create(limited, new NewDiscountCode("NEW1")).get();
        checker.create(limited, new NewDiscountCode("NEW2")).get();
        assertThat(checker.list(limited).toList().get()).extracting(c -> c.code()).containsExactly("NEW1", "NEW2");
        assertThat(checker.check("NEW1").get()).isInstanceOf(CheckDiscountCodes.Check.Redeemable.class);
    }

    @Test
    void aRulesLimitIsJudgedByTheUsesOfAllItsCodesNotByOneCode() {
        fake.code(limited, "SHARED-A", 3);
        fake.code(limited, "SHARED-B", 2);
        assertThat(checker.check("SHARED-A").get()).as("5 of 5 uses of the rule are gone")
                .isInstanceOf(CheckDiscountCodes.Check.Exhausted.class);

        PriceRuleId roomy = fake.rule(new PriceRuleDraft("Roomy", new DiscountValue.Percentage(BigDecimal.TEN),
                UsageLimit.of(10), Instant.parse("2026-01-01T00:00:00Z"), Option.none()));
        fake.code(roomy, "ROOMY-A", 4);
        fake.code(roomy, "ROOMY-B", 1);
        assertThat(((CheckDiscountCodes.Check.Redeemable) checker.check("ROOMY-B").get()).usesLeft()).contains(5);
    }

    @Test
    void usesTheRuleDoesNotReportAreCountedOverItsCodesAndAnUnreadableCodeIsNeverTakenForNone() {
        fake.reportTimesUsed(false);
        fake.code(limited, "COUNTED-A", 3);
        fake.code(limited, "COUNTED-B", 1);
        assertThat(((CheckDiscountCodes.Check.Redeemable) checker.check("COUNTED-A").get()).usesLeft()).contains(1);

        fake.unreadableCode(limited, "code COUNTED-C", "usage_count is no count");
        ProviderFailure failure = checker.check("COUNTED-A").getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.UnreadableItem.class);
        assertThat(((ProviderFailure.UnreadableItem) failure).item()).isEqualTo("code COUNTED-C");
        assertThat(checker.check("NOPE").get()).isEqualTo(new CheckDiscountCodes.Check.Unknown("NOPE"));
    }
}
