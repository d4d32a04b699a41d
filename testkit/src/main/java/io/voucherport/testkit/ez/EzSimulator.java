package io.voucherport.testkit.ez;

import static io.voucherport.testkit.sim.SimJson.map;

import io.voucherport.testkit.sim.SimCodes;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.sim.SimJson;
import io.voucherport.testkit.sim.SimRequest;
import io.voucherport.testkit.sim.SimResponse;
import io.voucherport.testkit.sim.Simulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A stateful simulator of the EZ Cards API v2, written from EZ's documentation.
 *
 * <ul>
 *   <li>Products with stock and prices; balances that go down as orders are paid.</li>
 *   <li>An instant order completes at once when in stock (one unit taken); otherwise it is
 *       {@code PROCESSING} and completes after {@link #asyncPolls(int)} polls of the order or its
 *       codes (default 2), or when {@link #fulfilPending()} is called.</li>
 *   <li>A bulk order is always {@code PROCESSING}; its codes appear progressively, a share per poll,
 *       over {@link #asyncPolls(int)} polls.</li>
 *   <li>{@code clientOrderNumber} with the dup check on: a repeat answers 409
 *       {@code CLIENT_ORDER_NUMBER_DUPLICATE}. Unknown SKU: 400. Unsupported {@code payWithCurrency}
 *       or a product currency without balance: 422 {@code UNSUPPORTED_CURRENCY}. Too little balance:
 *       400 {@code INSUFFICIENT_FUNDS}.</li>
 *   <li>A wrong {@code x-api-key} or bearer token: 401. Paging with {@code limit}/{@code page}.</li>
 *   <li>Faults per endpoint through {@link #inject}, including {@link SimFault#commitLater},
 *       {@link SimFault#insufficientFunds()} and incomplete answers ({@link SimFault#omitQuantities()},
 *       {@link SimFault#dropOneSku()}) on the create answers, {@code GET /v2/orders} and the codes.</li>
 *   <li>An eventually consistent order index when {@link #lookupLag(Duration)} is set.</li>
 * </ul>
 *
 * <p>PINs are ten digits (long enough that a leak test cannot match one by chance inside a UUID or a
 * timestamp); they are sent as JSON numbers, except PINs with leading zeros, which are sent as strings.
 */
public final class EzSimulator extends Simulator<EzSimulator.Endpoint> {

    /** The API key the simulator accepts unless told otherwise. */
    public static final String DEFAULT_API_KEY = "ez-sim-key-7f3a9c21d4e8";
    /** The bearer token the simulator accepts unless told otherwise. */
    public static final String DEFAULT_BEARER_TOKEN = "ez-sim-token-eyJhbGciOiJIUzI1NiJ9.c2lt";

    /** The simulated endpoints. */
    public enum Endpoint {
        /** Places an instant order (one SKU, quantity 1). */
        CREATE_INSTANT_ORDER,
        /** Places a bulk order (codes delivered progressively). */
        CREATE_BULK_ORDER,
        /** Lists orders, optionally by client order number (the caller's reference). */
        GET_ORDERS,
        /** Reads an order's codes. */
        GET_CODES,
        /** Reads the catalog. */
        GET_PRODUCTS,
        /** Reads the account balances. */
        GET_BALANCES,
        /** Reads the exchange rates. */
        GET_EXCHANGE_RATES
    }

    private record SimProduct(String sku, String name, String currency, BigDecimal faceValue, BigDecimal price,
            String country) {
    }

    private static final class SimCode {
        final long stockId;
        String redeemCode;
        String pin;

        SimCode(long stockId) {
            this.stockId = stockId;
        }

        boolean delivered() {
            return redeemCode != null;
        }
    }

    private static final class SimLine {
        final SimProduct product;
        final int quantity;
        final List<SimCode> codes = new ArrayList<>();

        SimLine(SimProduct product, int quantity) {
            this.product = product;
            this.quantity = quantity;
        }
    }

    private static final class SimOrder {
        final String transactionId;
        final String clientOrderNumber;
        final String payWithCurrency;
        final BigDecimal grandTotal;
        final Instant createdAt;
        final List<SimLine> lines;
        String status = "PROCESSING";
        int polls;
        boolean indexed;

        SimOrder(String transactionId, String clientOrderNumber, String payWithCurrency, BigDecimal grandTotal,
                Instant createdAt, List<SimLine> lines) {
            this.transactionId = transactionId;
            this.clientOrderNumber = clientOrderNumber;
            this.payWithCurrency = payWithCurrency;
            this.grandTotal = grandTotal;
            this.createdAt = createdAt;
            this.lines = lines;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimProduct> products = new LinkedHashMap<>();
    private final Map<String, Integer> stock = new LinkedHashMap<>();
    private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    private final Map<String, BigDecimal> rates = new LinkedHashMap<>();
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    private final List<String> delivered = new ArrayList<>();
    private String apiKey = DEFAULT_API_KEY;
    private String bearerToken = DEFAULT_BEARER_TOKEN;
    private int asyncPolls = 2;
    private long nextStockId = 1;
    private Clock clock = Clock.systemUTC();
    private Duration lookupLag = Duration.ZERO;
    private int duplicateStatus = 409;
    private boolean lookupMatchesPrefix;

    private EzSimulator(int port) {
        super("ez", port, Endpoint.class);
    }

    /** {@return a simulator on any free port, not started} */
    public static EzSimulator create() {
        return new EzSimulator(0);
    }

    /**
     * {@return a simulator on {@code port}, not started}
     *
     * @param port the port to listen on, 0 for any free port
     */
    public static EzSimulator onPort(int port) {
        return new EzSimulator(port);
    }

    /**
     * Accepts these credentials instead of the defaults.
     *
     * @param key the API key an adapter must send as {@code x-api-key}, not null
     * @param token the token (a secret)
     * @return this simulator
     */
    public synchronized EzSimulator credentials(String key, String token) {
        this.apiKey = Objects.requireNonNull(key);
        this.bearerToken = Objects.requireNonNull(token);
        return this;
    }

    /**
     * Adds a product with {@code stock} units ready for instant delivery.
     *
     * @param sku the product's SKU, unique in this simulator
     * @param name the product's display name
     * @param currency the currency of face value and price, e.g. {@code "USD"}
     * @param faceValue the value of one code, as decimal text
     * @param price what one code costs the buyer, as decimal text
     * @param units how many codes are ready for instant delivery, 0 or more
     * @return this simulator
     */
    public synchronized EzSimulator product(String sku, String name, String currency, String faceValue, String price,
            int units) {
        products.put(sku, new SimProduct(sku, name, currency, new BigDecimal(faceValue), new BigDecimal(price), "US"));
        stock.put(sku, units);
        return this;
    }

    /**
     * Sets a balance.
     *
     * @param currency the balance's currency code, e.g. {@code "USD"}
     * @param amount the funds available, as decimal text
     * @return this simulator
     */
    public synchronized EzSimulator balance(String currency, String amount) {
        balances.put(currency, new BigDecimal(amount));
        return this;
    }

    /**
     * Sets the rate to convert {@code base} into {@code quote}.
     *
     * @param base the currency converted from, e.g. {@code "USD"}
     * @param quote the currency converted into, e.g. {@code "CAD"}
     * @param rate units of {@code quote} per unit of {@code base}, as decimal text
     * @return this simulator
     */
    public synchronized EzSimulator exchangeRate(String base, String quote, String rate) {
        rates.put(base + quote, new BigDecimal(rate));
        return this;
    }

    /**
     * Polls after which asynchronous orders complete (bulk codes appear a share per poll).
     *
     * @param polls how many polls an asynchronous order takes to complete, at least 1
     * @return this simulator
     */
    public synchronized EzSimulator asyncPolls(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1");
        }
        this.asyncPolls = polls;
        return this;
    }

    /**
     * The clock stamping {@code createdAt}.
     *
     * @param clock the clock to read time from, not null
     * @return this simulator
     */
    public synchronized EzSimulator clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * When on, {@code GET /v2/orders} filters ({@code transactionId}, {@code clientOrderNumber})
     * match every order whose value starts with the one asked for, as a search index may (order-1
     * also finds order-12). Off by default: exact matches only.
     *
     * @param on true for prefix matches, false for exact matches only
     * @return this simulator
     */
    public synchronized EzSimulator lookupMatchesPrefix(boolean on) {
        this.lookupMatchesPrefix = on;
        return this;
    }

    /**
     * Orders reach {@code GET /v2/orders} (by {@code clientOrderNumber}, {@code transactionId} or
     * unfiltered) only {@code lag} after their commit, by {@link #clock(Clock)}: an eventually
     * consistent index. The duplicate check, the codes endpoint and the counting helpers see them
     * at once. Default zero.
     *
     * @param lag how long after placement an order is missing from {@code GET /v2/orders}, not
     *     negative
     * @return this simulator
     */
    public synchronized EzSimulator lookupLag(Duration lag) {
        if (Objects.requireNonNull(lag, "lag").isNegative()) {
            throw new IllegalArgumentException("lag must not be negative: " + lag);
        }
        this.lookupLag = lag;
        return this;
    }

    /**
     * The status a duplicate {@code clientOrderNumber} is refused with
     * ({@code CLIENT_ORDER_NUMBER_DUPLICATE}); default 409.
     *
     * @param status the HTTP status of the refusal, e.g. 409 or 400
     * @return this simulator
     */
    public synchronized EzSimulator duplicateStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx but was " + status);
        }
        this.duplicateStatus = status;
        return this;
    }

    /**
     * {@return a typical catalog: two in-stock USD products, one out of stock, and 10,000 USD of balance, as {@link EzSampleData} lists them}
     */
    public synchronized EzSimulator withSampleData() {
        for (EzSampleData.Product p : EzSampleData.PRODUCTS) {
            product(p.sku(), p.name(), p.currency(), p.faceValue(), p.price(), p.stock());
        }
        balance("USD", EzSampleData.USD_BALANCE);
        exchangeRate("EUR", "USD", EzSampleData.EUR_USD_RATE);
        exchangeRate("USD", "CAD", EzSampleData.USD_CAD_RATE);
        return this;
    }

    /**
     * The end of the day: commits the requests {@link SimFault#commitLater} holds, then
     * completes every processing order, delivering all its codes, and lets lookups see every order.
     */
    public synchronized void fulfilPending() {
        commitHeldNow();
        orders.values().stream().filter(o -> o.status.equals("PROCESSING")).forEach(o -> complete(o, true));
        orders.values().forEach(o -> o.indexed = true);
    }

    /**
     * {@return every paid order (each order is paid when it is committed), as reference → transaction ids
     * in commit order; orders without a {@code clientOrderNumber} under {@code ""}} Requests held
     * by {@link SimFault#commitLater} count once committed.
     */
    public synchronized Map<String, List<String>> paidOrders() {
        Map<String, List<String>> paid = new LinkedHashMap<>();
        orders.values().forEach(o -> paid.computeIfAbsent(o.clientOrderNumber == null ? "" : o.clientOrderNumber,
                k -> new ArrayList<>()).add(o.transactionId));
        paid.replaceAll((k, v) -> List.copyOf(v));
        return paid;
    }

    /**
     * {@return the redeem codes and PINs delivered so far for order {@code transactionId} (empty when unknown)}
     *
     * @param transactionId EZ's transaction id of the order
     */
    public synchronized List<String> deliveredSecretsOf(String transactionId) {
        SimOrder order = orders.get(transactionId);
        List<String> secrets = new ArrayList<>();
        if (order != null) {
            order.lines.forEach(l -> l.codes.stream().filter(SimCode::delivered).forEach(c -> {
                secrets.add(c.redeemCode);
                secrets.add(c.pin);
            }));
        }
        return secrets;
    }

    /**
     * {@return how many committed orders carry {@code clientOrderNumber} (more than one means a double purchase)}
     *
     * @param clientOrderNumber the caller's reference as sent to EZ
     */
    public synchronized int ordersWithReference(String clientOrderNumber) {
        return (int) orders.values().stream().filter(o -> clientOrderNumber.equals(o.clientOrderNumber)).count();
    }

    /** {@return every order's reference and the number of orders with it} */
    public synchronized Map<String, Long> ordersPerReference() {
        return orders.values().stream().filter(o -> o.clientOrderNumber != null)
                .collect(Collectors.groupingBy(o -> o.clientOrderNumber, LinkedHashMap::new, Collectors.counting()));
    }

    /** {@return how many orders exist} */
    public synchronized int orderCount() {
        return orders.size();
    }

    /**
     * {@return the current balance of {@code currency}}
     *
     * @param currency the balance's currency code, e.g. {@code "USD"}
     */
    public synchronized BigDecimal balanceOf(String currency) {
        return balances.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** {@return every code the simulator has delivered so far (for tests that prove secrets never leak)} */
    public synchronized List<String> deliveredSecrets() {
        return List.copyOf(delivered);
    }

    @Override
    protected Endpoint endpointOf(SimRequest r) {
        List<String> s = r.segments();
        if (s.size() < 2 || !s.get(0).equals("v2")) {
            return null;
        }
        String resource = s.get(1);
        boolean get = r.method().equals("GET");
        boolean post = r.method().equals("POST");
        if (resource.equals("orders")) {
            if (s.size() == 2) {
                return post ? Endpoint.CREATE_BULK_ORDER : get ? Endpoint.GET_ORDERS : null;
            }
            if (s.size() == 3 && s.get(2).equals("instant") && post) {
                return Endpoint.CREATE_INSTANT_ORDER;
            }
            return s.size() == 4 && s.get(3).equals("codes") && get ? Endpoint.GET_CODES : null;
        }
        if (!get || s.size() != 2) {
            return null;
        }
        return switch (resource) {
            case "products" -> Endpoint.GET_PRODUCTS;
            case "balances" -> Endpoint.GET_BALANCES;
            case "exchange-rates" -> Endpoint.GET_EXCHANGE_RATES;
            default -> null;
        };
    }

    @Override
    protected SimResponse handle(Endpoint endpoint, SimRequest r) {
        boolean keyOk = r.header("x-api-key").filter(apiKey::equals).isPresent();
        boolean tokenOk = r.header("Authorization").filter(("Bearer " + bearerToken)::equals).isPresent();
        if (!keyOk || !tokenOk) {
            return error(401, "UNAUTHORIZED", "invalid API key or access token", null);
        }
        return switch (endpoint) {
            case CREATE_INSTANT_ORDER -> createOrder(r, true);
            case CREATE_BULK_ORDER -> createOrder(r, false);
            case GET_ORDERS -> listOrders(r);
            case GET_CODES -> codes(r);
            case GET_PRODUCTS -> listProducts(r);
            case GET_BALANCES -> ok(balances.entrySet().stream()
                    .filter(b -> r.param("currency").map(b.getKey()::equals).orElse(true))
                    .map(b -> map("balance", b.getValue().setScale(2, RoundingMode.DOWN).toPlainString(),
                            "currency", b.getKey()))
                    .toList());
            case GET_EXCHANGE_RATES -> exchangeRates(r);
        };
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @Override
    protected SimResponse insufficientFunds() {
        return error(400, "INSUFFICIENT_FUNDS", "balance too low", null);
    }

    @Override
    protected String errorBody(int status, String message) {
        return com.github.tomakehurst.wiremock.common.Json.write(
                map("requestId", UUID.randomUUID().toString(), "error", "HTTP_" + status, "message", message));
    }

    private SimResponse createOrder(SimRequest r, boolean instant) {
        Map<String, Object> body = r.json();
        String reference = (String) body.get("clientOrderNumber");
        boolean dupCheck = Boolean.TRUE.equals(body.get("enableClientOrderNumberDupCheck"));
        if (reference != null && dupCheck && ordersWithReference(reference) > 0) {
            return error(duplicateStatus, "CLIENT_ORDER_NUMBER_DUPLICATE", "clientOrderNumber already used", reference);
        }
        List<SimLine> lines = new ArrayList<>();
        if (instant) {
            Object sku = body.get("sku");
            if (!(sku instanceof String s) || !products.containsKey(s)) {
                return error(400, "INVALID_SKU", "unknown sku", null);
            }
            lines.add(new SimLine(products.get(s), 1));
        } else {
            Object list = body.get("products");
            if (!(list instanceof List<?> items) || items.isEmpty()) {
                return error(400, "INVALID_PRODUCTS", "products must not be empty", null);
            }
            for (Object item : items) {
                Map<?, ?> line = (Map<?, ?>) item;
                SimProduct product = products.get(String.valueOf(line.get("sku")));
                int quantity = line.get("quantity") instanceof Number n ? n.intValue() : 0;
                if (product == null || quantity < 1) {
                    return error(400, "INVALID_SKU", "unknown sku or bad quantity", null);
                }
                lines.add(new SimLine(product, quantity));
            }
            if (lines.stream().map(l -> l.product.currency).distinct().count() > 1) {
                return error(400, "MIXED_CURRENCIES", "all products must share one currency", null);
            }
        }
        String productCurrency = lines.get(0).product.currency;
        String payWith = (String) body.get("payWithCurrency");
        String currency = payWith != null ? payWith : productCurrency;
        if (!balances.containsKey(currency)) {
            return error(422, "UNSUPPORTED_CURRENCY", "currency " + currency + " is not supported", null);
        }
        BigDecimal rate = currency.equals(productCurrency) ? BigDecimal.ONE : rates.get(productCurrency + currency);
        if (rate == null) {
            return error(422, "UNSUPPORTED_CURRENCY", "no rate from " + productCurrency + " to " + currency, null);
        }
        BigDecimal total = lines.stream().map(l -> l.product.price.multiply(BigDecimal.valueOf(l.quantity)))
                .reduce(BigDecimal.ZERO, BigDecimal::add).multiply(rate).setScale(2, RoundingMode.HALF_UP);
        if (balances.get(currency).compareTo(total) < 0) {
            return error(400, "INSUFFICIENT_FUNDS", "balance too low", null);
        }
        balances.merge(currency, total.negate(), BigDecimal::add);
        SimOrder order = new SimOrder("ez-" + UUID.randomUUID(), reference, payWith, total, commitTime(), lines);
        for (SimLine line : lines) {
            for (int i = 0; i < line.quantity; i++) {
                line.codes.add(new SimCode(nextStockId++));
            }
        }
        orders.put(order.transactionId, order);
        if (instant && stock.getOrDefault(lines.get(0).product.sku, 0) > 0) {
            stock.merge(lines.get(0).product.sku, -1, Integer::sum);
            complete(order, true);
        }
        return ok(orderJson(order, true));
    }

    private SimResponse listOrders(SimRequest r) {
        List<SimOrder> matching = orders.values().stream()
                .filter(this::indexed)
                .filter(o -> r.param("transactionId").map(t -> lookupMatches(t, o.transactionId)).orElse(true))
                .filter(o -> r.param("clientOrderNumber").map(c -> lookupMatches(c, o.clientOrderNumber)).orElse(true))
                .toList();
        if (r.param("transactionId").isPresent()) {
            matching.stream().filter(o -> o.transactionId.equals(r.param("transactionId").get())).forEach(this::poll);
        }
        return ok(page(r, matching.stream().map(o -> orderJson(o, false)).toList()));
    }

    private boolean lookupMatches(String asked, String value) {
        return value != null && (lookupMatchesPrefix ? value.startsWith(asked) : value.equals(asked));
    }

    private SimResponse codes(SimRequest r) {
        SimOrder order = orders.get(r.segments().get(2));
        if (order == null) {
            return error(404, "NOT_FOUND", "no such order", null);
        }
        poll(order);
        Optional<String> sku = r.param("sku");
        Set<String> stockIds = r.param("stockIds").map(s -> Set.of(s.split(","))).orElse(Set.of());
        Optional<String> status = r.param("status");   // EZ's example filters by code status
        List<Object> data = new ArrayList<>();
        for (SimLine line : order.lines) {
            if (sku.isPresent() && !sku.get().equals(line.product.sku)) {
                continue;
            }
            List<?> codes = line.codes.stream()
                    .filter(c -> stockIds.isEmpty() || stockIds.contains(String.valueOf(c.stockId)))
                    .filter(c -> status.isEmpty() || status.get().equals(c.delivered() ? "COMPLETED" : "PROCESSING"))
                    .map(c -> map("stockId", c.stockId, "status", c.delivered() ? "COMPLETED" : "PROCESSING",
                            "redeemCode", c.redeemCode, "pinCode", c.pin == null ? null
                                    : c.pin.startsWith("0") ? c.pin : (Object) Long.valueOf(c.pin)))
                    .toList();
            data.add(map("sku", line.product.sku, "quantity", line.quantity, "codes", codes));
        }
        return ok(data);
    }

    private SimResponse listProducts(SimRequest r) {
        Set<String> skus = r.param("sku").map(s -> Set.of(s.split(","))).orElse(Set.of());
        List<?> items = products.values().stream()
                .filter(p -> skus.isEmpty() || skus.contains(p.sku))
                .map(p -> map("sku", p.sku, "name", p.name, "countryCode", p.country,
                        "faceValue", money(p.faceValue, p.currency), "price", money(p.price, p.currency),
                        "deliveryType", "INSTANT"))
                .toList();
        return ok(page(r, items));
    }

    private SimResponse exchangeRates(SimRequest r) {
        Set<String> pairs = r.param("pairs").map(s -> Set.of(s.split(","))).orElse(Set.of());
        List<?> list = rates.entrySet().stream()
                .filter(e -> pairs.isEmpty() || pairs.contains(e.getKey()))
                .map(e -> map("pair", e.getKey(), "base", e.getKey().substring(0, 3), "quote", e.getKey().substring(3),
                        "rate", e.getValue().toPlainString()))
                .toList();
        return ok(map("updatedAt", clock.instant().toString(), "productCurrencies", List.copyOf(
                products.values().stream().map(SimProduct::currency).distinct().toList()), "rates", list));
    }

    /** Whether lookups see the order: its commit is {@link #lookupLag} old, or the index caught up. */
    private boolean indexed(SimOrder order) {
        return order.indexed || !clock.instant().isBefore(order.createdAt.plus(lookupLag));
    }

    /** One poll of a processing order: it progresses, and completes after {@code asyncPolls} polls. */
    private void poll(SimOrder order) {
        if (!order.status.equals("PROCESSING")) {
            return;
        }
        order.polls++;
        int total = order.lines.stream().mapToInt(l -> l.quantity).sum();
        int due = (int) Math.min(total, Math.ceil((double) total * order.polls / asyncPolls));
        boolean bulk = order.lines.size() > 1 || order.lines.get(0).quantity > 1;
        if (order.polls >= asyncPolls) {
            complete(order, true);
        } else if (bulk) {
            deliver(order, due);
        }
    }

    private void complete(SimOrder order, boolean all) {
        deliver(order, Integer.MAX_VALUE);
        order.status = "COMPLETED";
    }

    private void deliver(SimOrder order, int upTo) {
        int count = 0;
        for (SimLine line : order.lines) {
            for (SimCode code : line.codes) {
                if (count++ >= upTo) {
                    return;
                }
                if (!code.delivered()) {
                    code.redeemCode = SimCodes.code(random, 6);
                    code.pin = SimCodes.pin(random);
                    delivered.add(code.redeemCode);
                    delivered.add(code.pin);
                }
            }
        }
    }

    private Map<String, Object> orderJson(SimOrder o, boolean full) {
        String productCurrency = o.lines.get(0).product.currency;
        List<?> lines = o.lines.stream().map(l -> map("sku", l.product.sku, "quantity", l.quantity,
                "unitPrice", money(l.product.price, productCurrency),
                "totalPrice", money(l.product.price.multiply(BigDecimal.valueOf(l.quantity)), productCurrency),
                "status", o.status)).toList();
        Map<String, Object> json = map("transactionId", o.transactionId, "clientOrderNumber", o.clientOrderNumber,
                "ezOrderNumber", "EZ" + Math.abs(o.transactionId.hashCode()),
                "grandTotal", money(o.grandTotal, o.payWithCurrency != null ? o.payWithCurrency : productCurrency),
                "createdAt", o.createdAt.toString(), "status", o.status, "products", lines);
        if (full && o.payWithCurrency != null) {
            json.put("payWithCurrency", o.payWithCurrency);
            json.put("fxSummary", List.of(map("pair", productCurrency + "/" + o.payWithCurrency,
                    "rate", rates.getOrDefault(productCurrency + o.payWithCurrency, BigDecimal.ONE),
                    "asOfDate", o.createdAt.toString())));
        }
        return json;
    }

    private static Map<String, Object> page(SimRequest r, List<?> all) {
        int limit = Math.max(1, Math.min(1000, r.intParam("limit", 10)));
        int page = Math.max(1, r.intParam("page", 1));
        int from = Math.min(all.size(), (page - 1) * limit);
        List<?> items = all.subList(from, Math.min(all.size(), from + limit));
        return map("total", all.size(), "page", page, "pageSize", limit,
                "totalPage", (all.size() + limit - 1) / limit, "items", items);
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return map("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), "currency", currency);
    }

    private SimResponse ok(Object data) {
        SimFault incomplete = incompleteAnswer();
        Object shaped = incomplete == null ? data : incomplete(data, incomplete);
        return SimResponse.json(200, map("requestId", UUID.randomUUID().toString(), "data", shaped));
    }

    /** {@code data} without quantity fields and/or one SKU's lines and codes, as the fault says. */
    private static Object incomplete(Object data, SimFault fault) {
        Object shaped = fault.dropsSku() ? withoutSku(data, fault.droppedSku()) : data;
        return fault.omitsQuantities() ? SimJson.withoutKey(shaped, "quantity") : shaped;
    }

    /** Codes ({@code [{sku, ...}]}), an order ({@code products}) or a page of orders ({@code items}) without one SKU. */
    private static Object withoutSku(Object data, String sku) {
        if (data instanceof List<?> perSku) {
            return withoutSkuEntry(perSku, sku);
        }
        if (data instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), !(v instanceof List<?> l) ? v
                    : k.equals("products") ? withoutSkuEntry(l, sku)
                    : k.equals("items") ? l.stream().map(item -> withoutSku(item, sku)).toList() : v));
            return copy;
        }
        return data;
    }

    /** A copy without the last entry whose {@code sku} is {@code sku} (any SKU when null). */
    private static List<Object> withoutSkuEntry(List<?> entries, String sku) {
        List<Object> copy = new ArrayList<>(entries);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if (copy.get(i) instanceof Map<?, ?> e && e.containsKey("sku") && (sku == null || sku.equals(e.get("sku")))) {
                copy.remove(i);
                break;
            }
        }
        return copy;
    }

    private static SimResponse error(int status, String code, String message, String clientOrderNumber) {
        Map<String, Object> body = map("requestId", UUID.randomUUID().toString(), "error", code, "message", message);
        if (clientOrderNumber != null) {
            body.put("clientOrderNumber", clientOrderNumber);
        }
        return SimResponse.json(status, body);
    }

    /**
     * Runs the simulator standalone: {@code java ... EzSimulator [port]} (default 8181).
     *
     * @param args the port to listen on, optional
     * @throws InterruptedException when the thread serving until the process ends is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8181;
        EzSimulator simulator = EzSimulator.onPort(port).withSampleData();
        simulator.start();
        System.out.println("EZ Cards simulator at " + simulator.baseUrl() + " (x-api-key " + DEFAULT_API_KEY
                + ", bearer token from EzSimulator.DEFAULT_BEARER_TOKEN); products "
                + Arrays.toString(simulator.products.keySet().toArray()));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
