package io.voucherport.adapter.support;

import io.voucherport.domain.Require;
import io.voucherport.domain.paging.PagedSequence;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where every adapter fetches pages ahead ({@link PagedSequence.Prefetch}): one shared pool of at
 * most {@value #MAX_THREADS} daemon threads named {@code voucherport-paging-N}, idle threads ending
 * after {@value #IDLE_SECONDS} s. A page fetched here is an ordinary call of the adapter's
 * {@link ProviderClient}: it takes a permit from the adapter's rate limiter, a connection from its
 * pool, and has its own deadline, exactly as a page fetched on the caller's thread. Never closed: its
 * threads do not keep a JVM alive. Thread-safe.
 */
public final class PagingExecutor {

    /** Most threads fetching pages ahead at once, for every adapter of the JVM together. */
    public static final int MAX_THREADS = 32;

    /** How long an idle paging thread lives, in seconds. */
    static final int IDLE_SECONDS = 30;

    /** Default pages in flight per listing when a provider tells its total (chosen by measurement, docs/performance.md). */
    public static final int DEFAULT_PAGES = 8;

    /** Most pages in flight a builder or a call may ask for. */
    public static final int MAX_PAGES = MAX_THREADS;

    private static final ThreadPoolExecutor POOL = pool();

    private PagingExecutor() {
    }

    /** {@return the shared pool} */
    public static Executor shared() {
        return POOL;
    }

    /**
     * {@code pages} in flight on the shared pool.
     *
     * @param pages pages in flight at most, 1 to {@value #MAX_PAGES}
     * @return the prefetch setting an adapter hands to {@link PagedSequence}, fetching on the
     *     shared pool
     */
    public static PagedSequence.Prefetch prefetch(int pages) {
        return new PagedSequence.Prefetch(pages(pages), POOL);
    }

    /**
     * Validates a prefetch setting: 1 (one page at a time) to {@value #MAX_PAGES}.
     *
     * @param pages the setting to check
     * @return {@code pages}; throws {@link IllegalArgumentException} when it is outside 1 to
     *     {@value #MAX_PAGES}
     */
    public static int pages(int pages) {
        Require.positive(pages, "prefetch pages");
        if (pages > MAX_PAGES) {
            throw new IllegalArgumentException("prefetch pages must be 1 to " + MAX_PAGES + " but was " + pages);
        }
        return pages;
    }

    private static ThreadPoolExecutor pool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "voucherport-paging-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
