/**
 * One paging abstraction over any provider's way of paging (offsets, page numbers, tokens), consumed
 * as a lazy sequence. The cursor is opaque here: each adapter keeps its own.
 */
package io.voucherport.domain.paging;
