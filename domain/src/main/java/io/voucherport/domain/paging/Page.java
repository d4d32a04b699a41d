package io.voucherport.domain.paging;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.util.List;

/**
 * One page of items and where the next page starts, if there is one.
 *
 * @param items this page's items
 * @param next where the next page starts, in the terms of whoever fetched this page (an offset, a
 *     page number, a provider's token); none when this is the last page
 * @param <C> the cursor type: opaque to the domain, chosen by the adapter or fake that pages
 * @param <T> item type
 */
public record Page<C, T>(List<T> items, Option<C> next) {

    /** Validates and copies. */
    public Page {
        items = List.copyOf(Require.present(items, "items"));
        Require.present(next, "next");
    }
}
