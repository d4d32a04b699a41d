package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherport.domain.paging.PagedSequence;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared pool pages ahead are fetched on: named daemon threads, a bounded setting. */
class PagingExecutorTest {

    @Test
    void pagesAheadRunOnNamedDaemonThreads() throws Exception {
        Thread thread = CompletableFuture.supplyAsync(Thread::currentThread, PagingExecutor.shared()).get(10, TimeUnit.SECONDS);
        assertThat(thread.getName()).matches("voucherport-paging-\\d+");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void aPrefetchIsOneToThirtyTwoPagesOnTheSharedPool() {
        PagedSequence.Prefetch prefetch = PagingExecutor.prefetch(PagingExecutor.DEFAULT_PAGES);
        assertThat(prefetch.pages()).isEqualTo(8);
        assertThat(prefetch.executor()).isSameAs(PagingExecutor.shared());
        assertThat(PagingExecutor.pages(1)).isEqualTo(1);
        assertThat(PagingExecutor.pages(32)).isEqualTo(32);
        assertThatThrownBy(() -> PagingExecutor.pages(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PagingExecutor.pages(33)).isInstanceOf(IllegalArgumentException.class);
    }
}
