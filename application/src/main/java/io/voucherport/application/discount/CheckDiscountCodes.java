package io.voucherport.application.discount;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import java.time.Clock;
import java.time.Instant;

/**
 * Discount codes as a checkout sees them: is this code redeemable now? Plus listing and creating
 * codes for a rule. Thread-safe.
 */
public final class CheckDiscountCodes {

    private final DiscountCodes codes;
    private final PriceRules rules;
    private final Clock clock;

    /** A checker over the two ports (usually one adapter), judging time by {@code clock}. */
    public CheckDiscountCodes(DiscountCodes codes, PriceRules rules, Clock clock) {
        this.codes = Require.present(codes, "codes");
        this.rules = Require.present(rules, "rules");
        this.clock = Require.present(clock, "clock");
    }

    /** What a check found. */
    public sealed interface Check {

        /**
         * The code can be used now.
         *
         * @param code the code
         * @param rule its rule
         * @param usesLeft how many uses remain; none when unlimited
         */
        record Redeemable(DiscountCode code, PriceRule rule, Option<Integer> usesLeft) implements Check {
        }

        /**
         * The code's uses are used up.
         *
         * @param code the code
         * @param rule its rule
         */
        record Exhausted(DiscountCode code, PriceRule rule) implements Check {
        }

        /**
         * The code's rule has not started or has ended.
         *
         * @param code the code
         * @param rule its rule
         */
        record OutsideValidity(DiscountCode code, PriceRule rule) implements Check {
        }

        /**
         * No code has this text.
         *
         * @param text the text checked
         */
        record Unknown(String text) implements Check {
        }
    }

    /** Whether {@code text} can be used now: its rule's usage limit against the code's usage count, and the rule's dates. */
    public Either<ProviderFailure, Check> check(String text) {
        Require.text(text, "discount code");
        return codes.lookup(text).flatMap(found -> {
            if (found.isEmpty()) {
                return Either.right(new Check.Unknown(text));
            }
            DiscountCode code = found.get();
            return rules.get(code.priceRuleId()).map(rule -> judge(code, rule));
        });
    }

    private Check judge(DiscountCode code, PriceRule rule) {
        Instant now = clock.instant();
        if (rule.startsAt().exists(now::isBefore) || rule.endsAt().exists(end -> !now.isBefore(end))) {
            return new Check.OutsideValidity(code, rule);
        }
        UsageLimit limit = rule.usageLimit();
        if (!limit.allowsAnotherUse(code.usageCount())) {
            return new Check.Exhausted(code, rule);
        }
        Option<Integer> left = limit instanceof UsageLimit.Limited l ? Option.some(l.max() - code.usageCount())
                : Option.none();
        return new Check.Redeemable(code, rule, left);
    }

    /** Every code of a rule, lazily. */
    public PagedSequence<DiscountCode> list(PriceRuleId rule) {
        return codes.list(Require.present(rule, "price rule id"));
    }

    /** Creates a code for a rule. */
    public Either<ProviderFailure, DiscountCode> create(PriceRuleId rule, NewDiscountCode code) {
        return codes.create(Require.present(rule, "price rule id"), Require.present(code, "code"));
    }
}
