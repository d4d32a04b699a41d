package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.AuthScheme;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.PagingExecutor;
import io.voucherport.adapter.support.PathSegment;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Done;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.ConsumeUnit;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.JobType;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import java.util.List;

/**
 * The {@link PromotionCodes} port over Elastic Path Commerce Cloud promotions, for one engine per
 * instance: standard promotions ({@code /v2/promotions}) or Promotions Builder
 * ({@code /v2/rule-promotions}).
 *
 * <ul>
 *   <li><b>Tokens</b>: {@code client_credentials} (id and secret) or {@code implicit} (id only,
 *       mostly read-only); cached, renewed shortly before {@code expires}, and once after a 401
 *       (the call is then made once more). Renewals never race.</li>
 *   <li><b>Listing codes</b> is lazy: one page of {@code page[limit]} codes in memory at a time,
 *       stopping on an empty page or when the offset reaches {@code meta.results.total} (never on
 *       {@code links.next}). Both published list shapes are read. Elastic Path serves offsets up
 *       to {@value #MAX_OFFSET} only: a promotion holding more ends its listing with an
 *       {@code InvalidRequest} failure saying so (use an export job), never a silent truncation.
 *       A code or promotion that cannot be read is an {@code UnreadableItem} in its place, the
 *       rest delivered; {@code user} keeps every customer id of an array. Once the first page
 *       tells the total, up to {@link ElasticPathPromotionsBuilder#prefetchPages} pages are
 *       fetched ahead (each an ordinary call: rate limiter, pool, deadline) and handed out strictly
 *       in order, stopping, and failing at the offset cap, exactly where one page at a time
 *       would; {@code withPrefetch(k)} on a listing changes it per call.</li>
 *   <li><b>Nothing unmodelled is lost</b>: {@link #codeAnswers} gives each code with its JSON as
 *       read ({@link ElasticPathCode#raw()}, masked).</li>
 *   <li><b>{@code uses}</b> is "allowed uses" when creating and "remaining uses" when listing; the
 *       domain keeps them apart ({@code allowedUses}, {@code remainingUses}, {@code maxUses}), and
 *       an absent {@code max_uses} stays absent.</li>
 *   <li><b>Creating codes</b> answers with the promotion, not the codes: the codes returned are the
 *       ones sent, as Elastic Path stored them on success.</li>
 *   <li><b>Elastic Path's limits</b> (at most {@value #MAX_CODES_PER_CREATE} codes per create, at
 *       most {@value #MAX_GENERATED_CODES} generated codes of length 8 to 16 per job, the engine's
 *       own consume units, codes without filter syntax for a look-up) are checked before sending:
 *       a request breaking one is answered {@code InvalidRequest}, provably not applied, and
 *       nothing is sent.</li>
 *   <li><b>Rate</b>: a client-side limiter (default {@value #DEFAULT_REQUESTS_PER_SECOND} requests
 *       per second, a development store's limit) shared by all calls of this instance; 429 is
 *       retried with backoff and jitter for safe calls.</li>
 *   <li><b>Secrets</b>: the client id and secret, tokens and export file links are masked in logs.</li>
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
    public static final int MAX_OFFSET = ElasticPathOffset.MAX;
    /** Most codes one create call sends. */
    public static final int MAX_CODES_PER_CREATE = 100;
    /** Most codes one generation job makes. */
    public static final int MAX_GENERATED_CODES = 1_000;
    /** Shortest code a generation job makes. */
    public static final int MIN_GENERATED_LENGTH = 8;
    /** Longest code a generation job makes. */
    public static final int MAX_GENERATED_LENGTH = 16;
    /** Default client-side rate: a development store's limit. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 25;

    /** Characters of Elastic Path's filter syntax: a code holding one cannot be looked up by filter. */
    private static final String FILTER_SYNTAX = "(),\"|:";
    private static final ElasticPathMapper MAP = ElasticPathMapper.INSTANCE;

    private final ProviderClient<ElasticPathApi> client;
    private final ElasticPathItems read;
    private final ElasticPathTokens issuer;
    private final TokenCache tokens;
    private final PromotionKind kind;
    private final String root;
    private final int pageSize;
    private final PagedSequence.Prefetch prefetch;

    ElasticPathPromotions(ElasticPathPromotionsBuilder b) {
        AdapterBuilder.Settings settings = b.settings();
        this.kind = b.kind();
        this.root = b.kind() == PromotionKind.STANDARD ? "promotions" : "rule-promotions";
        this.pageSize = b.pageSize();
        this.prefetch = PagingExecutor.prefetch(b.prefetchPages());
        this.tokens = new TokenCache(PROVIDER, this::issueToken, b.renewBefore(), b.clock(), Option.none());
        ObjectMapper json = JsonSupport.newSnakeCaseMapper();
        ProviderSpec spec = ProviderSpec.of(PROVIDER, json)
                .withErrors(ElasticPathErrors.classifier(PROVIDER), ElasticPathErrors.parser(json), "x-request-id")
                .withMaskedFields("client_id", "href", "url", "link")
                .withMaskedValues(b.clientId())
                .withMaskedValues(b.clientSecret().toJavaArray(Secret[]::new))
                .withTokens(tokens, AuthScheme.bearer(), ElasticPathErrors::tokenRejected);
        if (b.requestsPerSecond() > 0) {
            spec = spec.withLimiter(new RateLimiter(b.requestsPerSecond(), b.requestsPerSecond(), System::nanoTime,
                    settings.sleeper()));
        }
        this.client = ProviderClient.open(ElasticPathApi.class, b.baseUrl(), spec, settings);
        this.read = new ElasticPathItems(json, spec);
        this.issuer = new ElasticPathTokens(client.sibling(ElasticPathTokenApi.class, b.baseUrl(), spec.withoutTokens()),
                b.clientId(), b.clientSecret(), b.clock());
    }

    /** {@return a builder; base URL and client id are required} */
    public static ElasticPathPromotionsBuilder builder() {
        return new ElasticPathPromotionsBuilder();
    }

    /** {@return the engine this instance speaks to} */
    public PromotionKind kind() {
        return kind;
    }

    @Override
    public int maxCodesPerCreate() {
        return MAX_CODES_PER_CREATE;
    }

    /**
     * {@inheritDoc} A promotion Elastic Path sent but that cannot be read is an
     * {@code UnreadableItem} (its id and why) in its place; the others are delivered.
     */
    @Override
    public PagedSequence<Promotion> promotions() {
        return PagedSequence.of(ElasticPathOffset.FIRST, at -> client.call(Operation.read("promotions"), api -> {
            ElasticPathDto.PageOf<JsonNode> page = api.promotions(root, at.query(pageSize));
            ElasticPathItems.Read<Promotion> items = read.promotions(page.data(), kind, at.records());
            return new Page<>(items.items(), items.unreadable(), at.next(items.records(), pageSize, page.meta()),
                    at.ahead(items.records(), pageSize, page.meta()));
        }), prefetch);
    }

    @Override
    public Either<ProviderFailure, Promotion> promotion(PromotionId id) {
        Require.present(id, "id");
        return client.call(Operation.read("promotion"), api -> MAP.promotion(data(api.promotion(root, id.value())), kind));
    }

    /**
     * {@inheritDoc} A code Elastic Path sent but that cannot be read (a count that is no count, a
     * user that is no id, no code text) is an {@code UnreadableItem} (its code text or place, and
     * why) in its place; the others are delivered.
     */
    @Override
    public PagedSequence<PromotionCode> codes(PromotionId id) {
        Require.present(id, "id");
        return codePages(id, ElasticPathCode::code);
    }

    /**
     * {@return all codes of a promotion as Elastic Path listed them: each code with the fields the domain
     * does not model ({@link ElasticPathCode#raw()}, secrets masked)} Paged, tolerant and failing as
     * {@link #codes(PromotionId)}. Safe to retry.
     *
     * @param id the promotion whose codes to list, not null
     */
    public PagedSequence<ElasticPathCode> codeAnswers(PromotionId id) {
        Require.present(id, "id");
        return codePages(id, code -> code);
    }

    private <T> PagedSequence<T> codePages(PromotionId id, java.util.function.Function<ElasticPathCode, T> as) {
        return PagedSequence.of(ElasticPathOffset.FIRST, at -> at.beyondCap()
                ? Either.left(client.refusal("promotion " + id + " holds more codes than Elastic Path lists (offsets above "
                        + MAX_OFFSET + " are refused): the listing stopped after " + at.records()
                        + " codes; export the codes with startCodeExport instead"))
                : client.call(Operation.read("codes"), api -> {
                    ElasticPathDto.PageOf<TokenBuffer> page = api.codes(root, id.value(), at.query(pageSize));
                    ElasticPathItems.Read<ElasticPathCode> items = read.codesAsRead(page.data(), kind, id.value(),
                            at.records());
                    return new Page<>(items.items().stream().map(as).toList(), items.unreadable(),
                            at.next(items.records(), pageSize, page.meta()), at.ahead(items.records(), pageSize, page.meta()));
                }), prefetch);
    }

    /**
     * Creates 1 to {@value #MAX_CODES_PER_CREATE} codes; more are refused ({@code InvalidRequest},
     * nothing sent), as is a consume unit of the other engine. No codes at all is an invalid
     * argument ({@link IllegalArgumentException}).
     */
    @Override
    public Either<ProviderFailure, List<PromotionCode>> createCodes(PromotionId id, List<NewPromotionCode> codes) {
        Require.present(id, "id");
        Require.present(codes, "codes");
        if (codes.isEmpty()) {
            throw new IllegalArgumentException(createLimit(0));
        }
        if (codes.size() > MAX_CODES_PER_CREATE) {
            return Either.left(client.refusal(createLimit(codes.size())));
        }
        Option<ProviderFailure> foreignUnit = codes.stream().map(c -> foreignUnit(c.consumeUnit()))
                .filter(Option::isDefined).findFirst().orElse(Option.none());
        if (foreignUnit.isDefined()) {
            return Either.left(foreignUnit.get());
        }
        ElasticPathDto.CodesBody body = MAP.codesBody(MAP.newCodes(codes));
        return client.call(Operation.write("create codes"), api -> {
            data(api.createCodes(root, id.value(), body));   // the promotion: proof the answer is Elastic Path's
            return MAP.created(codes);
        });
    }

    @Override
    public Either<ProviderFailure, Done> deleteCodes(PromotionId id, List<CodeText> codes) {
        Require.present(id, "id");
        Require.present(codes, "codes");
        if (codes.isEmpty()) {
            return Either.right(Done.DONE);
        }
        ElasticPathDto.CodesBody body = MAP.codesBody(MAP.codesToDelete(codes));
        return client.call(Operation.write("delete codes"), api -> {
            api.deleteCodes(root, id.value(), body);
            return Done.DONE;
        });
    }

    /**
     * Standard promotions: deleted by the code text in the path (URL-encoded, {@code %} and
     * {@code /} included). Promotions Builder: the code's id is looked up (codes are
     * case-insensitive there), then deleted by id; when the code is not among the readable codes
     * and some codes could not be read, the answer is that {@code UnreadableItem} (never
     * {@code NotFound}: the code may be the unreadable one). A key that is, or holds between slashes,
     * {@code .} or {@code ..} (encoded or not) would change the path: refused with
     * {@code InvalidRequest}, nothing sent.
     */
    @Override
    public Either<ProviderFailure, Done> deleteCode(PromotionId id, CodeText code) {
        Require.present(id, "id");
        Require.present(code, "code");
        Either<ProviderFailure, String> key = kind == PromotionKind.STANDARD ? Either.right(code.value())
                : idOf(id, code);
        return key.flatMap(k -> PathSegment.encode(k, "the code's key").<ProviderFailure>mapLeft(client::refusal))
                .flatMap(segment -> client.call(Operation.write("delete code"), api -> {
                    api.deleteCode(root, id.value(), segment);
                    return Done.DONE;
                }));
    }

    /**
     * Asks with {@code filter=eq(code,…)}. A code holding filter syntax ({@code ( ) , " | :})
     * cannot be asked for safely: refused with {@code InvalidRequest}, nothing sent.
     */
    @Override
    public Either<ProviderFailure, Option<PromotionId>> findPromotionHolding(CodeText code) {
        Require.present(code, "code");
        if (code.value().chars().anyMatch(ch -> FILTER_SYNTAX.indexOf(ch) >= 0)) {
            return Either.left(client.refusal("a code holding ( ) , \" | or : cannot be looked up by filter"));
        }
        return client.call(Operation.read("find promotion"),
                api -> MAP.holder(api.promotions(root, MAP.holderQuery(code)).data()));
    }

    /**
     * Starts a generation job. Elastic Path's limits (at most {@value #MAX_GENERATED_CODES} codes,
     * length {@value #MIN_GENERATED_LENGTH} to {@value #MAX_GENERATED_LENGTH}, the engine's own
     * consume unit) are refused with {@code InvalidRequest}, nothing sent.
     */
    @Override
    public Either<ProviderFailure, CodeJob> startCodeGeneration(PromotionId id, CodeGenerationRequest request) {
        Require.present(id, "id");
        Require.present(request, "request");
        if (request.count() > MAX_GENERATED_CODES) {
            return Either.left(client.refusal("a job generates at most " + MAX_GENERATED_CODES + " codes, not "
                    + request.count()));
        }
        if (request.length() < MIN_GENERATED_LENGTH || request.length() > MAX_GENERATED_LENGTH) {
            return Either.left(client.refusal("code length must be " + MIN_GENERATED_LENGTH + " to "
                    + MAX_GENERATED_LENGTH + " but was " + request.length()));
        }
        Option<ProviderFailure> foreignUnit = foreignUnit(request.consumeUnit());
        if (foreignUnit.isDefined()) {
            return Either.left(foreignUnit.get());
        }
        return startJob(id, MAP.jobBody(MAP.jobData(JobType.GENERATE_CODES, request)));
    }

    @Override
    public Either<ProviderFailure, CodeJob> startCodeExport(PromotionId id) {
        Require.present(id, "id");
        return startJob(id, MAP.jobBody(MAP.jobData(JobType.EXPORT_CODES, null)));
    }

    @Override
    public Either<ProviderFailure, CodeJob> job(PromotionId id, JobId jobId) {
        Require.present(id, "id");
        Require.present(jobId, "job id");
        return client.call(Operation.read("job"), api -> MAP.job(api.jobs(root, id.value()).data(), jobId, id))
                .flatMap(found -> found.toEither(() -> new ProviderFailure.NotFound(FailureDetails.of(PROVIDER,
                        "promotion " + id + " has no job " + jobId))));
    }

    @Override
    public Either<ProviderFailure, CodeJob> cancelJob(PromotionId id, JobId jobId) {
        Require.present(id, "id");
        Require.present(jobId, "job id");
        return client.call(Operation.write("cancel job"),
                api -> MAP.job(data(api.cancelJob(root, id.value(), jobId.value())), id));
    }

    @Override
    public Either<ProviderFailure, Secret> exportFile(PromotionId id, JobId jobId) {
        Require.present(id, "id");
        Require.present(jobId, "job id");
        return client.call(Operation.read("export file"),
                api -> MAP.fileLink(data(api.jobFile(root, id.value(), jobId.value()))));
    }

    /** {@return how many tokens this instance has obtained (for monitoring and tests)} */
    public int tokensIssued() {
        return tokens.issued();
    }

    /** Releases the connection pool when this instance created its own. */
    @Override
    public void close() {
        issuer.close();
        client.close();
    }

    @Override
    public String toString() {
        return "ElasticPathPromotions[" + PROVIDER + ", " + kind + "]";
    }

    /** Promotions Builder: the id of the code with this text (case-insensitive), looked up by listing. */
    private Either<ProviderFailure, String> idOf(PromotionId id, CodeText code) {
        ProviderFailure.UnreadableItem unreadable = null;
        for (Either<ProviderFailure, PromotionCode> listed : codes(id)) {
            if (listed.isLeft()) {
                if (listed.getLeft() instanceof ProviderFailure.UnreadableItem skipped) {
                    unreadable = unreadable == null ? skipped : unreadable;
                    continue;
                }
                return Either.left(listed.getLeft());
            }
            if (listed.get().code().value().equalsIgnoreCase(code.value())) {
                return listed.get().id().toEither(() -> new ProviderFailure.UnexpectedResponse(
                        FailureDetails.of(PROVIDER, "code " + code + " has no id")));
            }
        }
        return Either.left(unreadable != null ? unreadable : new ProviderFailure.NotFound(FailureDetails.of(PROVIDER,
                "promotion " + id + " has no code " + code)));
    }

    private Either<ProviderFailure, CodeJob> startJob(PromotionId id, ElasticPathDto.JobBody body) {
        return client.call(Operation.write("start job"), api -> MAP.job(data(api.createJob(root, id.value(), body)), id));
    }

    private Either<ProviderFailure, TokenCache.IssuedToken> issueToken() {
        return issuer.issue();
    }

    /** A refusal when {@code unit} is not one of this engine's own consume units. */
    private Option<ProviderFailure> foreignUnit(Option<ConsumeUnit> unit) {
        return unit.filter(u -> !(u instanceof ConsumeUnit.Known known) || known.kind() != kind)
                .map(u -> client.refusal("consume unit " + u + " does not belong to " + kind + " promotions"));
    }

    private static String createLimit(int count) {
        return "create 1 to at most " + MAX_CODES_PER_CREATE + " codes at once, not " + count;
    }

    private static <T> T data(ElasticPathDto.Envelope<T> envelope) {
        MalformedAnswerException.require(envelope, "body");
        return MalformedAnswerException.require(envelope.data(), "data");
    }
}
