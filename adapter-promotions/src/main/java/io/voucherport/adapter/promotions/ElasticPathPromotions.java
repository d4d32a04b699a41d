package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.AuthorizedCalls;
import io.voucherport.adapter.support.CallGuard;
import io.voucherport.adapter.support.FeignSetup;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Masker;
import io.voucherport.adapter.support.MaskingLogger;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.ProblemMapper;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Done;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PageCursor;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.ConsumeUnit;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link PromotionCodes} port over Elastic Path Commerce Cloud promotions, for one engine per
 * instance: standard promotions ({@code /v2/promotions}) or Promotions Builder
 * ({@code /v2/rule-promotions}).
 *
 * <ul>
 *   <li><b>Tokens</b>: {@code client_credentials} (id and secret) or {@code implicit} (id only,
 *       mostly read-only); cached, renewed shortly before {@code expires}, and once after a 401
 *       (the call is then retried once). Renewals never race.</li>
 *   <li><b>Listing codes</b> is lazy: one page of {@code page[limit]} codes in memory at a time,
 *       stopping on an empty page or when the offset reaches {@code meta.results.total} (never on
 *       {@code links.next}). Both published list shapes are read. Elastic Path serves offsets up
 *       to {@value #MAX_OFFSET} only: a promotion holding more ends its listing with an
 *       {@code InvalidRequest} failure saying so (use an export job), never a silent truncation.</li>
 *   <li><b>{@code uses}</b> is "allowed uses" when creating and "remaining uses" when listing; the
 *       domain keeps them apart ({@code allowedUses}, {@code remainingUses}, {@code maxUses}), and
 *       an absent {@code max_uses} stays absent.</li>
 *   <li><b>Creating codes</b> answers with the promotion, not the codes: the codes returned are the
 *       ones sent, as Elastic Path stored them on success.</li>
 *   <li><b>Rate</b>: a client-side limiter (default {@value #DEFAULT_REQUESTS_PER_SECOND} requests
 *       per second, a development store's limit) shared by all calls of this instance; 429 is
 *       retried with backoff and jitter for safe calls.</li>
 *   <li><b>Secrets</b>: the client secret, tokens and export file links are masked in logs.</li>
 * </ul>
 *
 * <p>Thread-safe. Build with {@link #builder()}; close it to release a pool it created itself.
 */
public final class ElasticPathPromotions implements PromotionCodes, AutoCloseable {

    /** The provider's name in failures and logs. */
    public static final String PROVIDER = "elastic-path";
    /** US East base URL. */
    public static final String US_EAST = "https://useast.api.elasticpath.com";
    /** EU West base URL. */
    public static final String EU_WEST = "https://euwest.api.elasticpath.com";
    /** Largest page Elastic Path serves. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Largest offset Elastic Path serves. */
    public static final int MAX_OFFSET = 10_000;
    /** Most codes one create call sends. */
    public static final int MAX_CODES_PER_CREATE = 100;
    /** Most codes one generation job makes. */
    public static final int MAX_GENERATED_CODES = 1_000;
    /** Default client-side rate: a development store's limit. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 25;

    private final ElasticPathApi api;
    private final CallGuard guard;
    private final TokenCache tokens;
    private final AuthorizedCalls calls;
    private final RateLimiter limiter;
    private final PromotionKind kind;
    private final String root;
    private final String tokenForm;
    private final int pageSize;
    private final Clock clock;
    private final AdapterBuilder.Http http;

    private ElasticPathPromotions(Builder b) {
        ObjectMapper json = JsonSupport.newSnakeCaseMapper();
        AdapterBuilder.Settings settings = b.settings();
        this.http = settings.openHttp();
        List<String> secrets = new ArrayList<>();
        b.clientSecret.peek(s -> secrets.add(s.reveal()));
        Masker masker = Masker.of(List.of(), List.of("href"), secrets);
        this.api = FeignSetup.builder(settings, http, json, new MaskingLogger(PROVIDER, masker),
                        new ProblemDecoder(ElasticPathErrors.parser(json), List.of("x-request-id")))
                .target(ElasticPathApi.class, b.baseUrl);
        this.guard = new CallGuard(PROVIDER, ProblemMapper.standard(PROVIDER), settings.retryPolicy(), settings.sleeper());
        this.limiter = b.requestsPerSecond > 0
                ? new RateLimiter(b.requestsPerSecond, b.requestsPerSecond, System::nanoTime, settings.sleeper()) : null;
        this.kind = b.kind;
        this.root = b.kind == PromotionKind.STANDARD ? "promotions" : "rule-promotions";
        this.tokenForm = b.clientSecret.map(s -> form("grant_type", "client_credentials", "client_id", b.clientId,
                "client_secret", s.reveal())).getOrElse(() -> form("grant_type", "implicit", "client_id", b.clientId));
        this.pageSize = b.pageSize;
        this.clock = b.clock;
        this.tokens = new TokenCache(this::issueToken, b.renewBefore, b.clock);
        this.calls = new AuthorizedCalls(guard, tokens, AuthorizedCalls.deniedWith(401), limiter);
    }

    /** A builder; base URL and client id are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The engine this instance speaks to. */
    public PromotionKind kind() {
        return kind;
    }

    @Override
    public int maxCodesPerCreate() {
        return MAX_CODES_PER_CREATE;
    }

    @Override
    public PagedSequence<Promotion> promotions() {
        return PagedSequence.of(new PageCursor.Offset(0, pageSize), cursor -> read(token -> {
            PageCursor.Offset at = (PageCursor.Offset) cursor;
            ElasticPathDto.PageOf<ElasticPathDto.Promotion> page = api.promotions(token, root, pageQuery(at));
            List<Promotion> items = nonNull(page.data()).stream()
                    .map(p -> ElasticPathMapper.INSTANCE.promotion(p, kind)).toList();
            return new Page<>(items, next(at, items.size(), page.meta()));
        }));
    }

    @Override
    public Either<ProviderFailure, Promotion> promotion(PromotionId id) {
        Require.present(id, "id");
        return read(token -> ElasticPathMapper.INSTANCE.promotion(data(api.promotion(token, root, id.value())), kind));
    }

    @Override
    public PagedSequence<PromotionCode> codes(PromotionId id) {
        Require.present(id, "id");
        return PagedSequence.of(new PageCursor.Offset(0, pageSize), cursor -> {
            PageCursor.Offset at = (PageCursor.Offset) cursor;
            if (at.offset() > MAX_OFFSET) {
                return Either.left(new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER,
                        "promotion " + id + " holds more codes than Elastic Path lists (offsets above " + MAX_OFFSET
                                + " are refused): the listing stopped after " + at.offset()
                                + " codes; export the codes with startCodeExport instead"),
                        List.of("offset cap of " + MAX_OFFSET + " reached")));
            }
            return read(token -> {
                ElasticPathDto.PageOf<ElasticPathDto.Code> page = api.codes(token, root, id.value(), pageQuery(at));
                List<PromotionCode> items = ElasticPathMapper.INSTANCE.codes(page.data(), kind);
                return new Page<>(items, next(at, items.size(), page.meta()));
            });
        });
    }

    @Override
    public Either<ProviderFailure, List<PromotionCode>> createCodes(PromotionId id, List<NewPromotionCode> codes) {
        Require.present(id, "id");
        Require.present(codes, "codes");
        if (codes.isEmpty() || codes.size() > MAX_CODES_PER_CREATE) {
            throw new IllegalArgumentException("create 1 to at most " + MAX_CODES_PER_CREATE + " codes at once, not "
                    + codes.size());
        }
        codes.forEach(c -> c.consumeUnit().peek(this::requireOwnUnit));
        ElasticPathDto.CodesBody body = new ElasticPathDto.CodesBody(new ElasticPathDto.CodesData("promotion_codes",
                codes.stream().map(c -> new ElasticPathDto.NewCode(c.code().value(), c.allowedUses().getOrNull(),
                        c.user().getOrNull(), c.consumeUnit().map(ElasticPathMapper::wireName).getOrNull())).toList()));
        return write(token -> {
            data(api.createCodes(token, root, id.value(), body));   // the promotion: proof the answer is Elastic Path's
            return codes.stream().map(c -> new PromotionCode(c.code(), Option.none(), c.consumeUnit(), c.user(),
                    c.allowedUses(), c.allowedUses(), Option.none(), Option.none())).toList();
        });
    }

    @Override
    public Either<ProviderFailure, Done> deleteCodes(PromotionId id, List<CodeText> codes) {
        Require.present(id, "id");
        Require.present(codes, "codes");
        if (codes.isEmpty()) {
            return Either.right(Done.DONE);
        }
        ElasticPathDto.CodesBody body = new ElasticPathDto.CodesBody(new ElasticPathDto.CodesData("promotion_codes",
                codes.stream().map(c -> new ElasticPathDto.NewCode(c.value(), null, null, null)).toList()));
        return write(token -> {
            api.deleteCodes(token, root, id.value(), body);
            return Done.DONE;
        });
    }

    /**
     * Standard promotions: deleted by the code text in the path (URL-encoded). Promotions Builder:
     * the code's id is looked up (codes are case-insensitive there), then deleted by id.
     */
    @Override
    public Either<ProviderFailure, Done> deleteCode(PromotionId id, CodeText code) {
        Require.present(id, "id");
        Require.present(code, "code");
        Either<ProviderFailure, String> key = kind == PromotionKind.STANDARD ? Either.right(code.value())
                : codes(id).stream()
                        .filter(c -> c.isLeft() || c.get().code().value().equalsIgnoreCase(code.value()))
                        .findFirst()
                        .map(c -> c.flatMap(found -> found.id().toEither(() -> (ProviderFailure)
                                new ProviderFailure.UnexpectedResponse(FailureDetails.of(PROVIDER,
                                        "code " + code + " has no id")))))
                        .orElseGet(() -> Either.left(new ProviderFailure.NotFound(FailureDetails.of(PROVIDER,
                                "promotion " + id + " has no code " + code))));
        return key.flatMap(k -> write(token -> {
            api.deleteCode(token, root, id.value(), k);
            return Done.DONE;
        }));
    }

    /**
     * Asks with {@code filter=eq(code,…)}. Codes holding filter syntax ({@code ( ) , " |}) are
     * refused with {@link IllegalArgumentException}: they cannot be asked for safely.
     */
    @Override
    public Either<ProviderFailure, Option<PromotionId>> findPromotionHolding(CodeText code) {
        Require.present(code, "code");
        if (code.value().chars().anyMatch(ch -> "(),\"|:".indexOf(ch) >= 0)) {
            throw new IllegalArgumentException("a code holding ( ) , \" | or : cannot be looked up by filter");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filter", "eq(code," + code.value() + ")");
        query.put("page[limit]", 1);
        return read(token -> Option.ofOptional(nonNull(api.promotions(token, root, query).data()).stream()
                .findFirst()).map(p -> PromotionId.of(MalformedAnswerException.require(p.id(), "promotion id"))));
    }

    @Override
    public Either<ProviderFailure, CodeJob> startCodeGeneration(PromotionId id, CodeGenerationRequest request) {
        Require.present(id, "id");
        Require.present(request, "request");
        if (request.count() > MAX_GENERATED_CODES) {
            throw new IllegalArgumentException("a job generates at most " + MAX_GENERATED_CODES + " codes, not "
                    + request.count());
        }
        if (request.length() < 8 || request.length() > 16) {
            throw new IllegalArgumentException("code length must be 8 to 16 but was " + request.length());
        }
        request.consumeUnit().peek(this::requireOwnUnit);
        return startJob(id, "code_generate", new ElasticPathDto.JobParameters(request.count(),
                request.prefix().getOrNull(), request.length(), request.maxUsesPerCode().getOrNull(),
                request.consumeUnit().map(ElasticPathMapper::wireName).getOrNull()));
    }

    @Override
    public Either<ProviderFailure, CodeJob> startCodeExport(PromotionId id) {
        Require.present(id, "id");
        return startJob(id, "code_export", null);
    }

    @Override
    public Either<ProviderFailure, CodeJob> job(PromotionId id, JobId jobId) {
        Require.present(id, "id");
        Require.present(jobId, "job id");
        return read(token -> nonNull(api.jobs(token, root, id.value()).data()).stream()
                .filter(j -> jobId.value().equals(j.id())).findFirst()
                .map(j -> Option.some(ElasticPathMapper.INSTANCE.job(j, id))).orElse(Option.none()))
                .flatMap(found -> found.toEither(() -> new ProviderFailure.NotFound(FailureDetails.of(PROVIDER,
                        "promotion " + id + " has no job " + jobId))));
    }

    @Override
    public Either<ProviderFailure, CodeJob> cancelJob(PromotionId id, JobId jobId) {
        Require.present(id, "id");
        Require.present(jobId, "job id");
        return write(token -> ElasticPathMapper.INSTANCE.job(data(api.cancelJob(token, root, id.value(), jobId.value())), id));
    }

    @Override
    public Either<ProviderFailure, Secret> exportFile(PromotionId id, JobId jobId) {
        Require.present(id, "id");
        Require.present(jobId, "job id");
        return read(token -> {
            JsonNode file = data(api.jobFile(token, root, id.value(), jobId.value()));
            for (String field : List.of("href", "url", "link")) {
                if (file.hasNonNull(field) && !file.get(field).asText().isBlank()) {
                    return Secret.of(file.get(field).asText());
                }
            }
            throw new MalformedAnswerException("the job file answer has no link");
        });
    }

    /** How many tokens this instance has obtained (for monitoring and tests). */
    public int tokensIssued() {
        return tokens.issued();
    }

    /** Releases the connection pool when this instance created its own. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ElasticPathPromotions[" + PROVIDER + ", " + kind + "]";
    }

    private Either<ProviderFailure, CodeJob> startJob(PromotionId id, String type, ElasticPathDto.JobParameters params) {
        ElasticPathDto.JobBody body = new ElasticPathDto.JobBody(new ElasticPathDto.JobData("promotion_job", type, params));
        return write(token -> ElasticPathMapper.INSTANCE.job(data(api.createJob(token, root, id.value(), body)), id));
    }

    private void requireOwnUnit(ConsumeUnit unit) {
        if (!(unit instanceof ConsumeUnit.Known known) || known.kind() != kind) {
            throw new IllegalArgumentException("consume unit " + unit + " does not belong to " + kind + " promotions");
        }
    }

    /** Next page unless this one was empty or the offset reached the total; {@code links.next} is ignored. */
    private static Option<PageCursor> next(PageCursor.Offset at, int received, ElasticPathDto.Meta meta) {
        if (received == 0) {
            return Option.none();
        }
        long reached = at.offset() + received;
        Long total = meta == null || meta.results() == null ? null : meta.results().total();
        boolean more = total != null ? reached < total : received >= at.size();
        return more ? Option.some(new PageCursor.Offset(reached, at.size())) : Option.none();
    }

    private static Map<String, Object> pageQuery(PageCursor.Offset at) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page[limit]", at.size());
        query.put("page[offset]", at.offset());
        return query;
    }

    private <T> Either<ProviderFailure, T> read(Function<String, T> call) {
        return calls.read(call);
    }

    private <T> Either<ProviderFailure, T> write(Function<String, T> call) {
        return calls.write(call);
    }

    private Either<ProviderFailure, TokenCache.IssuedToken> issueToken() {
        return guard.read(() -> {
            if (limiter != null) {
                limiter.acquire();
            }
            ElasticPathDto.Token t = MalformedAnswerException.require(api.token(tokenForm), "body");
            String value = MalformedAnswerException.require(t.accessToken(), "access_token");
            Instant now = clock.instant();
            Instant expires = t.expires() != null ? Instant.ofEpochSecond(t.expires())
                    : now.plusSeconds(t.expiresIn() != null ? t.expiresIn() : 3600);
            return new TokenCache.IssuedToken(Secret.of(value), expires);
        });
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static <T> T data(ElasticPathDto.Envelope<T> envelope) {
        MalformedAnswerException.require(envelope, "body");
        return MalformedAnswerException.require(envelope.data(), "data");
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Configuration of an {@link ElasticPathPromotions}. Not thread-safe; build once. */
    public static final class Builder extends AdapterBuilder<Builder> {
        private String baseUrl;
        private String clientId;
        private Option<Secret> clientSecret = Option.none();
        private PromotionKind kind = PromotionKind.STANDARD;
        private Clock clock = Clock.systemUTC();
        private Duration renewBefore = Duration.ofMinutes(2);
        private int pageSize = MAX_PAGE_SIZE;
        private int requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** {@link #US_EAST}, {@link #EU_WEST}, or a simulator's URL. Required. */
        public Builder baseUrl(String url) {
            this.baseUrl = HttpSettings.baseUrl(url);
            return this;
        }

        /** The client id. Required. */
        public Builder clientId(String id) {
            this.clientId = Require.text(id, "client id");
            return this;
        }

        /** The client secret, for {@code client_credentials} (full access); without it the {@code implicit} grant is used. */
        public Builder clientSecret(Secret secret) {
            this.clientSecret = Option.some(Require.present(secret, "client secret"));
            return this;
        }

        /** Standard promotions (default) or Promotions Builder ({@link PromotionKind#RULE_BASED}). */
        public Builder kind(PromotionKind engine) {
            this.kind = Require.present(engine, "kind");
            return this;
        }

        /** The clock deciding token renewal; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Require.present(clock, "clock");
            return this;
        }

        /** How long before {@code expires} the token is renewed; default 2 minutes. */
        public Builder renewBefore(Duration margin) {
            Require.present(margin, "renew before");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("renew before must not be negative");
            }
            this.renewBefore = margin;
            return this;
        }

        /** Codes and promotions per page, 1 to {@value #MAX_PAGE_SIZE}; default {@value #MAX_PAGE_SIZE}. */
        public Builder pageSize(int size) {
            this.pageSize = HttpSettings.pageSize(size, 1, MAX_PAGE_SIZE);
            return this;
        }

        /**
         * Client-side limit in requests per second (100 on production stores, 25 on development
         * stores); 0 turns the limiter off. Default {@value #DEFAULT_REQUESTS_PER_SECOND}.
         */
        public Builder requestsPerSecond(int rate) {
            Require.notNegative(rate, "requests per second");
            this.requestsPerSecond = rate;
            return this;
        }

        /** The adapter; throws when a required setting is missing. */
        public ElasticPathPromotions build() {
            Require.present(baseUrl, "base URL");
            Require.present(clientId, "client id");
            return new ElasticPathPromotions(this);
        }
    }
}
