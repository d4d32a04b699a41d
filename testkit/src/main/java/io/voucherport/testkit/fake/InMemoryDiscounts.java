package io.voucherport.testkit.fake;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Done;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An in-memory {@link DiscountCodes} and {@link PriceRules} for unit tests: rules and codes in
 * maps, code texts unique store-wide (case-insensitive), pages of {@code pageSize},
 * {@link #use} to count a redemption, {@link #failNext} to make the next call fail. A rule reports
 * its uses ({@link PriceRule#timesUsed()}) as the sum of its codes' usage counts, unless
 * {@link #reportTimesUsed} turns that off (as a provider that does not report them);
 * {@link #unreadableCode} puts a code that cannot be read into a rule's listing. Thread-safe.
 */
public final class InMemoryDiscounts implements DiscountCodes, PriceRules {

    /** The provider name in failures. */
    public static final String PROVIDER = "in-memory-discounts";

    private final int pageSize;
    private final Map<PriceRuleId, PriceRule> rules = new LinkedHashMap<>();
    private final Map<DiscountCodeId, DiscountCode> codes = new LinkedHashMap<>();
    private final Deque<ProviderFailure> failures = new ArrayDeque<>();
    private final Map<PriceRuleId, List<ProviderFailure.UnreadableItem>> unreadable = new LinkedHashMap<>();
    private boolean reportTimesUsed = true;

    /**
     * A fake listing {@code pageSize} items per page.
     *
     * @param pageSize the number of items per page
     */
    public InMemoryDiscounts(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        this.pageSize = pageSize;
    }

    /**
     * Adds a rule as drafted and returns its id.
     *
     * @param draft the rule's settings, not null
     * @return the new rule's id, for {@link #code} and the port's calls
     */
    public synchronized PriceRuleId rule(PriceRuleDraft draft) {
        return create(draft).get().id();
    }

    /**
     * Adds a code used {@code usageCount} times to rule {@code rule} and returns it.
     *
     * @param rule the rule the code belongs to, as {@link #rule} returned it
     * @param text the code's text, as a shopper types it
     * @param usageCount how often it has been used already, 0 or more
     * @return the code as the port would return it
     */
    public synchronized DiscountCode code(PriceRuleId rule, String text, int usageCount) {
        DiscountCode c = create(rule, new NewDiscountCode(text)).get();
        DiscountCode used = new DiscountCode(c.id(), rule, text, usageCount, true, c.createdAt(), c.updatedAt());
        codes.put(c.id(), used);
        return used;
    }

    /**
     * Counts one use of the code with this text.
     *
     * @param text the text of the code used
     */
    public synchronized void use(String text) {
        codes.replaceAll((id, c) -> c.code().equalsIgnoreCase(text) ? new DiscountCode(id, c.priceRuleId(), c.code(),
                c.usageCount() + 1, c.combinesWithOtherOffers(), c.createdAt(), c.updatedAt()) : c);
    }

    /**
     * Whether rules report their uses (default); off, {@link PriceRule#timesUsed()} is none.
     *
     * @param report true to report each rule's uses, false to leave them to be counted over its
     *     codes
     * @return this fake
     */
    public synchronized InMemoryDiscounts reportTimesUsed(boolean report) {
        this.reportTimesUsed = report;
        return this;
    }

    /**
     * Adds to rule {@code rule}'s listing a code that cannot be read ({@code item} and
     * {@code reason} as an adapter reports one), after the readable codes of the last page.
     *
     * @param rule the rule whose listing gets the unreadable code
     * @param item what identifies the item in the failure, e.g. a code id
     * @param reason why it could not be read, in words
     */
    public synchronized void unreadableCode(PriceRuleId rule, String item, String reason) {
        unreadable.computeIfAbsent(rule, r -> new ArrayList<>()).add(new ProviderFailure.UnreadableItem(
                FailureDetails.of(PROVIDER, item + " could not be read: " + reason), item, reason));
    }

    /**
     * The next call fails with {@code failure}; several queue up.
     *
     * @param failure the failure the next call answers instead of acting, not null
     */
    public synchronized void failNext(ProviderFailure failure) {
        failures.add(Objects.requireNonNull(failure));
    }

    @Override
    public synchronized Either<ProviderFailure, DiscountCode> get(PriceRuleId ruleId, DiscountCodeId id) {
        return guarded(() -> Option.of(codes.get(id)).filter(c -> c.priceRuleId().equals(ruleId))
                .toEither(() -> notFound("discount code " + id)));
    }

    @Override
    public synchronized Either<ProviderFailure, Option<DiscountCode>> lookup(String code) {
        Objects.requireNonNull(code);
        return guarded(() -> Either.right(Option.ofOptional(codes.values().stream()
                .filter(c -> c.code().equalsIgnoreCase(code)).findFirst())));
    }

    @Override
    public PagedSequence<DiscountCode> list(PriceRuleId ruleId) {
        Objects.requireNonNull(ruleId);
        return paged(() -> rules.containsKey(ruleId) ? Either.right(codes.values().stream()
                .filter(c -> c.priceRuleId().equals(ruleId)).toList()) : Either.left(notFound("price rule " + ruleId)),
                () -> unreadable.getOrDefault(ruleId, List.of()));
    }

    @Override
    public synchronized Either<ProviderFailure, DiscountCode> create(PriceRuleId ruleId, NewDiscountCode code) {
        return guarded(() -> {
            if (!rules.containsKey(ruleId)) {
                return Either.left(notFound("price rule " + ruleId));
            }
            if (taken(code.code(), null)) {
                return Either.left(exists(code.code()));
            }
            DiscountCode c = new DiscountCode(DiscountCodeId.of(UUID.randomUUID().toString()), ruleId, code.code(), 0,
                    true, Option.none(), Option.none());
            codes.put(c.id(), c);
            return Either.right(c);
        });
    }

    @Override
    public synchronized Either<ProviderFailure, DiscountCode> update(PriceRuleId ruleId, DiscountCodeId id,
            NewDiscountCode code) {
        return get(ruleId, id).flatMap(c -> {
            if (taken(code.code(), id)) {
                return Either.left(exists(code.code()));
            }
            DiscountCode changed = new DiscountCode(id, ruleId, code.code(), c.usageCount(), c.combinesWithOtherOffers(),
                    c.createdAt(), c.updatedAt());
            codes.put(id, changed);
            return Either.right(changed);
        });
    }

    @Override
    public synchronized Either<ProviderFailure, Done> delete(PriceRuleId ruleId, DiscountCodeId id) {
        return get(ruleId, id).map(c -> {
            codes.remove(id);
            return Done.DONE;
        });
    }

    @Override
    public PagedSequence<PriceRule> list() {
        return paged(() -> Either.right(rules.values().stream().map(this::withUses).toList()), List::of);
    }

    @Override
    public synchronized Either<ProviderFailure, PriceRule> get(PriceRuleId id) {
        return guarded(() -> Option.of(rules.get(id)).map(this::withUses).toEither(() -> notFound("price rule " + id)));
    }

    @Override
    public synchronized Either<ProviderFailure, PriceRule> create(PriceRuleDraft draft) {
        return guarded(() -> {
            PriceRule rule = rule(PriceRuleId.of(UUID.randomUUID().toString()), draft);
            rules.put(rule.id(), rule);
            return Either.right(withUses(rule));
        });
    }

    @Override
    public synchronized Either<ProviderFailure, PriceRule> update(PriceRuleId id, PriceRuleDraft draft) {
        return get(id).map(old -> {
            PriceRule rule = rule(id, draft);
            rules.put(id, rule);
            return withUses(rule);
        });
    }

    @Override
    public synchronized Either<ProviderFailure, Done> delete(PriceRuleId id) {
        return get(id).map(r -> {
            rules.remove(id);
            codes.values().removeIf(c -> c.priceRuleId().equals(id));
            return Done.DONE;
        });
    }

    private static PriceRule rule(PriceRuleId id, PriceRuleDraft d) {
        return new PriceRule(id, d.title(), Option.some(d.value()), d.usageLimit(), Option.none(),
                Option.none(), Option.none(), Option.some(d.startsAt()), d.endsAt());
    }

    /** The rule with its uses: the sum of its codes' usage counts, when reported. */
    private PriceRule withUses(PriceRule r) {
        Option<Integer> used = reportTimesUsed ? Option.some(codes.values().stream()
                .filter(c -> c.priceRuleId().equals(r.id())).mapToLong(DiscountCode::usageCount)
                .reduce(0, (a, b) -> Math.min(Integer.MAX_VALUE, a + b))).map(Math::toIntExact) : Option.none();
        return new PriceRule(r.id(), r.title(), r.value(), r.usageLimit(), used, r.perCustomerLimit(),
                r.allocationLimit(), r.startsAt(), r.endsAt());
    }

    private boolean taken(String text, DiscountCodeId except) {
        return codes.values().stream().anyMatch(c -> !c.id().equals(except) && c.code().equalsIgnoreCase(text));
    }

    private <T> Either<ProviderFailure, T> guarded(Supplier<Either<ProviderFailure, T>> call) {
        return failures.isEmpty() ? call.get() : Either.left(failures.poll());
    }

    private <T> PagedSequence<T> paged(Supplier<Either<ProviderFailure, List<T>>> all,
            Supplier<List<ProviderFailure.UnreadableItem>> unreadableOnLastPage) {
        return PagedSequence.of(0, offset -> {
            synchronized (this) {
                return guarded(all).map(items -> {
                    int from = Math.min(offset, items.size());
                    int to = Math.min(items.size(), from + pageSize);
                    boolean last = to >= items.size();
                    return new Page<Integer, T>(items.subList(from, to),
                            last ? unreadableOnLastPage.get() : List.of(), last ? Option.none() : Option.some(to));
                });
            }
        });
    }

    private static ProviderFailure notFound(String what) {
        return new ProviderFailure.NotFound(FailureDetails.of(PROVIDER, what + " not found"));
    }

    private static ProviderFailure exists(String text) {
        return new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER, "code " + text + " exists"),
                List.of("code already exists"));
    }
}
