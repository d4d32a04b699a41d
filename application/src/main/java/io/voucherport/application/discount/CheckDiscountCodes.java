package io.voucherport.application.discount;

import io.voucherport.application.ListenerLog;
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
import io.voucherport.domain.observe.Outcome;
import io.voucherport.domain.observe.UseCaseObservation;
import io.voucherport.domain.observe.UseCaseStart;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.paging.PagedSequence;
import java.time.Clock;
import java.time.Instant;

/**
 * Discount codes as a checkout sees them: is this code redeemable now? Plus listing and creating
 * codes for a rule. Thread-safe.
 *
 * <p>A rule's usage limit counts the uses of the rule — of all its codes together — so it is
 * judged against the rule's own uses ({@link PriceRule#timesUsed()}), never against one code's
 * usage count. A provider that does not report the rule's uses has them counted as the sum of its
 * codes' usage counts (one listing of the rule's codes); a code in that listing that cannot be
 * read makes the check fail with that {@code UnreadableItem} — the check is never decided without
 * it, and an unreadable code is never taken for "no such code".
 *
 * <p>{@link #check} and {@link #create} are told to the {@link VoucherportListener} as use-case
 * operations ({@code check}: outcome {@code redeemable}, {@code exhausted}, {@code outside-validity},
 * {@code unknown} or the failure's type), enclosing the provider calls they make.
 */
public final class CheckDiscountCodes {

    private final DiscountCodes codes;
    private final PriceRules rules;
    private final Clock clock;
    private final VoucherportListener listener;

    /**
     * A checker over the two ports (usually one adapter), judging time by {@code clock}.
     *
     * @param codes the discount-codes port the codes are looked up, listed and created through
     * @param rules the price-rules port their rules (dates, usage limit, uses) are read from
     * @param clock the clock that decides whether a rule has started or ended
     */
    public CheckDiscountCodes(DiscountCodes codes, PriceRules rules, Clock clock) {
        this(codes, rules, clock, VoucherportListener.none());
    }

    /**
     * A checker over the two ports (usually one adapter), judging time by {@code clock}, its
     * operations told to {@code listener} (guarded: it never changes a result).
     *
     * @param codes the discount-codes port the codes are looked up, listed and created through
     * @param rules the price-rules port their rules (dates, usage limit, uses) are read from
     * @param clock the clock that decides whether a rule has started or ended
     * @param listener who hears each check and create, not null; its failures are logged (names
     *     only) and swallowed
     */
    public CheckDiscountCodes(DiscountCodes codes, PriceRules rules, Clock clock, VoucherportListener listener) {
        this.codes = Require.present(codes, "codes");
        this.rules = Require.present(rules, "rules");
        this.clock = Require.present(clock, "clock");
        this.listener = ListenerLog.guarded(Require.present(listener, "listener"));
    }

    /** What a check found. */
    public sealed interface Check {

        /**
         * The code can be used now.
         *
         * @param code the code found for the text checked
         * @param rule its rule, started, not ended and with uses left
         * @param usesLeft how many uses of the rule remain; none when unlimited
         */
        record Redeemable(DiscountCode code, PriceRule rule, Option<Integer> usesLeft) implements Check {
        }

        /**
         * The uses of the code's rule are used up.
         *
         * @param code the code found for the text checked
         * @param rule its rule, whose uses (of all its codes together) reached its usage limit
         */
        record Exhausted(DiscountCode code, PriceRule rule) implements Check {
        }

        /**
         * The code's rule has not started or has ended.
         *
         * @param code the code found for the text checked
         * @param rule its rule, whose start lies ahead or whose end has passed
         */
        record OutsideValidity(DiscountCode code, PriceRule rule) implements Check {
        }

        /**
         * No code has this text.
         *
         * @param text the text checked, as the shopper typed it
         */
        record Unknown(String text) implements Check {
        }
    }

    /**
     * {@return whether {@code text} can be used now: the rule's dates, and its usage limit against the
     * rule's uses (reported, or counted over its codes)} Safe to retry. Failures: those of the
     * ports; {@code UnreadableItem} when the rule's uses must be counted and one of its codes
     * cannot be read.
     *
     * @param text the code as a shopper typed it, not blank; matched exactly
     */
    public Either<ProviderFailure, Check> check(String text) {
        Require.text(text, "discount code");
        return UseCaseObservation.around(listener, new UseCaseStart("CheckDiscountCodes", "check"),
                () -> checked(text), CheckDiscountCodes::outcome);
    }

    /** The low-cardinality outcome of a check: its kind, or the failure's type. */
    private static String outcome(Either<ProviderFailure, Check> result) {
        if (result.isLeft()) {
            return Outcome.of(result.getLeft());
        }
        Check check = result.get();
        return check instanceof Check.Redeemable ? "redeemable" : check instanceof Check.Exhausted ? "exhausted"
                : check instanceof Check.OutsideValidity ? "outside-validity" : "unknown";
    }

    private Either<ProviderFailure, Check> checked(String text) {
        return codes.lookup(text).flatMap(found -> {
            if (found.isEmpty()) {
                return Either.right(new Check.Unknown(text));
            }
            DiscountCode code = found.get();
            return rules.get(code.priceRuleId()).flatMap(rule -> judge(code, rule));
        });
    }

    private Either<ProviderFailure, Check> judge(DiscountCode code, PriceRule rule) {
        Instant now = clock.instant();
        if (rule.startsAt().exists(now::isBefore) || rule.endsAt().exists(end -> !now.isBefore(end))) {
            return Either.right(new Check.OutsideValidity(code, rule));
        }
        if (!(rule.usageLimit() instanceof UsageLimit.Limited limit)) {
            return Either.right(new Check.Redeemable(code, rule, Option.none()));
        }
        return usesOf(rule).map(used -> used >= limit.max() ? new Check.Exhausted(code, rule)
                : new Check.Redeemable(code, rule, Option.some((int) (limit.max() - used))));
    }

    /** The rule's uses: as reported, else the sum of its codes' usage counts (strictly: an unreadable code fails). */
    private Either<ProviderFailure, Long> usesOf(PriceRule rule) {
        if (rule.timesUsed().isDefined()) {
            return Either.right(rule.timesUsed().get().longValue());
        }
        long[] sum = {0};
        return codes.list(rule.id()).forEachItem(c -> sum[0] += c.usageCount()).map(n -> sum[0]);
    }

    /**
     * {@return every code of a rule, lazily page by page} Safe to retry. Failures: {@code NotFound}
     * ends the listing when the rule is unknown.
     *
     * @param rule the price rule whose codes to list, not null
     */
    public PagedSequence<DiscountCode> list(PriceRuleId rule) {
        return codes.list(Require.present(rule, "price rule id"));
    }

    /**
     * Creates a code for a rule. Safe to retry: a code text that exists already fails with
     * {@code InvalidRequest}; after {@code OutcomeUnknown}, {@link #check} the text to learn whether
     * it was created.
     *
     * @param rule the price rule to attach the code to, not null
     * @param code the text of the new code, not null
     * @return the code as the provider created it (with its id), or the failure that prevented it
     *     ({@code NotFound}, {@code InvalidRequest}, {@code OutcomeUnknown}; a value, never thrown)
     */
    public Either<ProviderFailure, DiscountCode> create(PriceRuleId rule, NewDiscountCode code) {
        Require.present(rule, "price rule id");
        Require.present(code, "code");
        return UseCaseObservation.around(listener, new UseCaseStart("CheckDiscountCodes", "create"),
                () -> codes.create(rule, code), Outcome::of);
    }
}
