package io.voucherport.adapter.discounts;

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
import io.voucherport.adapter.support.Masker;
import io.voucherport.adapter.support.MaskingLogger;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.Done;
import io.voucherport.domain.Require;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountCodes;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRule;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.PriceRules;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
 *       one lazy {@link PagedSequence}.</li>
 *   <li><b>Rate</b>: Shoplazza's bucket (40 per store, refilled at 2 per second) is honoured by a
 *       client-side {@link RateLimiter}; share {@link #storeBucket()} between every instance that
 *       calls one store. 429 is retried with backoff and jitter for safe calls.</li>
 *   <li><b>Tokens</b> come from an {@link AccessTokenProvider}: static, or {@link ShoplazzaOAuth}
 *       (renewed once after a 401). Tokens are masked in logs.</li>
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

    private final ShoplazzaApi api;
    private final CallGuard guard;
    private final AuthorizedCalls calls;
    private final ShoplazzaDialect dialect;
    private final ShoplazzaVersion version;
    private final int pageSize;
    private final AdapterBuilder.Http http;

    private ShoplazzaDiscounts(Builder b) {
        ObjectMapper json = JsonSupport.newSnakeCaseMapper();
        AdapterBuilder.Settings settings = b.settings();
        this.http = settings.openHttp();
        Masker masker = Masker.of(List.of(), List.of(), List.of());
        this.api = FeignSetup.builder(settings, http, json, new MaskingLogger(PROVIDER, masker),
                        new ProblemDecoder(ShoplazzaErrors.parser(json), List.of("x-request-id")))
                .target(ShoplazzaApi.class, b.storeUrl + "/openapi/" + b.version.path());
        this.guard = new CallGuard(PROVIDER, ShoplazzaErrors.mapper(b.version), settings.retryPolicy(), settings.sleeper());
        this.calls = new AuthorizedCalls(guard, b.tokens, AuthorizedCalls.deniedWith(401),
                b.limiter != null ? b.limiter : storeBucket(settings.sleeper()));
        this.dialect = ShoplazzaDialect.of(b.version, json, b.storeZone);
        this.version = b.version;
        this.pageSize = b.pageSize;
    }

    /** A builder; store (or store URL), version and token provider are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A limiter matching Shoplazza's bucket (40, refilled at 2 per second), to share between instances for one store. */
    public static RateLimiter storeBucket() {
        return storeBucket(Sleeper.THREAD);
    }

    private static RateLimiter storeBucket(Sleeper sleeper) {
        return new RateLimiter(40, 2, System::nanoTime, sleeper);
    }

    /** The API version this instance speaks. */
    public ShoplazzaVersion version() {
        return version;
    }

    @Override
    public Either<ProviderFailure, DiscountCode> get(PriceRuleId ruleId, DiscountCodeId id) {
        Require.present(ruleId, "price rule id");
        Require.present(id, "discount code id");
        return read(t -> dialect.oneCode(dialect.data(api.code(t, ruleId.value(), id.value()))));
    }

    @Override
    public Either<ProviderFailure, Option<DiscountCode>> lookup(String code) {
        Require.text(code, "discount code");
        Either<ProviderFailure, DiscountCode> found = read(t -> dialect.oneCode(dialect.data(api.lookup(t, code))));
        return found.isLeft() && found.getLeft() instanceof ProviderFailure.NotFound
                ? Either.right(Option.none()) : found.map(Option::some);
    }

    @Override
    public PagedSequence<DiscountCode> list(PriceRuleId ruleId) {
        Require.present(ruleId, "price rule id");
        return pages(t -> query -> api.codes(t, ruleId.value(), query), dialect::codes);
    }

    @Override
    public Either<ProviderFailure, DiscountCode> create(PriceRuleId ruleId, NewDiscountCode code) {
        Require.present(ruleId, "price rule id");
        Require.present(code, "code");
        return write(t -> dialect.oneCode(dialect.data(api.createCode(t, ruleId.value(), ShoplazzaDialect.codeBody(code)))));
    }

    /**
     * Creates several codes: one batch call per {@value #MAX_BATCH} codes in 2025-06 (whose batch
     * path Shoplazza's documentation does not confirm), one call per code in 2022-01. Stops at the
     * first failure; codes created before it stay created (look them up to learn which).
     */
    public Either<ProviderFailure, List<DiscountCode>> createAll(PriceRuleId ruleId, List<NewDiscountCode> codes) {
        Require.present(ruleId, "price rule id");
        Require.present(codes, "codes");
        List<DiscountCode> created = new ArrayList<>();
        if (version == ShoplazzaVersion.V2022_01) {
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
            List<ShoplazzaDto.CodeOut> batch = codes.subList(from, Math.min(codes.size(), from + MAX_BATCH)).stream()
                    .map(c -> new ShoplazzaDto.CodeOut(c.code())).toList();
            Either<ProviderFailure, List<DiscountCode>> made = write(t -> dialect.codes(dialect.data(
                    api.createCodes(t, ruleId.value(), new ShoplazzaDto.V2025.BatchBody(batch)))));
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
        return write(t -> dialect.oneCode(dialect.data(api.updateCode(t, ruleId.value(), id.value(),
                ShoplazzaDialect.codeBody(code)))));
    }

    @Override
    public Either<ProviderFailure, Done> delete(PriceRuleId ruleId, DiscountCodeId id) {
        Require.present(ruleId, "price rule id");
        Require.present(id, "discount code id");
        return write(t -> {
            dialect.data(api.deleteCode(t, ruleId.value(), id.value()));
            return Done.DONE;
        });
    }

    @Override
    public PagedSequence<PriceRule> list() {
        return pages(t -> query -> api.rules(t, query), dialect::rules);
    }

    @Override
    public Either<ProviderFailure, PriceRule> get(PriceRuleId id) {
        Require.present(id, "price rule id");
        return read(t -> dialect.oneRule(dialect.data(api.rule(t, id.value()))));
    }

    @Override
    public Either<ProviderFailure, PriceRule> create(PriceRuleDraft draft) {
        Require.present(draft, "draft");
        return write(t -> dialect.oneRule(dialect.data(api.createRule(t, dialect.ruleBody(draft)))));
    }

    @Override
    public Either<ProviderFailure, PriceRule> update(PriceRuleId id, PriceRuleDraft draft) {
        Require.present(id, "price rule id");
        Require.present(draft, "draft");
        return write(t -> dialect.oneRule(dialect.data(api.updateRule(t, id.value(), dialect.ruleBody(draft)))));
    }

    @Override
    public Either<ProviderFailure, Done> delete(PriceRuleId id) {
        Require.present(id, "price rule id");
        return write(t -> {
            dialect.data(api.deleteRule(t, id.value()));
            return Done.DONE;
        });
    }

    /** Releases the connection pool when this instance created its own. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ShoplazzaDiscounts[" + PROVIDER + " " + version.path() + "]";
    }

    private <T> PagedSequence<T> pages(Function<String, Function<java.util.Map<String, Object>, JsonNode>> fetch,
            Function<JsonNode, List<T>> items) {
        return PagedSequence.of(dialect.firstPage(pageSize), cursor -> read(t -> {
            JsonNode data = dialect.data(fetch.apply(t).apply(dialect.query(cursor)));
            List<T> page = items.apply(data);
            return new Page<>(page, dialect.next(cursor, data, page.size()));
        }));
    }

    private <T> Either<ProviderFailure, T> read(Function<String, T> call) {
        return calls.read(call);
    }

    private <T> Either<ProviderFailure, T> write(Function<String, T> call) {
        return calls.write(call);
    }

    /** Configuration of a {@link ShoplazzaDiscounts}. Not thread-safe; build once. */
    public static final class Builder extends AdapterBuilder<Builder> {
        private String storeUrl;
        private ShoplazzaVersion version;
        private AccessTokenProvider tokens;
        private ZoneId storeZone = ZoneOffset.UTC;
        private RateLimiter limiter;
        private int pageSize = 50;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The store's subdomain: {@code https://{subdomain}.myshoplaza.com}. */
        public Builder store(String subdomain) {
            Require.identifier(subdomain, "store subdomain");
            if (!subdomain.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("store subdomain may hold letters, digits and '-' only");
            }
            this.storeUrl = "https://" + subdomain + ".myshoplaza.com";
            return this;
        }

        /** The store's root URL instead of a subdomain (a simulator's URL); {@code /openapi/{version}} is appended. */
        public Builder storeUrl(String url) {
            this.storeUrl = HttpSettings.baseUrl(url);
            return this;
        }

        /** The API version, an explicit choice. Required. */
        public Builder version(ShoplazzaVersion v) {
            this.version = Require.present(v, "version");
            return this;
        }

        /** Where the {@code Access-Token} comes from. Required. */
        public Builder tokens(AccessTokenProvider provider) {
            this.tokens = Require.present(provider, "token provider");
            return this;
        }

        /** The zone of 2022-01's zone-less timestamps; default UTC. */
        public Builder storeZone(ZoneId zone) {
            this.storeZone = Require.present(zone, "store zone");
            return this;
        }

        /** The store's bucket, shared with other instances calling the same store; default one of this instance's own. */
        public Builder rateLimiter(RateLimiter bucket) {
            this.limiter = Require.present(bucket, "rate limiter");
            return this;
        }

        /** Items per page, 1 to {@value #MAX_PAGE_SIZE}; default 50. */
        public Builder pageSize(int size) {
            this.pageSize = HttpSettings.pageSize(size, 1, MAX_PAGE_SIZE);
            return this;
        }

        /** The adapter; throws when a required setting is missing. */
        public ShoplazzaDiscounts build() {
            Require.present(storeUrl, "store");
            Require.present(version, "version");
            Require.present(tokens, "token provider");
            return new ShoplazzaDiscounts(this);
        }
    }
}
