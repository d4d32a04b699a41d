package io.voucherport.domain.paging;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
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

    private final Walk<T> walk;
    private final Prefetch prefetch;

    /** Starts one walk over the listing with a given prefetch. */
    @FunctionalInterface
    private interface Walk<T> {
        PageIterator<?, T> start(Prefetch prefetch);
    }

    private PagedSequence(Walk<T> walk, Prefetch prefetch) {
        this.walk = walk;
        this.prefetch = prefetch;
    }

    /**
     * How many pages a sequence may fetch ahead of the one being consumed, and on which threads.
     * Pages are fetched ahead only once a page tells the cursors of the pages after it
     * ({@link Page#ahead()}, from a total or a page count); until then, and when the provider never
     * tells, one page at a time. At most {@code pages} pages are in flight or waiting; they are
     * handed out strictly in order. The plan is followed while every page says its next page is the
     * next one planned; a page that says otherwise (a short page) drops the pages in flight and the
     * walk goes on from where that page says, as one at a time would (planning again from its
     * {@link Page#ahead()}), so the pages handed out are always those one at a time would fetch.
     *
     * @param pages pages in flight at most, 1 for one at a time
     * @param executor where pages ahead are fetched (the adapter's, bounded by its pool and limiter)
     */
    public record Prefetch(int pages, Executor executor) {
        /** One page at a time, on the consuming thread. */
        public static final Prefetch NONE = new Prefetch(1, Runnable::run);

        /**
         * Validates.
         *
         * @param pages pages in flight at most, 1 for one at a time
         * @param executor where pages ahead are fetched (the adapter's, bounded by its pool and limiter)
         */
        public Prefetch {
            Require.positive(pages, "pages");
            Require.present(executor, "executor");
        }

        /**
         * {@return the same executor with {@code inFlight} pages at most}
         *
         * @param inFlight pages fetched ahead at most, at least 1 (1: one at a time)
         */
        public Prefetch withPages(int inFlight) {
            return new Prefetch(inFlight, executor);
        }
    }

    /**
     * {@return a sequence starting at {@code first}, fetching pages from {@code source} one at a time}
     *
     * @param <C> the cursor type, known only to {@code source}
     * @param <T> the type of the items listed
     * @param first the cursor of the first page (an offset, a page number, a provider's token), not
     *     null
     * @param source what fetches one page for a cursor, not null; called only as the sequence is
     *     walked
     */
    public static <C, T> PagedSequence<T> of(C first, PageSource<C, T> source) {
        return of(first, source, Prefetch.NONE);
    }

    /**
     * {@return a sequence starting at {@code first}, fetching pages from {@code source}, up to
     * {@code prefetch.pages()} ahead once the listing tells how many pages there are}
     *
     * @param <C> the cursor type, known only to {@code source}
     * @param <T> the type of the items listed
     * @param first the cursor of the first page, not null
     * @param source what fetches one page for a cursor, not null; called from the prefetch
     *     executor's threads once pages are fetched ahead
     * @param prefetch how many pages may be in flight and on which executor, not null;
     *     {@link Prefetch#NONE} for one at a time on the consuming thread
     */
    public static <C, T> PagedSequence<T> of(C first, PageSource<C, T> source, Prefetch prefetch) {
        Require.present(first, "first cursor");
        Require.present(source, "page source");
        Require.present(prefetch, "prefetch");
        return new PagedSequence<>(p -> new PageIterator<>(first, source, p), prefetch);
    }

    /**
     * {@return this listing fetching up to {@code pages} pages ahead (1: one at a time) on the executor it
     * was made with; a listing made without one ({@link #of(Object, PageSource)}) fetches on the
     * consuming thread, so one at a time whatever {@code pages} says}
     *
     * @param pages pages in flight at most, 1 for one at a time
     */
    public PagedSequence<T> withPrefetch(int pages) {
        return new PagedSequence<>(walk, prefetch.executor() == Prefetch.NONE.executor() ? Prefetch.NONE
                : prefetch.withPages(pages));
    }

    /** {@return how this listing fetches ahead} */
    public Prefetch prefetch() {
        return prefetch;
    }

    /**
     * The items, lazily; a failure is the last element. Pages fetched ahead and not yet consumed
     * are cancelled when the walk ends, fails, or is abandoned and closed (see {@link #stream()}).
     */
    @Override
    public Iterator<Either<ProviderFailure, T>> iterator() {
        return walk.start(prefetch);
    }

    /**
     * {@return the items as a lazy sequential stream; a failure is the last element} Closing the stream
     * (try-with-resources) cancels the pages in flight; a short-circuiting operation stops asking
     * for pages, so at most the pages already in flight are fetched after it.
     */
    public Stream<Either<ProviderFailure, T>> stream() {
        PageIterator<?, T> items = walk.start(prefetch);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
                .onClose(items::close);
    }

    /**
     * Hands every item to {@code action}, page by page, stopping at the first failure — an
     * unreadable item included.
     *
     * @param action what to do with each item, not null; called on the walking thread, in listing
     *     order
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
     * @param action what to do with each readable item, not null; called in listing order
     * @param unreadable what to do with each item the provider sent but that could not be read (a
     *     failure value, never thrown); null to stop at the first one like
     *     {@link #forEachItem(Consumer)}
     * @return how many readable items were handed over, or the failure that stopped the walk
     */
    public Either<ProviderFailure, Long> forEachItem(Consumer<? super T> action,
            Consumer<? super ProviderFailure.UnreadableItem> unreadable) {
        Require.present(action, "action");
        long count = 0;
        PageIterator<?, T> items = walk.start(prefetch);
        try {
            while (items.hasNext()) {
                Either<ProviderFailure, T> item = items.next();
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
        } finally {
            items.close();
        }
    }

    /**
     * {@return every readable item and every unreadable one, or the failure of the listing itself} Holds
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
        /**
         * Validates and copies.
         *
         * @param items the readable items, in order
         * @param unreadable the items that could not be read, each with what identifies it and why
         */
        public Listing {
            items = List.copyOf(Require.present(items, "items"));
            unreadable = List.copyOf(Require.present(unreadable, "unreadable"));
        }

        /** {@return whether every item could be read} */
        public boolean complete() {
            return unreadable.isEmpty();
        }
    }

    /**
     * {@return every item in one list, or the first failure (an unreadable item included)} Holds everything: for short listings only.
     */
    public Either<ProviderFailure, List<T>> toList() {
        List<T> all = new ArrayList<>();
        return forEachItem(all::add).map(count -> List.copyOf(all));
    }

    /**
     * One walk: the current page's items, then its unreadable items, then the next page — fetched
     * on demand, or taken in order from the pages fetched ahead once the plan of cursors is known.
     */
    private static final class PageIterator<C, T> implements Iterator<Either<ProviderFailure, T>>, AutoCloseable {
        private final PageSource<C, T> source;
        private final Prefetch prefetch;
        private Option<C> nextCursor;
        private final Deque<C> plan = new ArrayDeque<>();
        private final Deque<Pending<C, T>> inFlight = new ArrayDeque<>();
        private Iterator<T> current = List.<T>of().iterator();
        private Iterator<ProviderFailure.UnreadableItem> skipped = List.<ProviderFailure.UnreadableItem>of().iterator();
        private ProviderFailure failure;
        private boolean ended;

        PageIterator(C first, PageSource<C, T> source, Prefetch prefetch) {
            this.nextCursor = Option.some(first);
            this.source = source;
            this.prefetch = prefetch;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !skipped.hasNext() && failure == null && !ended) {
                Either<ProviderFailure, Page<C, T>> page;
                if (!inFlight.isEmpty()) {
                    page = take(inFlight.poll().task());
                    topUp();
                } else if (nextCursor.isDefined()) {
                    page = source.fetch(nextCursor.get());
                    nextCursor = Option.none();
                } else {
                    ended = true;
                    break;
                }
                if (page.isLeft()) {
                    failure = page.getLeft();
                    close();
                    break;
                }
                Page<C, T> got = page.get();
                current = got.items().iterator();
                skipped = got.unreadable().iterator();
                if (got.isEmpty() || got.next().isEmpty()) {
                    close();   // the listing ends with this page: nothing after it is handed out
                } else if (!inFlight.isEmpty() && got.next().contains(inFlight.peek().cursor())) {
                    continue;   // the plan holds: the next page is the one fetched ahead
                } else {
                    // no plan yet, the plan is used up, or this page says the next one starts elsewhere
                    // than planned (a short page): what is in flight is dropped, and the walk goes on
                    // from where this page says, as one at a time would
                    cancelInFlight();
                    if (prefetch.pages() > 1 && !got.ahead().isEmpty()) {
                        plan.addAll(got.ahead());
                        topUp();
                    } else {
                        nextCursor = got.next();
                    }
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

        /** Cancels the pages in flight and fetches nothing more; the items already handed to this walk stay. */
        @Override
        public void close() {
            cancelInFlight();
            nextCursor = Option.none();
            if (failure == null && !current.hasNext() && !skipped.hasNext()) {
                ended = true;
            }
        }

        /** Drops the plan and cancels the pages in flight. */
        private void cancelInFlight() {
            plan.clear();
            inFlight.forEach(pending -> pending.task().cancel(true));
            inFlight.clear();
        }

        /** Keeps up to {@code prefetch.pages()} pages of the plan in flight. */
        private void topUp() {
            while (inFlight.size() < prefetch.pages() && !plan.isEmpty()) {
                C cursor = plan.poll();
                FutureTask<Either<ProviderFailure, Page<C, T>>> task = new FutureTask<>(() -> source.fetch(cursor));
                inFlight.add(new Pending<>(cursor, task));
                prefetch.executor().execute(task);
            }
        }

        /** The page a task fetched; a source that threw or a walk interrupted while waiting ends the walk as a failure. */
        private Either<ProviderFailure, Page<C, T>> take(FutureTask<Either<ProviderFailure, Page<C, T>>> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(stopped("interrupted while waiting for a page"));
            } catch (ExecutionException | CancellationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                return Either.left(stopped("fetching a page ahead failed (" + cause.getClass().getSimpleName() + ")"));
            }
        }

        /** A page fetched ahead: where it starts, and its fetch. */
        private record Pending<C, T>(C cursor, FutureTask<Either<ProviderFailure, Page<C, T>>> task) {
        }

        private static ProviderFailure stopped(String why) {
            return new ProviderFailure.Unavailable(FailureDetails.of("paging", why), Option.none());
        }
    }
}
