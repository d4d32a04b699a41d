package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.AuthScheme;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Duration;
import java.util.List;

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
 *       sent ({@code InvalidRequest}). The domain reference is sent as {@code reference} and bound to
 *       the new order id in the {@link OrderReferenceStore} <b>before confirming</b>; nothing is paid
 *       before confirm, so a create without answer is reported as {@code Unavailable} (nothing
 *       bought). Confirm is sent once: after a timeout or dropped connection the order is retrieved
 *       and its state decides — confirmed or later means placed; still {@code created} is
 *       {@code OutcomeUnknown} and the order is <em>not</em> confirmed again. 419 is
 *       {@code Expired}. A reference the store has bound is refused as {@code DuplicateReference};
 *       one the store cannot tell about is placed (the caller chose the store).</li>
 *   <li><b>Finding by reference</b>: GiftHub has no lookup by reference; this adapter answers
 *       from its {@link OrderReferenceStore}, which the caller chooses (there is no default): a
 *       bound order is retrieved and used only when GiftHub's {@code reference} is exactly the one
 *       asked for; "no order" only when the store proves the reference unbound. A store that cannot
 *       tell (the in-memory store asked about a reference it did not bind, e.g. after a restart)
 *       gives a failure, never "no order": plug a durable store to resume after a restart or to
 *       run several instances.</li>
 *   <li><b>Safe reads</b> are retried by the configured {@link RetryPolicy}.</li>
 *   <li><b>Secrets</b>: the client id and secret, JWTs, card codes, PINs, serial numbers and redeem
 *       links are masked in logs at every level and never appear in failures or {@code toString}.</li>
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
    /**
     * Longest {@code reference} sent. GiftHub documents no limit for its free-text reference; this
     * adapter sends at most the domain's own limit ({@link OrderReference#MAX_LENGTH}), and only
     * text that comes back exactly as sent (no control, format or line-separator character, no
     * unpaired surrogate), since the order is found again by comparing it exactly.
     */
    public static final int MAX_REFERENCE_LENGTH = OrderReference.MAX_LENGTH;

    private final ProviderSpec spec;
    private final ProviderClient<GiftHubApi> client;
    private final ProviderClient<GiftHubTokenApi> tokenEndpoint;
    private final GiftHubTokens tokens;
    private final GiftHubCatalog catalog;
    private final GiftHubPlacement placement;
    private final GiftHubMapper map = GiftHubMapper.INSTANCE;
    private final CurrencyCode wallet;
    private final Duration lookupLag;

    GiftHubSupplier(GiftHubSupplierBuilder b) {
        ObjectMapper json = JsonSupport.newObjectMapper();
        ProviderSpec spec = GiftHubMapper.redeemMasked(ProviderSpec.of(PROVIDER, json)
                .withErrors(GiftHubErrors.classifier(), GiftHubErrors.parser(json),
                        GiftHubErrors.REQUEST_ID_HEADERS.toArray(String[]::new))
                .withMaskedFields(GiftHubMapper.SECRET_FIELDS.toArray(String[]::new))
                .withMaskedValues(b.clientId(), b.clientSecret()));
        this.spec = spec;
        this.tokens = new GiftHubTokens(b.tokenLifetime(), b.renewBefore(), b.clock(), json);
        this.client = ProviderClient.open(GiftHubApi.class, b.baseUrl(),
                spec.withTokens(tokens, AuthScheme.bearer(), GiftHubErrors::tokenRejected), b.settings());
        this.tokenEndpoint = client.sibling(GiftHubTokenApi.class, b.baseUrl(),
                GiftHubTokens.endpointSpec(spec, b.clientId(), b.clientSecret()));
        tokens.issueThrough(tokenEndpoint);
        this.catalog = new GiftHubCatalog(client, b.pageSize(), b.catalogTtl(), b.clock());
        this.placement = new GiftHubPlacement(client, catalog, b.references(), b.wallet(), b.webhookUrl());
        this.wallet = b.wallet();
        this.lookupLag = b.lookupLag();
    }

    /** {@return a builder; base URL, client id, client secret and the reference store are required} */
    public static GiftHubSupplierBuilder builder() {
        return new GiftHubSupplierBuilder();
    }

    @Override
    public PagedSequence<Product> catalog() {
        return catalog.products(Option.none());
    }

    /**
     * {@return the products under {@code parentId}, one domain product per variant, lazily page by page} Safe to retry.
     *
     * @param parentId GiftHub's id of the parent product, not null; no '/', '\', '%', "." or ".."
     */
    public PagedSequence<Product> catalog(String parentId) {
        Require.identifier(parentId, "parent id");
        return catalog.products(Option.some(parentId));
    }

    /**
     * {@return one product's variants as domain products, and each active variant that could not be read
     * (its SKU and why)} Safe to retry. Failures: {@code NotFound} and the usual read failures.
     *
     * @param productId GiftHub's id of the product, not null; no '/', '\', '%', "." or ".."
     */
    public Either<ProviderFailure, PagedSequence.Listing<Product>> product(String productId) {
        Require.identifier(productId, "product id");
        return catalog.product(productId);
    }

    /**
     * {@link #catalog()} with GiftHub's own fields of each variant's product ({@code productId},
     * {@code parentId}, {@code region}, {@code customerDeal}) and the product item as raw fields,
     * lazily page by page: the same items and unreadable items as {@link #catalog()}, plus a deal
     * that cannot be read (reported beside its product). Safe to retry.
     *
     * @return GiftHub's products with their raw fields, lazily page by page; a failure is the last
     *     element
     */
    public PagedSequence<GiftHubProduct> products() {
        return catalog.giftHubProducts(Option.none(), spec);
    }

    /**
     * {@link #products()} under {@code parentId}, as {@link #catalog(String)}. Safe to retry.
     *
     * @param parentId GiftHub's id of the parent product, not null; no '/', '\', '%', "." or ".."
     * @return the products under {@code parentId} with their raw fields, lazily page by page; a
     *     failure is the last element
     */
    public PagedSequence<GiftHubProduct> products(String parentId) {
        Require.identifier(parentId, "parent id");
        return catalog.giftHubProducts(Option.some(parentId), spec);
    }

    /**
     * {@return GiftHub's customer info in one read: the balances (as {@link #balances()}), the retail currency
     * and the exchange rates (as {@link #exchangeRates()})} Failures: {@code UnexpectedResponse}
     * when the retail currency is not a currency code; the usual read failures. Safe to retry.
     */
    public Either<ProviderFailure, GiftHubAccount> account() {
        return client.read("customer info", api -> map.account(GiftHubDto.data(api.customerInfo())));
    }

    @Override
    public Either<ProviderFailure, List<Balance>> balances() {
        return client.read("balances", api -> map.balances(GiftHubDto.data(api.customerInfo())));
    }

    /**
     * {@return the exchange rates GiftHub bills wallets at now, and each rate that could not be read (by its
     * position and currencies, and why): none is dropped silently} Safe to retry.
     */
    public Either<ProviderFailure, PagedSequence.Listing<ExchangeRate>> exchangeRates() {
        return client.read("exchange rates", api -> map.rates(GiftHubDto.data(api.customerInfo()).exchangeRates()));
    }

    /**
     * Create, bind the reference, confirm once (see the class comment). Failures:
     * {@code InvalidRequest} (a GiftHub limit, a reference GiftHub would not keep exactly — see
     * {@link #MAX_REFERENCE_LENGTH} — or a SKU's value, before sending; or GiftHub's reason),
     * {@code NotFound} (a SKU GiftHub does not sell), {@code DuplicateReference},
     * {@code InsufficientFunds}, {@code Expired}, {@code Unavailable} (nothing bought),
     * {@code OutcomeUnknown} (confirm unanswered and the order still created: look it up by reference).
     */
    @Override
    public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        Require.present(request, "request");
        return placement.place(request);
    }

    @Override
    public Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        Require.present(id, "id");
        return client.read("order", api -> map.order(retrieved(id, api)));
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
        return placement.findByReference(reference);
    }

    @Override
    public Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
        Require.present(id, "id");
        return client.read("codes", api -> map.codes(retrieved(id, api)));
    }

    /**
     * {@return the order in full: codes, exchange rates, invoices, each SKU's quote, deal and face value,
     * what could not be read, and the answer itself, masked} Safe to retry.
     *
     * @param id GiftHub's id of the order, not null
     */
    public Either<ProviderFailure, GiftHubOrder> order(SupplierOrderId id) {
        Require.present(id, "id");
        return client.read("order", api -> map.full(GiftHubMapper.Retrieved.of(id, GiftHubDto.data(api.order(id.value())),
                spec)));
    }

    /**
     * Confirms a webhook by retrieving its order: a webhook's content is never trusted alone.
     * Fails with {@code InvalidRequest} when the webhook's reference differs from the order's.
     * Safe to retry.
     *
     * @param event the webhook as {@link GiftHubWebhook#parse} read it, not null; trusted for its
     *     order id only
     * @return the order as GiftHub holds it now, or the failure that prevented it ({@code
     *     InvalidRequest} when the references differ, {@code NotFound} for an unknown order)
     */
    public Either<ProviderFailure, GiftHubOrder> verify(GiftHubWebhook.Event event) {
        Require.present(event, "event");
        return order(event.orderId()).flatMap(full -> {
            boolean mismatch = event.reference().isDefined() && full.order().reference().isDefined()
                    && !event.reference().equals(full.order().reference());
            return mismatch ? Either.left(client.refusal("the webhook's reference does not match order "
                    + event.orderId())) : Either.right(full);
        });
    }

    /** {@return how many tokens this supplier has obtained (for monitoring and tests)} */
    public int tokensIssued() {
        return tokens.issued();
    }

    /** As configured with {@link GiftHubSupplierBuilder#referenceLookupLag}. */
    @Override
    public Duration referenceLookupLag() {
        return lookupLag;
    }

    /** Releases the connection pool when this supplier created its own. */
    @Override
    public void close() {
        tokenEndpoint.close();
        client.close();
    }

    @Override
    public String toString() {
        return "GiftHubSupplier[" + PROVIDER + ", wallet " + wallet + "]";
    }

    private static GiftHubMapper.Retrieved retrieved(SupplierOrderId id, GiftHubApi api) {
        return new GiftHubMapper.Retrieved(id, GiftHubDto.read(GiftHubDto.data(api.order(id.value())),
                GiftHubDto.Order.class));
    }
}
