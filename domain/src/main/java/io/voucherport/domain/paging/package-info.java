/** One paging abstraction over offsets, page numbers and tokens, consumed as a lazy sequence. */
package io.voucherport.domain.paging;
