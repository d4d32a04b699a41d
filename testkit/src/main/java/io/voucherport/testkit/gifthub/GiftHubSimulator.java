package io.voucherport.testkit.gifthub;

import static io.voucherport.testkit.sim.SimJson.map;

import com.github.tomakehurst.wiremock.common.Json;
import io.voucherport.testkit.sim.SimCodes;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.sim.SimJson;
import io.voucherport.testkit.sim.SimRequest;
import io.voucherport.testkit.sim.SimResponse;
import io.voucherport.testkit.sim.Simulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful GiftHub simulator, written from GiftHub's documentation (not from the adapter):
 *
 * <ul>
 *   <li><b>Tokens</b>: {@code GET} or {@code POST /auth/jwt} with {@code client-id} and
 *       {@code client-secret} headers answers the JWT in the {@code Authorization} response header,
 *       valid one hour by the simulator's {@link #clock(Clock) clock}. Strict resources (orders,
 *       customer info, {@code /auth/strict-status}) accept only the latest token issued; relaxed
 *       ones (products, {@code /auth/status}) any unexpired one. Auth failures are 403; missing
 *       headers on {@code /auth/jwt} 400.</li>
 *   <li><b>Products</b> with variants (fixed quote or min/max/step range), page tokens, page size
 *       5–50, {@code parentId} filter.</li>
 *   <li><b>Orders</b>: create (limits ≤ 5 per SKU, ≤ 5 SKUs, ≤ 25 items; 400 with a reason) →
 *       confirm (404 unknown id, 400 when already confirmed or funds are short, 419 after
 *       {@code expiresAt}) → each retrieve advances {@code confirmed → processing →} the SKU's
 *       {@link Outcome}: {@code successful}, {@code partial}, {@code failed} or {@code rejected}.
 *       SKUs marked {@link #manualFulfilment} stay processing until {@link #fulfilPending()}.</li>
 *   <li><b>Webhook</b>: when an order names a {@code webhookUrl}, its delivery is POSTed there
 *       (tried up to three times).</li>
 *   <li>Firestore-style timestamps, envelopes {@code {message, data}}, faults per endpoint through
 *       {@link #inject}, including {@link SimFault#commitLater} (credentials checked on arrival),
 *       {@link SimFault#insufficientFunds()} and incomplete answers ({@link SimFault#omitQuantities()},
 *       {@link SimFault#dropOneSku()}) on create and retrieve.</li>
 *   <li>An eventually consistent retrieve when {@link #lookupLag(Duration)} is set.</li>
 * </ul>
 */
public final class GiftHubSimulator extends Simulator<GiftHubSimulator.Endpoint> {

    /** The client id the simulator accepts unless told otherwise. */
    public static final String DEFAULT_CLIENT_ID = "gh-sim-client-4471";
    /** The client secret the simulator accepts unless told otherwise. */
    public static final String DEFAULT_CLIENT_SECRET = "gh-sim-secret-9d2f61c0b7e45a83";
    /** How long a token lives. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** The simulated endpoints. */
    public enum Endpoint {
        /** Issues a token (only the latest one issued is accepted). */
        AUTH_JWT,
        /** Tells whether a token is valid. */
        AUTH_STATUS,
        /** Tells whether a token is valid, strictly (expired and superseded tokens refused). */
        AUTH_STRICT_STATUS,
        /** Lists the products. */
        LIST_PRODUCTS,
        /** Reads one product. */
        GET_PRODUCT,
        /** Reads the account (balance and retail currency). */
        CUSTOMER_INFO,
        /** Creates an order, to be confirmed before it expires. */
        CREATE_ORDER,
        /** Confirms (pays) a created order. */
        CONFIRM_ORDER,
        /** Reads an order and its codes. */
        GET_ORDER
    }

    /** How the fulfilment of a SKU ends. */
    public enum Outcome {
        /** Every card delivered. */
        SUCCESS,
        /** One card fewer than ordered delivered (none when one was ordered). */
        PARTIAL,
        /** No card delivered. */
        FAIL,
        /** The whole order is rejected. */
        REJECT
    }

    private record Variant(String sku, String name, BigDecimal quote, BigDecimal min, BigDecimal max, BigDecimal step) {
    }

    private record Product(String productId, String parentId, String name, String country, String region,
            String baseCurrency, String productType, Map<String, Variant> variants) {
    }

    private static final class Line {
        final Product product;
        final Variant variant;
        final BigDecimal quote;
        final int quantity;
        final BigDecimal cost;
        final List<Map<String, Object>> cards = new ArrayList<>();
        boolean failed;

        Line(Product product, Variant variant, BigDecimal quote, int quantity, BigDecimal cost) {
            this.product = product;
            this.variant = variant;
            this.quote = quote;
            this.quantity = quantity;
            this.cost = cost;
        }
    }

    private static final class Order {
        final String id;
        final String reference;
        final String wallet;
        final List<Line> lines;
        final Instant created;
        final Instant expiresAt;
        final String webhookUrl;
        String state = "created";
        Instant modified;
        int polls;
        Instant committed;
        boolean indexed;

        Order(String id, String reference, String wallet, List<Line> lines, Instant created, Instant expiresAt,
                String webhookUrl) {
            this.id = id;
            this.reference = reference;
            this.wallet = wallet;
            this.lines = lines;
            this.created = created;
            this.modified = created;
            this.committed = created;
            this.expiresAt = expiresAt;
            this.webhookUrl = webhookUrl;
        }

        BigDecimal total() {
            return lines.stream().map(l -> l.cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Whether it was confirmed, i.e. paid (even if it later failed and was refunded). */
        boolean paid() {
            return !state.equals("created") && !state.equals("expired");
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> wallets = new LinkedHashMap<>();
    private final Map<String, BigDecimal> rates = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final List<String> manualSkus = new ArrayList<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<Map<String, Object>> webhooksSent = new ArrayList<>();
    private final ExecutorService webhookSender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gifthub-sim-webhooks");
        t.setDaemon(true);
        return t;
    });
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret = DEFAULT_CLIENT_SECRET;
    private String latestToken;
    private Clock clock = Clock.systemUTC();
    private Duration orderLifetime = Duration.ofMinutes(15);
    private int pollsToComplete = 2;
    private Duration lookupLag = Duration.ZERO;

    private GiftHubSimulator(int port) {
        super("gifthub", port, Endpoint.class);
    }

    /** {@return a simulator on any free port, not started} */
    public static GiftHubSimulator create() {
        return new GiftHubSimulator(0);
    }

    /**
     * {@return a simulator on {@code port}, not started}
     *
     * @param port the port to listen on, 0 for any free port
     */
    public static GiftHubSimulator onPort(int port) {
        return new GiftHubSimulator(port);
    }

    /**
     * Accepts these credentials instead of the defaults.
     *
     * @param id the client id an adapter must send, not null
     * @param secret the client secret an adapter must send, not null
     * @return this simulator
     */
    public synchronized GiftHubSimulator credentials(String id, String secret) {
        this.clientId = Objects.requireNonNull(id);
        this.clientSecret = Objects.requireNonNull(secret);
        return this;
    }

    /**
     * The clock for token expiry, order expiry and timestamps.
     *
     * @param clock the clock to read time from, not null; a manual clock makes expiry deterministic
     * @return this simulator
     */
    public synchronized GiftHubSimulator clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * How long a created order may wait for its confirmation; default 15 minutes.
     *
     * @param lifetime how long a created, unconfirmed order stays confirmable, not null
     * @return this simulator
     */
    public synchronized GiftHubSimulator orderLifetime(Duration lifetime) {
        this.orderLifetime = Objects.requireNonNull(lifetime);
        return this;
    }

    /**
     * Retrieves after confirmation until a confirmed order ends; default 2.
     *
     * @param polls how many retrieves after confirmation until the order ends
     * @return this simulator
     */
    public synchronized GiftHubSimulator pollsToComplete(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1");
        }
        this.pollsToComplete = polls;
        return this;
    }

    /**
     * A just created or confirmed order answers 404 to retrieve until {@code lag} has passed since
     * that create or confirm, by {@link #clock(Clock)}: an eventually consistent read. Confirm and
     * the counting helpers see it at once. Default zero.
     *
     * @param lag how long after create or confirm a retrieve still answers 404, not negative
     * @return this simulator
     */
    public synchronized GiftHubSimulator lookupLag(Duration lag) {
        if (Objects.requireNonNull(lag, "lag").isNegative()) {
            throw new IllegalArgumentException("lag must not be negative: " + lag);
        }
        this.lookupLag = lag;
        return this;
    }

    /**
     * Adds a fixed-value product with one variant per {@code sku=quote} pair.
     *
     * @param productId GiftHub's id of the product, unique in this simulator
     * @param parentId the id of the product family it belongs to (what {@code catalog(parentId)}
     *     filters by)
     * @param name the product's display name; each variant is named after it and its quote
     * @param country the product's country, sent as it is
     * @param baseCurrency the currency the product's face values are in, e.g. {@code "USD"}
     * @param productType GiftHub's product type, sent as it is
     * @param quotes per variant SKU, its face value as decimal text, in order
     * @return this simulator
     */
    public synchronized GiftHubSimulator fixedProduct(String productId, String parentId, String name, String country,
            String baseCurrency, String productType, Map<String, String> quotes) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        quotes.forEach((sku, quote) -> variants.put(sku,
                new Variant(sku, name + " " + quote, new BigDecimal(quote), null, null, null)));
        products.put(productId, new Product(productId, parentId, name, country, "local", baseCurrency, productType,
                variants));
        return this;
    }

    /**
     * Adds a product of type {@code range} with one variant.
     *
     * @param productId GiftHub's id of the product, unique in this simulator
     * @param parentId the id of the product family it belongs to
     * @param name the product's display name
     * @param country the product's country, sent as it is
     * @param baseCurrency the currency of the range, e.g. {@code "USD"}
     * @param sku the SKU of the product's one variant
     * @param min the lowest face value, as decimal text
     * @param max the highest face value, as decimal text
     * @param step the step between face values, as decimal text
     * @return this simulator
     */
    public synchronized GiftHubSimulator rangeProduct(String productId, String parentId, String name, String country,
            String baseCurrency, String sku, String min, String max, String step) {
        products.put(productId, new Product(productId, parentId, name, country, "global", baseCurrency, "range",
                Map.of(sku, new Variant(sku, name, null, new BigDecimal(min), new BigDecimal(max),
                        new BigDecimal(step)))));
        return this;
    }

    /**
     * Sets a wallet's balance, frozen balance and credit.
     *
     * @param currency the wallet's currency code, e.g. {@code "EUR"}
     * @param balance the funds available, as decimal text
     * @param frozen the frozen balance GiftHub reports beside it, as decimal text
     * @param credit the credit GiftHub reports for the wallet, as decimal text
     * @return this simulator
     */
    public synchronized GiftHubSimulator wallet(String currency, String balance, String frozen, String credit) {
        wallets.put(currency, new BigDecimal[] {new BigDecimal(balance), new BigDecimal(frozen), new BigDecimal(credit)});
        return this;
    }

    /**
     * One {@code wallet} currency buys {@code rate} units of {@code target}.
     *
     * @param wallet the currency paid from, e.g. {@code "EUR"}
     * @param target the currency priced in, e.g. {@code "USD"}
     * @param rate units of {@code target} one unit of {@code wallet} buys, as decimal text
     * @return this simulator
     */
    public synchronized GiftHubSimulator exchangeRate(String wallet, String target, String rate) {
        rates.put(wallet + target, new BigDecimal(rate));
        return this;
    }

    /**
     * How orders of {@code sku} end; default {@link Outcome#SUCCESS}.
     *
     * @param sku the SKU whose orders this applies to, not null
     * @param outcome how such an order ends once confirmed, not null
     * @return this simulator
     */
    public synchronized GiftHubSimulator outcome(String sku, Outcome outcome) {
        outcomes.put(sku, Objects.requireNonNull(outcome));
        return this;
    }

    /**
     * Orders holding {@code sku} stay processing until {@link #fulfilPending()}.
     *
     * @param sku the SKU whose orders wait for {@link #fulfilPending()}, not null
     * @return this simulator
     */
    public synchronized GiftHubSimulator manualFulfilment(String sku) {
        manualSkus.add(sku);
        return this;
    }

    /**
     * {@return a typical catalog of eight products (eleven SKUs) under two parents, an EUR wallet of
     * 5,000 and a USD wallet of 100, rates from EUR, and {@code SLOW-EU-15} fulfilled manually}
     */
    public synchronized GiftHubSimulator withSampleData() {
        fixedProduct("p-adidas-dk", "retail", "Adidas DK", "DK", "DKK", "fixed",
                linked(GiftHubSampleData.ADIDAS_DK_1000, "1000", GiftHubSampleData.ADIDAS_DK_500, "500"));
        fixedProduct("p-steam-eu", "gaming", "Steam EU", "DE", "EUR", "fixed",
                linked(GiftHubSampleData.STEAM_EU_20, "20", GiftHubSampleData.STEAM_EU_50, "50"));
        rangeProduct("p-visa-us", "retail", "Prepaid Visa US", "US", "USD", GiftHubSampleData.VISA_US_RANGE, "10", "100", "5");
        fixedProduct("p-music-de", "gaming", "Music 3 months DE", "DE", "EUR", "time",
                linked(GiftHubSampleData.MUSIC_DE_3M, "30"));
        fixedProduct("p-shop-de", "retail", "Shop DE", "DE", "EUR", "custom_fixed", linked(GiftHubSampleData.SHOP_DE_25, "25"));
        fixedProduct("p-psn-uk", "gaming", "PlayStation UK", "GB", "GBP", "fixed",
                linked(GiftHubSampleData.PSN_UK_10, "10", GiftHubSampleData.PSN_UK_25, "25"));
        fixedProduct("p-slow-eu", "retail", "Slow shop EU", "FR", "EUR", "fixed", linked(GiftHubSampleData.SLOW_EU_15, "15"));
        fixedProduct("p-books-irt", "retail", "Books IR", "IR", "IRT", "fixed",
                linked(GiftHubSampleData.BOOKS_IRT_500000, "500000"));
        manualFulfilment(GiftHubSampleData.SLOW_EU_15);
        wallet("EUR", GiftHubSampleData.EUR_BALANCE, "0", GiftHubSampleData.EUR_CREDIT);
        wallet("USD", GiftHubSampleData.USD_BALANCE, "0", "0");
        exchangeRate("EUR", "DKK", "7.456803455723542");
        exchangeRate("EUR", "USD", "1.0850");
        exchangeRate("EUR", "GBP", "0.8551");
        exchangeRate("EUR", "IRT", "79142.00001263583522870862");
        exchangeRate("USD", "EUR", "0.9216");
        return this;
    }

    /**
     * The end of the day: commits the requests {@link SimFault#commitLater} holds, then
     * ends every confirmed or processing order by its SKUs' outcomes (manual SKUs succeed) and lets
     * retrieve see every order.
     */
    public synchronized void fulfilPending() {
        commitHeldNow();
        orders.values().stream().filter(o -> o.state.equals("confirmed") || o.state.equals("processing"))
                .toList().forEach(this::finish);
        orders.values().forEach(o -> o.indexed = true);
    }

    /**
     * {@return every paid order, i.e. every confirmed one (even if later rejected or failed and refunded),
     * as reference → order ids in creation order; orders without a reference under {@code ""}}
     * Requests held by {@link SimFault#commitLater} count once committed.
     */
    public synchronized Map<String, List<String>> paidOrders() {
        Map<String, List<String>> paid = new LinkedHashMap<>();
        orders.values().stream().filter(Order::paid).forEach(o -> paid.computeIfAbsent(
                o.reference == null ? "" : o.reference, k -> new ArrayList<>()).add(o.id));
        paid.replaceAll((k, v) -> List.copyOf(v));
        return paid;
    }

    /**
     * {@return the card codes, PINs, serial numbers and redeem links delivered so far for order {@code id} (empty when unknown)}
     *
     * @param id GiftHub's id of the order
     */
    public synchronized List<String> deliveredSecretsOf(String id) {
        Order order = orders.get(id);
        List<String> secrets = new ArrayList<>();
        if (order != null) {
            order.lines.forEach(l -> l.cards.forEach(c -> List.of("redeemCardCode", "redeemPin", "redeemSerialNumber",
                    "redeemLink").forEach(k -> secrets.add(String.valueOf(c.get(k))))));
        }
        return secrets;
    }

    /**
     * {@return how many orders were created with {@code reference}}
     *
     * @param reference the caller's order reference, unique per purchase
     */
    public synchronized int ordersWithReference(String reference) {
        return (int) orders.values().stream().filter(o -> reference.equals(o.reference)).count();
    }

    /**
     * {@return how many orders with {@code reference} were confirmed (paid): more than one is a double purchase}
     *
     * @param reference the caller's order reference, unique per purchase
     */
    public synchronized int purchasesWithReference(String reference) {
        return (int) orders.values().stream()
                .filter(o -> reference.equals(o.reference) && o.paid()).count();
    }

    /**
     * {@return the state of order {@code id}, e.g. {@code confirmed}}
     *
     * @param id GiftHub's id of the order
     */
    public synchronized String stateOf(String id) {
        Order order = orders.get(id);
        return order == null ? null : order.state;
    }

    /**
     * {@return the balance of the {@code currency} wallet}
     *
     * @param currency the wallet's currency code, e.g. {@code "EUR"}
     */
    public synchronized BigDecimal balanceOf(String currency) {
        return wallets.containsKey(currency) ? wallets.get(currency)[0] : BigDecimal.ZERO;
    }

    /** {@return every card code, PIN, serial number and redeem link delivered so far} */
    public synchronized List<String> deliveredSecrets() {
        return List.copyOf(delivered);
    }

    /** {@return every token issued so far (for leak tests)} */
    public synchronized List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    /** {@return the webhook bodies posted so far (successfully or not)} */
    public synchronized List<Map<String, Object>> webhooksSent() {
        return List.copyOf(webhooksSent);
    }

    @Override
    protected Endpoint endpointOf(SimRequest r) {
        String path = String.join("/", r.segments());
        boolean get = r.method().equals("GET");
        return switch (path) {
            case "auth/jwt" -> get || r.method().equals("POST") ? Endpoint.AUTH_JWT : null;
            case "auth/status" -> get ? Endpoint.AUTH_STATUS : null;
            case "auth/strict-status" -> get ? Endpoint.AUTH_STRICT_STATUS : null;
            case "shop/products" -> get ? Endpoint.LIST_PRODUCTS : null;
            case "customer/info" -> get ? Endpoint.CUSTOMER_INFO : null;
            case "order/create" -> r.method().equals("POST") ? Endpoint.CREATE_ORDER : null;
            case "order/confirm" -> r.method().equals("PUT") ? Endpoint.CONFIRM_ORDER : null;
            case "order/get" -> get ? Endpoint.GET_ORDER : null;
            default -> get && r.segments().size() == 3 && path.startsWith("shop/products/") ? Endpoint.GET_PRODUCT
                    : null;
        };
    }

    @Override
    protected SimResponse handle(Endpoint endpoint, SimRequest r) {
        if (endpoint == Endpoint.AUTH_JWT) {
            return issueToken(r);
        }
        boolean strict = switch (endpoint) {
            case AUTH_STATUS, LIST_PRODUCTS, GET_PRODUCT -> false;
            default -> true;
        };
        if (!admittedOnArrival() && !authorized(r, strict)) {
            return error(403, "Forbidden: invalid or expired token");
        }
        return switch (endpoint) {
            case AUTH_STATUS, AUTH_STRICT_STATUS -> ok("Authorized", map("status", "ok"));
            case LIST_PRODUCTS -> listProducts(r);
            case GET_PRODUCT -> {
                Product p = products.get(r.segments().get(2));
                yield p == null ? error(404, "Product not found") : ok("Product", productJson(p));
            }
            case CUSTOMER_INFO -> ok("Customer info", customerInfo());
            case CREATE_ORDER -> createOrder(r);
            case CONFIRM_ORDER -> confirmOrder(r);
            case GET_ORDER -> getOrder(r);
            default -> error(404, "no such endpoint");
        };
    }

    @Override
    protected SimResponse admit(Endpoint endpoint, SimRequest r) {
        boolean relaxed = endpoint == Endpoint.AUTH_STATUS || endpoint == Endpoint.LIST_PRODUCTS
                || endpoint == Endpoint.GET_PRODUCT;
        return endpoint == Endpoint.AUTH_JWT || authorized(r, !relaxed) ? null
                : error(403, "Forbidden: invalid or expired token");
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @Override
    protected SimResponse insufficientFunds() {
        return error(400, "Insufficient funds");
    }

    @Override
    protected String errorBody(int status, String message) {
        return Json.write(map("message", message));
    }

    private SimResponse issueToken(SimRequest r) {
        var id = r.header("client-id");
        var secret = r.header("client-secret");
        if (id.isEmpty() || secret.isEmpty()) {
            return error(400, "client-id and client-secret headers are required");
        }
        if (!id.get().equals(clientId) || !secret.get().equals(clientSecret)) {
            return error(403, "Forbidden: invalid credentials");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(TOKEN_LIFETIME);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(map(
                "sub", clientId, "iat", now.getEpochSecond(), "exp", expires.getEpochSecond(),
                "jti", SimCodes.pin(random))).getBytes(StandardCharsets.UTF_8));
        String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + payload + "." + SimCodes.code(random, 8)
                .replace("-", "");
        tokens.put(token, expires);
        latestToken = token;
        return SimResponse.json(200, map("message", "Token generated")).header("Authorization", "Bearer " + token);
    }

    private boolean authorized(SimRequest r, boolean strict) {
        String header = r.header("Authorization").orElse("");
        if (!header.startsWith("Bearer ")) {
            return false;
        }
        String token = header.substring("Bearer ".length()).strip();
        Instant expires = tokens.get(token);
        if (expires == null || !clock.instant().isBefore(expires)) {
            return false;
        }
        return !strict || token.equals(latestToken);
    }

    private SimResponse listProducts(SimRequest r) {
        int size = r.intParam("pageSize", 10);
        if (size < 5 || size > 50) {
            return error(400, "pageSize must be between 5 and 50");
        }
        int from = 0;
        if (r.param("pageToken").isPresent()) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(r.param("pageToken").get()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return error(400, "invalid pageToken");
            }
        }
        List<Product> matching = products.values().stream()
                .filter(p -> r.param("parentId").map(p.parentId::equals).orElse(true)).toList();
        int to = Math.min(matching.size(), from + size);
        Map<String, Object> data = map("result", matching.subList(Math.min(from, to), to).stream()
                .map(this::productJson).toList());
        if (to < matching.size()) {
            data.put("nextPageToken", Base64.getUrlEncoder().encodeToString(
                    String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
        }
        return ok("Products", data);
    }

    private Map<String, Object> productJson(Product p) {
        Map<String, Object> variants = new LinkedHashMap<>();
        p.variants.values().forEach(v -> {
            Map<String, Object> json = map("sku", v.sku, "name", v.name, "state", "ACTIVE");
            if (v.quote != null) {
                json.put("quote", v.quote);
            } else {
                json.put("range", map("min", v.min, "max", v.max, "step", v.step));
            }
            variants.put(v.sku, json);
        });
        return map("productId", p.productId, "parentId", p.parentId, "name", p.name, "country", p.country,
                "region", p.region, "baseCurrency", p.baseCurrency, "state", "ACTIVE", "productType", p.productType,
                "variants", variants, "customerDeal", deal());
    }

    private Map<String, Object> customerInfo() {
        Map<String, Object> json = new LinkedHashMap<>();
        wallets.forEach((currency, w) -> json.put(currency,
                map("balance", w[0], "frozenBalance", w[1], "creditBalance", w[2])));
        return map("wallets", json, "retailCurrency", "EUR", "exchangeRates", ratesJson());
    }

    private List<Map<String, Object>> ratesJson() {
        return rates.entrySet().stream().map(e -> map("baseCurrency", e.getKey().substring(0, 3),
                "targetCurrency", e.getKey().substring(3), "rate", e.getValue(),
                "modifiedDate", timestamp(clock.instant()))).toList();
    }

    private SimResponse createOrder(SimRequest r) {
        Map<String, Object> body = r.json();
        if (!(body.get("productList") instanceof List<?> list) || list.isEmpty()) {
            return error(400, "productList must not be empty");
        }
        String wallet = String.valueOf(body.get("wallet"));
        if (!wallets.containsKey(wallet)) {
            return error(400, "Unknown wallet " + wallet);
        }
        List<Line> lines = new ArrayList<>();
        int items = 0;
        for (Object item : list) {
            Map<?, ?> entry = (Map<?, ?>) item;
            String sku = String.valueOf(entry.get("sku"));
            Product product = products.values().stream().filter(p -> p.variants.containsKey(sku)).findFirst()
                    .orElse(null);
            if (product == null) {
                return error(400, "Unknown sku " + sku);
            }
            if (!product.productType.equals(entry.get("productType"))) {
                return error(400, "productType of " + sku + " must be " + product.productType);
            }
            int quantity = entry.get("quantity") instanceof Number n ? n.intValue() : 0;
            if (quantity < 1 || quantity > 5) {
                return error(400, "quantity of " + sku + " must be between 1 and 5");
            }
            if (lines.stream().anyMatch(l -> l.variant.sku.equals(sku))) {
                return error(400, "sku " + sku + " is listed twice");
            }
            Variant variant = product.variants.get(sku);
            BigDecimal quote = entry.get("quote") == null ? null : new BigDecimal(String.valueOf(entry.get("quote")));
            if (quote == null || (variant.quote != null ? quote.compareTo(variant.quote) != 0
                    : quote.compareTo(variant.min) < 0 || quote.compareTo(variant.max) > 0
                            || quote.subtract(variant.min).remainder(variant.step).signum() != 0)) {
                return error(400, "quote " + quote + " is not offered for " + sku);
            }
            BigDecimal rate = wallet.equals(product.baseCurrency) ? BigDecimal.ONE
                    : rates.get(wallet + product.baseCurrency);
            if (rate == null) {
                return error(400, "No exchange rate from " + wallet + " to " + product.baseCurrency);
            }
            BigDecimal cost = quote.multiply(BigDecimal.valueOf(quantity))
                    .divide(rate, fractionDigits(wallet), RoundingMode.DOWN);
            lines.add(new Line(product, variant, quote, quantity, cost));
            items += quantity;
        }
        if (lines.size() > 5 || items > 25) {
            return error(400, "An order holds at most 5 SKUs and 25 items");
        }
        Instant now = commitTime();
        Order order = new Order(SimCodes.code(random, 5).replace("-", ""), (String) body.get("reference"), wallet,
                lines, now, now.plus(orderLifetime), (String) body.get("webhookUrl"));
        orders.put(order.id, order);
        return ok("Order created", map("id", order.id, "exchangeRates", ratesJson(), "invoice", invoice(order),
                "retailInvoice", invoice(order), "expiresAt", order.expiresAt.toEpochMilli()));
    }

    private SimResponse confirmOrder(SimRequest r) {
        Object id = r.json().get("orderId");
        if (!(id instanceof String s) || s.isBlank()) {
            return error(400, "Invalid order id");
        }
        Order order = orders.get(s);
        if (order == null) {
            return error(404, "Order not found");
        }
        if (!order.state.equals("created")) {
            return error(400, "Order " + order.id + " is already " + order.state);
        }
        if (commitTime().isAfter(order.expiresAt)) {
            return error(419, "Order expired");
        }
        BigDecimal[] wallet = wallets.get(order.wallet);
        if (wallet[0].add(wallet[2]).compareTo(order.total()) < 0) {
            return error(400, "Insufficient funds");
        }
        wallet[0] = wallet[0].subtract(order.total());
        order.state = "confirmed";
        order.modified = commitTime();
        order.committed = order.modified;
        return ok("Order confirmed", map("id", order.id, "state", "confirmed"));
    }

    private SimResponse getOrder(SimRequest r) {
        Order order = r.param("orderId").map(orders::get).orElse(null);
        if (order == null || !indexed(order)) {
            return error(404, "Order not found");
        }
        if (order.state.equals("created") && clock.instant().isAfter(order.expiresAt)) {
            order.state = "expired";   // never confirmed in time: never paid
        } else if (order.state.equals("confirmed")) {
            order.state = "processing";
        } else if (order.state.equals("processing") && ++order.polls >= pollsToComplete
                && order.lines.stream().noneMatch(l -> manualSkus.contains(l.variant.sku))) {
            finish(order);
        }
        return ok("Your order", orderJson(order));
    }

    /** Whether retrieve sees the order: its last create or confirm is {@link #lookupLag} old, or reads caught up. */
    private boolean indexed(Order order) {
        return order.indexed || !clock.instant().isBefore(order.committed.plus(lookupLag));
    }

    private void finish(Order order) {
        if (order.lines.stream().anyMatch(l -> outcomes.get(l.variant.sku) == Outcome.REJECT)) {
            order.state = "rejected";
            refund(order, order.total());
        } else {
            for (Line line : order.lines) {
                Outcome outcome = outcomes.getOrDefault(line.variant.sku, Outcome.SUCCESS);
                int count = switch (outcome) {
                    case SUCCESS -> line.quantity;
                    case PARTIAL -> line.quantity - 1;
                    default -> 0;
                };
                line.failed = count < line.quantity;
                for (int i = 0; i < count; i++) {
                    line.cards.add(card(line));
                }
                if (line.failed) {
                    refund(order, line.cost.multiply(BigDecimal.valueOf(line.quantity - count))
                            .divide(BigDecimal.valueOf(line.quantity), fractionDigits(order.wallet), RoundingMode.DOWN));
                }
            }
            long failed = order.lines.stream().filter(l -> l.failed).count();
            long empty = order.lines.stream().filter(l -> l.cards.isEmpty()).count();
            order.state = failed == 0 ? "successful" : empty == order.lines.size() ? "failed" : "partial";
        }
        order.modified = clock.instant();
        if (order.webhookUrl != null) {
            sendWebhook(order.webhookUrl, map("orderId", order.id, "orderState", order.state,
                    "reference", order.reference, "redeemData", redeem(order)));
        }
    }

    private void refund(Order order, BigDecimal amount) {
        BigDecimal[] wallet = wallets.get(order.wallet);
        wallet[0] = wallet[0].add(amount);
    }

    private Map<String, Object> card(Line line) {
        String code = SimCodes.code(random, 5);
        String pin = SimCodes.pin(random);
        String serial = "SN" + SimCodes.pin(random);
        String link = "https://redeem.gifthub.example/c/" + SimCodes.code(random, 6).replace("-", "");
        delivered.add(code);
        delivered.add(pin);
        delivered.add(serial);
        delivered.add(link);
        return map("redeemLink", link, "redeemCardCode", code, "redeemSerialNumber", serial, "redeemPin", pin,
                "expirationDate", timestamp(clock.instant().plus(Duration.ofDays(365))));
    }

    /**
     * Redeem data per SKU. Fixed GBP products deliver the {@code redeemPin} array with one
     * {@code redeemLink} (as in GiftHub's example); the others deliver {@code cards}.
     */
    private Map<String, Object> redeem(Order order) {
        Map<String, Object> redeem = new LinkedHashMap<>();
        for (Line line : order.lines) {
            if (line.cards.isEmpty()) {
                continue;
            }
            Map<String, Object> json = map("currency", line.product.baseCurrency, "value", line.quote);
            if (line.product.baseCurrency.equals("GBP")) {
                json.put("redeemPin", line.cards.stream().map(c -> c.get("redeemCardCode")).toList());
                json.put("redeemLink", line.cards.get(0).get("redeemLink"));
            } else {
                json.put("cards", line.cards);
            }
            json.put("redeemInstructions", map("tnc", "Terms apply.", "tncHtml", "<p>Terms apply.</p>",
                    "redeem", "Enter the code at checkout.", "redeemHtml", "<p>Enter the code at checkout.</p>",
                    "languageCode", "en"));
            redeem.put(line.variant.sku, json);
        }
        return redeem;
    }

    private Map<String, Object> orderJson(Order order) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (Line line : order.lines) {
            items.put(line.variant.sku, map("request", map("quote", line.quote, "quantity", line.quantity),
                    "customerDeal", deal(), "sku", line.variant.sku,
                    "shopItem", map("country", line.product.country, "quote", line.quote, "name", line.variant.name,
                            "region", line.product.region, "productType", line.product.productType,
                            "baseCurrency", line.product.baseCurrency)));
        }
        Map<String, Object> json = map("uid", order.id, "state", order.state, "products", items,
                "exchangeRates", ratesJson(), "invoice", invoice(order),
                "createdDate", timestamp(order.created), "modifiedDate", timestamp(order.modified),
                "reference", order.reference);
        if (order.state.equals("successful") || order.state.equals("partial")) {
            json.put("redeem", redeem(order));
        }
        return json;
    }

    private Map<String, Object> invoice(Order order) {
        List<Object> records = new ArrayList<>();
        for (Line line : order.lines) {
            String base = line.product.baseCurrency;
            BigDecimal face = line.quote.multiply(BigDecimal.valueOf(line.quantity));
            List<Object> items = new ArrayList<>();
            items.add(map("metaData", map("quantity", line.quantity, "quote", line.quote),
                    "effect", map("amount", face, "currency", base), "description", line.variant.name,
                    "type", "main-product"));
            if (!base.equals(order.wallet)) {
                Map<String, Object> rate = map("targetCurrency", base, "rate", rates.get(order.wallet + base),
                        "modifiedDate", timestamp(order.created), "baseCurrency", order.wallet);
                items.add(map("metaData", rate, "effect", map("amount", face.negate(), "currency", base),
                        "description", "Even out target currency: " + base, "type", "exchange-target-currency"));
                items.add(map("metaData", rate, "effect", map("amount", line.cost, "currency", order.wallet),
                        "description", "Payment in base currency: " + base, "type", "exchange-base-currency"));
            }
            Map<String, Object> totals = map(order.wallet, line.cost);
            if (!base.equals(order.wallet)) {
                totals.put(base, 0);
            }
            records.add(map("total", totals, "sku", line.variant.sku, "items", items));
        }
        return map("total", order.total(), "wallet", order.wallet, "records", records, "paymentMethod", "balance",
                "status", "paid");
    }

    private void sendWebhook(String url, Map<String, Object> body) {
        webhooksSent.add(body);
        String json = Json.write(body);
        webhookSender.execute(() -> {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() < 300) {
                        return;
                    }
                } catch (java.io.IOException e) {
                    // tried again below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    private static Map<String, Object> deal() {
        return map("dealState", "ACTIVE", "fee", map("amount", 0, "adjustmentMode", "percentage"),
                "discount", map("amount", 0, "adjustmentMode", "percentage"));
    }

    private static Map<String, Object> timestamp(Instant instant) {
        return map("_seconds", instant.getEpochSecond(), "_nanoseconds", instant.getNano());
    }

    private static int fractionDigits(String currency) {
        return currency.equals("IRT") ? 0 : 2;
    }

    private static Map<String, String> linked(String... skusAndQuotes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < skusAndQuotes.length; i += 2) {
            m.put(skusAndQuotes[i], skusAndQuotes[i + 1]);
        }
        return m;
    }

    private SimResponse ok(String message, Object data) {
        SimFault incomplete = incompleteAnswer();
        Object shaped = incomplete == null ? data : incomplete(data, incomplete);
        return SimResponse.json(200, map("message", message, "data", shaped));
    }

    /** {@code data} without quantity fields and/or one SKU's products, redeem data and invoice records. */
    private static Object incomplete(Object data, SimFault fault) {
        Object shaped = fault.dropsSku() && data instanceof Map<?, ?> m ? withoutSku(m, fault.droppedSku()) : data;
        return fault.omitsQuantities() ? SimJson.withoutKey(shaped, "quantity") : shaped;
    }

    /** An order (or a create answer) without {@code sku}: the order's last SKU when null. */
    private static Map<String, Object> withoutSku(Map<?, ?> order, String sku) {
        String target = sku;
        if (target == null && order.get("products") instanceof Map<?, ?> products && !products.isEmpty()) {
            target = String.valueOf(List.copyOf(products.keySet()).get(products.size() - 1));
        }
        if (target == null && order.get("invoice") instanceof Map<?, ?> invoice
                && invoice.get("records") instanceof List<?> records && !records.isEmpty()
                && records.get(records.size() - 1) instanceof Map<?, ?> last) {
            target = String.valueOf(last.get("sku"));
        }
        String drop = target;
        Map<String, Object> copy = new LinkedHashMap<>();
        order.forEach((k, v) -> {
            Object kept = v;
            if ((k.equals("products") || k.equals("redeem")) && v instanceof Map<?, ?> bySku) {
                Map<Object, Object> rest = new LinkedHashMap<>(bySku);
                rest.remove(drop);
                kept = rest;
            } else if ((k.equals("invoice") || k.equals("retailInvoice")) && v instanceof Map<?, ?> invoice) {
                Map<Object, Object> rest = new LinkedHashMap<>(invoice);
                if (invoice.get("records") instanceof List<?> records) {
                    rest.put("records", records.stream()
                            .filter(rec -> !(rec instanceof Map<?, ?> x && Objects.equals(drop, x.get("sku")))).toList());
                }
                kept = rest;
            }
            copy.put(String.valueOf(k), kept);
        });
        return copy;
    }

    private static SimResponse error(int status, String message) {
        return SimResponse.json(status, map("message", message));
    }

    /**
     * Runs the simulator standalone: {@code java ... GiftHubSimulator [port]} (default 8182).
     *
     * @param args the port to listen on, optional
     * @throws InterruptedException when the thread serving until the process ends is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8182;
        GiftHubSimulator simulator = GiftHubSimulator.onPort(port).withSampleData();
        simulator.start();
        System.out.println("GiftHub simulator at " + simulator.baseUrl() + " (client-id " + DEFAULT_CLIENT_ID
                + ", client secret from GiftHubSimulator.DEFAULT_CLIENT_SECRET)");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
