package io.voucherport.domain.paging;

import io.vavr.control.Option;
import io.voucherport.domain.Require;

/**
 * Where a page starts, in the three ways providers page: by record offset (Elastic Path), by page
 * number (EZ, Shoplazza 2022-01), or by an opaque token or cursor returned with the previous page
 * (GiftHub's {@code pageToken}, Shoplazza 2025-06's {@code cursor}).
 */
public sealed interface PageCursor permits PageCursor.Offset, PageCursor.Numbered, PageCursor.Token {

    /** How many items a page holds at most. */
    int size();

    /**
     * Records {@code offset} to {@code offset + size - 1}.
     *
     * @param offset zero-based record offset
     * @param size page size, at least 1
     */
    record Offset(long offset, int size) implements PageCursor {
        /** Validates. */
        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative but was " + offset);
            }
            Require.positive(size, "page size");
        }

        /** The page after this one. */
        public Offset next() {
            return new Offset(offset + size, size);
        }
    }

    /**
     * Page number {@code page}, one-based.
     *
     * @param page one-based page number
     * @param size page size, at least 1
     */
    record Numbered(int page, int size) implements PageCursor {
        /** Validates. */
        public Numbered {
            Require.positive(page, "page");
            Require.positive(size, "page size");
        }

        /** The page after this one. */
        public Numbered next() {
            return new Numbered(page + 1, size);
        }
    }

    /**
     * The page a token names; no token for the first page.
     *
     * @param token the opaque token the previous page returned, none for the first page
     * @param size page size, at least 1
     */
    record Token(Option<String> token, int size) implements PageCursor {
        /** Validates. */
        public Token {
            Require.present(token, "token");
            Require.positive(size, "page size");
        }

        /** The first page. */
        public static Token first(int size) {
            return new Token(Option.none(), size);
        }
    }
}
