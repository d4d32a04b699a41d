package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.ez.EzSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EZ's paged lists fetched ahead deliver exactly what one page at a time delivers, and fail where it fails. */
class EzPrefetchTest {

    private static final int PAGE = 5;
    private static final int PRODUCTS = 48;

    private EzSimulator ez;
    private EzCardsSupplier supplier;

    @BeforeEach
    void start() {
        ez = EzSimulator.create().balance("USD", "100000.00");
        for (int i = 1; i <= PRODUCTS; i++) {
            ez.product(sku(i), "Product " + i, "USD", "10.00", "9.75", 100);
        }
        ez.start();
        supplier = EzCardsSupplier.builder().baseUrl(ez.baseUrl()).apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).retryPolicy(RetryPolicy.none())
                .pageSize(PAGE).build();
    }

    @AfterEach
    void stop() {
        supplier.close();
        ez.close();
    }

    private static String sku(int i) {
        return String.format(Locale.ROOT, "P-%04d", i);
    }

    private static <T> List<String> seen(PagedSequence<T> listing, Function<T, String> name) {
        try (Stream<Either<ProviderFailure, T>> items = listing.stream()) {
            return items.map(e -> e.fold(f -> f.getClass().getSimpleName()
                    + (f instanceof ProviderFailure.UnreadableItem u ? " " + u.item() : ""), name)).toList();
        }
    }

    /** Product {@code i}'s face value turned into something no money is, on the page holding it. */
    private void unreadable(int i) {
        ez.inject(Endpoint.GET_PRODUCTS, r -> r.intParam("page", 1) == (i - 1) / PAGE + 1,
                new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                        "(\"sku\"\\s*:\\s*\"" + sku(i) + "\"[^\\]]*?\"faceValue\"\\s*:\\s*)\\{[^}]*\\}\u0000$1true"));
    }

    @Test
    void theCatalogFetchedAheadIsExactlyTheCatalogOnePageAtATime() {
        assertThat(supplier.catalog().prefetch().pages()).isEqualTo(8);
        unreadable(3);
        unreadable(27);
        List<String> oneAtATime = seen(supplier.catalog().withPrefetch(1), p -> p.sku().value());
        unreadable(3);
        unreadable(27);
        List<String> ahead = seen(supplier.catalog(), p -> p.sku().value());
        assertThat(ahead).containsExactlyElementsOf(oneAtATime).hasSize(PRODUCTS)
                .contains("UnreadableItem product P-0003", "UnreadableItem product P-0027");
        assertThat(ahead.get(PAGE - 1)).isEqualTo("UnreadableItem product P-0003");
        assertThat(ez.requests(Endpoint.GET_PRODUCTS)).as("ten pages each time, none past totalPage").isEqualTo(20);
    }

    @Test
    void aFailureOnAMiddlePageIsTheLastElementAndNoLaterPageLeaksOut() {
        ez.inject(Endpoint.GET_PRODUCTS, r -> r.intParam("page", 1) == 6, SimFault.status(400));
        List<String> ahead = seen(supplier.catalog(), p -> p.sku().value());
        assertThat(ahead).hasSize(5 * PAGE + 1);
        assertThat(ahead.get(5 * PAGE - 1)).isEqualTo(sku(25));
        assertThat(ahead.get(5 * PAGE)).isEqualTo("InvalidRequest");
        ez.inject(Endpoint.GET_PRODUCTS, r -> r.intParam("page", 1) == 6, SimFault.status(400));
        assertThat(seen(supplier.catalog().withPrefetch(1), p -> p.sku().value())).containsExactlyElementsOf(ahead);
    }

    @Test
    void theOrderListFetchedAheadIsExactlyTheOrderListOnePageAtATime() {
        for (int i = 1; i <= 23; i++) {
            supplier.place(OrderRequest.of(OrderReference.generate(), OrderLine.of(Sku.of(sku(i)), 1))).get();
        }
        ez.inject(Endpoint.GET_ORDERS, r -> r.intParam("page", 1) == 3, SimFault.status(400));
        List<String> failing = seen(supplier.orders(), o -> o.id().value());
        assertThat(failing).hasSize(2 * PAGE + 1).last().isEqualTo("InvalidRequest");
        ez.inject(Endpoint.GET_ORDERS, r -> r.intParam("page", 1) == 3, SimFault.status(400));
        assertThat(seen(supplier.orders().withPrefetch(1), o -> o.id().value())).containsExactlyElementsOf(failing);

        List<String> oneAtATime = seen(supplier.orders().withPrefetch(1), o -> o.id().value());
        assertThat(oneAtATime).hasSize(23).doesNotHaveDuplicates();
        assertThat(seen(supplier.ezOrders(), o -> o.order().id().value())).containsExactlyElementsOf(oneAtATime);
        assertThat(oneAtATime.subList(0, 2 * PAGE)).containsExactlyElementsOf(failing.subList(0, 2 * PAGE));
    }

    @Test
    void closingAStreamEarlyStopsFetching() throws InterruptedException {
        try (Stream<Either<ProviderFailure, io.voucherport.domain.supply.Product>> items = supplier.catalog().stream()) {
            assertThat(items.limit(PAGE + 2).count()).isEqualTo(PAGE + 2);
        }
        Thread.sleep(300);
        int after = ez.requests(Endpoint.GET_PRODUCTS);
        Thread.sleep(300);
        assertThat(ez.requests(Endpoint.GET_PRODUCTS)).as("nothing more once closed").isEqualTo(after);
        assertThat(after).isLessThanOrEqualTo(2 + 8);
    }
}
