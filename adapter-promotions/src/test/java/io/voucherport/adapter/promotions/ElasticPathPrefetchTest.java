package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pages fetched ahead deliver exactly what one page at a time delivers, stop where it stops and fail where it fails. */
class ElasticPathPrefetchTest {

    private static final PromotionId LONG = PromotionId.of("std-long");
    private static final int PAGE = 40;

    private ElasticPathSimulator ep;
    private ElasticPathPromotions adapter;

    @BeforeEach
    void start() {
        ep = ElasticPathSimulator.create().credentials(ElasticPathSimulator.DEFAULT_CLIENT_ID, "secret-for-paging")
                .promotion("std-long", false, "Long", 1_000);
        ep.start();
        adapter = builder().build();
    }

    @AfterEach
    void stop() {
        adapter.close();
        ep.close();
    }

    private ElasticPathPromotionsBuilder builder() {
        return ElasticPathPromotions.builder().baseUrl(ep.baseUrl())
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID)).clientSecret(Secret.of("secret-for-paging"))
                .pageSize(PAGE).requestsPerSecond(0).retryPolicy(RetryPolicy.none());
    }

    /** Every element of a listing, as text: a code, or the failure's kind (and item). */
    private static List<String> seen(PagedSequence<PromotionCode> listing) {
        try (Stream<Either<ProviderFailure, PromotionCode>> items = listing.stream()) {
            return items.map(e -> e.fold(f -> f.getClass().getSimpleName()
                    + (f instanceof ProviderFailure.UnreadableItem u ? " " + u.item() : ""), c -> c.code().value())).toList();
        }
    }

    /** Code {@code n}'s remaining uses turned into a count that is no count, on the page holding it. */
    private void unreadable(int n) {
        String code = String.format(Locale.ROOT, "STDLONG-%06d", n);
        ep.inject(Endpoint.LIST_CODES, r -> r.intParam("page[offset]", 0) == (n - 1) / PAGE * PAGE,
                new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                        "(\"code\"\\s*:\\s*\"" + code + "\"[^}]*?\"uses\"\\s*:\\s*)\\d+\u0000$1-3"));
    }

    @Test
    void theDefaultIsToFetchAheadAndTheItemsAreExactlyThoseOfOnePageAtATimeInOrder() {
        assertThat(adapter.codes(LONG).prefetch().pages()).isEqualTo(8);
        unreadable(2);
        unreadable(402);
        List<String> oneAtATime = seen(adapter.codes(LONG).withPrefetch(1));
        assertThat(ep.requests(Endpoint.LIST_CODES)).isEqualTo(25);
        unreadable(2);
        unreadable(402);
        List<String> ahead = seen(adapter.codes(LONG));
        assertThat(ahead).containsExactlyElementsOf(oneAtATime).hasSize(1_000)
                .contains("UnreadableItem code STDLONG-000002", "UnreadableItem code STDLONG-000402");
        assertThat(ahead.subList(PAGE - 2, PAGE + 1)).as("an unreadable code after its page's readable ones")
                .containsExactly("STDLONG-000040", "UnreadableItem code STDLONG-000002", "STDLONG-000041");
        assertThat(ep.requests(Endpoint.LIST_CODES)).as("no page past the total").isEqualTo(50);
    }

    @Test
    void aFailureOnAMiddlePageIsTheLastElementAndNoLaterPageLeaksOut() {
        ep.inject(Endpoint.LIST_CODES, r -> r.intParam("page[offset]", 0) == 12 * PAGE, SimFault.status(400));
        List<String> ahead;
        try (ElasticPathPromotions sixteen = builder().prefetchPages(16).build()) {
            ahead = seen(sixteen.codes(LONG));
        }
        assertThat(ahead).hasSize(12 * PAGE + 1);
        assertThat(ahead.get(12 * PAGE - 1)).isEqualTo("STDLONG-000480");
        assertThat(ahead.get(12 * PAGE)).isEqualTo("InvalidRequest");

        ep.inject(Endpoint.LIST_CODES, r -> r.intParam("page[offset]", 0) == 12 * PAGE, SimFault.status(400));
        assertThat(seen(adapter.codes(LONG).withPrefetch(1))).containsExactlyElementsOf(ahead);
    }

    @Test
    void theOffsetCapFailsInOrderAndNoPlannedPageGoesPastWhatOneAtATimeFetches() {
        ep.promotion("std-huge", false, "Huge", 10_250);
        try (ElasticPathPromotions big = builder().pageSize(100).build()) {
            List<String> seen = new ArrayList<>();
            ep.clearRequestLog();
            Either<ProviderFailure, Long> walked = big.codes(PromotionId.of("std-huge")).forEachItem(c -> seen.add(c.code().value()));
            assertThat(seen).hasSize(10_100).doesNotHaveDuplicates();
            assertThat(seen.get(10_099)).isEqualTo("STDHUGE-010100");
            assertThat(walked.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(walked.getLeft().message()).contains("offsets above 10000").contains("startCodeExport");
            assertThat(ep.requests(Endpoint.LIST_CODES)).as("offsets 0 to 10,000, never above").isEqualTo(101);
        }
    }

    @Test
    void closingAStreamEarlyStopsFetching() throws InterruptedException {
        ep.clearRequestLog();
        try (Stream<Either<ProviderFailure, PromotionCode>> items = adapter.codes(LONG).stream()) {
            assertThat(items.limit(PAGE + 5).count()).isEqualTo(PAGE + 5);
        }
        Thread.sleep(300);
        int after = ep.requests(Endpoint.LIST_CODES);
        Thread.sleep(300);
        assertThat(ep.requests(Endpoint.LIST_CODES)).as("nothing more once closed").isEqualTo(after);
        assertThat(after).as("the first pages and at most the 8 in flight").isLessThanOrEqualTo(2 + 8);
    }

    @Test
    void theLimiterLetsAWholeSecondsWorthOfCallsGoAtOnce() {
        ep.promotion("std-short", false, "Short", 24 * PAGE);
        List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ElasticPathPromotions development = builder().requestsPerSecond(25).sleeper(waits::add).build()) {
            assertThat(development.codes(PromotionId.of("std-short")).toList().get()).hasSize(24 * PAGE);
        }
        assertThat(ep.requests(Endpoint.TOKEN) + ep.requests(Endpoint.LIST_CODES)).isEqualTo(25);
        assertThat(waits).as("25 requests/s: 25 calls in the first second without waiting").isEmpty();
    }

    @Test
    void prefetchIsOneToThirtyTwoPages() {
        try (ElasticPathPromotions one = builder().prefetchPages(1).build()) {
            assertThat(one.codes(LONG).prefetch().pages()).isEqualTo(1);
        }
        assertThatThrownBy(() -> builder().prefetchPages(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().prefetchPages(33)).isInstanceOf(IllegalArgumentException.class);
    }
}
