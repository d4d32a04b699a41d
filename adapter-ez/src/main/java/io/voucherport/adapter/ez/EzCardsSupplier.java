package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.CallGuard;
import io.voucherport.adapter.support.FeignSetup;
import io.voucherport.adapter.support.HttpSettings;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.Masker;
import io.voucherport.adapter.support.MaskingLogger;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.Timestamps;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PageCursor;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link CodeSupplier} port over the EZ Cards API v2, plus what the port does not cover
 * (exchange rates, the order list, filtered codes and catalog).
 *
 * <ul>
 *   <li><b>Placing</b>: one SKU × 1 is an instant order, anything else a bulk order; the domain
 *       reference is sent as {@code clientOrderNumber} with {@code enableClientOrderNumberDupCheck},
 *       so EZ itself refuses a second purchase with the same reference (409, or any 4xx with EZ's
 *       {@code CLIENT_ORDER_NUMBER_DUPLICATE} code → {@code DuplicateReference} carrying the
 *       existing order when the lookup finds it). A POST is never retried; a timeout or dropped
 *       connection after sending is {@code OutcomeUnknown}.</li>
 *   <li><b>Finding by reference</b>: {@code GET /v2/orders?clientOrderNumber=}, using only an order
 *       whose {@code clientOrderNumber} is exactly the reference (EZ's filter may match more);
 *       "none" only when EZ's answer provably lists every order it matched.</li>
 *   <li><b>Safe reads</b> (every GET) are retried by the configured {@link RetryPolicy}.</li>
 *   <li><b>Secrets</b>: the API key, the bearer token, redeem codes and PINs are masked in logs at
 *       every level and never appear in failures or {@code toString}.</li>
 * </ul>
 *
 * <p>Thread-safe. Build with {@link #builder()}; close it to release a pool it created itself.
 */
public final class EzCardsSupplier implements CodeSupplier, AutoCloseable {

    /** The provider's name in failures and logs. */
    public static final String PROVIDER = "ez-cards";
    /** Production base URL. */
    public static final String PRODUCTION = "https://api.ezcards.io";
    /** Sandbox base URL. */
    public static final String SANDBOX = "https://sandboxapi.ezcards.io";
    /** EZ's largest page size for products. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** Page size of a lookup by reference or transaction id. */
    static final int LOOKUP_PAGE_SIZE = 100;
    /** Most pages a lookup walks before giving up with a failure (never with "none"). */
    static final int MAX_LOOKUP_PAGES = 20;

    private final EzApi api;
    private final CallGuard guard;
    private final int pageSize;
    private final Duration lookupLag;
    private final AdapterBuilder.Settings settings;
    private final AdapterBuilder.Http http;

    private EzCardsSupplier(Builder b) {
        ObjectMapper json = JsonSupport.newObjectMapper();
        AdapterBuilder.Settings settings = b.settings();
        this.settings = settings;
        this.http = settings.openHttp();
        Masker masker = Masker.of(List.of(), List.of("redeemCode", "pinCode"),
                List.of(b.apiKey.reveal(), b.bearerToken.reveal()));
        Secret apiKey = b.apiKey;
        Secret token = b.bearerToken;
        Feign.Builder feign = FeignSetup.builder(settings, http, json, new MaskingLogger(PROVIDER, masker),
                        new ProblemDecoder(EzErrors.parser(json), List.of("x-request-id", "requestId")))
                .requestInterceptor(t -> t.header("x-api-key", apiKey.reveal())
                        .header("Authorization", "Bearer " + token.reveal()));
        this.api = feign.target(EzApi.class, b.baseUrl);
        this.guard = new CallGuard(PROVIDER, EzErrors.mapper(), settings.retryPolicy(), settings.sleeper());
        this.pageSize = b.pageSize;
        this.lookupLag = b.lookupLag;
    }

    /** A builder; base URL, API key and bearer token are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public PagedSequence<Product> catalog() {
        return catalog(List.of());
    }

    /** The catalog, or only the given SKUs, lazily page by page. Safe to retry. */
    public PagedSequence<Product> catalog(List<Sku> skus) {
        Require.present(skus, "skus");
        String skuFilter = skus.stream().map(Sku::value).collect(Collectors.joining(","));
        return numberedPages(cursor -> guard.read(() -> {
            Map<String, Object> query = pageQuery(cursor);
            if (!skuFilter.isEmpty()) {
                query.put("sku", skuFilter);
            }
            return page(api.products(query), cursor, EzMapper.INSTANCE::product);
        }));
    }

    /** Every order of the account, newest first as EZ lists them, lazily page by page. Safe to retry. */
    public PagedSequence<SupplierOrder> orders() {
        return numberedPages(cursor -> guard.read(() -> page(api.orders(pageQuery(cursor)), cursor,
                EzMapper.INSTANCE::order)));
    }

    @Override
    public Either<ProviderFailure, List<Balance>> balances() {
        return guard.read(() -> data(api.balances(Map.of())).stream().map(EzMapper.INSTANCE::balance).toList());
    }

    /**
     * Exchange rates for the given pairs (e.g. USD→CAD), or every rate EZ offers when none is given.
     * Safe to retry.
     */
    public Either<ProviderFailure, List<ExchangeRate>> exchangeRates(List<Map.Entry<CurrencyCode, CurrencyCode>> pairs) {
        Require.present(pairs, "pairs");
        Map<String, Object> query = new LinkedHashMap<>();
        if (!pairs.isEmpty()) {
            query.put("pairs", pairs.stream().map(p -> p.getKey().code() + p.getValue().code())
                    .collect(Collectors.joining(",")));
        }
        return guard.read(() -> {
            EzDto.Rates rates = data(api.exchangeRates(query));
            Option<Instant> asOf = Timestamps.parse(rates.updatedAt());
            return nonNull(rates.rates()).stream().map(r -> EzMapper.INSTANCE.rate(r, asOf)).toList();
        });
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        Require.present(request, "request");
        if (request.lines().stream().anyMatch(l -> l.faceValue().isDefined())) {
            return Either.left(refusedLocally("EZ sells fixed-value products only: remove the face value"));
        }
        String reference = request.reference().value();
        String currency = request.settlementCurrency().map(CurrencyCode::code).getOrNull();
        OrderLine first = request.lines().get(0);
        boolean instant = request.lines().size() == 1 && first.quantity() == 1;
        CallGuard placing = new CallGuard(PROVIDER, EzErrors.placing(request.reference()), settings.retryPolicy(),
                settings.sleeper());
        Either<ProviderFailure, SupplierOrder> placed = placing.write(() -> EzMapper.INSTANCE.order(data(instant
                ? api.createInstantOrder(new EzDto.InstantOrderRequest(reference, true, first.sku().value(), currency))
                : api.createBulkOrder(new EzDto.BulkOrderRequest(reference, true, request.lines().stream()
                        .map(l -> new EzDto.Line(l.sku().value(), l.quantity())).toList(), currency)))));
        if (placed.isLeft() && placed.getLeft() instanceof ProviderFailure.DuplicateReference duplicate) {
            Option<SupplierOrder> existing = findOrderByReference(request.reference()).getOrElse(Option.none());
            return Either.left(new ProviderFailure.DuplicateReference(duplicate.details(), duplicate.reference(),
                    existing));
        }
        return placed;
    }

    /**
     * The order with exactly this transaction id. Failures: {@code NotFound} when EZ's answer
     * provably lists every match and none is this one; {@code UnexpectedResponse} when it cannot be
     * proven; the usual read failures. Safe to retry.
     */
    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        Require.present(id, "id");
        return findExact("transactionId", id.value(), EzDto.Order::transactionId).flatMap(order -> order.toEither(() ->
                new ProviderFailure.NotFound(FailureDetails.of(PROVIDER, "no order with transaction id " + id))));
    }

    /**
     * The order whose {@code clientOrderNumber} is exactly {@code reference}; never another one
     * that EZ's filter also matched. None only when EZ's answer provably lists every order it
     * matched (its {@code total} is no more than the orders seen); otherwise further pages are
     * read, and when that proves nothing either the answer is {@code UnexpectedResponse}. Safe to
     * retry.
     */
    @Override
    public Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
        Require.present(reference, "reference");
        return findExact("clientOrderNumber", reference.value(), EzDto.Order::clientOrderNumber);
    }

    @Override
    public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
        return codes(id, Option.none(), List.of());
    }

    /** The codes of an order, optionally only of one SKU and only the given stock ids. Safe to retry. */
    public Either<ProviderFailure, OrderCodes> codes(SupplierOrderId id, Option<Sku> sku, List<String> stockIds) {
        Require.present(id, "id");
        Require.present(sku, "sku");
        Require.present(stockIds, "stock ids");
        stockIds.forEach(s -> Require.identifier(s, "stock id"));
        Map<String, Object> query = new LinkedHashMap<>();
        sku.peek(s -> query.put("sku", s.value()));
        if (!stockIds.isEmpty()) {
            query.put("stockIds", String.join(",", stockIds));
        }
        return guard.read(() -> EzMapper.INSTANCE.codes(id, data(api.codes(id.value(), query))));
    }

    /** As configured with {@link Builder#referenceLookupLag}. */
    @Override
    public Duration referenceLookupLag() {
        return lookupLag;
    }

    /** Releases the connection pool when this supplier created its own. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "EzCardsSupplier[" + PROVIDER + "]";
    }

    /** One page of a lookup: the exact match on it, if any, and what EZ says about the whole answer. */
    private record LookupPage(Option<SupplierOrder> match, Integer total, int items) {
    }

    /**
     * The order whose {@code field} is exactly {@code value}, walking {@code GET /v2/orders?filter=value}
     * page by page: EZ's filter may match more than the exact value (a search index), so every item
     * is checked. None only when the orders seen (distinct) cover EZ's {@code total}.
     */
    private Either<ProviderFailure, Option<SupplierOrder>> findExact(String filter, String value,
            Function<EzDto.Order, String> field) {
        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= MAX_LOOKUP_PAGES; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put(filter, value);
            query.put("limit", LOOKUP_PAGE_SIZE);
            query.put("page", page);
            int number = page;
            Either<ProviderFailure, LookupPage> read = guard.read(() -> {
                EzDto.PageOf<EzDto.Order> answer = data(api.orders(query));
                List<EzDto.Order> items = nonNull(answer.items());
                Option<SupplierOrder> match = Option.none();
                for (int i = 0; i < items.size(); i++) {
                    EzDto.Order item = items.get(i);
                    seen.add(item == null || item.transactionId() == null ? "#" + number + "/" + i : item.transactionId());
                    if (match.isEmpty() && item != null && value.equals(field.apply(item))) {
                        match = Option.some(EzMapper.INSTANCE.order(item));
                    }
                }
                return new LookupPage(match, answer.total(), items.size());
            });
            if (read.isLeft()) {
                return Either.left(read.getLeft());
            }
            LookupPage got = read.get();
            if (got.match().isDefined()) {
                return Either.right(got.match());
            }
            if (got.total() == null) {
                return Either.left(unproven(filter, value, "EZ's answer does not say how many orders matched"));
            }
            if (seen.size() >= got.total()) {
                return Either.right(Option.none());
            }
            if (got.items() == 0) {
                return Either.left(unproven(filter, value, "EZ says " + got.total() + " orders matched but listed only "
                        + seen.size()));
            }
        }
        return Either.left(unproven(filter, value, "more than " + seen.size() + " orders matched, none exactly"));
    }

    private static ProviderFailure unproven(String filter, String value, String why) {
        return new ProviderFailure.UnexpectedResponse(FailureDetails.of(PROVIDER, "looking up " + filter + " " + value
                + ": " + why + "; no order with exactly this " + filter + " was seen, but its absence is not proven"));
    }

    private <T> PagedSequence<T> numberedPages(io.voucherport.domain.paging.PageSource<T> source) {
        return PagedSequence.of(new PageCursor.Numbered(1, pageSize), source);
    }

    private static Map<String, Object> pageQuery(PageCursor cursor) {
        PageCursor.Numbered numbered = (PageCursor.Numbered) cursor;
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", numbered.size());
        query.put("page", numbered.page());
        return query;
    }

    private static <D, T> Page<T> page(EzDto.Envelope<EzDto.PageOf<D>> envelope, PageCursor cursor, Function<D, T> map) {
        EzDto.PageOf<D> page = data(envelope);
        PageCursor.Numbered numbered = (PageCursor.Numbered) cursor;
        List<T> items = nonNull(page.items()).stream().map(map).toList();
        boolean more = page.totalPage() != null ? numbered.page() < page.totalPage()
                : page.total() != null ? (long) numbered.page() * numbered.size() < page.total()
                : items.size() == numbered.size();
        return new Page<>(items, more ? Option.some(numbered.next()) : Option.none());
    }

    private static <T> T data(EzDto.Envelope<T> envelope) {
        io.voucherport.adapter.support.MalformedAnswerException.require(envelope, "body");
        return io.voucherport.adapter.support.MalformedAnswerException.require(envelope.data(), "data");
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static ProviderFailure refusedLocally(String reason) {
        return new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER, reason), List.of(reason));
    }

    /** Configuration of an {@link EzCardsSupplier}. Not thread-safe; build once. */
    public static final class Builder extends AdapterBuilder<Builder> {
        private String baseUrl;
        private Secret apiKey;
        private Secret bearerToken;
        private Duration lookupLag = Duration.ofMinutes(1);
        private int pageSize = 100;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** {@link #PRODUCTION}, {@link #SANDBOX}, or a simulator's URL. Required. */
        public Builder baseUrl(String url) {
            this.baseUrl = HttpSettings.baseUrl(url);
            return this;
        }

        /** The API key sent as {@code x-api-key}. Required. */
        public Builder apiKey(Secret key) {
            this.apiKey = Require.present(key, "api key");
            return this;
        }

        /** The pre-issued access token sent as {@code Authorization: Bearer}. Required. */
        public Builder bearerToken(Secret token) {
            this.bearerToken = Require.present(token, "bearer token");
            return this;
        }

        /**
         * How long after a placement its order may still be missing from a lookup by reference
         * (see {@link CodeSupplier#referenceLookupLag()}); default 1 minute: EZ's order search lag
         * is undocumented, and an order may still be in flight on EZ's side after the client gave up.
         */
        public Builder referenceLookupLag(Duration lag) {
            this.lookupLag = HttpSettings.notNegative(lag, "reference lookup lag");
            return this;
        }

        /** Catalog and order page size, 1 to {@value #MAX_PAGE_SIZE}; default 100. */
        public Builder pageSize(int size) {
            this.pageSize = HttpSettings.pageSize(size, 1, MAX_PAGE_SIZE);
            return this;
        }

        /** The supplier; throws when a required setting is missing. */
        public EzCardsSupplier build() {
            Require.present(baseUrl, "base URL");
            Require.present(apiKey, "api key");
            Require.present(bearerToken, "bearer token");
            return new EzCardsSupplier(this);
        }
    }
}
