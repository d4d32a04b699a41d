package io.voucherport.testkit.fake;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.OrderedLine;
import io.voucherport.domain.supply.PriceTier;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An in-memory {@link CodeSupplier} for unit tests of code that buys codes: no HTTP, full control.
 *
 * <ul>
 *   <li>One SKU × 1 in stock completes at once; anything else is {@code PROCESSING} until
 *       {@link #fulfilPending()}, {@link #settle} or {@link #pollsToComplete(int)} polls.</li>
 *   <li>References are unique: a repeat is refused with {@code DuplicateReference} carrying the
 *       existing order, exactly like a real supplier with its dup check on.</li>
 *   <li>{@link #failNext} makes the next call of an operation fail; {@link #commitThenFailNextPlace}
 *       makes the next purchase take effect and still answer {@code OutcomeUnknown}.</li>
 *   <li>{@link #calls} counts calls per operation; {@link #ordersWithReference} proves nothing was
 *       bought twice.</li>
 * </ul>
 * Thread-safe.
 */
public final class InMemoryCodeSupplier implements CodeSupplier {

    /** The provider name in failures. */
    public static final String PROVIDER = "in-memory";

    /** The port's operations, for fault injection and call counts. */
    public enum Operation {
        /** {@code catalog}. */
        CATALOG,
        /** {@code balances}. */
        BALANCES,
        /** {@code place}. */
        PLACE,
        /** {@code findOrder}. */
        FIND_ORDER,
        /** {@code findOrderByReference}. */
        FIND_BY_REFERENCE,
        /** {@code fetchCodes}. */
        FETCH_CODES
    }

    private static final class FakeOrder {
        final SupplierOrder order;
        OrderStatus status;
        final Map<Sku, Integer> delivered = new LinkedHashMap<>();
        final Map<Sku, List<DeliveredCode>> codes = new LinkedHashMap<>();
        int polls;
        final Instant completesAt;

        FakeOrder(SupplierOrder order, Instant completesAt) {
            this.order = order;
            this.status = order.status();
            this.completesAt = completesAt;
        }
    }

    private final Map<Sku, Product> products = new LinkedHashMap<>();
    private final Map<Sku, Integer> stock = new LinkedHashMap<>();
    private final Map<SupplierOrderId, FakeOrder> orders = new LinkedHashMap<>();
    private final Map<OrderReference, SupplierOrderId> byReference = new LinkedHashMap<>();
    private final List<Balance> balances = new ArrayList<>();
    private final Map<Operation, Deque<ProviderFailure>> failures = new EnumMap<>(Operation.class);
    private final Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
    private final Clock clock;
    private int pollsToComplete = Integer.MAX_VALUE;
    private Duration completeAfter;
    private int commitThenFail;
    private int pageSize = 2;
    private Duration lookupLag = Duration.ZERO;
    private boolean lookupByPrefix;
    private final Deque<CodesFault> codesFaults = new ArrayDeque<>();
    private final Map<String, ProviderFailure> failCalls = new java.util.HashMap<>();

    /** How one answer of {@code fetchCodes} misreports an order. */
    public enum CodesFault {
        /** Every SKU's quantity is left out (read as 0) and only its first delivered code is listed. */
        OMIT_QUANTITIES,
        /** The last SKU of the order is left out of the answer altogether. */
        DROP_ONE_SKU
    }

    /** An empty supplier with a UTC system clock. */
    public InMemoryCodeSupplier() {
        this(Clock.systemUTC());
    }

    /**
     * An empty supplier stamping orders with {@code clock}.
     *
     * @param clock the clock placed orders and lookup lags are measured on, not null
     */
    public InMemoryCodeSupplier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds a fixed-value product priced at its face value with {@code units} in stock.
     *
     * @param sku the product's SKU, not null; replaces a product with the same SKU
     * @param faceValue the value of one code, which is also its price
     * @param currency the ISO 4217 currency
     * @param units how many codes are in stock, 0 or more; a single-code order of an in-stock SKU
     *     completes at once, anything else stays processing
     * @return this supplier
     */
    public synchronized InMemoryCodeSupplier product(String sku, String faceValue, String currency, int units) {
        Money value = Money.of(faceValue, currency);
        products.put(Sku.of(sku), new Product(Sku.of(sku), sku, new ProductValue.Fixed(value),
                List.of(new PriceTier(1, value)), true, Option.none()));
        stock.put(Sku.of(sku), units);
        return this;
    }

    /**
     * Adds a balance.
     *
     * @param amount the funds held, not negative
     * @param currency the ISO 4217 currency
     * @return this supplier
     */
    public synchronized InMemoryCodeSupplier balance(String amount, String currency) {
        balances.add(Balance.of(Money.of(amount, currency)));
        return this;
    }

    /**
     * Processing orders complete by themselves after this many polls (find or fetch codes).
     *
     * @param polls how many polls an order stays processing before it completes by itself, 0 or
     *     more
     * @return this supplier
     */
    public synchronized InMemoryCodeSupplier pollsToComplete(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1");
        }
        this.pollsToComplete = polls;
        return this;
    }

    /**
     * Processing orders placed from now on complete by themselves once {@code delay} has passed on
     * this supplier's clock (seen at the next poll).
     *
     * @param delay how long on this supplier's clock an order stays processing, not null
     * @return this supplier
     */
    public synchronized InMemoryCodeSupplier completeAfter(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or more");
        }
        this.completeAfter = delay;
        return this;
    }

    /**
     * Catalog page size (default 2, so paging is exercised).
     *
     * @param size products per catalog page, at least 1
     * @return this supplier
     */
    public synchronized InMemoryCodeSupplier pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /**
     * The next call of {@code operation} fails with {@code failure}; several queue up.
     *
     * @param operation the operation being called
     * @param failure the failure the call answers instead of acting, not null
     */
    public synchronized void failNext(Operation operation, ProviderFailure failure) {
        failures.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(Objects.requireNonNull(failure));
    }

    /**
     * An order shows in {@link #findOrderByReference} only {@code lag} after it was placed (an
     * eventually consistent index; the supplier's own duplicate check is not delayed).
     *
     * @param lag how long after placement an order stays invisible to
     *     {@link #findOrderByReference}, not null
     * @return this supplier
     */
    public synchronized InMemoryCodeSupplier lookupLag(Duration lag) {
        this.lookupLag = Objects.requireNonNull(lag, "lag");
        return this;
    }

    /**
     * Whether {@link #findOrderByReference} answers the first order whose reference merely starts
     * with the one asked for (a loose search index), as some suppliers' filters do.
     *
     * @param prefix true for a loose, prefix-matching lookup; false (the default) for an exact one
     * @return this supplier
     */
    public synchronized InMemoryCodeSupplier lookupByPrefix(boolean prefix) {
        this.lookupByPrefix = prefix;
        return this;
    }

    /**
     * The next answer of {@code fetchCodes} misreports the order as {@code fault} says; several queue up.
     *
     * @param fault the fault to inject
     */
    public synchronized void misreportNextCodes(CodesFault fault) {
        codesFaults.add(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * The {@code n}-th call of {@code operation}, counting every call so far, fails with {@code failure}.
     *
     * @param operation the operation being called
     * @param n which call fails, counting from 1 over every call of {@code operation} so far
     * @param failure the failure that call answers instead of acting, not null
     */
    public synchronized void failCall(Operation operation, int n, ProviderFailure failure) {
        failCalls.put(operation.name() + "#" + n, Objects.requireNonNull(failure, "failure"));
    }

    /** The next purchase takes effect, yet answers {@code OutcomeUnknown} (a timeout after commit). */
    public synchronized void commitThenFailNextPlace() {
        commitThenFail++;
    }

    /** Completes every processing order, delivering every code. */
    public synchronized void fulfilPending() {
        orders.values().stream().filter(o -> !o.status.isTerminal()).forEach(o -> settle(o, OrderStatus.COMPLETED, 0));
    }

    /**
     * Ends an order in {@code status}; for completed and partially completed orders, every code is
     * delivered but {@code missingPerSku} per SKU.
     *
     * @param id the order to end, as {@link #place} returned it; not null
     * @param status the status to end it in, not null
     * @param missingPerSku how many codes per SKU stay undelivered for a partially completed order,
     *     0 or more
     */
    public synchronized void settle(SupplierOrderId id, OrderStatus status, int missingPerSku) {
        FakeOrder order = orders.get(id);
        if (order == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        settle(order, status, missingPerSku);
    }

    /**
     * {@return how many calls {@code operation} received}
     *
     * @param operation the operation being called
     */
    public synchronized int calls(Operation operation) {
        return calls.getOrDefault(operation, 0);
    }

    /**
     * {@return how many orders carry {@code reference}: 0 or 1, never more}
     *
     * @param reference the caller's order reference, unique per purchase
     */
    public synchronized int ordersWithReference(OrderReference reference) {
        return (int) orders.values().stream().filter(o -> o.order.reference().contains(reference)).count();
    }

    /** {@return how many orders exist} */
    public synchronized int orderCount() {
        return orders.size();
    }

    @Override
    public PagedSequence<Product> catalog() {
        return PagedSequence.of(1, page -> {
            synchronized (this) {
                return failOr(Operation.CATALOG, () -> {
                    List<Product> all = List.copyOf(products.values());
                    int from = Math.min(all.size(), (page - 1) * pageSize);
                    int to = Math.min(all.size(), from + pageSize);
                    return new Page<Integer, Product>(all.subList(from, to),
                            to < all.size() ? Option.some(page + 1) : Option.none());
                });
            }
        });
    }

    @Override
    public synchronized Either<ProviderFailure, List<Balance>> balances() {
        return failOr(Operation.BALANCES, () -> List.copyOf(balances));
    }

    @Override
    public synchronized Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        Option<ProviderFailure> failure = call(Operation.PLACE);
        if (failure.isDefined()) {
            return Either.left(failure.get());
        }
        SupplierOrderId existing = byReference.get(request.reference());
        if (existing != null) {
            return Either.left(new ProviderFailure.DuplicateReference(details(409, "reference already used"),
                    request.reference(), Option.some(current(orders.get(existing)))));
        }
        for (OrderLine line : request.lines()) {
            if (!products.containsKey(line.sku())) {
                return Either.left(new ProviderFailure.InvalidRequest(details(400, "unknown sku " + line.sku()),
                        List.of("unknown sku " + line.sku())));
            }
        }
        List<OrderedLine> lines = request.lines().stream().map(l -> {
            Money unit = ((ProductValue.Fixed) products.get(l.sku()).value()).faceValue();
            return new OrderedLine(l.sku(), l.quantity(), Option.some(unit), Option.some(unit.times(l.quantity())),
                    OrderStatus.PROCESSING);
        }).toList();
        SupplierOrder order = new SupplierOrder(SupplierOrderId.of("mem-" + UUID.randomUUID()),
                Option.some(request.reference()), OrderStatus.PROCESSING, lines, Option.none(),
                Option.some(clock.instant()));
        FakeOrder fake = new FakeOrder(order, completeAfter == null ? null : clock.instant().plus(completeAfter));
        orders.put(order.id(), fake);
        byReference.put(request.reference(), order.id());
        OrderLine only = request.lines().get(0);
        if (request.lines().size() == 1 && only.quantity() == 1 && stock.getOrDefault(only.sku(), 0) > 0) {
            stock.merge(only.sku(), -1, Integer::sum);
            settle(fake, OrderStatus.COMPLETED, 0);
        }
        if (commitThenFail > 0) {
            commitThenFail--;
            return Either.left(new ProviderFailure.OutcomeUnknown(FailureDetails.of(PROVIDER, "simulated timeout after commit")));
        }
        return Either.right(current(fake));
    }

    @Override
    public synchronized Either<ProviderFailure, SupplierOrder> findOrder(SupplierOrderId id) {
        return polled(Operation.FIND_ORDER, id).map(this::current);
    }

    @Override
    public synchronized Either<ProviderFailure, Option<SupplierOrder>> findOrderByReference(OrderReference reference) {
        Objects.requireNonNull(reference, "reference");
        return failOr(Operation.FIND_BY_REFERENCE, () -> Option.ofOptional(orders.values().stream()
                .filter(o -> o.order.reference().exists(r -> lookupByPrefix ? r.value().startsWith(reference.value())
                        : r.equals(reference)))
                .filter(o -> !clock.instant().isBefore(o.order.createdAt().get().plus(lookupLag)))
                .findFirst()).map(this::current));
    }

    @Override
    public synchronized Either<ProviderFailure, OrderCodes> fetchCodes(SupplierOrderId id) {
        return polled(Operation.FETCH_CODES, id).map(this::codes).map(codes -> misreported(codes, codesFaults.poll()));
    }

    private static OrderCodes misreported(OrderCodes codes, CodesFault fault) {
        if (fault == CodesFault.OMIT_QUANTITIES) {
            return new OrderCodes(codes.orderId(), codes.skus().stream()
                    .map(s -> new SkuCodes(s.sku(), 0, s.delivered().stream().limit(1).toList())).toList());
        }
        if (fault == CodesFault.DROP_ONE_SKU) {
            return new OrderCodes(codes.orderId(), codes.skus().subList(0, Math.max(0, codes.skus().size() - 1)));
        }
        return codes;
    }

    private OrderCodes codes(FakeOrder order) {
        List<SkuCodes> skus = order.order.lines().stream().map(l -> {
            List<DeliveredCode> codes = new ArrayList<>(order.codes.getOrDefault(l.sku(), List.of()));
            while (codes.size() < l.quantity() && !order.status.isTerminal()) {
                codes.add(DeliveredCode.pending(Option.none()));
            }
            return new SkuCodes(l.sku(), l.quantity(), codes);
        }).toList();
        return new OrderCodes(order.order.id(), skus);
    }

    /** The order after one poll, or the injected failure, or not found. */
    private Either<ProviderFailure, FakeOrder> polled(Operation operation, SupplierOrderId id) {
        Objects.requireNonNull(id, "id");
        Option<ProviderFailure> failure = call(operation);
        if (failure.isDefined()) {
            return Either.left(failure.get());
        }
        FakeOrder order = orders.get(id);
        if (order == null) {
            return Either.left(new ProviderFailure.NotFound(details(404, "no order " + id)));
        }
        poll(order);
        return Either.right(order);
    }

    private void poll(FakeOrder order) {
        boolean due = order.completesAt != null && !clock.instant().isBefore(order.completesAt);
        if (!order.status.isTerminal() && (++order.polls >= pollsToComplete || due)) {
            settle(order, OrderStatus.COMPLETED, 0);
        }
    }

    private void settle(FakeOrder order, OrderStatus status, int missingPerSku) {
        order.status = status;
        if (status.mayHaveCodes()) {
            for (OrderedLine line : order.order.lines()) {
                List<DeliveredCode> codes = new ArrayList<>();
                for (int i = 0; i < Math.max(0, line.quantity() - missingPerSku); i++) {
                    codes.add(DeliveredCode.delivered(Secret.of("MEM-" + UUID.randomUUID()),
                            Option.some(Secret.of(String.format("%04d", i))), Option.some(String.valueOf(i))));
                }
                order.codes.put(line.sku(), codes);
            }
        }
    }

    private SupplierOrder current(FakeOrder fake) {
        SupplierOrder o = fake.order;
        List<OrderedLine> lines = o.lines().stream()
                .map(l -> new OrderedLine(l.sku(), l.quantity(), l.unitPrice(), l.totalPrice(), fake.status)).toList();
        return new SupplierOrder(o.id(), o.reference(), fake.status, lines, o.grandTotal(), o.createdAt());
    }

    private <T> Either<ProviderFailure, T> failOr(Operation operation, java.util.function.Supplier<T> result) {
        Option<ProviderFailure> failure = call(operation);
        return failure.isDefined() ? Either.left(failure.get()) : Either.right(result.get());
    }

    private Option<ProviderFailure> call(Operation operation) {
        int call = calls.merge(operation, 1, Integer::sum);
        ProviderFailure numbered = failCalls.remove(operation.name() + "#" + call);
        if (numbered != null) {
            return Option.some(numbered);
        }
        Deque<ProviderFailure> queue = failures.get(operation);
        return Option.of(queue == null ? null : queue.poll());
    }

    private static FailureDetails details(int status, String message) {
        return FailureDetails.of(PROVIDER, status, Option.none(), message);
    }
}
