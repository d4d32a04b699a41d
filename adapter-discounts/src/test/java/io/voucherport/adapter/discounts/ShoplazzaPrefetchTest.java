package io.voucherport.adapter.discounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shoplazza 2022-01's numbered pages, fetched ahead once an answer tells {@code count}, deliver
 * exactly what one page at a time delivers and fail where it fails; 2025-06's cursors stay one page
 * at a time.
 */
class ShoplazzaPrefetchTest {

    private static final int PAGE = 7;

    private ShoplazzaSimulator shop;
    private ShoplazzaDiscounts discounts;
    private PriceRuleId rule;

    @BeforeEach
    void start() {
        shop = ShoplazzaSimulator.create();
        rule = PriceRuleId.of(shop.rule("Ten off", "percentage", "10", 100, null));
        for (int i = 1; i <= 60; i++) {
            shop.code(rule.value(), code(i), i % 5);
        }
        for (int i = 1; i <= 30; i++) {
            shop.rule("Rule " + i, "fixed_amount", "5.00", -1, null);
        }
        shop.start();
        discounts = builder(ShoplazzaVersion.V2022_01).build();
    }

    @AfterEach
    void stop() {
        discounts.close();
        shop.close();
    }

    private ShoplazzaDiscountsBuilder builder(ShoplazzaVersion version) {
        return ShoplazzaDiscounts.builder().storeUrl(shop.baseUrl()).version(version)
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)))
                .rateLimiter(RateLimiter.perSecond(1_000)).retryPolicy(RetryPolicy.none()).pageSize(PAGE);
    }

    private static String code(int i) {
        return String.format(Locale.ROOT, "TEN%03d", i);
    }

    private static <T> List<String> seen(PagedSequence<T> listing, Function<T, String> name) {
        try (Stream<Either<ProviderFailure, T>> items = listing.stream()) {
            return items.map(e -> e.fold(f -> f.getClass().getSimpleName()
                    + (f instanceof ProviderFailure.UnreadableItem u ? " " + u.item() : ""), name)).toList();
        }
    }

    /** Code {@code i}'s usage count made negative, on the page holding it. */
    private void unreadable(int i) {
        shop.inject(Endpoint.LIST_CODES, r -> r.intParam("page", 1) == (i - 1) / PAGE + 1,
                new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                        "(\"code\"\\s*:\\s*\"" + code(i) + "\"[^}]*?\"usage_count\"\\s*:\\s*)\"\\d+\"\u0000$1\"-2\""));
    }

    @Test
    void codesFetchedAheadAreExactlyTheCodesOnePageAtATime() {
        assertThat(discounts.list(rule).prefetch().pages()).isEqualTo(8);
        unreadable(2);
        unreadable(40);
        List<String> oneAtATime = seen(discounts.list(rule).withPrefetch(1), DiscountCode::code);
        int pages = shop.requests(Endpoint.LIST_CODES);
        unreadable(2);
        unreadable(40);
        List<String> ahead = seen(discounts.list(rule), DiscountCode::code);
        assertThat(ahead).containsExactlyElementsOf(oneAtATime).hasSize(60)
                .contains("UnreadableItem code TEN002", "UnreadableItem code TEN040");
        assertThat(ahead.get(PAGE - 1)).isEqualTo("UnreadableItem code TEN002");
        assertThat(shop.requests(Endpoint.LIST_CODES)).as("no page past the count").isEqualTo(2 * pages);
    }

    @Test
    void aFailureOnAMiddlePageIsTheLastElementAndNoLaterPageLeaksOut() {
        shop.inject(Endpoint.LIST_RULES, r -> r.intParam("page", 1) == 4, SimFault.status(400));
        List<String> ahead = seen(discounts.list(), r -> r.title());
        assertThat(ahead).hasSize(3 * PAGE + 1);
        assertThat(ahead.get(3 * PAGE - 1)).as("\"Ten off\", then rules 1 to 20").isEqualTo("Rule 20");
        assertThat(ahead.get(3 * PAGE)).isEqualTo("InvalidRequest");
        shop.inject(Endpoint.LIST_RULES, r -> r.intParam("page", 1) == 4, SimFault.status(400));
        assertThat(seen(discounts.list().withPrefetch(1), r -> r.title())).containsExactlyElementsOf(ahead);
        assertThat(seen(discounts.list(), r -> r.title())).hasSize(31).doesNotHaveDuplicates().endsWith("Rule 30");
    }

    @Test
    void closingAStreamEarlyStopsFetching() throws InterruptedException {
        try (Stream<Either<ProviderFailure, DiscountCode>> items = discounts.list(rule).stream()) {
            assertThat(items.limit(PAGE + 2).count()).isEqualTo(PAGE + 2);
        }
        Thread.sleep(300);
        int after = shop.requests(Endpoint.LIST_CODES);
        Thread.sleep(300);
        assertThat(shop.requests(Endpoint.LIST_CODES)).as("nothing more once closed").isEqualTo(after);
        assertThat(after).isLessThanOrEqualTo(2 + 8);
    }

    @Test
    void version2025CursorsAreFollowedOnePageAtATimeWithTheSameItems() {
        try (ShoplazzaDiscounts v2025 = builder(ShoplazzaVersion.V2025_06).build()) {
            assertThat(seen(v2025.list(rule), DiscountCode::code)).containsExactlyElementsOf(
                    seen(discounts.list(rule).withPrefetch(1), DiscountCode::code));
        }
    }
}
