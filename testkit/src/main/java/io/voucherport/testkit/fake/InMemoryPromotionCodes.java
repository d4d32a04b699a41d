package io.voucherport.testkit.fake;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Done;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.JobStatus;
import io.voucherport.domain.promotion.JobType;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An in-memory {@link PromotionCodes} for unit tests: promotions and codes in maps, pages of
 * {@link #pageSize}, jobs that move one step per {@link #job} call ({@code PENDING → PROCESSING →
 * COMPLETED}, {@code CANCELLING → CANCELLED}), one active job per promotion, and
 * {@link #failNext} to make the next call fail, {@link #unreadableCode} to put a code that cannot be
 * read into a promotion's listing. Code texts are compared exactly. Thread-safe.
 */
public final class InMemoryPromotionCodes implements PromotionCodes {

    /** The provider name in failures. */
    public static final String PROVIDER = "in-memory-promotions";

    private static final class Job {
        final CodeJob job;
        JobStatus status = JobStatus.Known.PENDING;
        final CodeGenerationRequest generation;

        Job(CodeJob job, CodeGenerationRequest generation) {
            this.job = job;
            this.generation = generation;
        }
    }

    private final PromotionKind kind;
    private final int pageSize;
    private final int maxCodesPerCreate;
    private final SecureRandom random = new SecureRandom();
    private final Map<PromotionId, Promotion> promotions = new LinkedHashMap<>();
    private final Map<PromotionId, Map<CodeText, PromotionCode>> codes = new LinkedHashMap<>();
    private final Map<JobId, Job> jobs = new LinkedHashMap<>();
    private final Deque<ProviderFailure> failures = new ArrayDeque<>();
    private final Map<PromotionId, List<ProviderFailure.UnreadableItem>> unreadable = new LinkedHashMap<>();

    /**
     * A fake of {@code kind} promotions listing {@code pageSize} codes per page and creating up to {@code maxCodesPerCreate}.
     *
     * @param kind whether the promotions are standard or rule-based
     * @param pageSize the number of items per page
     * @param maxCodesPerCreate the most codes per create
     */
    public InMemoryPromotionCodes(PromotionKind kind, int pageSize, int maxCodesPerCreate) {
        this.kind = Objects.requireNonNull(kind);
        if (pageSize < 1 || maxCodesPerCreate < 1) {
            throw new IllegalArgumentException("page size and max codes per create must be positive");
        }
        this.pageSize = pageSize;
        this.maxCodesPerCreate = maxCodesPerCreate;
    }

    /**
     * Adds a promotion with {@code count} codes {@code <id>-1 …}.
     *
     * @param id the promotion's id, unique in this fake
     * @param name the promotion's display name
     * @param count how many codes it holds, 0 or more
     * @return this fake
     */
    public synchronized InMemoryPromotionCodes promotion(String id, String name, int count) {
        PromotionId pid = PromotionId.of(id);
        promotions.put(pid, new Promotion(pid, kind, name, Option.some(true), Option.none(), Option.none()));
        Map<CodeText, PromotionCode> map = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            CodeText text = CodeText.of(id.toUpperCase(Locale.ROOT) + "-" + i);
            map.put(text, PromotionCode.of(text));
        }
        codes.put(pid, map);
        return this;
    }

    /**
     * Restricts code {@code code} of promotion {@code id} to {@code users} (listed in this order).
     *
     * @param id the promotion's id
     * @param code the text of one of its codes
     * @param users the customer ids (or other texts) allowed to use it, in order
     * @return this fake
     */
    public synchronized InMemoryPromotionCodes restrict(String id, String code, String... users) {
        Map<CodeText, PromotionCode> map = codes.get(PromotionId.of(id));
        PromotionCode c = map == null ? null : map.get(CodeText.of(code));
        if (c == null) {
            throw new IllegalArgumentException("no code " + code + " in promotion " + id);
        }
        map.put(c.code(), new PromotionCode(c.code(), c.id(), c.consumeUnit(), List.of(users), c.remainingUses(),
                c.maxUses(), c.createdBy(), c.createdAt()));
        return this;
    }

    /**
     * Adds to promotion {@code id}'s listing a code that cannot be read ({@code item} and
     * {@code reason} as an adapter reports one), after the readable codes of the last page.
     *
     * @param id the promotion whose listing gets the unreadable code
     * @param item what identifies the item in the failure, e.g. a code text
     * @param reason why it could not be read, in words
     */
    public synchronized void unreadableCode(String id, String item, String reason) {
        unreadable.computeIfAbsent(PromotionId.of(id), p -> new ArrayList<>()).add(new ProviderFailure.UnreadableItem(
                FailureDetails.of(PROVIDER, item + " could not be read: " + reason), item, reason));
    }

    /**
     * The next call (of any operation) fails with {@code failure}; several queue up.
     *
     * @param failure the failure the next call answers instead of acting, not null
     */
    public synchronized void failNext(ProviderFailure failure) {
        failures.add(Objects.requireNonNull(failure));
    }

    @Override
    public int maxCodesPerCreate() {
        return maxCodesPerCreate;
    }

    @Override
    public PagedSequence<Promotion> promotions() {
        return PagedSequence.of(0, cursor -> page(cursor,
                () -> new ArrayList<>(promotions.values()), List::of));
    }

    @Override
    public synchronized Either<ProviderFailure, Promotion> promotion(PromotionId id) {
        return injected().isDefined() ? Either.left(failures.poll()) : known(id).map(promotions::get);
    }

    @Override
    public PagedSequence<PromotionCode> codes(PromotionId id) {
        Objects.requireNonNull(id);
        return PagedSequence.of(0, cursor -> {
            synchronized (this) {
                if (!codes.containsKey(id)) {
                    return Either.left(notFound("promotion " + id));
                }
            }
            return page(cursor, () -> new ArrayList<>(codes.get(id).values()), () -> unreadable.getOrDefault(id, List.of()));
        });
    }

    @Override
    public synchronized Either<ProviderFailure, List<PromotionCode>> createCodes(PromotionId id, List<NewPromotionCode> fresh) {
        if (fresh.isEmpty()) {
            throw new IllegalArgumentException("create at least one code");
        }
        if (fresh.size() > maxCodesPerCreate) {
            String limit = "create at most " + maxCodesPerCreate + " codes at once, not " + fresh.size();
            return Either.left(new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER, limit), List.of(limit)));
        }
        if (injected().isDefined()) {
            return Either.left(failures.poll());
        }
        return known(id).flatMap(pid -> {
            Map<CodeText, PromotionCode> map = codes.get(pid);
            if (fresh.stream().anyMatch(c -> map.containsKey(c.code()))
                    || fresh.stream().map(NewPromotionCode::code).distinct().count() < fresh.size()) {
                return Either.left(new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER, "code exists"),
                        List.of("code already exists")));
            }
            List<PromotionCode> created = fresh.stream().map(c -> new PromotionCode(c.code(), Option.none(),
                    c.consumeUnit(), c.user().toJavaList(), c.allowedUses(), c.allowedUses(), Option.none(),
                    Option.none())).toList();
            created.forEach(c -> map.put(c.code(), c));
            return Either.right(created);
        });
    }

    @Override
    public synchronized Either<ProviderFailure, Done> deleteCodes(PromotionId id, List<CodeText> texts) {
        return injected().isDefined() ? Either.left(failures.poll()) : known(id).map(pid -> {
            texts.forEach(codes.get(pid)::remove);
            return Done.DONE;
        });
    }

    @Override
    public synchronized Either<ProviderFailure, Done> deleteCode(PromotionId id, CodeText code) {
        return injected().isDefined() ? Either.left(failures.poll()) : known(id).flatMap(pid ->
                codes.get(pid).remove(code) == null ? Either.left(notFound("code")) : Either.right(Done.DONE));
    }

    @Override
    public synchronized Either<ProviderFailure, Option<PromotionId>> findPromotionHolding(CodeText code) {
        return injected().isDefined() ? Either.left(failures.poll()) : Either.right(Option.ofOptional(
                codes.entrySet().stream().filter(e -> e.getValue().containsKey(code)).map(Map.Entry::getKey).findFirst()));
    }

    @Override
    public synchronized Either<ProviderFailure, CodeJob> startCodeGeneration(PromotionId id, CodeGenerationRequest request) {
        return start(id, JobType.GENERATE_CODES, Objects.requireNonNull(request));
    }

    @Override
    public synchronized Either<ProviderFailure, CodeJob> startCodeExport(PromotionId id) {
        return start(id, JobType.EXPORT_CODES, null);
    }

    @Override
    public synchronized Either<ProviderFailure, CodeJob> job(PromotionId id, JobId jobId) {
        if (injected().isDefined()) {
            return Either.left(failures.poll());
        }
        Job job = jobs.get(jobId);
        if (job == null || !job.job.promotionId().equals(id)) {
            return Either.left(notFound("job " + jobId));
        }
        if (job.status == JobStatus.Known.PENDING) {
            job.status = JobStatus.Known.PROCESSING;
        } else if (job.status == JobStatus.Known.CANCELLING) {
            job.status = JobStatus.Known.CANCELLED;
        } else if (job.status == JobStatus.Known.PROCESSING) {
            if (job.generation != null) {
                generate(id, job.generation);
            }
            job.status = JobStatus.Known.COMPLETED;
        }
        return Either.right(view(job));
    }

    @Override
    public synchronized Either<ProviderFailure, CodeJob> cancelJob(PromotionId id, JobId jobId) {
        Job job = jobs.get(jobId);
        if (job == null || !job.job.promotionId().equals(id)) {
            return Either.left(notFound("job " + jobId));
        }
        if (!job.status.isTerminal()) {
            job.status = JobStatus.Known.CANCELLING;
        }
        return Either.right(view(job));
    }

    @Override
    public synchronized Either<ProviderFailure, Secret> exportFile(PromotionId id, JobId jobId) {
        Job job = jobs.get(jobId);
        if (job == null || !job.job.promotionId().equals(id)) {
            return Either.left(notFound("job " + jobId));
        }
        if (job.job.type() != JobType.EXPORT_CODES || job.status != JobStatus.Known.COMPLETED) {
            return Either.left(new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER, "no file yet"),
                    List.of("the job has no file")));
        }
        return Either.right(Secret.of("https://files.in-memory.example/" + jobId + ".csv"));
    }

    private Either<ProviderFailure, CodeJob> start(PromotionId id, JobType type, CodeGenerationRequest generation) {
        if (injected().isDefined()) {
            return Either.left(failures.poll());
        }
        return known(id).flatMap(pid -> {
            if (jobs.values().stream().anyMatch(j -> j.job.promotionId().equals(pid) && !j.status.isTerminal())) {
                return Either.left(new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER, "Too many jobs"),
                        List.of("Too many jobs")));
            }
            Job job = new Job(new CodeJob(JobId.of(UUID.randomUUID().toString()), pid, type, JobStatus.Known.PENDING,
                    Option.none()), generation);
            jobs.put(job.job.id(), job);
            return Either.right(view(job));
        });
    }

    private void generate(PromotionId id, CodeGenerationRequest request) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Map<CodeText, PromotionCode> map = codes.get(id);
        int made = 0;
        while (made < request.count()) {
            StringBuilder b = new StringBuilder(request.prefix().getOrElse(""));
            while (b.length() < request.length()) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            CodeText text = CodeText.of(b.toString());
            if (!map.containsKey(text)) {
                map.put(text, new PromotionCode(text, Option.none(), request.consumeUnit(), List.of(),
                        request.maxUsesPerCode(), request.maxUsesPerCode(), Option.none(), Option.none()));
                made++;
            }
        }
    }

    private CodeJob view(Job job) {
        return new CodeJob(job.job.id(), job.job.promotionId(), job.job.type(), job.status, Option.none());
    }

    /** The page at record offset {@code offset}; the last page also holds {@code unreadableOnLastPage}. */
    private <T> Either<ProviderFailure, Page<Integer, T>> page(int offset, java.util.function.Supplier<List<T>> all,
            java.util.function.Supplier<List<ProviderFailure.UnreadableItem>> unreadableOnLastPage) {
        synchronized (this) {
            if (injected().isDefined()) {
                return Either.left(failures.poll());
            }
            List<T> items = all.get();
            int from = Math.min(offset, items.size());
            int to = Math.min(items.size(), from + pageSize);
            boolean last = to >= items.size();
            return Either.right(new Page<>(items.subList(from, to), last ? List.copyOf(unreadableOnLastPage.get()) : List.of(),
                    last ? Option.none() : Option.some(to)));
        }
    }

    private Option<ProviderFailure> injected() {
        return Option.of(failures.peek());
    }

    private Either<ProviderFailure, PromotionId> known(PromotionId id) {
        Objects.requireNonNull(id);
        return promotions.containsKey(id) ? Either.right(id) : Either.left(notFound("promotion " + id));
    }

    private static ProviderFailure notFound(String what) {
        return new ProviderFailure.NotFound(FailureDetails.of(PROVIDER, what + " not found"));
    }
}
