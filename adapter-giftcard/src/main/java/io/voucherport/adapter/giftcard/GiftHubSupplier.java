package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
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
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.TokenCache;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PageCursor;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.OrderedLine;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link CodeSupplier} port over the GiftHub API, plus GiftHub's extras (products by parent,
 * single products, exchange rates, full orders with invoices, the delivery webhook).
 *
 * <ul>
 *   <li><b>Tokens</b>: one JWT per supplier (build one supplier per credentials and share it),
 *       fetched from {@code /auth/jwt}, renewed before it expires and once after a 403 (then the
 *       call is retried once: GiftHub refuses a stale token before acting). Renewals never race.</li>
 *   <li><b>Placing</b> is GiftHub's create, then confirm. GiftHub's limits (at most
 *       {@value #MAX_PER_SKU} per SKU, {@value #MAX_SKUS} SKUs, {@value #MAX_ITEMS} items) and the
 *       SKU's value (fixed quote, or a face value inside the range) are checked before anything is
 *       sent. The domain reference is sent as {@code reference} and bound to the new order id in
 *       the {@link OrderReferenceStore} <b>before confirming</b>; nothing is paid before confirm, so
 *       a create without answer is reported as {@code Unavailable} (nothing bought). Confirm is
 *       sent once: after a timeout or dropped connection the order is retrieved and its state
 *       decides — confirmed or later means placed; still {@code created} is {@code OutcomeUnknown}
 *       and the order is <em>not</em> confirmed again. 419 is {@code Expired}. A reference the
 *       store has bound is refused as {@code DuplicateReference}; one the store cannot tell about
 *       is placed (the caller chose the store).</li>
 *   <li><b>Finding by reference</b>: GiftHub has no lookup by reference; this adapter answers
 *       from its {@link OrderReferenceStore}, which the caller chooses (there is no default): a
 *       bound order is retrieved and used only when GiftHub's {@code reference} is exactly the one
 *       asked for; "no order" only when the store proves the reference unbound. A store that cannot
 *       tell (the in-memory store asked about a reference it did not bind, e.g. after a restart)
 *       gives a failure, never "no order": plug a durable store to resume after a restart or to
 *       run several instances.</li>
 *   <li><b>Safe reads</b> are retried by the configured {@link RetryPolicy}.</li>
 *   <li><b>Secrets</b>: the client secret, JWTs, card codes, PINs, serial numbers and redeem links
 *       are masked in logs at every level and never appear in failures or {@code toString}.</li>
 * </ul>
 *
 * <p>Thread-safe. Build with {@link #builder()}; close it to release a pool it created itself.
 */
public final class GiftHubSupplier implements CodeSupplier, AutoCloseable {

    /** The provider's name in failures and logs. */
    public static final String PROVIDER = "gifthub";
    /** Most codes of one SKU per order. */
    public static final int MAX_PER_SKU = 5;
    /** Most SKUs per order. */
    public static final int MAX_SKUS = 5;
    /** Most codes per order. */
    public static final int MAX_ITEMS = 25;
    /** Smallest product page. */
    public static final int MIN_PAGE_SIZE = 5;
    /** Largest product page. */
    public static final int MAX_PAGE_SIZE = 50;

    private static final Duration CATALOG_RELOAD_PAUSE = Duration.ofSeconds(30);

    private final GiftHubApi api;
    private final CallGuard guard;
    private final ProblemDecoder problems;
    private final TokenCache tokens;
    private final AuthorizedCalls calls;
    private final Secret clientId;
    private final Secret clientSecret;
    private final Duration tokenLifetime;
    private final OrderReferenceStore references;
    private final CurrencyCode wallet;
    private final Option<String> webhookUrl;
    private final int pageSize;
    private final Duration lookupLag;
    private final Duration catalogTtl;
    private final Clock clock;
    private final AdapterBuilder.Http http;
    private final Object catalogLock = new Object();
    private volatile Map<Sku, GiftHubMapper.Offer> offers = Map.of();
    private volatile Instant offersLoadedAt = Instant.EPOCH;
    private volatile boolean tokenByPost;

    private GiftHubSupplier(Builder b) {
        ObjectMapper json = JsonSupport.newObjectMapper();
        AdapterBuilder.Settings settings = b.settings();
        this.http = settings.openHttp();
        Masker masker = Masker.of(List.of(),
                List.of("redeemCardCode", "redeemPin", "redeemLink", "redeemSerialNumber"),
                List.of(b.clientSecret.reveal()));
        this.problems = new ProblemDecoder(GiftHubErrors.parser(json), List.of("x-request-id", "requestId"));
        this.api = FeignSetup.builder(settings, http, json, new MaskingLogger(PROVIDER, masker), problems).target(GiftHubApi.class, b.baseUrl);
        this.guard = new CallGuard(PROVIDER, GiftHubErrors.mapper(), settings.retryPolicy(), settings.sleeper());
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.tokenLifetime = b.tokenLifetime;
        this.clock = b.clock;
        this.tokens = new TokenCache(this::issueToken, b.renewBefore, b.clock);
        this.calls = new AuthorizedCalls(guard, tokens, AuthorizedCalls.deniedWith(403), null);
        this.references = b.references;
        this.wallet = b.wallet;
        this.webhookUrl = b.webhookUrl;
        this.pageSize = b.pageSize;
        this.lookupLag = b.lookupLag;
        this.catalogTtl = b.catalogTtl;
    }

    /** A builder; base URL, client id, client secret and the reference store are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public PagedSequence<Product> catalog() {
        return offerPages(Option.none(), GiftHubMapper.Offer::product);
    }

    /** The products under {@code parentId}, one domain product per variant, lazily page by page. Safe to retry. */
    public PagedSequence<Product> catalog(String parentId) {
        Require.identifier(parentId, "parent id");
        return offerPages(Option.some(parentId), GiftHubMapper.Offer::product);
    }

    /** One product's variants as domain products. Safe to retry. Failures: {@code NotFound} and the usual read failures. */
    public Either<ProviderFailure, List<Product>> product(String productId) {
        Require.identifier(productId, "product id");
        return read(token -> GiftHubMapper.INSTANCE.offers(data(api.product(token, productId))).stream()
                .map(GiftHubMapper.Offer::product).toList());
    }

    @Override
    public Either<ProviderFailure, List<Balance>> balances() {
        return read(token -> GiftHubMapper.INSTANCE.balances(data(api.customerInfo(token))));
    }

    /** The exchange rates GiftHub bills wallets at now. Safe to retry. */
    public Either<ProviderFailure, List<ExchangeRate>> exchangeRates() {
        return read(token -> GiftHubMapper.INSTANCE.rates(data(api.customerInfo(token)).exchangeRates()));
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        Require.present(request, "request");
        Option<String> overLimit = overLimit(request);
        if (overLimit.isDefined()) {
            return Either.left(refused(overLimit.get()));
        }
        OrderReference reference = request.reference();
        Either<ProviderFailure, OrderReferenceStore.Binding> known = store(() -> references.find(reference));
        if (known.isLeft()) {
            return Either.left(known.getLeft());
        }
        if (known.get() instanceof OrderReferenceStore.Binding.Bound bound) {
            return Either.left(duplicate(reference, bound.id()));
        }
        // Unbound, or Unknown: the caller chose this store, so what it cannot tell was not bound by us
        Either<ProviderFailure, List<GiftHubDto.ProductLine>> lines = productLines(request.lines());
        if (lines.isLeft()) {
            return Either.left(lines.getLeft());
        }
        String walletCode = request.settlementCurrency().getOrElse(wallet).code();
        GiftHubDto.CreateOrderRequest create = new GiftHubDto.CreateOrderRequest(lines.get(), walletCode,
                reference.value(), webhookUrl.getOrNull());
        Either<ProviderFailure, GiftHubDto.CreatedOrder> created = write(token -> {
            GiftHubDto.CreatedOrder answer = data(api.createOrder(token, create));
            MalformedAnswerException.require(answer.id(), "order id");
            return answer;
        });
        if (created.isLeft()) {
            return Either.left(created.getLeft() instanceof ProviderFailure.OutcomeUnknown unknown
                    ? new ProviderFailure.Unavailable(new FailureDetails(PROVIDER, unknown.httpStatus(),
                            unknown.requestId(), "creating the order got no answer; nothing is paid before confirm,"
                                    + " so nothing was bought (" + unknown.message() + ")", 1), Option.none())
                    : created.getLeft());
        }
        SupplierOrderId id = SupplierOrderId.of(created.get().id());
        Either<ProviderFailure, SupplierOrderId> bound = store(() -> references.bindIfAbsent(reference, id));
        if (bound.isLeft() || !bound.get().equals(id)) {
            return Either.left(bound.isLeft() ? bound.getLeft() : duplicate(reference, bound.get()));
        }
        Either<ProviderFailure, GiftHubDto.Confirmed> confirmed =
                write(token -> data(api.confirmOrder(token, new GiftHubDto.ConfirmRequest(id.value()))));
        if (confirmed.isRight()) {
            return Either.right(placedOrder(id, reference, request, created.get(), confirmed.get()));
        }
        ProviderFailure failure = confirmed.getLeft();
        if (failure instanceof ProviderFailure.OutcomeUnknown) {
            return reconcile(id, failure);
        }
        if (failure.provablyNotApplied()) {
            store(() -> {
                references.release(reference, id);
                return id;
            });
        }
        return Either.left(failure);
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        Require.present(id, "id");
        return read(token -> GiftHubMapper.INSTANCE.order(id, data(api.order(token, id.value()))));
    }

    /**
     * Answered from the {@link OrderReferenceStore}: none only when the store proves the reference
     * unbound; the bound order as it stands when GiftHub's {@code reference} on it is exactly this
     * one. Failures: {@code Unavailable} when the store cannot tell (or fails), {@code Unavailable}
     * when GiftHub answers 404 for the bound order (a just-confirmed order can lag in its index),
     * {@code UnexpectedResponse} when the bound order carries another reference, and the usual read
     * failures. Safe to retry.
     */
    @Override
    public Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
        Require.present(reference, "reference");
        return store(() -> references.find(reference)).flatMap(binding -> {
            if (binding instanceof OrderReferenceStore.Binding.Unbound) {
                return Either.right(Option.none());
            }
            if (binding instanceof OrderReferenceStore.Binding.Unknown unknown) {
                return Either.left(new ProviderFailure.Unavailable(FailureDetails.of(PROVIDER, "the order reference"
                        + " store cannot tell whether reference " + reference + " was placed (" + unknown.why()
                        + "); plug a durable store to resume purchases placed by another process"), Option.none()));
            }
            SupplierOrderId id = ((OrderReferenceStore.Binding.Bound) binding).id();
            Either<ProviderFailure, SupplierOrder> found = findOrder(id);
            if (found.isLeft()) {
                ProviderFailure failure = found.getLeft();
                return Either.left(failure instanceof ProviderFailure.NotFound
                        ? new ProviderFailure.Unavailable(new FailureDetails(PROVIDER, failure.httpStatus(),
                                failure.requestId(), "reference " + reference + " is bound to GiftHub order " + id
                                        + " but GiftHub does not find it (yet): not proof that nothing was bought ("
                                        + failure.message() + ")", failure.details().attempts()), Option.none())
                        : failure);
            }
            Option<OrderReference> carried = found.get().reference();
            if (!carried.contains(reference)) {
                return Either.left(new ProviderFailure.UnexpectedResponse(FailureDetails.of(PROVIDER, "reference "
                        + reference + " is bound to GiftHub order " + id + " but that order carries "
                        + carried.map(r -> "reference " + r).getOrElse("no reference") + "; not used")));
            }
            return Either.right(Option.some(found.get()));
        });
    }

    @Override
    public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
        Require.present(id, "id");
        return read(token -> GiftHubMapper.INSTANCE.codes(id, data(api.order(token, id.value()))));
    }

    /** The order in full: codes, exchange rates and invoices. Safe to retry. */
    public Either<ProviderFailure, GiftHubOrder> order(SupplierOrderId id) {
        Require.present(id, "id");
        return read(token -> {
            GiftHubDto.Order o = data(api.order(token, id.value()));
            GiftHubMapper m = GiftHubMapper.INSTANCE;
            return new GiftHubOrder(m.order(id, o), m.codes(id, o), m.rates(o.exchangeRates()),
                    m.invoiceOf(o.invoice()), m.invoiceOf(o.retailInvoice()));
        });
    }

    /**
     * Confirms a webhook by retrieving its order: a webhook's content is never trusted alone.
     * Fails with {@code InvalidRequest} when the webhook's reference differs from the order's.
     * Safe to retry.
     */
    public Either<ProviderFailure, GiftHubOrder> verify(GiftHubWebhook.Event event) {
        Require.present(event, "event");
        return order(event.orderId()).flatMap(full -> {
            boolean mismatch = event.reference().isDefined() && full.order().reference().isDefined()
                    && !event.reference().equals(full.order().reference());
            return mismatch ? Either.left(refused("the webhook's reference does not match order " + event.orderId()))
                    : Either.right(full);
        });
    }

    /** How many tokens this supplier has obtained (for monitoring and tests). */
    public int tokensIssued() {
        return tokens.issued();
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
        return "GiftHubSupplier[" + PROVIDER + ", wallet " + wallet + "]";
    }

    private <T> Either<ProviderFailure, T> read(Function<String, T> call) {
        return calls.read(call);
    }

    private <T> Either<ProviderFailure, T> write(Function<String, T> call) {
        return calls.write(call);
    }

    /** After confirm got no answer: the order's state decides; it is never confirmed twice. */
    private Either<ProviderFailure, SupplierOrder> reconcile(SupplierOrderId id, ProviderFailure unknown) {
        Either<ProviderFailure, SupplierOrder> now = findOrder(id);
        if (now.isLeft()) {
            return Either.left(unknown);
        }
        if (now.get().status() != OrderStatus.CREATED) {
            return now;
        }
        return Either.left(new ProviderFailure.OutcomeUnknown(new FailureDetails(PROVIDER, unknown.httpStatus(),
                unknown.requestId(), "confirming order " + id + " got no answer and it is still created; it was not"
                        + " confirmed again: look it up by its reference later (" + unknown.message() + ")", 1)));
    }

    private SupplierOrder placedOrder(SupplierOrderId id, OrderReference reference, OrderRequest request,
            GiftHubDto.CreatedOrder created, GiftHubDto.Confirmed confirmed) {
        OrderStatus status = confirmed.state() == null ? OrderStatus.CONFIRMED : GiftHubStates.orderStatus(confirmed.state());
        GiftHubMapper m = GiftHubMapper.INSTANCE;
        Option<GiftHubInvoice> invoice = m.invoiceOf(created.invoice());
        List<OrderedLine> lines = request.lines().stream().map(l -> new OrderedLine(l.sku(), l.quantity(),
                Option.none(), m.lineTotal(invoice, l.sku()), status)).toList();
        return new SupplierOrder(id, Option.some(reference), status, lines, m.grandTotal(invoice), Option.none());
    }

    private ProviderFailure duplicate(OrderReference reference, SupplierOrderId existing) {
        return new ProviderFailure.DuplicateReference(FailureDetails.of(PROVIDER,
                "reference " + reference + " was already placed as GiftHub order " + existing), reference,
                findOrder(existing).toOption().filter(order -> order.reference().contains(reference)));
    }

    private static Option<String> overLimit(OrderRequest request) {
        if (request.lines().size() > MAX_SKUS) {
            return Option.some("GiftHub takes at most " + MAX_SKUS + " SKUs per order but the order has "
                    + request.lines().size());
        }
        for (OrderLine line : request.lines()) {
            if (line.quantity() > MAX_PER_SKU) {
                return Option.some("GiftHub takes at most " + MAX_PER_SKU + " codes per SKU but " + line.sku()
                        + " asks for " + line.quantity());
            }
        }
        if (request.totalQuantity() > MAX_ITEMS) {
            return Option.some("GiftHub takes at most " + MAX_ITEMS + " codes per order but the order asks for "
                    + request.totalQuantity());
        }
        return Option.none();
    }

    /** Each line as GiftHub wants it, with the SKU's product type and quote; unknown SKUs are refused here. */
    private Either<ProviderFailure, List<GiftHubDto.ProductLine>> productLines(List<OrderLine> lines) {
        List<GiftHubDto.ProductLine> result = new ArrayList<>();
        for (OrderLine line : lines) {
            Either<ProviderFailure, Option<GiftHubMapper.Offer>> found = offer(line.sku());
            if (found.isLeft()) {
                return Either.left(found.getLeft());
            }
            if (found.get().isEmpty()) {
                return Either.left(new ProviderFailure.NotFound(FailureDetails.of(PROVIDER,
                        "GiftHub's catalog has no SKU " + line.sku() + "; nothing was sent")));
            }
            GiftHubMapper.Offer offer = found.get().get();
            ProductValue value = offer.product().value();
            Money quote;
            if (value instanceof ProductValue.Fixed fixed) {
                if (line.faceValue().exists(v -> !fixed.accepts(v))) {
                    return Either.left(refused(line.sku() + " is sold at " + fixed.faceValue() + " only"));
                }
                quote = fixed.faceValue();
            } else {
                if (line.faceValue().isEmpty() || !value.accepts(line.faceValue().get())) {
                    ProductValue.Ranged range = (ProductValue.Ranged) value;
                    return Either.left(refused(line.sku() + " needs a face value from " + range.min() + " to "
                            + range.max() + range.step().map(s -> " in steps of " + s.toPlainString()).getOrElse("")));
                }
                quote = line.faceValue().get();
            }
            result.add(new GiftHubDto.ProductLine(line.sku().value(), offer.productType(), quote.amount(), line.quantity()));
        }
        return Either.right(result);
    }

    /** The offer for {@code sku} from a cached catalog, reloaded when stale or when the SKU is missing. */
    private Either<ProviderFailure, Option<GiftHubMapper.Offer>> offer(Sku sku) {
        Instant now = clock.instant();
        GiftHubMapper.Offer cached = offers.get(sku);
        boolean stale = offersLoadedAt.plus(catalogTtl).isBefore(now);
        if (cached != null && !stale) {
            return Either.right(Option.some(cached));
        }
        synchronized (catalogLock) {
            boolean reloadedJustNow = !offersLoadedAt.plus(CATALOG_RELOAD_PAUSE).isBefore(now);
            if (offers.get(sku) == null && !reloadedJustNow || stale) {
                Map<Sku, GiftHubMapper.Offer> loaded = new LinkedHashMap<>();
                Either<ProviderFailure, Long> walked = offerPages(Option.none(), Function.identity())
                        .forEachItem(o -> loaded.put(o.product().sku(), o));
                if (walked.isLeft()) {
                    return Either.left(walked.getLeft());
                }
                offers = Map.copyOf(loaded);
                offersLoadedAt = now;
            }
            return Either.right(Option.of(offers.get(sku)));
        }
    }

    private <T> PagedSequence<T> offerPages(Option<String> parentId, Function<GiftHubMapper.Offer, T> map) {
        return PagedSequence.of(PageCursor.Token.first(pageSize), cursor -> read(token -> {
            PageCursor.Token at = (PageCursor.Token) cursor;
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("pageSize", at.size());
            at.token().peek(t -> query.put("pageToken", t));
            parentId.peek(p -> query.put("parentId", p));
            GiftHubDto.ProductPage page = data(api.products(token, query));
            List<T> items = (page.result() == null ? List.<GiftHubDto.Product>of() : page.result()).stream()
                    .flatMap(p -> GiftHubMapper.INSTANCE.offers(p).stream()).map(map).toList();
            Option<PageCursor> next = Option.of(page.nextPageToken()).filter(t -> !t.isBlank())
                    .map(t -> new PageCursor.Token(Option.some(t), at.size()));
            return new Page<>(items, next);
        }));
    }

    /** Obtains a token: GET, or POST when the server does not take GET. */
    private Either<ProviderFailure, TokenCache.IssuedToken> issueToken() {
        return guard.read(() -> {
            Response response = tokenByPost ? api.tokenByPost(clientId.reveal(), clientSecret.reveal())
                    : api.tokenByGet(clientId.reveal(), clientSecret.reveal());
            if (!tokenByPost && (response.status() == 404 || response.status() == 405)) {
                response.close();
                tokenByPost = true;
                response = api.tokenByPost(clientId.reveal(), clientSecret.reveal());
            }
            try (Response r = response) {
                if (r.status() < 200 || r.status() > 299) {
                    throw (RuntimeException) problems.decode("GiftHubApi#token", r);
                }
                String header = ProblemDecoder.header(r.headers(), List.of("Authorization")).getOrElseThrow(
                        () -> new MalformedAnswerException("the token answer has no Authorization header"));
                String token = header.strip().regionMatches(true, 0, "Bearer ", 0, 7)
                        ? header.strip().substring(7).strip() : header.strip();
                Instant expires = TokenCache.jwtExpiry(token).getOrElse(() -> clock.instant().plus(tokenLifetime));
                return new TokenCache.IssuedToken(Secret.of(token), expires);
            }
        });
    }

    private static <T> T data(GiftHubDto.Envelope<T> envelope) {
        MalformedAnswerException.require(envelope, "body");
        return MalformedAnswerException.require(envelope.data(), "data");
    }

    private static ProviderFailure refused(String reason) {
        return new ProviderFailure.InvalidRequest(FailureDetails.of(PROVIDER, reason + "; nothing was sent"),
                List.of(reason));
    }

    /** Runs a reference-store operation; a store failure is {@code Unavailable} (nothing was bought by it). */
    private static <T> Either<ProviderFailure, T> store(java.util.function.Supplier<T> operation) {
        try {
            return Either.right(operation.get());
        } catch (RuntimeException e) {
            return Either.left(new ProviderFailure.Unavailable(FailureDetails.of(PROVIDER,
                    "the order reference store failed (" + e.getClass().getSimpleName() + ")"), Option.none()));
        }
    }

    /** Configuration of a {@link GiftHubSupplier}. Not thread-safe; build once. */
    public static final class Builder extends AdapterBuilder<Builder> {
        private String baseUrl;
        private Secret clientId;
        private Secret clientSecret;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofHours(1);
        private Duration renewBefore = Duration.ofMinutes(5);
        private OrderReferenceStore references;
        private CurrencyCode wallet = CurrencyCode.of("EUR");
        private Option<String> webhookUrl = Option.none();
        private Duration lookupLag = Duration.ofSeconds(30);
        private int pageSize = MAX_PAGE_SIZE;
        private Duration catalogTtl = Duration.ofMinutes(10);

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** GiftHub's {@code base_url} (given to each customer), or a simulator's URL. Required. */
        public Builder baseUrl(String url) {
            this.baseUrl = HttpSettings.baseUrl(url);
            return this;
        }

        /** The {@code client-id}. Required. */
        public Builder clientId(Secret id) {
            this.clientId = Require.present(id, "client id");
            return this;
        }

        /** The {@code client-secret}. Required. */
        public Builder clientSecret(Secret secret) {
            this.clientSecret = Require.present(secret, "client secret");
            return this;
        }

        /** The clock deciding token renewal and catalog freshness; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Require.present(clock, "clock");
            return this;
        }

        /** Token lifetime assumed when a token carries no readable expiry; default one hour. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = positive(lifetime, "token lifetime");
            return this;
        }

        /** How long before expiry the token is renewed; default 5 minutes. */
        public Builder renewBefore(Duration margin) {
            Require.present(margin, "renew before");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("renew before must not be negative");
            }
            this.renewBefore = margin;
            return this;
        }

        /**
         * Where reference → order id bindings are kept. Required: {@link OrderReferenceStore#inMemory()}
         * for one process or tests, a durable store (e.g. JDBC) to resume after restarts or to run
         * several instances.
         */
        public Builder references(OrderReferenceStore store) {
            this.references = Require.present(store, "reference store");
            return this;
        }

        /** The wallet paid from when a request names no settlement currency; default EUR. */
        public Builder wallet(CurrencyCode currency) {
            this.wallet = Require.present(currency, "wallet");
            return this;
        }

        /** Where GiftHub posts deliveries (read them with {@link GiftHubWebhook}); default none. */
        public Builder webhookUrl(String url) {
            this.webhookUrl = Option.some(HttpSettings.baseUrl(url));
            return this;
        }

        /**
         * How long after a placement its order may still be missing from a lookup by reference
         * (see {@link CodeSupplier#referenceLookupLag()}); default 30 seconds: lookups are answered
         * from the {@link OrderReferenceStore}, bound before confirm, so only a placement still in
         * flight in another instance can be missed.
         */
        public Builder referenceLookupLag(Duration lag) {
            this.lookupLag = HttpSettings.notNegative(lag, "reference lookup lag");
            return this;
        }

        /** Product page size, {@value #MIN_PAGE_SIZE} to {@value #MAX_PAGE_SIZE}; default {@value #MAX_PAGE_SIZE}. */
        public Builder pageSize(int size) {
            this.pageSize = HttpSettings.pageSize(size, MIN_PAGE_SIZE, MAX_PAGE_SIZE);
            return this;
        }

        /** How long the catalog used to price orders is kept; default 10 minutes. */
        public Builder catalogTtl(Duration ttl) {
            this.catalogTtl = positive(ttl, "catalog ttl");
            return this;
        }

        private static Duration positive(Duration d, String field) {
            Require.present(d, field);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(field + " must be positive but was " + d);
            }
            return d;
        }

        /** The supplier; throws when a required setting is missing. */
        public GiftHubSupplier build() {
            Require.present(baseUrl, "base URL");
            Require.present(clientId, "client id");
            Require.present(clientSecret, "client secret");
            if (references == null) {
                throw new IllegalStateException("an order reference store is required: references("
                        + "OrderReferenceStore.inMemory()) for a single process or tests, or a durable store (e.g."
                        + " JDBC) to resume purchases after a restart or across instances");
            }
            return new GiftHubSupplier(this);
        }
    }
}
