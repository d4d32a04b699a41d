package io.voucherport.domain.paging;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged listing, fetched lazily one page at a time: a page is fetched only when
 * the previous one has been consumed, and only the current page is held, so memory does not grow
 * with the number of pages. Nothing is fetched until the sequence is consumed; each consumption
 * starts again from the first page.
 *
 * <p>A failure ends the sequence: {@link #stream()} yields the items fetched so far as
 * {@code Right}s and then one {@code Left} with the failure. The sequence also ends on an empty
 * page or a page without a next cursor.
 *
 * <p>One item a provider sent but that cannot be read never hides the others: it comes as a
 * {@code Left} of {@link ProviderFailure.UnreadableItem} after its page's readable items, and the
 * sequence goes on. The strict {@link #forEachItem(Consumer)} and {@link #toList()} stop at it (so
 * nothing is lost silently); {@link #forEachItem(Consumer, Consumer)} and {@link #toListing()} hand
 * the readable items over and report the unreadable ones beside them.
 *
 * @param <T> item type
 */
public final class PagedSequence<T> implements Iterable<Either<ProviderFailure, T>> {

    private final Supplier<Iterator<Either<ProviderFailure, T>>> walk;

    private PagedSequence(Supplier<Iterator<Either<ProviderFailure, T>>> walk) {
        this.walk = walk;
    }

    /**
     * A sequence starting at {@code first}, fetching pages from {@code source}.
     *
     * @param <C> the cursor type, known only to {@code source}
     */
    public static <C, T> PagedSequence<T> of(C first, PageSource<C, T> source) {
        Require.present(first, "first cursor");
        Require.present(source, "page source");
        return new PagedSequence<>(() -> new PageIterator<>(first, source));
    }

    /** The items, lazily, each page fetched on demand; a failure is the last element. */
    @Override
    public Iterator<Either<ProviderFailure, T>> iterator() {
        return walk.get();
    }

    /** The items as a lazy sequential stream; a failure is the last element. */
    public Stream<Either<ProviderFailure, T>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * Hands every item to {@code action}, page by page, stopping at the first failure — an
     * unreadable item included.
     *
     * @return how many items were handed over, or the failure that stopped the walk
     */
    public Either<ProviderFailure, Long> forEachItem(Consumer<? super T> action) {
        Require.present(action, "action");
        return forEachItem(action, null);
    }

    /**
     * Hands every readable item to {@code action} and every unreadable one to {@code unreadable},
     * page by page, stopping only at a failure of the listing itself.
     *
     * @return how many readable items were handed over, or the failure that stopped the walk
     */
    public Either<ProviderFailure, Long> forEachItem(Consumer<? super T> action,
            Consumer<? super ProviderFailure.UnreadableItem> unreadable) {
        Require.present(action, "action");
        long count = 0;
        for (Either<ProviderFailure, T> item : this) {
            if (item.isLeft()) {
                if (unreadable != null && item.getLeft() instanceof ProviderFailure.UnreadableItem skipped) {
                    unreadable.accept(skipped);
                    continue;
                }
                return Either.left(item.getLeft());
            }
            action.accept(item.get());
            count++;
        }
        return Either.right(count);
    }

    /**
     * Every readable item and every unreadable one, or the failure of the listing itself. Holds
     * everything: for short listings only.
     */
    public Either<ProviderFailure, Listing<T>> toListing() {
        List<T> items = new ArrayList<>();
        List<ProviderFailure.UnreadableItem> unreadable = new ArrayList<>();
        return forEachItem(items::add, unreadable::add).map(count -> new Listing<>(items, unreadable));
    }

    /**
     * A whole listing as read: the readable items and the items that could not be read.
     *
     * @param items the readable items, in order
     * @param unreadable the items that could not be read, each with what identifies it and why
     * @param <T> item type
     */
    public record Listing<T>(List<T> items, List<ProviderFailure.UnreadableItem> unreadable) {
        /** Validates and copies. */
        public Listing {
            items = List.copyOf(Require.present(items, "items"));
            unreadable = List.copyOf(Require.present(unreadable, "unreadable"));
        }

        /** Whether every item could be read. */
        public boolean complete() {
            return unreadable.isEmpty();
        }
    }

    /** Every item in one list, or the first failure (an unreadable item included). Holds everything: for short listings only. */
    public Either<ProviderFailure, List<T>> toList() {
        List<T> all = new ArrayList<>();
        return forEachItem(all::add).map(count -> List.copyOf(all));
    }

    private static final class PageIterator<C, T> implements Iterator<Either<ProviderFailure, T>> {
        private final PageSource<C, T> source;
        private Option<C> nextCursor;
        private Iterator<T> current = List.<T>of().iterator();
        private Iterator<ProviderFailure.UnreadableItem> skipped = List.<ProviderFailure.UnreadableItem>of().iterator();
        private ProviderFailure failure;
        private boolean ended;

        PageIterator(C first, PageSource<C, T> source) {
            this.nextCursor = Option.some(first);
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !skipped.hasNext() && failure == null && !ended) {
                if (nextCursor.isEmpty()) {
                    ended = true;
                    break;
                }
                Either<ProviderFailure, Page<C, T>> page = source.fetch(nextCursor.get());
                if (page.isLeft()) {
                    failure = page.getLeft();
                } else {
                    current = page.get().items().iterator();
                    skipped = page.get().unreadable().iterator();
                    nextCursor = page.get().isEmpty() ? Option.none() : page.get().next();
                }
            }
            return current.hasNext() || skipped.hasNext() || failure != null;
        }

        @Override
        public Either<ProviderFailure, T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items");
            }
            if (current.hasNext()) {
                return Either.right(current.next());
            }
            if (skipped.hasNext()) {
                return Either.left(skipped.next());
            }
            ProviderFailure last = failure;
            failure = null;
            ended = true;
            return Either.left(last);
        }
    }
}
