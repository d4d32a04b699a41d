package io.voucherport.application.promotion;

import io.voucherport.application.ListenerLog;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Done;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.observe.Outcome;
import io.voucherport.domain.observe.UseCaseObservation;
import io.voucherport.domain.observe.UseCaseStart;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Promotion codes as a business works with them: stream a promotion's codes, issue new ones,
 * revoke codes, find the promotion that holds a code. Thread-safe.
 *
 * <p>After a create whose outcome is unknown, a provider's listing may lag behind (an eventually
 * consistent index, or a request still in flight): a code absent from one listing is not proof
 * that it was never created. Absence is proven only by listings repeated over a settle time after
 * the unknown outcome — at least two listings, the last one at or after the settle time — none of
 * which shows the code.
 *
 * <p>A code the provider lists but that cannot be read ({@code UnreadableItem}) is never taken for
 * an absent code: before issuing, it stops the issuance (its text may be one about to be drawn);
 * after an unknown outcome, the codes of the batch never seen stay {@code uncertain} while any
 * listing held an unreadable code, since that code may be one of them.
 *
 * <p>{@link #issue}, {@link #revoke} and {@link #whoHolds} are told to the
 * {@link VoucherportListener} as use-case operations ({@code issue}: outcome {@code ok},
 * {@code uncertain} when codes of a batch may exist, or the failure's type), enclosing the provider
 * calls they make.
 */
public final class ManagePromotionCodes {

    /** How long after an unknown outcome listings are repeated before absence counts as proven. */
    public static final Duration DEFAULT_SETTLE_TIME = Duration.ofSeconds(30);
    /** Listings within the settle time (at least two are always made). */
    private static final int LISTINGS_PER_SETTLE_TIME = 3;

    private final PromotionCodes promotions;
    private final RandomGenerator random;
    private final Duration settleTime;
    private final Waiting waiting;
    private final VoucherportListener listener;

    /**
     * A service over {@code promotions}, drawing codes with {@code random} (use a {@code SecureRandom}),
     * settling unknown outcomes over {@link #DEFAULT_SETTLE_TIME} in real time.
     *
     * @param promotions the promotion-codes port (one adapter) the codes live in, not null
     * @param random draws the new codes' characters; a {@code SecureRandom}, so that codes cannot
     *     be guessed
     */
    public ManagePromotionCodes(PromotionCodes promotions, RandomGenerator random) {
        this(promotions, random, DEFAULT_SETTLE_TIME, Waiting.real());
    }

    /**
     * A service over {@code promotions}, drawing codes with {@code random} (use a {@code SecureRandom}).
     *
     * @param settleTime how long the provider's listing may lag behind a create; after an unknown
     *     outcome, a code counts as not created only when listings over this time never showed it
     *     (zero or more)
     * @param waiting the clock and how to wait between listings (blocking)
     * @param promotions the promotion-codes port (one adapter) the codes live in, not null
     * @param random draws the new codes' characters; a {@code SecureRandom}, so that codes cannot
     *     be guessed
     */
    public ManagePromotionCodes(PromotionCodes promotions, RandomGenerator random, Duration settleTime,
            Waiting waiting) {
        this(promotions, random, settleTime, waiting, VoucherportListener.none());
    }

    /**
     * A service over {@code promotions}, drawing codes with {@code random} (use a {@code SecureRandom}),
     * its operations told to {@code listener} (guarded: it never changes a result).
     *
     * @param promotions the promotion codes port
     * @param random draws new codes
     * @param settleTime how long the provider's listing may lag behind a create (zero or more)
     * @param waiting the clock and how to wait between listings (blocking)
     * @param listener who hears each issue, revoke and lookup
     */
    public ManagePromotionCodes(PromotionCodes promotions, RandomGenerator random, Duration settleTime,
            Waiting waiting, VoucherportListener listener) {
        this.listener = ListenerLog.guarded(Require.present(listener, "listener"));
        this.promotions = Require.present(promotions, "promotions");
        this.random = Require.present(random, "random");
        Require.present(settleTime, "settle time");
        if (settleTime.isNegative()) {
            throw new IllegalArgumentException("settle time must not be negative but was " + settleTime);
        }
        this.settleTime = settleTime;
        this.waiting = Require.present(waiting, "waiting");
    }

    /**
     * What an issuance did: exactly the codes created, the ones not created, and the failure that
     * stopped it, if any.
     *
     * @param created codes that exist now because of this issuance
     * @param notCreated codes drawn but provably not created: refused, never sent, or absent from
     *     every listing over the settle time after an unknown outcome
     * @param uncertain codes of a batch whose outcome is unknown and whose absence is not proven (a
     *     listing failed or the wait was interrupted): look them up before issuing them elsewhere
     * @param failure why the issuance stopped early
     */
    public record Issued(List<PromotionCode> created, List<CodeText> notCreated, List<CodeText> uncertain,
            Option<ProviderFailure> failure) {
        /**
         * Validates and copies.
         *
         * @param created codes that exist now because of this issuance
         * @param notCreated codes drawn but provably not created: refused, never sent, or absent
         *     from every listing over the settle time after an unknown outcome
         * @param uncertain codes of a batch whose outcome is unknown and whose absence is not
         *     proven (a listing failed or the wait was interrupted): look them up before issuing
         *     them elsewhere
         * @param failure why the issuance stopped early
         */
        public Issued {
            created = List.copyOf(Require.present(created, "created"));
            notCreated = List.copyOf(Require.present(notCreated, "not created"));
            uncertain = List.copyOf(Require.present(uncertain, "uncertain"));
            Require.present(failure, "failure");
        }

        /** {@return whether every code asked for was created} */
        public boolean complete() {
            return failure.isEmpty() && notCreated.isEmpty() && uncertain.isEmpty();
        }
    }

    /**
     * {@return every code of the promotion, lazily, one page in memory at a time; a code the provider sent
     * but that cannot be read comes as a {@code Left} of {@code UnreadableItem} in its place}
     *
     * @param id the promotion whose codes to stream, not null; an unknown one ends the stream with
     *     {@code NotFound}
     */
    public PagedSequence<PromotionCode> codes(PromotionId id) {
        return promotions.codes(Require.present(id, "promotion id"));
    }

    /**
     * Issues {@code count} new codes drawn by {@code pattern} (each allowed {@code allowedUses}
     * uses when given): drawn client-side, checked against the promotion's existing codes (compared
     * case-insensitively, as some engines do), and created in batches of the provider's size. When
     * a batch fails midway the result says exactly which codes were created: after a failure whose
     * outcome is unknown, the promotion's codes are listed again, repeatedly over the settle time,
     * to learn which of the batch exist; codes never seen are {@code notCreated} only once their
     * absence is proven, else {@code uncertain}. Blocks up to the settle time in that case.
     * Failures: those of the port; {@code UnreadableItem} when an existing code cannot be read
     * (nothing is created then).
     *
     * @param id the promotion to add the codes to, not null
     * @param count how many new codes, at least 1
     * @param pattern what the codes look like (alphabet, length, prefix); a pattern with too few
     *     unused codes left is an {@link IllegalArgumentException}
     * @param allowedUses how many times each code may be redeemed, or none for unlimited
     * @return exactly which codes were created, not created or are uncertain, with the failure
     *     that stopped a batch; or the failure that prevented any creation, such as
     *     {@code UnreadableItem} or {@code NotFound} (a value, never thrown). Not safe to repeat
     *     blindly: it draws new codes each time
     */
    public Either<ProviderFailure, Issued> issue(PromotionId id, int count, CodePattern pattern, Option<Integer> allowedUses) {
        Require.present(id, "promotion id");
        Require.positive(count, "count");
        Require.present(pattern, "pattern");
        Require.present(allowedUses, "allowed uses");
        return UseCaseObservation.around(listener, new UseCaseStart("ManagePromotionCodes", "issue"),
                () -> issued(id, count, pattern, allowedUses), ManagePromotionCodes::outcome);
    }

    /** The low-cardinality outcome of an issuance: ok, uncertain, or the failure's type. */
    private static String outcome(Either<ProviderFailure, Issued> result) {
        if (result.isLeft()) {
            return Outcome.of(result.getLeft());
        }
        Issued issued = result.get();
        return !issued.uncertain().isEmpty() ? "uncertain"
                : issued.failure().map(Outcome::of).getOrElse(Outcome.OK);
    }

    private Either<ProviderFailure, Issued> issued(PromotionId id, int count, CodePattern pattern,
            Option<Integer> allowedUses) {
        return existing(id).map(taken -> {
            List<CodeText> drawn = draw(count, pattern, taken);
            List<PromotionCode> created = new ArrayList<>();
            int batchSize = Math.max(1, promotions.maxCodesPerCreate());
            for (int from = 0; from < drawn.size(); from += batchSize) {
                List<CodeText> batch = drawn.subList(from, Math.min(drawn.size(), from + batchSize));
                Either<ProviderFailure, List<PromotionCode>> made = promotions.createCodes(id, batch.stream()
                        .map(c -> new NewPromotionCode(c, allowedUses, Option.none(), Option.none())).toList());
                if (made.isLeft()) {
                    return stopped(id, drawn, from, batch, created, made.getLeft());
                }
                created.addAll(made.get());
            }
            return new Issued(created, List.of(), List.of(), Option.none());
        });
    }

    /**
     * Deletes {@code codes} from the promotion, in batches. Idempotent: safe to retry after any
     * failure.
     *
     * @param id the promotion the codes belong to, not null
     * @param codes the texts of the codes to delete; empty is done without a call
     * @return {@code Done} once the provider confirmed every deletion, or the first failure
     *     ({@code NotFound}, {@code InvalidRequest}, ...), after which earlier batches may be
     *     deleted already (a value, never thrown)
     */
    public Either<ProviderFailure, Done> revoke(PromotionId id, List<CodeText> codes) {
        Require.present(id, "promotion id");
        Require.present(codes, "codes");
        return UseCaseObservation.around(listener, new UseCaseStart("ManagePromotionCodes", "revoke"),
                () -> revoked(id, codes), Outcome::of);
    }

    private Either<ProviderFailure, Done> revoked(PromotionId id, List<CodeText> codes) {
        int batchSize = Math.max(1, promotions.maxCodesPerCreate());
        for (int from = 0; from < codes.size(); from += batchSize) {
            Either<ProviderFailure, Done> done = promotions.deleteCodes(id, codes.subList(from,
                    Math.min(codes.size(), from + batchSize)));
            if (done.isLeft()) {
                return done;
            }
        }
        return Either.right(Done.DONE);
    }

    /**
     * {@return the promotion holding {@code code}: {@code Some} when one does, {@code None} when
     * none does} Safe to retry. Failures: {@code InvalidRequest} for a code the provider cannot
     * look up.
     *
     * @param code the code text a shopper would type, not null
     */
    public Either<ProviderFailure, Option<PromotionId>> whoHolds(CodeText code) {
        Require.present(code, "code");
        return UseCaseObservation.around(listener, new UseCaseStart("ManagePromotionCodes", "who holds"),
                () -> promotions.findPromotionHolding(code), Outcome::of);
    }

    private Either<ProviderFailure, Set<String>> existing(PromotionId id) {
        Set<String> taken = new HashSet<>();
        return promotions.codes(id).forEachItem(c -> taken.add(key(c.code()))).map(n -> taken);
    }

    private List<CodeText> draw(int count, CodePattern pattern, Set<String> taken) {
        Set<String> seen = new HashSet<>(taken);
        List<CodeText> drawn = new ArrayList<>(count);
        int attempts = 0;
        while (drawn.size() < count) {
            if (++attempts > count * 100 + 1000) {
                throw new IllegalArgumentException("pattern " + pattern + " cannot make " + count + " unused codes");
            }
            CodeText code = pattern.draw(random);
            if (seen.add(key(code))) {
                drawn.add(code);
            }
        }
        return drawn;
    }

    /**
     * After a failed batch: which of its codes exist. When the outcome is unknown, the promotion is
     * listed until every code of the batch was seen, or until at least two listings were made and
     * the settle time after the failure has passed; only then are the codes never seen not created.
     */
    private Issued stopped(PromotionId id, List<CodeText> drawn, int from, List<CodeText> batch,
            List<PromotionCode> created, ProviderFailure failure) {
        List<CodeText> after = drawn.subList(from + batch.size(), drawn.size());
        if (failure.provablyNotApplied()) {
            return new Issued(created, drawn.subList(from, drawn.size()), List.of(), Option.some(failure));
        }
        Instant settled = waiting.clock().instant().plus(settleTime);
        Duration pause = settleTime.dividedBy(LISTINGS_PER_SETTLE_TIME);
        Map<String, CodeText> missing = new LinkedHashMap<>();
        batch.forEach(c -> missing.put(key(c), c));
        List<PromotionCode> all = new ArrayList<>(created);
        boolean[] unreadable = {false};
        for (int listings = 0; ; ) {
            Either<ProviderFailure, Long> listed = promotions.codes(id).forEachItem(c -> {
                if (missing.remove(key(c.code())) != null) {
                    all.add(c);
                }
            }, skipped -> unreadable[0] = true);
            if (listed.isLeft()) {
                return new Issued(all, after, List.copyOf(missing.values()), Option.some(failure));
            }
            listings++;
            Instant now = waiting.clock().instant();
            if (!missing.isEmpty() && unreadable[0] && listings >= 2 && !now.isBefore(settled)) {
                return new Issued(all, after, List.copyOf(missing.values()), Option.some(failure));
            }
            if (missing.isEmpty() || listings >= 2 && !now.isBefore(settled)) {
                List<CodeText> notCreated = new ArrayList<>(missing.values());
                notCreated.addAll(after);
                return new Issued(all, notCreated, List.of(), Option.some(failure));
            }
            Duration left = Duration.between(now, settled);
            try {
                waiting.sleeper().sleep(left.isNegative() ? Duration.ZERO : left.compareTo(pause) < 0 ? left : pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Issued(all, after, List.copyOf(missing.values()), Option.some(failure));
            }
        }
    }

    private static String key(CodeText code) {
        return code.value().toLowerCase(java.util.Locale.ROOT);
    }
}
