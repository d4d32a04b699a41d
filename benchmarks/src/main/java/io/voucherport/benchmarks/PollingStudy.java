package io.voucherport.benchmarks;

import io.vavr.control.Option;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import io.voucherport.testkit.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Polling in virtual time: {@link BuyCodes} buys from an in-memory supplier whose orders complete
 * at a random moment in [0, 30 s]; for each order it records the requests made after placing it
 * (status polls, and requests in all: polls plus the code fetch) and the delay between completion
 * and codes in hand.
 */
public final class PollingStudy {

    /** The longest an order takes to complete. */
    public static final Duration LONGEST = Duration.ofSeconds(30);

    /**
     * What a policy cost and gave.
     *
     * @param orders orders bought
     * @param pollsPerOrder mean status polls after placing
     * @param requestsPerOrder mean requests after placing (status polls and code fetches)
     * @param medianDelaySeconds median delay from completion to codes in hand
     * @param p90DelaySeconds 90th percentile of that delay
     */
    public record Figures(int orders, double pollsPerOrder, double requestsPerOrder, double medianDelaySeconds, double p90DelaySeconds) {
    }

    private PollingStudy() {
    }

    /** Buys {@code orders} orders one after another with {@code policy}; the same {@code seed} gives the same completions. */
    public static Figures run(PollingPolicy policy, int orders, long seed) {
        ManualClock clock = new ManualClock();
        Random completions = new Random(seed);
        Random jitter = new Random(seed + 1);
        InMemoryCodeSupplier supplier = new InMemoryCodeSupplier(clock).product("GIFT-25", "25.00", "USD", 0);
        Waiting waiting = new Waiting(clock, clock::advance, (delay, step) -> {
            throw new UnsupportedOperationException("blocking purchases only");
        }, jitter::nextDouble);
        BuyCodes buy = BuyCodes.builder("in-memory", supplier, new InMemoryPurchaseJournal()).policy(policy)
                .waiting(waiting).build();
        long requests = 0;
        long polls = 0;
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Duration completesAfter = Duration.ofNanos((long) (completions.nextDouble() * LONGEST.toNanos()));
            supplier.completeAfter(completesAfter);
            Instant completesAt = clock.instant().plus(completesAfter);
            long before = requests(supplier);
            long pollsBefore = supplier.calls(InMemoryCodeSupplier.Operation.FIND_ORDER);
            PurchaseResult result = buy.buy(BuyCodes.prepare(List.of(OrderLine.of("GIFT-25", 1)), Option.none()));
            if (!(result instanceof PurchaseResult.Delivered)) {
                throw new IllegalStateException("order " + i + " ended " + result);
            }
            requests += requests(supplier) - before;
            polls += supplier.calls(InMemoryCodeSupplier.Operation.FIND_ORDER) - pollsBefore;
            delays.add(Duration.between(completesAt, clock.instant()).toNanos() / 1e9);
        }
        Collections.sort(delays);
        return new Figures(orders, (double) polls / orders, (double) requests / orders, delays.get(orders / 2),
                delays.get((int) Math.ceil(orders * 0.9) - 1));
    }

    private static long requests(InMemoryCodeSupplier supplier) {
        return supplier.calls(InMemoryCodeSupplier.Operation.FIND_ORDER)
                + supplier.calls(InMemoryCodeSupplier.Operation.FETCH_CODES);
    }
}
