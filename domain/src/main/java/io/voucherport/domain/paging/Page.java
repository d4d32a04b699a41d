package io.voucherport.domain.paging;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import java.util.List;

/**
 * One page of items, the items on it that could not be read, and where the next page starts, if
 * there is one.
 *
 * @param items this page's readable items
 * @param unreadable this page's items that could not be read, each with what identifies it and why
 * @param next where the next page starts, in the terms of whoever fetched this page (an offset, a
 *     page number, a provider's token); none when this is the last page
 * @param ahead the cursors of every page after this one, in order, when the provider told how many
 *     there are (a total or a page count) — what lets a {@link PagedSequence} fetch pages ahead;
 *     empty when unknown (the first of them, when present, is {@code next})
 * @param <C> the cursor type: opaque to the domain, chosen by the adapter or fake that pages
 * @param <T> item type
 */
public record Page<C, T>(List<T> items, List<ProviderFailure.UnreadableItem> unreadable, Option<C> next,
        List<C> ahead) {

    /**
     * Validates and copies.
     *
     * @param items this page's readable items
     * @param unreadable this page's items that could not be read, each with what identifies it and why
     * @param next where the next page starts, in the terms of whoever fetched this page (an offset, a page number, a provider's token); none when this is the last page
     * @param ahead the cursors of every page after this one, in order, when the provider told how many there are (a total or a page count) — what lets a {@link PagedSequence} fetch pages ahead; empty when unknown (the first of them, when present, is {@code next})
     */
    public Page {
        items = List.copyOf(Require.present(items, "items"));
        unreadable = List.copyOf(Require.present(unreadable, "unreadable"));
        Require.present(next, "next");
        ahead = List.copyOf(Require.present(ahead, "ahead"));
        if (!ahead.isEmpty() && !next.contains(ahead.get(0))) {
            throw new IllegalArgumentException("the first page ahead must be the next page");
        }
    }

    /**
     * A page that does not tell how many pages follow.
     *
     * @param items this page's readable items
     * @param unreadable this page's items that could not be read, each with what identifies it and why
     * @param next where the next page starts, in the terms of whoever fetched this page (an offset, a page number, a provider's token); none when this is the last page
     */
    public Page(List<T> items, List<ProviderFailure.UnreadableItem> unreadable, Option<C> next) {
        this(items, unreadable, next, List.of());
    }

    /**
     * A page whose every item could be read.
     *
     * @param items this page's readable items
     * @param next where the next page starts, in the terms of whoever fetched this page (an offset, a page number, a provider's token); none when this is the last page
     */
    public Page(List<T> items, Option<C> next) {
        this(items, List.of(), next);
    }

    /** {@return whether the page holds nothing at all, readable or not (a listing ends there)} */
    public boolean isEmpty() {
        return items.isEmpty() && unreadable.isEmpty();
    }
}
