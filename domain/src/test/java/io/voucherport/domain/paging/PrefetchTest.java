package io.voucherport.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages fetched ahead: in order, bounded, stopping and failing exactly as one at a time does. */
class PrefetchTest {

    private static final int SIZE = 10;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private final Random random = new Random(7);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Page numbers 1..; {@code total} items; a page tells every page after it; answers after a random delay. */
    private PageSource<Integer, Integer> pages(int total, int failingPage, int emptyPage) {
        int pageCount = (total + SIZE - 1) / SIZE;
        return page -> {
            fetches.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(random.nextInt(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            if (page == failingPage) {
                return Either.left(new ProviderFailure.Unavailable(FailureDetails.of("test", "page " + page + " failed"),
                        Option.none()));
            }
            List<Integer> items = page == emptyPage ? List.of()
                    : IntStream.range((page - 1) * SIZE, Math.min(total, page * SIZE)).boxed().toList();
            Option<Integer> next = page < pageCount ? Option.some(page + 1) : Option.none();
            List<Integer> ahead = IntStream.rangeClosed(page + 1, pageCount).boxed().toList();
            return Either.right(new Page<>(items, List.of(), next, ahead));
        };
    }

    private PagedSequence<Integer> listing(PageSource<Integer, Integer> source, int k) {
        return PagedSequence.of(1, source, new PagedSequence.Prefetch(k, pool));
    }

    @Test
    void pagesFetchedAheadAreHandedOutInOrderWithAtMostKInFlight() {
        List<Integer> all = listing(pages(250, 0, 0), 4).toList().get();
        assertThat(all).containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
        assertThat(fetches).hasValue(25);
        assertThat(mostInFlight.get()).isBetween(2, 4);
    }

    @Test
    void aFailureEndsTheSequenceInOrderAndNoLaterPageLeaksOut() {
        List<Either<ProviderFailure, Integer>> seen = listing(pages(250, 6, 0), 4).stream().toList();
        assertThat(seen).hasSize(51);
        assertThat(seen.subList(0, 50)).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(Either::<ProviderFailure, Integer>right).toList());
        assertThat(seen.get(50).getLeft().message()).contains("page 6 failed");
    }

    @Test
    void anEmptyPageEndsTheListingAsOneAtATimeDoes() {
        assertThat(listing(pages(250, 0, 4), 8).toList().get()).containsExactlyElementsOf(
                IntStream.range(0, 30).boxed().toList());
        assertThat(PagedSequence.of(1, pages(250, 0, 4)).toList().get()).hasSize(30);
    }

    @Test
    void withoutATotalOrWithKOneItIsOnePageAtATime() {
        PageSource<Integer, Integer> untold = page -> pages(100, 0, 0).fetch(page).map(p ->
                new Page<>(p.items(), p.unreadable(), p.next()));
        assertThat(listing(untold, 8).toList().get()).hasSize(100);
        assertThat(mostInFlight).hasValue(1);
        mostInFlight.set(0);
        assertThat(listing(pages(100, 0, 0), 8).withPrefetch(1).toList().get()).hasSize(100);
        assertThat(mostInFlight).hasValue(1);
    }

    @Test
    void closingAStreamCancelsThePagesInFlightAndAsksForNoMore() throws InterruptedException {
        try (Stream<Either<ProviderFailure, Integer>> items = listing(pages(10_000, 0, 0), 4).stream()) {
            assertThat(items.limit(15).count()).isEqualTo(15);
        }
        Thread.sleep(50);
        int after = fetches.get();
        Thread.sleep(100);
        assertThat(fetches.get()).as("nothing more is fetched once closed").isEqualTo(after);
        assertThat(after).as("at most the first page, the next and those in flight").isLessThanOrEqualTo(2 + 4);
    }
}
