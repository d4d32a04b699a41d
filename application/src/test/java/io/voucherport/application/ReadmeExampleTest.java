package io.voucherport.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.testkit.assertions.ReadmeSnippets;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The README's "buy exactly once" example compiles, runs, and is the same code as in the README. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleBuysExactlyOnce() {
        InMemoryCodeSupplier fake = new InMemoryCodeSupplier().product("GAME-10", "10", "USD", 0).pollsToComplete(2);
        CodeSupplier supplier = fake;
        PurchaseJournal journal = new InMemoryPurchaseJournal();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // README:buy-begin
            BuyCodes buy = BuyCodes.builder("ez", supplier, journal)   // journal: JdbcPurchaseJournal in production
                    .policy(PollingPolicy.DEFAULT).waiting(Waiting.real(scheduler)).build();
            OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of("GAME-10", 3)), Option.none());
            CompletableFuture<PurchaseResult> result = buy.buyAsync(request);   // journaled before the first call
            PurchaseResult done = result.join();
            if (done instanceof PurchaseResult.Pending) {          // deadline reached: RecoverPurchases picks it up,
                done = buy.resume(request);                        // or resume it yourself: never bought twice
            }
            // README:buy-end
            assertThat(done).isInstanceOf(PurchaseResult.Delivered.class);
            assertThat(fake.ordersWithReference(request.reference())).isEqualTo(1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theReadmeShowsExactlyThisCode() {
        ReadmeSnippets.assertInReadme(ReadmeExampleTest.class, "buy", Path.of("../README.md"));
    }
}
