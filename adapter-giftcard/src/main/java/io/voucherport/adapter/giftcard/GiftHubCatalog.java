package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.Page;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.Sku;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * GiftHub's catalog: its products page by page (each product and variant read on its own: one
 * that cannot be read is reported in place by its SKU and why, the others are delivered), and
 * the pricing of an order. GiftHub's limits
 * (at most {@value GiftHubSupplier#MAX_PER_SKU} per SKU, {@value GiftHubSupplier#MAX_SKUS} SKUs,
 * {@value GiftHubSupplier#MAX_ITEMS} items) and each SKU's value (its fixed quote, or a face value
 * inside its range) are checked before anything is sent; the SKU's product type and quote come
 * from a cached catalog, reloaded when older than its time to live or when a SKU is missing (at
 * most every {@link #RELOAD_PAUSE} for missing SKUs). Thread-safe; every call is a safe read.
 */
final class GiftHubCatalog {

    /** Shortest time between two reloads of the cached catalog for SKUs it lacks. */
    static final Duration RELOAD_PAUSE = Duration.ofSeconds(30);

    /** A SKU GiftHub sells, with the product type an order for it must send. */
    record Offer(Product product, String productType) {
    }

    /** One line of an order as GiftHub takes it: the SKU, its product type, its quote and how many. */
    record Line(Sku sku, String productType, Money quote, int quantity) {
    }

    /** Where a product page starts: GiftHub's {@code pageToken}, none for the first page. */
    record PageAt(Option<String> pageToken) {
        static final PageAt FIRST = new PageAt(Option.none());
    }

    private final ProviderClient<GiftHubApi> client;
    private final int pageSize;
    private final Duration ttl;
    private final Clock clock;
    private final GiftHubMapper map = GiftHubMapper.INSTANCE;
    private final Object lock = new Object();
    private volatile Map<Sku, Offer> offers = Map.of();
    private volatile Map<String, ProviderFailure.UnreadableItem> unreadable = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    GiftHubCatalog(ProviderClient<GiftHubApi> client, int pageSize, Duration ttl, Clock clock) {
        this.client = Require.present(client, "client");
        this.pageSize = pageSize;
        this.ttl = Require.present(ttl, "catalog ttl");
        this.clock = Require.present(clock, "clock");
    }

    /** The products (under {@code parentId} when given), one per variant, lazily page by page. */
    PagedSequence<Product> products(Option<String> parentId) {
        return pages(parentId, node -> {
            PagedSequence.Listing<Offer> read = map.read(node);
            return new PagedSequence.Listing<>(read.items().stream().map(Offer::product).toList(), read.unreadable());
        });
    }

    /**
     * {@link #products(Option)} read the same way, each variant with its product's GiftHub fields
     * and raw item (masked by {@code spec}).
     */
    PagedSequence<GiftHubProduct> giftHubProducts(Option<String> parentId, ProviderSpec spec) {
        return pages(parentId, node -> map.giftHubProducts(node, spec));
    }

    /** One product's variants as products, and the active ones that could not be read. */
    Either<ProviderFailure, PagedSequence.Listing<Product>> product(String productId) {
        return client.read("product", api -> {
            PagedSequence.Listing<Offer> read = map.read(GiftHubDto.data(api.product(productId)));
            return new PagedSequence.Listing<>(read.items().stream().map(Offer::product).toList(), read.unreadable());
        });
    }

    /** A refusal ({@code InvalidRequest}, before sending) when {@code request} breaks GiftHub's limits. */
    Option<ProviderFailure> overLimit(OrderRequest request) {
        return limitBroken(request).map(client::refusal);
    }

    /**
     * {@code lines} as GiftHub takes them, priced from the cached catalog. Refused before sending
     * ({@code InvalidRequest}) when a face value does not fit its SKU; {@code NotFound} for a SKU
     * the catalog lacks; the catalog's read failures otherwise.
     */
    Either<ProviderFailure, List<Line>> price(List<OrderLine> lines) {
        List<Line> priced = new ArrayList<>();
        for (OrderLine line : lines) {
            Either<ProviderFailure, Option<Offer>> found = offer(line.sku());
            if (found.isLeft()) {
                return Either.left(found.getLeft());
            }
            if (found.get().isEmpty()) {
                Option<ProviderFailure.UnreadableItem> unread = Option.of(unreadable.get(line.sku().value()));
                return Either.left(new ProviderFailure.NotFound(FailureDetails.of(GiftHubSupplier.PROVIDER,
                        unread.map(u -> "GiftHub's catalog entry for SKU " + line.sku() + " cannot be read ("
                                + u.reason() + "); nothing was sent")
                                .getOrElse(() -> "GiftHub's catalog has no SKU " + line.sku() + "; nothing was sent"))));
            }
            Offer offer = found.get().get();
            Either<String, Money> quote = quote(line, offer.product().value());
            if (quote.isLeft()) {
                return Either.left(client.refusal(quote.getLeft()));
            }
            priced.add(new Line(line.sku(), offer.productType(), quote.get(), line.quantity()));
        }
        return Either.right(priced);
    }

    private static Option<String> limitBroken(OrderRequest request) {
        if (request.lines().size() > GiftHubSupplier.MAX_SKUS) {
            return Option.some("GiftHub takes at most " + GiftHubSupplier.MAX_SKUS + " SKUs per order but the order has "
                    + request.lines().size());
        }
        for (OrderLine line : request.lines()) {
            if (line.quantity() > GiftHubSupplier.MAX_PER_SKU) {
                return Option.some("GiftHub takes at most " + GiftHubSupplier.MAX_PER_SKU + " codes per SKU but "
                        + line.sku() + " asks for " + line.quantity());
            }
        }
        if (request.totalQuantity() > GiftHubSupplier.MAX_ITEMS) {
            return Option.some("GiftHub takes at most " + GiftHubSupplier.MAX_ITEMS
                    + " codes per order but the order asks for " + request.totalQuantity());
        }
        return Option.none();
    }

    /** The quote to send for {@code line}: the fixed value, or the asked face value inside the range; else why not. */
    private static Either<String, Money> quote(OrderLine line, ProductValue value) {
        if (value instanceof ProductValue.Fixed fixed) {
            return line.faceValue().exists(v -> !fixed.accepts(v))
                    ? Either.left(line.sku() + " is sold at " + fixed.faceValue() + " only")
                    : Either.right(fixed.faceValue());
        }
        if (value instanceof ProductValue.Ranged range) {
            Option<Money> asked = line.faceValue().filter(range::accepts);
            return asked.isDefined() ? Either.right(asked.get())
                    : Either.left(line.sku() + " needs a face value from " + range.min() + " to " + range.max()
                            + range.step().map(s -> " in steps of " + s).getOrElse(""));
        }
        return Either.left(line.sku() + " has no value GiftHub sells it at");
    }

    /** The offer for {@code sku} from the cached catalog, reloaded when stale or when the SKU is missing. */
    private Either<ProviderFailure, Option<Offer>> offer(Sku sku) {
        Instant now = clock.instant();
        Offer cached = offers.get(sku);
        boolean stale = loadedAt.plus(ttl).isBefore(now);
        if (cached != null && !stale) {
            return Either.right(Option.some(cached));
        }
        synchronized (lock) {
            boolean reloadedJustNow = !loadedAt.plus(RELOAD_PAUSE).isBefore(now);
            if (offers.get(sku) == null && !reloadedJustNow || stale) {
                Map<Sku, Offer> loaded = new LinkedHashMap<>();
                Map<String, ProviderFailure.UnreadableItem> unread = new LinkedHashMap<>();
                Either<ProviderFailure, Long> walked = pages(Option.none(), map::read)
                        .forEachItem(o -> loaded.put(o.product().sku(), o), u -> unread.put(u.item(), u));
                if (walked.isLeft()) {
                    return Either.left(walked.getLeft());
                }
                offers = Map.copyOf(loaded);
                unreadable = Map.copyOf(unread);
                loadedAt = now;
            }
            return Either.right(Option.of(offers.get(sku)));
        }
    }

    /** The pages of products, each product item read on its own by {@code read} (its items and what could not be read). */
    private <T> PagedSequence<T> pages(Option<String> parentId, Function<JsonNode, PagedSequence.Listing<T>> read) {
        return PagedSequence.of(PageAt.FIRST, (PageAt at) -> client.read("products", api -> {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("pageSize", pageSize);
            at.pageToken().peek(t -> query.put("pageToken", t));
            parentId.peek(p -> query.put("parentId", p));
            GiftHubDto.ProductPage page = GiftHubDto.data(api.products(query));
            List<T> items = new ArrayList<>();
            List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
            for (JsonNode product : page.result() == null ? List.<JsonNode>of() : page.result()) {
                PagedSequence.Listing<T> one = read.apply(product);
                items.addAll(one.items());
                unreadable.addAll(one.unreadable());
            }
            Option<PageAt> next = Option.of(page.nextPageToken()).filter(t -> !t.isBlank())
                    .map(t -> new PageAt(Option.some(t)));
            return new Page<>(items, unreadable, next);
        }));
    }
}
