package io.voucherport.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A plan of pages ahead is followed only while the pages agree with it, and is made again when used up. */
class PrefetchPlanTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final List<Integer> fetched = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> onCaller = Collections.synchronizedList(new ArrayList<>());
    private volatile Thread caller;

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * Offsets over {@code total} items, pages of 10 asked for; the page at offset {@code shortAt}
     * holds only 4 (a provider serving a short page), so the next page starts 4 later, not 10; each
     * page plans at most {@code horizon} pages ahead, assuming full pages.
     */
    private PageSource<Integer, Integer> offsets(int total, int shortAt, int horizon) {
        return offset -> {
            fetched.add(offset);
            if (Thread.currentThread() == caller) {
                onCaller.add(offset);
            }
            int size = offset == shortAt ? 4 : 10;
            int end = Math.min(total, offset + size);
            List<Integer> items = IntStream.range(offset, end).boxed().toList();
            Option<Integer> next = end < total ? Option.some(end) : Option.none();
            List<Integer> ahead = new ArrayList<>();
            for (int o = end; o < total && ahead.size() < horizon; o += 10) {
                ahead.add(o);
            }
            return Either.right(new Page<>(items, List.of(), next, ahead));
        };
    }

    private List<Integer> all(PageSource<Integer, Integer> source, int k) {
        List<Integer> items = new ArrayList<>();
        caller = Thread.currentThread();
        for (Either<ProviderFailure, Integer> item : PagedSequence.of(0, source, new PagedSequence.Prefetch(k, pool))) {
            items.add(item.get());
        }
        return items;
    }

    @Test
    void aShortPageInTheMiddleOfThePlanIsFollowedAsOneAtATimeWouldNothingSkipped() {
        List<Integer> oneAtATime = all(offsets(200, 50, 100), 1);
        assertThat(oneAtATime).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
        assertThat(all(offsets(200, 50, 100), 4)).containsExactlyElementsOf(oneAtATime);
    }

    @Test
    void aPlanUsedUpIsMadeAgainFromThePageThatEndsItStillInOrder() {
        List<Integer> items = all(offsets(1_000, -1, 5), 4);
        assertThat(items).containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
        assertThat(fetched).hasSize(100).doesNotHaveDuplicates();
        assertThat(onCaller).as("only the first page is fetched one at a time").containsExactly(0);
    }
}
