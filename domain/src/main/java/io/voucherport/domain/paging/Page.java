package io.voucherport.domain.paging;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.util.List;

/**
 * One page of items and where the next page starts, if there is one.
 *
 * @param items this page's items
 * @param next the next page's cursor; none when this is the last page
 * @param <T> item type
 */
public record Page<T>(List<T> items, Option<PageCursor> next) {

    /** Validates and copies. */
    public Page {
        items = List.copyOf(Require.present(items, "items"));
        Require.present(next, "next");
    }

    /** The last page. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Option.none());
    }
}
