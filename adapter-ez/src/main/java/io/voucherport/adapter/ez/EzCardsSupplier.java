package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AuthScheme;
import io.voucherport.adapter.support.Duplicates;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.TokenSource;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.paging.Page;
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

    private static final EzMapper MAPPER = EzMapper.INSTANCE;

    private final ProviderClient<EzApi> client;
    private final int pageSize;
    private final Duration lookupLag;

    EzCardsSupplier(EzCardsSupplierBuilder b) {
        ObjectMapper json = JsonSupport.newObjectMapper();
        ProviderSpec spec = ProviderSpec.of(PROVIDER, json)
                .withErrors(EzErrors.classifier(), EzErrors.parser(json), "x-request-id", "requestId")
                .withMaskedFields("redeemCode", "pinCode")
                .withStaticHeader("x-api-key", b.apiKey())
                .withMaskedValues(b.bearerToken())
                .withTokens(TokenSource.fixed(b.bearerToken()), AuthScheme.bearer(),
                        f -> f instanceof ProviderFailure.AccessDenied);
        this.client = ProviderClient.open(EzApi.class, b.baseUrl(), spec, b.settings());
        this.pageSize = b.pageSize();
        this.lookupLag = b.lookupLag();
    }

    /** A builder; base URL, API key and bearer token are required. */
    public static EzCardsSupplierBuilder builder() {
        return new EzCardsSupplierBuilder();
    }

    @Override
    public PagedSequence<Product> catalog() {
        return catalog(List.of());
    }

    /** The catalog, or only the given SKUs, lazily page by page. Safe to retry. */
    public PagedSequence<Product> catalog(List<Sku> skus) {
        Require.present(skus, "skus");
        String skuFilter = skus.stream().map(Sku::value).collect(Collectors.joining(","));
        return PagedSequence.of(1, page -> client.read("catalog", api -> {
            Map<String, Object> query = pageQuery(page, pageSize);
            if (!skuFilter.isEmpty()) {
                query.put("sku", skuFilter);
            }
            return page(api.products(query), page, MAPPER::product);
        }));
    }

    /** Every order of the account, newest first as EZ lists them, lazily page by page. Safe to retry. */
    public PagedSequence<SupplierOrder> orders() {
        return PagedSequence.of(1, page -> client.read("orders",
                api -> page(api.orders(pageQuery(page, pageSize)), page, MAPPER::order)));
    }

    @Override
    public Either<ProviderFailure, List<Balance>> balances() {
        return client.read("balances", api -> data(api.balances(Map.of())).stream().map(MAPPER::balance).toList());
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
        return client.read("exchange rates", api -> MAPPER.rates(data(api.exchangeRates(query))));
    }

    /**
     * Places the order: one SKU × 1 as an instant order, anything else as a bulk order, with the
     * reference as {@code clientOrderNumber} and EZ's duplicate check on. Sent once. Failures:
     * {@code InvalidRequest} before sending for a face value (EZ sells fixed values only);
     * {@code DuplicateReference} carrying the existing order when the lookup finds it;
     * {@code InsufficientFunds}; {@code OutcomeUnknown} after any doubt once sent; the usual others.
     */
    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        Require.present(request, "request");
        if (request.lines().stream().anyMatch(l -> l.faceValue().isDefined())) {
            return Either.left(client.refusal("EZ sells fixed-value products only: remove the face value"));
        }
        OrderLine first = request.lines().get(0);
        Operation placing = Operation.placing(request.reference());
        Either<ProviderFailure, SupplierOrder> placed;
        if (request.lines().size() == 1 && first.quantity() == 1) {
            EzDto.InstantOrderRequest instant = MAPPER.instantOrder(request, first);
            placed = client.call(placing, api -> MAPPER.order(data(api.createInstantOrder(instant))));
        } else {
            EzDto.BulkOrderRequest bulk = MAPPER.bulkOrder(request);
            placed = client.call(placing, api -> MAPPER.order(data(api.createBulkOrder(bulk))));
        }
        return placed.mapLeft(failure -> Duplicates.withExistingOrder(failure, this::findOrderByReference));
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
        return client.read("codes", api -> MAPPER.codes(id, data(api.codes(id.value(), query))));
    }

    /** As configured with {@link EzCardsSupplierBuilder#referenceLookupLag}. */
    @Override
    public Duration referenceLookupLag() {
        return lookupLag;
    }

    /** Releases the connection pool when this supplier created its own. */
    @Override
    public void close() {
        client.close();
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
            query.putAll(pageQuery(page, LOOKUP_PAGE_SIZE));
            int number = page;
            Either<ProviderFailure, LookupPage> read = client.read("find order", api -> {
                EzDto.PageOf<EzDto.Order> answer = data(api.orders(query));
                List<EzDto.Order> items = nonNull(answer.items());
                Option<SupplierOrder> match = Option.none();
                for (int i = 0; i < items.size(); i++) {
                    EzDto.Order item = items.get(i);
                    seen.add(item == null || item.transactionId() == null ? "#" + number + "/" + i : item.transactionId());
                    if (match.isEmpty() && item != null && value.equals(field.apply(item))) {
                        match = Option.some(MAPPER.order(item));
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

    /** {@code limit} and {@code page} (EZ numbers pages from 1). */
    private static Map<String, Object> pageQuery(int page, int size) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", size);
        query.put("page", page);
        return query;
    }

    /**
     * Page {@code number} of a catalog or order list read {@link #pageSize} at a time; the next page
     * number when EZ's {@code totalPage} or {@code total} says there is more (a full page when it
     * says neither).
     */
    private <D, T> Page<Integer, T> page(EzDto.Envelope<EzDto.PageOf<D>> envelope, int number, Function<D, T> map) {
        EzDto.PageOf<D> page = data(envelope);
        List<T> items = nonNull(page.items()).stream().map(map).toList();
        boolean more = page.totalPage() != null ? number < page.totalPage()
                : page.total() != null ? (long) number * pageSize < page.total()
                : items.size() == pageSize;
        return new Page<>(items, more ? Option.some(number + 1) : Option.none());
    }

    private static <T> T data(EzDto.Envelope<T> envelope) {
        MalformedAnswerException.require(envelope, "body");
        return MalformedAnswerException.require(envelope.data(), "data");
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
