package io.voucherport.adapter.ez;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AuthScheme;
import io.voucherport.adapter.support.Duplicates;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.PagingExecutor;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.TokenSource;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PageSource;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeStatus;
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
import java.util.ArrayList;
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
 *   <li><b>Paged lists</b> (catalog, orders): once a page tells {@code totalPage} or {@code total},
 *       up to {@link EzCardsSupplierBuilder#prefetchPages} pages are fetched ahead (each an
 *       ordinary call: pool, deadline) and handed out strictly in order, ending exactly where one
 *       page at a time would; {@code withPrefetch(k)} on a listing changes it per call.</li>
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

    /** Most pages one page plans ahead; the page ending a plan plans again. */
    static final int MAX_PLANNED = 1_000;

    /**
     * Where EZ's answers may carry codes under any name (a placement answering with
     * {@code codes[{code, pin}]}, {@code redeemCodes}, {@code claimCode}, {@code voucher.serial}):
     * every scalar below these fields is masked in raw fields.
     */
    static final List<String> SECRET_SUBTREES = List.of("codes", "cards", "code", "pin*", "redeem*", "voucher*",
            "claim*", "serial*");

    /** How many placements' answers are remembered for {@link #order(SupplierOrderId)} (the newest). */
    static final int REMEMBERED_PLACEMENTS = 1024;

    private final ProviderClient<EzApi> client;
    private final ObjectMapper json;
    private final ProviderSpec spec;
    private final int pageSize;
    private final Duration lookupLag;
    private final PagedSequence.Prefetch prefetch;
    /**
     * What the answers to this supplier's placements add to EZ's order list (currency paid with,
     * rates, original unit prices), by transaction id, newest last; only answers carrying the
     * request's own reference.
     */
    private final Map<String, EzOrder.Placement> placed = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EzOrder.Placement> eldest) {
            return size() > REMEMBERED_PLACEMENTS;
        }
    };

    EzCardsSupplier(EzCardsSupplierBuilder b) {
        ObjectMapper json = JsonSupport.newObjectMapper();
        ProviderSpec spec = ProviderSpec.of(PROVIDER, json)
                .withErrors(EzErrors.classifier(), EzErrors.parser(json), "x-request-id", "requestId")
                .withMaskedFields("redeemCode", "pinCode")
                .withSecretSubtrees(SECRET_SUBTREES.toArray(String[]::new))
                .withStaticHeader("x-api-key", b.apiKey())
                .withMaskedValues(b.bearerToken())
                .withTokens(TokenSource.fixed(b.bearerToken()), AuthScheme.bearer(),
                        f -> f instanceof ProviderFailure.AccessDenied);
        this.client = ProviderClient.open(EzApi.class, b.baseUrl(), spec, b.settings());
        this.json = json;
        this.spec = spec;
        this.pageSize = b.pageSize();
        this.lookupLag = b.lookupLag();
        this.prefetch = PagingExecutor.prefetch(b.prefetchPages());
    }

    /** {@return a builder; base URL, API key and bearer token are required} */
    public static EzCardsSupplierBuilder builder() {
        return new EzCardsSupplierBuilder();
    }

    @Override
    public PagedSequence<Product> catalog() {
        return catalog(List.of());
    }

    /**
     * {@return the catalog, or only the given SKUs, lazily page by page} Each product is read on its own: one
     * EZ sends in a shape the adapter cannot read is an {@code UnreadableItem} (its SKU and why) in
     * its place, the others are delivered ({@link PagedSequence#toListing()}). Safe to retry.
     *
     * @param skus the SKUs to list, not null; empty for the whole catalog
     */
    public PagedSequence<Product> catalog(List<Sku> skus) {
        PageSource<Integer, EzProduct> products = productPages(skus);
        return PagedSequence.of(1, page -> products.fetch(page).map(p -> mapped(p, EzProduct::product)), prefetch);
    }

    /**
     * {@link #catalog(List)} with each product's raw fields as EZ sent them. Safe to retry.
     *
     * @param skus the SKUs to list, not null; empty for the whole catalog
     * @return the products with their raw fields, lazily page by page; a failure is the last
     *     element
     */
    public PagedSequence<EzProduct> products(List<Sku> skus) {
        return PagedSequence.of(1, productPages(skus), prefetch);
    }

    private PageSource<Integer, EzProduct> productPages(List<Sku> skus) {
        Require.present(skus, "skus");
        String skuFilter = skus.stream().map(Sku::value).collect(Collectors.joining(","));
        return page -> client.read("catalog", api -> {
            Map<String, Object> query = pageQuery(page, pageSize);
            if (!skuFilter.isEmpty()) {
                query.put("sku", skuFilter);
            }
            return page(api.products(query), page, "product",
                    item -> new EzProduct(EzProducts.product(item), RawFields.later(item, spec)));
        });
    }

    /** {@code page} with each readable item mapped by {@code map}; unreadable items and the cursors kept. */
    private static <A, B> Page<Integer, B> mapped(Page<Integer, A> page, Function<A, B> map) {
        return new Page<>(page.items().stream().map(map).toList(), page.unreadable(), page.next(), page.ahead());
    }

    /**
     * {@return every order of the account, newest first as EZ lists them, lazily page by page; an order that
     * cannot be read is an {@code UnreadableItem} in its place} Safe to retry.
     */
    public PagedSequence<SupplierOrder> orders() {
        return PagedSequence.of(1, page -> orderPage(page).map(p -> mapped(p, EzOrder::order)), prefetch);
    }

    /**
     * {@link #orders()} with EZ's own fields and the raw answer of each. Safe to retry.
     *
     * @return EZ's orders with their raw answers, newest first, lazily page by page; a failure is
     *     the last element
     */
    public PagedSequence<EzOrder> ezOrders() {
        return PagedSequence.of(1, this::orderPage, prefetch);
    }

    private Either<ProviderFailure, Page<Integer, EzOrder>> orderPage(int page) {
        return client.read("orders", api -> page(api.orders(pageQuery(page, pageSize)), page, "order", this::readOrder));
    }

    @Override
    public Either<ProviderFailure, List<Balance>> balances() {
        return client.read("balances", api -> data(api.balances(Map.of())).stream().map(MAPPER::balance).toList());
    }

    /**
     * Exchange rates for the given pairs (e.g. USD→CAD), or every rate EZ offers when none is given.
     * Safe to retry.
     *
     * @param pairs the currency pairs to ask for (from → to), not null; empty for every rate EZ
     *     offers
     * @return the rates EZ quoted, or the failure that prevented it ({@code UnexpectedResponse} for
     *     a rate that cannot be read)
     */
    public Either<ProviderFailure, List<ExchangeRate>> exchangeRates(List<Map.Entry<CurrencyCode, CurrencyCode>> pairs) {
        return rates(pairs).map(EzRates::rates);
    }

    /**
     * {@link #exchangeRates} with the rest of EZ's answer: the currencies EZ's products are priced in
     * and when EZ updated its rates. Failures: {@code UnexpectedResponse} for a rate or product
     * currency that cannot be read; the usual read failures. Safe to retry.
     *
     * @param pairs the currency pairs to ask for (from → to), not null; empty for every rate EZ
     *     offers
     * @return the rates with the currencies EZ prices products in and when it updated them, or the
     *     failure that prevented it
     */
    public Either<ProviderFailure, EzRates> rates(List<Map.Entry<CurrencyCode, CurrencyCode>> pairs) {
        Require.present(pairs, "pairs");
        Map<String, Object> query = new LinkedHashMap<>();
        if (!pairs.isEmpty()) {
            query.put("pairs", pairs.stream().map(p -> p.getKey().code() + p.getValue().code())
                    .collect(Collectors.joining(",")));
        }
        return client.read("exchange rates", api -> MAPPER.ezRates(data(api.exchangeRates(query))));
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
        return placeOrder(request).map(EzOrder::order);
    }

    /**
     * {@link #place} answering the order in full: EZ's order number, the currency paid with and
     * the rates of a cross-currency order ({@code fxSummary}), which EZ sends on this answer. The
     * answer is also remembered (the newest {@value #REMEMBERED_PLACEMENTS}) so that
     * {@link #order(SupplierOrderId)} keeps its rates when EZ's order list omits them. Same
     * failures and retry safety as {@link #place}.
     *
     * @param request what to buy under the caller's reference, not null; lines with a face value
     *     are refused before sending
     * @return the order as EZ accepted it, with its order number, the currency paid with and any
     *     cross-currency rates; or the failure that prevented it ({@code OutcomeUnknown}: look the
     *     reference up before placing again)
     */
    public Either<ProviderFailure, EzOrder> placeOrder(OrderRequest request) {
        Require.present(request, "request");
        if (request.lines().stream().anyMatch(l -> l.faceValue().isDefined())) {
            return Either.left(client.refusal("EZ sells fixed-value products only: remove the face value"));
        }
        OrderLine first = request.lines().get(0);
        Operation placing = Operation.placing(request.reference());
        Either<ProviderFailure, EzOrder> placed;
        if (request.lines().size() == 1 && first.quantity() == 1) {
            EzDto.InstantOrderRequest instant = MAPPER.instantOrder(request, first);
            placed = client.call(placing, api -> readOrder(data(api.createInstantOrder(instant))));
        } else {
            EzDto.BulkOrderRequest bulk = MAPPER.bulkOrder(request);
            placed = client.call(placing, api -> readOrder(data(api.createBulkOrder(bulk))));
        }
        placed.peek(order -> {
            if (order.order().reference().contains(request.reference())) {   // never another order's answer
                synchronized (this.placed) {
                    this.placed.put(order.order().id().value(), order.placement());
                }
            }
        });
        return placed.mapLeft(failure -> Duplicates.withExistingOrder(failure, this::findOrderByReference));
    }

    /**
     * {@return the order with exactly this transaction id in full ({@link EzOrder}): EZ's order list may
     * lack {@code payWithCurrency} and {@code fxSummary}; for an order this supplier placed
     * (among the newest {@value #REMEMBERED_PLACEMENTS}) they are taken from the placement's answer
     * then} Same failures as {@link #findOrder}. Safe to retry.
     *
     * @param id EZ's transaction id of the order, not null
     */
    public Either<ProviderFailure, EzOrder> order(SupplierOrderId id) {
        Require.present(id, "id");
        return findExact("transactionId", id.value(), "transactionId").flatMap(order -> order.toEither(() ->
                new ProviderFailure.NotFound(FailureDetails.of(PROVIDER, "no order with transaction id " + id))))
                .map(this::withPlacement);
    }

    /**
     * The order with exactly this transaction id. Failures: {@code NotFound} when EZ's answer
     * provably lists every match and none is this one; {@code UnexpectedResponse} when it cannot be
     * proven; the usual read failures. Safe to retry.
     */
    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        return order(id).map(EzOrder::order);
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
        return findExact("clientOrderNumber", reference.value(), "clientOrderNumber")
                .map(found -> found.map(EzOrder::order));
    }

    /**
     * The codes of an order. A code EZ sent that cannot be read (a field of a shape no code has) is
     * {@code UNREADABLE}: missing, never delivered, its {@code stockId} kept so that
     * {@link #codes(SupplierOrderId, Option, List)} can fetch it again. Safe to retry.
     */
    @Override
    public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
        return codes(id, Option.none(), List.of());
    }

    /**
     * {@return the codes of an order, optionally only of one SKU and only the given stock ids} Safe to retry.
     *
     * @param id EZ's transaction id of the order, not null
     * @param sku the one SKU whose codes to fetch, not null; none for every SKU of the order
     * @param stockIds EZ's {@code stockId}s of the codes to fetch (e.g. those read as
     *     {@code UNREADABLE}), not null; empty for all
     */
    public Either<ProviderFailure, OrderCodes> codes(SupplierOrderId id, Option<Sku> sku, List<String> stockIds) {
        return codes(id, sku, stockIds, Option.none());
    }

    /**
     * {@link #codes(SupplierOrderId, Option, List)} filtered by EZ's code status as well (EZ's
     * {@code status} filter): {@code DELIVERED} asks for EZ's {@code COMPLETED} codes,
     * {@code PENDING} for its {@code PROCESSING} ones. {@code UNREADABLE} is no status EZ knows: it
     * is refused before sending ({@code InvalidRequest}). Safe to retry.
     *
     * @param id EZ's transaction id of the order, not null
     * @param sku the one SKU whose codes to fetch, not null; none for every SKU of the order
     * @param stockIds EZ's {@code stockId}s of the codes to fetch, not null; empty for all
     * @param status the code status to filter by ({@code DELIVERED} or {@code PENDING}), not null;
     *     none for every status
     * @return the order's codes as far as EZ delivered them, or the failure that prevented it
     *     ({@code InvalidRequest} for {@code UNREADABLE}, refused before sending)
     */
    public Either<ProviderFailure, OrderCodes> codes(SupplierOrderId id, Option<Sku> sku, List<String> stockIds,
            Option<CodeStatus> status) {
        Require.present(id, "id");
        Require.present(sku, "sku");
        Require.present(stockIds, "stock ids");
        Require.present(status, "status");
        stockIds.forEach(s -> Require.identifier(s, "stock id"));
        if (status.contains(CodeStatus.UNREADABLE)) {
            return Either.left(client.refusal("EZ filters codes by PENDING (its PROCESSING) or DELIVERED (its COMPLETED)"
                    + " only"));
        }
        Map<String, Object> query = new LinkedHashMap<>();
        sku.peek(s -> query.put("sku", s.value()));
        if (!stockIds.isEmpty()) {
            query.put("stockIds", String.join(",", stockIds));
        }
        status.peek(s -> query.put("status", s == CodeStatus.DELIVERED ? "COMPLETED" : "PROCESSING"));
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
    private record LookupPage(Option<EzOrder> match, Option<Integer> total, int items) {
    }

    /**
     * The order whose {@code field} is exactly {@code value}, walking {@code GET /v2/orders?filter=value}
     * page by page: EZ's filter may match more than the exact value (a search index), so every item
     * is checked. None only when the orders seen (distinct) cover EZ's {@code total} and every one
     * of them has a readable {@code field} other than {@code value}; an order EZ matched whose
     * {@code field} is absent or unreadable may be the one, so then (without an exact match) the
     * answer is an unexpected response, as it is for a total that is no count (negative, a fraction).
     */
    private Either<ProviderFailure, Option<EzOrder>> findExact(String filter, String value, String field) {
        Set<String> seen = new HashSet<>();
        boolean[] blind = {false};   // an order EZ matched whose field cannot be read
        for (int page = 1; page <= MAX_LOOKUP_PAGES; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put(filter, value);
            query.putAll(pageQuery(page, LOOKUP_PAGE_SIZE));
            int number = page;
            Either<ProviderFailure, LookupPage> read = client.read("find order", api -> {
                EzDto.PageOf<JsonNode> answer = data(api.orders(query));
                List<JsonNode> items = nonNull(answer.items());
                Option<EzOrder> match = Option.none();
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    Option<String> id = identity(item, "transactionId");
                    seen.add(id.getOrElse("#" + number + "/" + i));
                    Option<String> compared = identity(item, field);
                    if (compared.isEmpty()) {
                        blind[0] = true;
                    } else if (match.isEmpty() && compared.contains(value)) {
                        match = Option.some(readOrder(item));
                    }
                }
                return new LookupPage(match, Option.of(answer.total()).map(t -> EzMapper.count(t, "total")),
                        items.size());
            });
            if (read.isLeft()) {
                return Either.left(read.getLeft());
            }
            LookupPage got = read.get();
            if (got.match().isDefined()) {
                return Either.right(got.match());
            }
            if (got.total().isEmpty()) {
                return Either.left(unproven(filter, value, "EZ's answer does not say how many orders matched"));
            }
            if (seen.size() >= got.total().get()) {
                return blind[0] ? Either.left(unproven(filter, value, "EZ matched an order whose " + field
                        + " cannot be read")) : Either.right(Option.none());
            }
            if (got.items() == 0) {
                return Either.left(unproven(filter, value, "EZ says " + got.total().get()
                        + " orders matched but listed only " + seen.size()));
            }
        }
        return Either.left(unproven(filter, value, "more than " + seen.size() + " orders matched, none exactly"));
    }

    /** A text field that identifies an order item (its transaction id, its reference), when it has one. */
    private static Option<String> identity(JsonNode item, String field) {
        JsonNode value = item == null ? null : item.get(field);
        return value != null && (value.isTextual() || value.isIntegralNumber()) ? Option.some(value.asText())
                : Option.none();
    }

    private EzOrder readOrder(JsonNode node) {
        return readOrder(node, json, spec);
    }

    /** One order as EZ sent it: read into the domain, its raw fields kept (masked by {@code spec}). */
    static EzOrder readOrder(JsonNode node, ObjectMapper json, ProviderSpec spec) {
        if (node == null || !node.isObject()) {
            throw new MalformedAnswerException("an order is not an object");
        }
        EzDto.Order order;
        try {
            order = json.treeToValue(node, EzDto.Order.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedAnswerException("an order could not be read" + where(e));
        }
        return MAPPER.ezOrder(order, RawFields.later(node, spec));
    }

    /** Where in an item Jackson failed ({@code " at products[0].quantity"}), never the value there. */
    private static String where(Exception e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder(" at ");
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : mapping.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() > 4 ? "." : "").append(r.getFieldName(), 0, Math.min(60, r.getFieldName().length()));
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code found} with the rates and currency of this supplier's placement of it, where EZ's list omits them. */
    private EzOrder withPlacement(EzOrder found) {
        EzOrder.Placement placement;
        synchronized (placed) {
            placement = placed.get(found.order().id().value());
        }
        return placement == null ? found : found.withPlacement(placement);
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
     * Page {@code number} of a catalog or order list read {@link #pageSize} at a time, each item read
     * on its own by {@code read}: an item it cannot read is an {@code UnreadableItem} (what names
     * it and why) beside the others. The next page number when EZ's {@code totalPage} or
     * {@code total} says there is more (a full page when it says neither); and, when one of them
     * tells it, the numbers of every page after this one up to the last (at most
     * {@value #MAX_PLANNED}), so that a listing can fetch them ahead.
     */
    private <T> Page<Integer, T> page(EzDto.Envelope<EzDto.PageOf<JsonNode>> envelope, int number, String kind,
            Function<JsonNode, T> read) {
        EzDto.PageOf<JsonNode> page = data(envelope);
        List<JsonNode> raw = nonNull(page.items());
        List<T> items = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonNode item = raw.get(i);
            int index = i;
            try {
                items.add(read.apply(item));
            } catch (RuntimeException e) {   // one item never spoils the page (a fatal Error still does)
                String what = kind.equals("order") ? identity(item, "transactionId").map(id -> "order " + id)
                        .getOrElse("order " + EzProducts.identify(null, number, index))
                        : "product " + EzProducts.identify(item, number, i);
                String why = reason(e);
                unreadable.add(new ProviderFailure.UnreadableItem(FailureDetails.of(PROVIDER, what
                        + " could not be read: " + why), what, why));
            }
        }
        Option<Integer> totalPage = Option.of(page.totalPage()).map(t -> EzMapper.count(t, "totalPage"));
        Option<Integer> total = Option.of(page.total()).map(t -> EzMapper.count(t, "total"));
        boolean more = totalPage.isDefined() ? number < totalPage.get()
                : total.isDefined() ? (long) number * pageSize < total.get()
                : raw.size() == pageSize;
        long last = totalPage.isDefined() ? totalPage.get()
                : total.isDefined() ? (total.get() + (long) pageSize - 1) / pageSize
                : number;
        List<Integer> ahead = new ArrayList<>();
        for (long p = number + 1L; more && p <= last && ahead.size() < MAX_PLANNED; p++) {
            ahead.add((int) p);
        }
        return new Page<>(items, unreadable, more ? Option.some(number + 1) : Option.none(), ahead);
    }

    /**
     * Why an item could not be read, in words fit for a failure: the adapter's own message
     * ({@link MalformedAnswerException}), else the kind of refusal — never a value from the item.
     */
    private static String reason(RuntimeException e) {
        if (e instanceof MalformedAnswerException && e.getMessage() != null) {
            String m = e.getMessage();
            return m.length() <= 200 ? m : m.substring(0, 200) + "…";
        }
        return "the domain refused a value (" + e.getClass().getSimpleName() + ")";
    }

    private static <T> T data(EzDto.Envelope<T> envelope) {
        MalformedAnswerException.require(envelope, "body");
        return MalformedAnswerException.require(envelope.data(), "data");
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
