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

    /** Offset pages over {@code total} numbers. */
    private static PageSource<Integer> numbers(int total, AtomicInteger fetches) {
        return cursor -> {
            fetches.incrementAndGet();
            PageCursor.Offset page = (PageCursor.Offset) cursor;
            List<Integer> items = IntStream.range((int) page.offset(), (int) Math.min(total, page.offset() + page.size()))
                    .boxed().toList();
            Option<PageCursor> next = page.offset() + page.size() < total ? Option.some(page.next()) : Option.none();
            return Either.right(new Page<>(items, next));
        };
    }

    @Test
    void walksEveryPageInOrder() {
        AtomicInteger fetches = new AtomicInteger();
        PagedSequence<Integer> all = PagedSequence.of(new PageCursor.Offset(0, 10), numbers(95, fetches));
        assertThat(all.toList().get()).containsExactlyElementsOf(IntStream.range(0, 95).boxed().toList());
        assertThat(fetches).hasValue(10);
    }

    @Test
    void fetchesNothingUntilConsumedAndOnlyWhatIsConsumed() {
        AtomicInteger fetches = new AtomicInteger();
        PagedSequence<Integer> all = PagedSequence.of(new PageCursor.Offset(0, 10), numbers(1_000_000, fetches));
        assertThat(fetches).hasValue(0);
        assertThat(all.stream().limit(15).count()).isEqualTo(15);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void holdsOnePageAtATime() {
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger largestPage = new AtomicInteger();
        PageSource<Integer> source = cursor -> {
            Either<ProviderFailure, Page<Integer>> page = numbers(100_000, fetches).fetch(cursor);
            largestPage.accumulateAndGet(page.get().items().size(), Math::max);
            return page;
        };
        long count = PagedSequence.of(new PageCursor.Offset(0, 100), source).forEachItem(i -> { }).get();
        assertThat(count).isEqualTo(100_000);
        assertThat(largestPage).hasValue(100);
    }

    @Test
    void stopsOnAnEmptyPageEvenWhenANextCursorIsOffered() {
        AtomicInteger fetches = new AtomicInteger();
        PageSource<Integer> endless = cursor -> {
            fetches.incrementAndGet();
            return Either.right(new Page<>(List.of(), Option.some(cursor)));
        };
        assertThat(PagedSequence.of(PageCursor.Token.first(5), endless).toList().get()).isEmpty();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFailureEndsTheSequenceAsItsLastElement() {
        ProviderFailure down = new ProviderFailure.Unavailable(FailureDetails.of("test", "down"), Option.none());
        PageSource<Integer> failsOnSecondPage = cursor -> ((PageCursor.Numbered) cursor).page() == 1
                ? Either.right(new Page<>(List.of(1, 2), Option.some(((PageCursor.Numbered) cursor).next())))
                : Either.left(down);
        PagedSequence<Integer> all = PagedSequence.of(new PageCursor.Numbered(1, 2), failsOnSecondPage);
        List<Either<ProviderFailure, Integer>> seen = new ArrayList<>();
        all.forEach(seen::add);
        assertThat(seen).containsExactly(Either.right(1), Either.right(2), Either.left(down));
        assertThat(all.toList()).isEqualTo(Either.left(down));
        List<Integer> handed = new ArrayList<>();
        assertThat(all.forEachItem(handed::add)).isEqualTo(Either.left(down));
        assertThat(handed).containsExactly(1, 2);
    }

    @Test
    void cursorsValidate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageCursor.Offset(-1, 10))
                .hasMessage("offset must not be negative but was -1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageCursor.Numbered(0, 10))
                .hasMessage("page must be at least 1 but was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageCursor.Token.first(0))
                .hasMessage("page size must be at least 1 but was 0");
    }
}
