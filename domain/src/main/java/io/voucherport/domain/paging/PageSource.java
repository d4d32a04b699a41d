package io.voucherport.domain.paging;

import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;

/**
 * Fetches one page. Implemented by adapters; must be safe to call again for the same cursor.
 *
 * @param <T> item type
 */
@FunctionalInterface
public interface PageSource<T> {

    /** The page at {@code cursor}, or why it could not be fetched. */
    Either<ProviderFailure, Page<T>> fetch(PageCursor cursor);
}
