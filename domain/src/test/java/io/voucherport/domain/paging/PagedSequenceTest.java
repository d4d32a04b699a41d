package io.voucherport.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedSequenceTest {

    /** Pages of {@code size} over {@code total} numbers, the cursor being the offset. */
    private static PageSource<Integer, Integer> numbers(int total, int size, AtomicInteger fetches) {
        return offset -> {
            fetches.incrementAndGet();
            List<Integer> items = IntStream.range(offset, Math.min(total, offset + size)).boxed().toList();
            Option<Integer> next = offset + size < total ? Option.some(offset + size) : Option.none();
            return Either.right(new Page<>(items, next));
        };
    }

    @Test
    void walksEveryPageInOrder() {
        AtomicInteger fetches = new AtomicInteger();
        PagedSequence<Integer> all = PagedSequence.of(0, numbers(95, 10, fetches));
        assertThat(all.toList().get()).containsExactlyElementsOf(IntStream.range(0, 95).boxed().toList());
        assertThat(fetches).hasValue(10);
    }

    @Test
    void fetchesNothingUntilConsumedAndOnlyWhatIsConsumed() {
        AtomicInteger fetches = new AtomicInteger();
        PagedSequence<Integer> all = PagedSequence.of(0, numbers(1_000_000, 10, fetches));
        assertThat(fetches).hasValue(0);
        assertThat(all.stream().limit(15).count()).isEqualTo(15);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void holdsOnePageAtATime() {
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger largestPage = new AtomicInteger();
        PageSource<Integer, Integer> source = cursor -> {
            Either<ProviderFailure, Page<Integer, Integer>> page = numbers(100_000, 100, fetches).fetch(cursor);
            largestPage.accumulateAndGet(page.get().items().size(), Math::max);
            return page;
        };
        long count = PagedSequence.of(0, source).forEachItem(i -> { }).get();
        assertThat(count).isEqualTo(100_000);
        assertThat(largestPage).hasValue(100);
    }

    @Test
    void stopsOnAnEmptyPageEvenWhenANextCursorIsOffered() {
        AtomicInteger fetches = new AtomicInteger();
        PageSource<String, Integer> endless = cursor -> {
            fetches.incrementAndGet();
            return Either.right(new Page<>(List.of(), Option.some(cursor)));
        };
        assertThat(PagedSequence.of("first", endless).toList().get()).isEmpty();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFailureEndsTheSequenceAsItsLastElement() {
        ProviderFailure down = new ProviderFailure.Unavailable(FailureDetails.of("test", "down"), Option.none());
        PageSource<Integer, Integer> failsOnSecondPage = page -> page == 1
                ? Either.right(new Page<>(List.of(1, 2), Option.some(page + 1)))
                : Either.left(down);
        PagedSequence<Integer> all = PagedSequence.of(1, failsOnSecondPage);
        List<Either<ProviderFailure, Integer>> seen = new ArrayList<>();
        all.forEach(seen::add);
        assertThat(seen).containsExactly(Either.right(1), Either.right(2), Either.left(down));
        assertThat(all.toList()).isEqualTo(Either.left(down));
        List<Integer> handed = new ArrayList<>();
        assertThat(all.forEachItem(handed::add)).isEqualTo(Either.left(down));
        assertThat(handed).containsExactly(1, 2);
    }

    @Test
    void eachConsumptionStartsAgainFromTheFirstPage() {
        AtomicInteger fetches = new AtomicInteger();
        PagedSequence<Integer> all = PagedSequence.of(0, numbers(25, 10, fetches));
        assertThat(all.toList().get()).hasSize(25);
        assertThat(all.toList().get()).hasSize(25);
        assertThat(fetches).hasValue(6);
    }

    @Test
    void aSequenceNeedsAFirstCursorAndASource() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PagedSequence.of(null, cursor -> Either.left(null)))
                .hasMessageContaining("first cursor");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PagedSequence.of(1, null))
                .hasMessageContaining("page source");
    }

    @Test
    void anUnreadableItemNeverHidesTheOthersAndIsReportedWhereTheTolerantFormsAreUsed() {
        ProviderFailure.UnreadableItem bad = new ProviderFailure.UnreadableItem(FailureDetails.of("test", "x"),
                "SKU-2", "price is not a number");
        PageSource<Integer, String> source = page -> Either.right(page == 1
                ? new Page<>(List.of("SKU-1", "SKU-3"), List.of(bad), Option.some(2))
                : page == 2 ? new Page<Integer, String>(List.of(), List.of(bad), Option.some(3))
                : new Page<>(List.of("SKU-4"), Option.none()));
        PagedSequence<String> all = PagedSequence.of(1, source);

        assertThat(all.stream().toList()).as("the unreadable items in place, the sequence goes on")
                .containsExactly(Either.right("SKU-1"), Either.right("SKU-3"), Either.left(bad), Either.left(bad),
                        Either.right("SKU-4"));
        assertThat(all.toListing().get().items()).containsExactly("SKU-1", "SKU-3", "SKU-4");
        assertThat(all.toListing().get().unreadable()).containsExactly(bad, bad);
        assertThat(all.toListing().get().complete()).isFalse();
        List<ProviderFailure.UnreadableItem> reported = new ArrayList<>();
        assertThat(all.forEachItem(s -> { }, reported::add)).isEqualTo(Either.right(3L));
        assertThat(reported).hasSize(2);
        assertThat(all.toList()).as("the strict form stops at it: nothing is lost silently").isEqualTo(Either.left(bad));
        List<String> handed = new ArrayList<>();
        assertThat(all.forEachItem(handed::add)).isEqualTo(Either.left(bad));
        assertThat(handed).containsExactly("SKU-1", "SKU-3");
    }
}
