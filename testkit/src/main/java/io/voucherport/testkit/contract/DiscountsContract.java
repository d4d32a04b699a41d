package io.voucherport.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Done;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.domain.failure.ProviderFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link DiscountCodes} and {@link PriceRules} ports must do, as
 * a JUnit 5 suite. Tests create rules and codes with fresh random texts, so the suite can share
 * one backend; the fixture's seeded rules are only read.
 */
public abstract class DiscountsContract {

    /**
     * What the suite needs to know of the backend.
     *
     * @param limitedRule a rule with a usage limit of {@code limit}, holding {@code codeCount} codes (more than a page)
     * @param limit its usage limit
     * @param codeCount how many codes it holds
     * @param unlimitedRule a rule without usage limit and without end
     * @param knownCode the text of a code of {@code unlimitedRule}
     */
    public record Fixture(PriceRuleId limitedRule, int limit, int codeCount, PriceRuleId unlimitedRule, String knownCode) {
    }

    /** {@return the discount-codes port under test} */
    protected abstract DiscountCodes codes();

    /** {@return the price-rules port under test, over the same backend} */
    protected abstract PriceRules rules();

    /** {@return the fixture} */
    protected abstract Fixture fixture();

    private static String fresh() {
        return "DC" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    private static <T> T ok(Either<ProviderFailure, T> result) {
        assertThat(result.isRight()).as("expected success but was %s", result).isTrue();
        return result.get();
    }

    private static PriceRuleDraft draft(String title, UsageLimit limit) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return new PriceRuleDraft(title, new DiscountValue.Percentage(new BigDecimal("15")), limit, start,
                Option.some(start.plus(Duration.ofDays(30))));
    }

    @Test
    void everyCodeOfARuleIsListedOnceAcrossPages() {
        List<DiscountCode> all = codes().list(fixture().limitedRule()).toList().get();
        assertThat(all).hasSize(fixture().codeCount());
        assertThat(all).extracting(DiscountCode::id).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(c -> assertThat(c.priceRuleId()).isEqualTo(fixture().limitedRule()));
    }

    @Test
    void aCodeIsReadByIdAndLookedUpByText() {
        DiscountCode listed = codes().list(fixture().limitedRule()).stream().findFirst().get().get();
        DiscountCode read = codes().get(fixture().limitedRule(), listed.id()).get();
        assertThat(read.code()).isEqualTo(listed.code());
        assertThat(read.usageCount()).isEqualTo(listed.usageCount());
        assertThat(codes().lookup(fixture().knownCode()).get().map(DiscountCode::priceRuleId))
                .contains(fixture().unlimitedRule());
        assertThat(codes().lookup(fresh())).isEqualTo(Either.right(Option.none()));
    }

    @Test
    void aCodeIsCreatedUpdatedAndDeleted() {
        PriceRuleId rule = fixture().unlimitedRule();
        String text = fresh();
        DiscountCode created = ok(codes().create(rule, new NewDiscountCode(text)));
        assertThat(created.code()).isEqualTo(text);
        assertThat(created.usageCount()).isZero();
        assertThat(codes().lookup(text).get().map(DiscountCode::id)).contains(created.id());

        String renamed = fresh();
        assertThat(ok(codes().update(rule, created.id(), new NewDiscountCode(renamed))).code()).isEqualTo(renamed);
        assertThat(codes().lookup(text)).isEqualTo(Either.right(Option.none()));

        assertThat(codes().delete(rule, created.id())).isEqualTo(Either.right(Done.DONE));
        assertThat(codes().get(rule, created.id()).getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void anExistingCodeTextIsRefused() {
        Either<ProviderFailure, DiscountCode> again =
                codes().create(fixture().unlimitedRule(), new NewDiscountCode(fixture().knownCode()));
        assertThat(again.isLeft()).isTrue();
        assertThat(again.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
    }

    @Test
    void usageLimitsAndEndsAreHonestValues() {
        PriceRule limited = rules().get(fixture().limitedRule()).get();
        assertThat(limited.usageLimit()).isEqualTo(UsageLimit.of(fixture().limit()));
        assertThat(limited.endsAt()).isNotEmpty();
        PriceRule unlimited = rules().get(fixture().unlimitedRule()).get();
        assertThat(unlimited.usageLimit()).isEqualTo(UsageLimit.UNLIMITED);
        assertThat(unlimited.endsAt()).isEmpty();
        assertThat(rules().list().toList().get()).extracting(PriceRule::id)
                .contains(fixture().limitedRule(), fixture().unlimitedRule());
    }

    @Test
    void aRulesUsesCountEveryOneOfItsCodesNotOneCode() {
        long sum = codes().list(fixture().limitedRule()).toList().get().stream().mapToLong(DiscountCode::usageCount).sum();
        PriceRule limited = rules().get(fixture().limitedRule()).get();
        assertThat(limited.timesUsed()).as("the backend reports the rule's own uses").isNotEmpty();
        assertThat(limited.timesUsed().get().longValue()).isGreaterThanOrEqualTo(sum);
        assertThat(limited.allowsAnotherUse()).contains(limited.timesUsed().get() < fixture().limit());
    }

    @Test
    void aRuleIsCreatedUpdatedAndDeleted() {
        String title = "Contract " + fresh();
        PriceRule created = ok(rules().create(draft(title, UsageLimit.of(7))));
        PriceRule read = ok(rules().get(created.id()));
        assertThat(read.title()).isEqualTo(title);
        assertThat(read.usageLimit()).isEqualTo(UsageLimit.of(7));
        assertThat(read.value()).contains(new DiscountValue.Percentage(new BigDecimal("15")));
        assertThat(read.startsAt()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(read.endsAt().map(e -> e.truncatedTo(ChronoUnit.SECONDS)))
                .contains(Instant.parse("2026-01-31T00:00:00Z"));

        PriceRule updated = ok(rules().update(created.id(), draft(title + " (unlimited)", UsageLimit.UNLIMITED)));
        assertThat(updated.usageLimit()).isEqualTo(UsageLimit.UNLIMITED);
        assertThat(rules().get(created.id()).get().title()).endsWith("(unlimited)");

        assertThat(rules().delete(created.id())).isEqualTo(Either.right(Done.DONE));
        assertThat(rules().get(created.id()).getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void unknownRulesAndCodesAreNotFound() {
        PriceRuleId nowhere = PriceRuleId.of("no-such-rule-0");
        assertThat(rules().get(nowhere).getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(codes().list(nowhere).toList().getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(codes().get(fixture().limitedRule(), DiscountCodeId.of("no-such-code-0")).getLeft())
                .isInstanceOf(ProviderFailure.NotFound.class);
    }
}
