package io.voucherport.adapter.promotions;

import io.voucherport.domain.Secret;
import io.voucherport.domain.promotion.PromotionId;

/**
 * Run in a JVM with a small heap by {@link ElasticPathPromotionsTest}: streams every code of the
 * given promotions through the adapter with the given pages in flight, keeping none, and prints
 * how many it saw.
 */
public final class StreamCodesMain {

    private StreamCodesMain() {
    }

    /** {@code baseUrl clientSecret prefetchPages promotionId...}. */
    public static void main(String[] args) {
        long total = 0;
        try (ElasticPathPromotions adapter = ElasticPathPromotions.builder().baseUrl(args[0])
                .clientId(Secret.of(io.voucherport.testkit.elasticpath.ElasticPathSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(args[1])).requestsPerSecond(0).prefetchPages(Integer.parseInt(args[2])).build()) {
            for (int i = 3; i < args.length; i++) {
                var walked = adapter.codes(PromotionId.of(args[i])).forEachItem(code -> { });
                if (walked.isLeft()) {
                    System.out.println("failed: " + walked.getLeft());
                    System.exit(1);
                }
                total += walked.get();
            }
        }
        System.out.println("streamed " + total + " codes, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB");
    }
}
