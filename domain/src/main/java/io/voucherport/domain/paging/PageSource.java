package io.voucherport.domain.paging;

import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;

/**
 * Fetches one page. Implemented by adapters and fakes; must be safe to call again for the same cursor.
 *
 * @param <C> the cursor type, opaque to the domain
 * @param <T> item type
 */
@FunctionalInterface
public interface PageSource<C, T> {

    /**
     * {@return the page at {@code cursor}, or why it could not be fetched}
     *
     * @param cursor the cursor of the page to read
     */
    Either<ProviderFailure, Page<C, T>> fetch(C cursor);
}
