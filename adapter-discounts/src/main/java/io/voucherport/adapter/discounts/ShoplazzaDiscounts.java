package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AuthScheme;
import io.voucherport.adapter.support.PagingExecutor;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.Done;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link DiscountCodes} and {@link PriceRules} ports over Shoplazza's Open API, in the
 * {@link ShoplazzaVersion} chosen per instance (each version with its own DTO set).
 *
 * <ul>
 *   <li><b>Leniency</b>: numbers as strings or numbers, {@code -1} as "unlimited" / "no end",
 *       zone-less timestamps in the configured store zone (UTC by default) or ISO-8601, ids kept
 *       as opaque strings, the 2025-06 envelope code in any JSON type; a 2xx with a failing envelope
 *       code is a failure.</li>
 *   <li><b>Paging</b>: page numbers (2022-01) or {@code cursor}/{@code has_more} (2025-06), both as
 *       one lazy {@link PagedSequence}. A code or rule that cannot be read (a negative or
 *       overflowing count, a missing code text) is an {@code UnreadableItem} in its place, the
 *       rest delivered. When a 2022-01 page tells {@code count}, up to
 *       {@link ShoplazzaDiscountsBuilder#prefetchPages} pages are fetched ahead (each an ordinary
 *       call: the store's bucket, pool, deadline) and handed out strictly in order, ending where
 *       one page at a time would; 2025-06's cursors are followed one page at a time.</li>
 *   <li><b>Usage</b> is modelled where Shoplazza counts it: the rule's {@code usage_limit} against
 *       its {@code times_used} (all its codes together), each code's own {@code usage_count}.</li>
 *   <li><b>Nothing unmodelled is lost</b>: {@link #codeAnswer}, {@link #lookupAnswer},
 *       {@link #codeAnswers}, {@link #ruleAnswer} and {@link #ruleAnswers} give each code or rule
 *       with its JSON as read ({@code raw()}, masked).</li>
 *   <li><b>Rate</b>: Shoplazza's bucket (40 per store, refilled at 2 per second) is honoured by a
 *       client-side {@link RateLimiter}; share {@link #storeBucket()} between every instance that
 *       calls one store. 429 is retried with backoff and jitter for safe calls.</li>
 *   <li><b>Tokens</b> come from an {@link AccessTokenProvider}: static (a rejection is final), or
 *       {@link ShoplazzaOAuth} (renewed once after a 401). Tokens are masked in logs.</li>
 *   <li><b>Retry safety</b>: reads are retried on transient failures; creates, updates and deletes
 *       are sent once, and a doubt after sending is {@code OutcomeUnknown}.</li>
 * </ul>
 *
 * <p>Thread-safe. Build with {@link #builder()}; close it to release a pool it created itself.
 */
public final class ShoplazzaDiscounts implements DiscountCodes, PriceRules, AutoCloseable {

    /** The provider's name in failures and logs. */
    public static final String PROVIDER = "shoplazza";
    /** Largest page Shoplazza serves. */
    public static final int MAX_PAGE_SIZE = 250;
    /** Most codes one batch create sends (2025-06). */
    public static final int MAX_BATCH = 100;

    private static final ShoplazzaMapper MAPPER = ShoplazzaMapper.INSTANCE;

    private final ProviderClient<ShoplazzaApi> client;
    private final ShoplazzaDialect dialect;
    private final ShoplazzaVersion version;
    private final int pageSize;
    private final PagedSequence.Prefetch prefetch;

    ShoplazzaDiscounts(ShoplazzaDiscountsBuilder b) {
        this.version = b.version();
        this.dialect = ShoplazzaDialect.of(version, b.storeZone());
        this.pageSize = b.pageSize();
        this.prefetch = PagingExecutor.prefetch(b.prefetchPages());
        ProviderSpec live = spec(dialect, b.tokens());
        dialect.maskingBy(new RawMasking(live, b.tokens()));
        this.client = ProviderClient.open(ShoplazzaApi.class, b.storeUrl() + "/openapi/" + dialect.path(),
                live.withLimiter(b.limiter().getOrElse(() -> storeBucket(b.settings().sleeper()))),
                b.settings());
    }

    /**
     * The masking of raw fields: the adapter's own {@code live} spec with the access token as
     * {@code tokens} holds it now (so a renewed OAuth token is masked too) and, for a public app,
     * its client id and secret, masked wherever they appear.
     */
    static ProviderSpec rawMasking(ProviderSpec live, AccessTokenProvider tokens) {
        return rawMasking(live, tokens, tokens.current().getOrNull());
    }

    /** {@link #rawMasking(ProviderSpec, AccessTokenProvider)} with {@code token} as the current access token (none: null). */
    private static ProviderSpec rawMasking(ProviderSpec live, AccessTokenProvider tokens, Secret token) {
        List<Secret> secrets = new ArrayList<>();
        if (token != null) {
            secrets.add(token);
        }
        if (tokens instanceof ShoplazzaOAuth oauth) {
            secrets.addAll(oauth.credentials());
        }
        return live.withMaskedValues(secrets.toArray(Secret[]::new));
    }

    /**
     * {@link #rawMasking(ProviderSpec, AccessTokenProvider)} as each item is read, made again only
     * when the access token changed: one spec (and so one cached log masker) per token, not one per
     * item. Thread-safe: a race makes the same spec twice, never a wrong one.
     */
    static final class RawMasking implements java.util.function.Supplier<ProviderSpec> {
        /** The spec made for {@code token} (null: no token then). */
        private record Made(Secret token, ProviderSpec spec) {
        }

        private final ProviderSpec live;
        private final AccessTokenProvider tokens;
        private volatile Made made;

        RawMasking(ProviderSpec live, AccessTokenProvider tokens) {
            this.live = live;
            this.tokens = tokens;
        }

        @Override
        public ProviderSpec get() {
            Secret token = tokens.current().getOrNull();
            Made last = made;
            if (last != null && (last.token() == token || (token != null && token.equals(last.token())))) {
                return last.spec();
            }
            Made now = new Made(token, rawMasking(live, tokens, token));
            made = now;
            return now.spec();
        }
    }

    /**
     * The request path's description of the Open API: the dialect's JSON, Shoplazza's errors, the
     * {@code Access-Token} header from {@code tokens}, replaced once after a 401.
     */
    static ProviderSpec spec(ShoplazzaDialect dialect, AccessTokenProvider tokens) {
        ObjectMapper json = dialect.json();
        return ShoplazzaDialect.baseSpec(json)
                .withErrors(ShoplazzaErrors.classifier(dialect.version()), ShoplazzaErrors.parser(json), "x-request-id")
                .withTokens(tokens, AuthScheme.header("Access-Token"), ShoplazzaErrors.tokenRejected());
    }

    /** {@return a builder; store (or store URL), version and token provider are required} */
    public static ShoplazzaDiscountsBuilder builder() {
        return new ShoplazzaDiscountsBuilder();
    }

    /**
     * {@return a limiter matching Shoplazza's bucket (40, refilled at 2 per second), to share between instances for one store}
     */
    public static RateLimiter storeBucket() {
        return storeBucket(Sleeper.THREAD);
    }

    static RateLimiter storeBucket(Sleeper sleeper) {
        return new RateLimiter(40, 2, System::nanoTime, sleeper);
    }

    /** {@return the API version this instance speaks} */
    public ShoplazzaVersion version() {
        return version;
    }

    @Override
    public Either<ProviderFailure, DiscountCode> get(PriceRuleId ruleId, DiscountCodeId id) {
        return codeAnswer(ruleId, id).map(ShoplazzaCode::code);
    }

    /**
     * {@return one code of a rule as Shoplazza answered it, with its raw fields} Safe to retry. Failures as {@link #get(PriceRuleId, DiscountCodeId)}.
     *
     * @param ruleId the price rule the code belongs to, not null
     * @param id Shoplazza's id of the code, not null
     */
    public Either<ProviderFailure, ShoplazzaCode> codeAnswer(PriceRuleId ruleId, DiscountCodeId id) {
        Require.present(ruleId, "price rule id");
        Require.present(id, "discount code id");
        return client.read("get code", api -> dialect.oneCode(api.code(ruleId.value(), id.value())));
    }

    /**
     * {@inheritDoc} Shoplazza's "not found" — HTTP 404, or a 2xx whose envelope code says so
     * ({@link ShoplazzaErrors}) — is {@code None}; a code Shoplazza sent but that cannot be read is
     * a failure ({@code UnexpectedResponse}), never {@code None}.
     */
    @Override
    public Either<ProviderFailure, Option<DiscountCode>> lookup(String code) {
        return lookupAnswer(code).map(found -> found.map(ShoplazzaCode::code));
    }

    /**
     * {@link #lookup} with the code as Shoplazza answered it, raw fields included. Safe to retry.
     *
     * @param code the exact text a shopper types, not blank; not a secret
     * @return the code as Shoplazza answered it, {@code None} when Shoplazza says there is no such
     *     code, or the failure that prevented the lookup ({@code UnexpectedResponse} for a code
     *     that cannot be read)
     */
    public Either<ProviderFailure, Option<ShoplazzaCode>> lookupAnswer(String code) {
        Require.text(code, "discount code");
        Either<ProviderFailure, ShoplazzaCode> found = client.read("look up code", api -> dialect.oneCode(api.lookup(code)));
        return found.isLeft() && found.getLeft() instanceof ProviderFailure.NotFound
                ? Either.right(Option.none()) : found.map(Option::some);
    }

    /** {@inheritDoc} A code that cannot be read is an {@code UnreadableItem} in its place; the others are delivered. */
    @Override
    public PagedSequence<DiscountCode> list(PriceRuleId ruleId) {
        Require.present(ruleId, "price rule id");
        return dialect.pages(pageSize, query -> client.read("list codes",
                api -> dialect.codes(api.codes(ruleId.value(), query)).map(ShoplazzaCode::code)), prefetch);
    }

    /**
     * {@return all codes of a rule as Shoplazza answered them, raw fields included; paged and tolerant as {@link #list(PriceRuleId)}}
     *
     * @param ruleId the price rule whose codes to list, not null
     */
    public PagedSequence<ShoplazzaCode> codeAnswers(PriceRuleId ruleId) {
        Require.present(ruleId, "price rule id");
        return dialect.pages(pageSize, query -> client.read("list codes",
                api -> dialect.codes(api.codes(ruleId.value(), query))), prefetch);
    }

    @Override
    public Either<ProviderFailure, DiscountCode> create(PriceRuleId ruleId, NewDiscountCode code) {
        Require.present(ruleId, "price rule id");
        Require.present(code, "code");
        ShoplazzaDto.CodeBody body = MAPPER.codeBody(code);
        return client.write("create code", api -> dialect.oneCode(api.createCode(ruleId.value(), body)).code());
    }

    /**
     * Creates several codes: one batch call per {@value #MAX_BATCH} codes in 2025-06 (whose batch
     * path Shoplazza's documentation does not confirm), one call per code in 2022-01. Each call is
     * sent once. Stops at the first failure; codes created before it stay created (look them up to
     * learn which).
     *
     * @param ruleId the price rule to attach the codes to, not null
     * @param codes the codes to create, in order, not null; may be empty
     * @return every code created, in order, or the first failure; codes created before a failure
     *     stay created, so an {@code OutcomeUnknown} or a partial run is followed by a lookup,
     *     never a blind retry
     */
    public Either<ProviderFailure, List<DiscountCode>> createAll(PriceRuleId ruleId, List<NewDiscountCode> codes) {
        Require.present(ruleId, "price rule id");
        Require.present(codes, "codes");
        List<DiscountCode> created = new ArrayList<>();
        if (!dialect.batches()) {
            for (NewDiscountCode code : codes) {
                Either<ProviderFailure, DiscountCode> one = create(ruleId, code);
                if (one.isLeft()) {
                    return Either.left(one.getLeft());
                }
                created.add(one.get());
            }
            return Either.right(created);
        }
        for (int from = 0; from < codes.size(); from += MAX_BATCH) {
            ShoplazzaDto.V2025.BatchBody batch = MAPPER.batchBody(codes.subList(from, Math.min(codes.size(), from + MAX_BATCH)));
            Either<ProviderFailure, List<DiscountCode>> made = client.write("create codes",
                    api -> dialect.codes(api.createCodes(ruleId.value(), batch)).strict().stream()
                            .map(ShoplazzaCode::code).toList());
            if (made.isLeft()) {
                return Either.left(made.getLeft());
            }
            created.addAll(made.get());
        }
        return Either.right(created);
    }

    @Override
    public Either<ProviderFailure, DiscountCode> update(PriceRuleId ruleId, DiscountCodeId id, NewDiscountCode code) {
        Require.present(ruleId, "price rule id");
        Require.present(id, "discount code id");
        Require.present(code, "code");
        ShoplazzaDto.CodeBody body = MAPPER.codeBody(code);
        return client.write("update code", api -> dialect.oneCode(api.updateCode(ruleId.value(), id.value(), body)).code());
    }

    @Override
    public Either<ProviderFailure, Done> delete(PriceRuleId ruleId, DiscountCodeId id) {
        Require.present(ruleId, "price rule id");
        Require.present(id, "discount code id");
        return client.write("delete code", api -> dialect.done(api.deleteCode(ruleId.value(), id.value())));
    }

    /** {@inheritDoc} A rule that cannot be read is an {@code UnreadableItem} in its place; the others are delivered. */
    @Override
    public PagedSequence<PriceRule> list() {
        return dialect.pages(pageSize, query -> client.read("list rules",
                api -> dialect.rules(api.rules(query)).map(ShoplazzaRule::rule)), prefetch);
    }

    /** {@return all rules as Shoplazza answered them, raw fields included; paged and tolerant as {@link #list()}} */
    public PagedSequence<ShoplazzaRule> ruleAnswers() {
        return dialect.pages(pageSize, query -> client.read("list rules", api -> dialect.rules(api.rules(query))),
                prefetch);
    }

    @Override
    public Either<ProviderFailure, PriceRule> get(PriceRuleId id) {
        return ruleAnswer(id).map(ShoplazzaRule::rule);
    }

    /**
     * {@return one rule as Shoplazza answered it, with its raw fields} Safe to retry. Failures as {@link #get(PriceRuleId)}.
     *
     * @param id Shoplazza's id of the rule, not null
     */
    public Either<ProviderFailure, ShoplazzaRule> ruleAnswer(PriceRuleId id) {
        Require.present(id, "price rule id");
        return client.read("get rule", api -> dialect.oneRule(api.rule(id.value())));
    }

    @Override
    public Either<ProviderFailure, PriceRule> create(PriceRuleDraft draft) {
        Require.present(draft, "draft");
        ShoplazzaDto.RuleBody body = dialect.ruleBody(draft);
        return client.write("create rule", api -> dialect.oneRule(api.createRule(body)).rule());
    }

    @Override
    public Either<ProviderFailure, PriceRule> update(PriceRuleId id, PriceRuleDraft draft) {
        Require.present(id, "price rule id");
        Require.present(draft, "draft");
        ShoplazzaDto.RuleBody body = dialect.ruleBody(draft);
        return client.write("update rule", api -> dialect.oneRule(api.updateRule(id.value(), body)).rule());
    }

    @Override
    public Either<ProviderFailure, Done> delete(PriceRuleId id) {
        Require.present(id, "price rule id");
        return client.write("delete rule", api -> dialect.done(api.deleteRule(id.value())));
    }

    /** Releases the connection pool when this instance created its own. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ShoplazzaDiscounts[" + PROVIDER + " " + version.path() + "]";
    }
}
