package io.voucherport.benchmarks;

import io.vavr.control.Either;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.PromotionId;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM with a small heap by {@link PerformanceReport}: streams every code of the
 * given promotions through the Elastic Path adapter, keeping none, and prints one line of
 * figures: codes streamed, peak heap used, heap limit, GC runs, seconds.
 */
public final class MemoryRun {

    private MemoryRun() {
    }

    /** {@code baseUrl promotions}. */
    public static void main(String[] args) {
        String baseUrl = args[0];
        int promotions = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        AtomicLong streamed = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        try (ElasticPathPromotions adapter = ElasticPathPromotions.builder().baseUrl(baseUrl).clientId(Secret.of("bench-client"))
                .clientSecret(Secret.of("bench-secret-42")).pageSize(Payloads.EP_PAGE).requestsPerSecond(0).build()) {
            for (int p = 0; p < promotions; p++) {
                Either<ProviderFailure, Long> walked = adapter.codes(PromotionId.of("promotion-" + p))
                        .forEachItem(code -> checksum.addAndGet(code.code().value().length()));
                if (walked.isLeft()) {
                    System.out.println("failed " + walked.getLeft());
                    System.exit(1);
                }
                streamed.addAndGet(walked.get());
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long gcs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs += Math.max(0, gc.getCollectionCount());
        }
        System.out.printf("streamed=%d peakHeapBytes=%d maxHeapBytes=%d gcRuns=%d seconds=%.2f checksum=%d%n",
                streamed.get(), peak, Runtime.getRuntime().maxMemory(), gcs, (System.nanoTime() - start) / 1e9,
                checksum.get());
    }
}
