package io.voucherport.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Paired, interleaved measurements: the clients take turns in short slices, in a shuffled order
 * each round, so a slow spell of the machine (on the shared VM this was written on, loopback
 * round trips switch between about 25 µs and 100 µs for seconds at a time) falls on all of them
 * alike. Each round gives one ratio per client against a reference; the figure is the median
 * ratio with a bootstrap 95 % interval. Complements JMH's figures, whose iterations are
 * minutes apart between clients.
 */
final class PairedRuns {

    /**
     * A median ratio and its 95 % interval.
     *
     * @param median median of the per-round ratios
     * @param low lower bound of the bootstrap 95 % interval of the median
     * @param high upper bound
     * @param rounds rounds measured
     */
    record Ratio(double median, double low, double high, int rounds) {
    }

    /** Calls that failed in throughput slices, by client (they are not counted as done). */
    static final Map<String, LongAdder> FAILURES = new java.util.concurrent.ConcurrentHashMap<>();

    private PairedRuns() {
    }

    /** Mean microseconds per call of each client, per round: 1 caller, {@code calls} calls per slice. */
    static Map<String, double[]> latency(Scenario scenario, Map<String, BenchClient> clients, int rounds, int calls,
            long seed) {
        return rounds(clients, rounds, seed, client -> {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                client.call(scenario);
            }
            return (System.nanoTime() - start) / 1e3 / calls;
        });
    }

    /** Calls per second of each client, per round: {@code threads} callers for one {@code slice}. */
    static Map<String, double[]> throughput(Scenario scenario, Map<String, BenchClient> clients, int threads,
            Duration slice, int rounds, long seed) {
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        Map<BenchClient, String> names = new java.util.IdentityHashMap<>();
        clients.forEach((name, client) -> names.put(client, name));
        try {
            return rounds(clients, rounds, seed, client -> {
                LongAdder done = new LongAdder();
                CountDownLatch finished = new CountDownLatch(threads);
                long start = System.nanoTime();
                long end = start + slice.toNanos();
                for (int t = 0; t < threads; t++) {
                    callers.execute(() -> {
                        try {
                            while (System.nanoTime() < end) {
                                try {
                                    client.call(scenario);
                                    done.increment();
                                } catch (RuntimeException e) {
                                    FAILURES.computeIfAbsent(names.get(client), n -> new LongAdder()).increment();
                                }
                            }
                        } finally {
                            finished.countDown();
                        }
                    });
                }
                try {
                    finished.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return done.sum() / ((System.nanoTime() - start) / 1e9);
            });
        } finally {
            callers.shutdownNow();
        }
    }

    /** Per-round ratios {@code values[client] ÷ values[reference]}: median and bootstrap interval. */
    static Ratio ratio(double[] client, double[] reference, long seed) {
        double[] ratios = new double[client.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = client[i] / reference[i];
        }
        Random random = new Random(seed);
        double[] medians = new double[2_000];
        double[] sample = new double[ratios.length];
        for (int b = 0; b < medians.length; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = ratios[random.nextInt(ratios.length)];
            }
            medians[b] = median(sample);
        }
        Arrays.sort(medians);
        return new Ratio(median(ratios), medians[(int) (medians.length * 0.025)], medians[(int) (medians.length * 0.975)],
                ratios.length);
    }

    /** The median of {@code values}. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private interface Slice {
        double measure(BenchClient client);
    }

    private static Map<String, double[]> rounds(Map<String, BenchClient> clients, int rounds, long seed, Slice slice) {
        List<String> order = new ArrayList<>(clients.keySet());
        Map<String, double[]> values = new LinkedHashMap<>();
        order.forEach(name -> values.put(name, new double[rounds]));
        Random random = new Random(seed);
        for (String name : order) {
            slice.measure(clients.get(name)); // warm this client's path once more
        }
        for (int r = 0; r < rounds; r++) {
            Collections.shuffle(order, random);
            for (String name : order) {
                values.get(name)[r] = slice.measure(clients.get(name));
            }
        }
        return values;
    }
}
