package io.voucherport.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.vavr.control.Option;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.adapter.jdbc.JdbcSchema;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Secret;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * What the purchase journal costs: instant purchases through {@link BuyCodes} with the real EZ
 * adapter against the in-process {@link EzSimulator} (HTTP on loopback), journaled in PostgreSQL
 * ({@link JdbcPurchaseJournal} over a HikariCP pool on an embedded PostgreSQL started by the run)
 * and in memory ({@link InMemoryPurchaseJournal}), at 1 and 8 callers.
 *
 * <p>The journals take turns in short slices of a fixed number of purchases, in a shuffled order
 * each round (as {@link PairedRuns} does), so that a slow spell of the shared machine falls on all
 * of them alike; each round gives one throughput ratio and one latency difference per journal
 * against the in-memory one. Every round buys from a fresh simulator (the simulator's duplicate
 * check scans every order it holds, so one simulator for the whole run would slow down as it
 * fills) through a fresh adapter and pool shared by the journals, set up and warmed before the
 * clock starts; the journals themselves live for the whole run, as a service's would. A third journal, PostgreSQL with
 * {@code synchronous_commit=off} on its connections, is measured alongside as a profile of where
 * the time goes (it is not durable, and is labelled so in the report).
 *
 * <p>{@code java -cp benchmarks/target/voucherport-benchmarks.jar io.voucherport.benchmarks.JournalCost
 * [--quick] [--rounds=N] [--warm-up=SECONDS] [--out=docs/performance.md]} (or
 * {@code PerformanceReport --journal [--quick]}) writes the section "What the journal costs" into the
 * report between its markers.
 */
public final class JournalCost {

    /** The journals compared. */
    enum Journal {
        IN_MEMORY("in-memory"),
        POSTGRES("PostgreSQL"),
        POSTGRES_NO_SYNC("PostgreSQL, synchronous_commit=off (not durable)");

        final String label;

        Journal(String label) {
            this.label = label;
        }
    }

    /**
     * How long and how much to run.
     *
     * @param name "quick" or "full"
     * @param warmUp interleaved, unrecorded slices for this long first
     * @param rounds recorded rounds per number of callers
     * @param slice1 purchases per slice at 1 caller
     * @param slice8 purchases per slice at 8 callers
     * @param poolSize connections in each journal's pool
     */
    record Settings(String name, Duration warmUp, int rounds, int slice1, int slice8, int poolSize) {
    }

    /** A smoke run: seconds, not figures to publish. */
    static final Settings QUICK = new Settings("quick", Duration.ofSeconds(2), 3, 20, 80, 8);
    /** The published run: a few minutes. */
    static final Settings FULL = new Settings("full", Duration.ofSeconds(30), 25, 100, 400, 8);

    /** The numbers of concurrent callers measured. */
    static final int[] CALLERS = {1, 8};

    static final String FLOOR_SELECT = "`SELECT 1`";
    static final String FLOOR_INSERT = "`INSERT` of one row, synchronous_commit=on";
    static final String FLOOR_INSERT_NO_SYNC = "`INSERT` of one row, synchronous_commit=off (not durable)";
    private static final int FLOOR_ROUNDS = 3;

    static final String SKU = "BENCH-10-USD";
    static final String SUPPLIER_NAME = "ez";

    /** One slice: one journal, one number of callers, a fixed number of purchases. */
    record Slice(Journal journal, int callers, int purchases, long nanos, long[] latencies, int delivered,
            List<String> failures, long statements, Map<Long, Integer> statementsPerPurchase,
            Map<Long, Integer> callsPerPurchase, Map<String, Long> calls, long journalNanos, long borrows,
            long borrowNanos, long jvmCpuNanos, long[] jvmTicks, long[] dbTicks, long[] machineTicks, int ordersAtSupplier,
            long mostOrdersPerReference, Map<String, Integer> httpRequests) {

        double throughput() {
            return purchases / (nanos / 1e9);
        }

        Slice withMostOrdersPerReference(long most) {
            return new Slice(journal, callers, purchases, nanos, latencies, delivered, failures, statements,
                    statementsPerPurchase, callsPerPurchase, calls, journalNanos, borrows, borrowNanos, jvmCpuNanos,
                    jvmTicks, dbTicks, machineTicks, ordersAtSupplier, most, httpRequests);
        }
    }

    /**
     * Bare statements through a journal's pool, each done as the journal does one (borrow, prepare,
     * set the query timeout, execute, return): the floor under a journal round trip.
     */
    record Floor(String statement, int callers, int statements, long nanos, long[] latencies, long jvmCpuNanos,
            long[] jvmTicks, long[] dbTicks, long[] machineTicks) {

        double perSecond() {
            return statements / (nanos / 1e9);
        }
    }

    /** Everything measured for one journal at one number of callers, over every recorded round. */
    static final class Cell {
        final Journal journal;
        final int callers;
        final List<Slice> slices = new ArrayList<>();

        Cell(Journal journal, int callers) {
            this.journal = journal;
            this.callers = callers;
        }

        int purchases() {
            return slices.stream().mapToInt(Slice::purchases).sum();
        }

        int delivered() {
            return slices.stream().mapToInt(Slice::delivered).sum();
        }

        List<String> failures() {
            return slices.stream().flatMap(s -> s.failures().stream()).toList();
        }

        int ordersAtSupplier() {
            return slices.stream().mapToInt(Slice::ordersAtSupplier).sum();
        }

        long mostOrdersPerReference() {
            return slices.stream().mapToLong(Slice::mostOrdersPerReference).max().orElse(0);
        }

        long statements() {
            return slices.stream().mapToLong(Slice::statements).sum();
        }

        /** Statements (database round trips, or in-memory writes) per purchase, over the whole cell. */
        double statementsPerPurchase() {
            return (double) statements() / purchases();
        }

        Map<Long, Integer> statementsPerPurchaseCounts() {
            return merge(Slice::statementsPerPurchase);
        }

        Map<Long, Integer> callsPerPurchaseCounts() {
            return merge(Slice::callsPerPurchase);
        }

        private Map<Long, Integer> merge(java.util.function.Function<Slice, Map<Long, Integer>> of) {
            Map<Long, Integer> all = new TreeMap<>();
            slices.forEach(s -> of.apply(s).forEach((k, v) -> all.merge(k, v, Integer::sum)));
            return all;
        }

        Map<String, Long> calls() {
            Map<String, Long> all = new TreeMap<>();
            slices.forEach(s -> s.calls().forEach((k, v) -> all.merge(k, v, Long::sum)));
            return all;
        }

        Map<String, Integer> httpRequests() {
            Map<String, Integer> all = new TreeMap<>();
            slices.forEach(s -> s.httpRequests().forEach((k, v) -> all.merge(k, v, Integer::sum)));
            return all;
        }

        /** Every purchase's time, sorted, in nanoseconds. */
        long[] latencies() {
            return slices.stream().flatMapToLong(s -> Arrays.stream(s.latencies())).sorted().toArray();
        }

        double[] throughputPerRound() {
            return slices.stream().mapToDouble(Slice::throughput).toArray();
        }

        /** Each round's median time per purchase, µs. */
        double[] medianMicrosPerRound() {
            return slices.stream().mapToDouble(s -> {
                long[] sorted = s.latencies().clone();
                Arrays.sort(sorted);
                return Stats.percentile(sorted, 0.5) / 1e3;
            }).toArray();
        }

        /** Purchases per second over every slice together. */
        double throughput() {
            return purchases() / (slices.stream().mapToLong(Slice::nanos).sum() / 1e9);
        }

        double perPurchase(java.util.function.ToLongFunction<Slice> f) {
            return (double) slices.stream().mapToLong(f).sum() / purchases();
        }
    }

    /** Simple statistics over per-round values. */
    static final class Stats {
        private Stats() {
        }

        /** Nearest-rank percentile of sorted values. */
        static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        /** Linear-interpolated quantile of values. */
        static double quantile(double[] values, double q) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double pos = q * (sorted.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = (int) Math.ceil(pos);
            return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
        }

        /**
         * The median of per-round values with their interquartile range and a bootstrap 95 %
         * interval of the median.
         */
        static Spread spread(double[] values, long seed) {
            Random random = new Random(seed);
            double[] medians = new double[2_000];
            double[] sample = new double[values.length];
            for (int b = 0; b < medians.length; b++) {
                for (int i = 0; i < sample.length; i++) {
                    sample[i] = values[random.nextInt(values.length)];
                }
                medians[b] = PairedRuns.median(sample);
            }
            Arrays.sort(medians);
            return new Spread(PairedRuns.median(values), quantile(values, 0.25), quantile(values, 0.75),
                    medians[(int) (medians.length * 0.025)], medians[(int) (medians.length * 0.975)], values.length);
        }
    }

    /**
     * A median of per-round values with its spread.
     *
     * @param median median of the per-round values
     * @param q1 first quartile
     * @param q3 third quartile
     * @param low bootstrap 95 % interval of the median, lower bound
     * @param high upper bound
     * @param rounds rounds
     */
    record Spread(double median, double q1, double q3, double low, double high, int rounds) {
    }

    /** Everything the run measured, for the report and the test. */
    static final class Figures {
        final Settings settings;
        final Map<Journal, Map<Integer, Cell>> cells = new EnumMap<>(Journal.class);
        final Map<String, String> serverSettings;
        final String noSyncSetting;
        final Map<Integer, double[]> walPerPhase = new LinkedHashMap<>();
        /** Bare statements through the pools, after the journals' phases. */
        final List<Floor> floors = new ArrayList<>();
        /** Measured in the pauses between phases: {@code [JVM cores, PostgreSQL cores, machine busy share]}. */
        final List<double[]> idle = new ArrayList<>();
        long ticksPerSecond;
        Duration elapsed;

        Figures(Settings settings, Map<String, String> serverSettings, String noSyncSetting) {
            this.settings = settings;
            this.serverSettings = serverSettings;
            this.noSyncSetting = noSyncSetting;
            for (Journal j : Journal.values()) {
                Map<Integer, Cell> byCallers = new LinkedHashMap<>();
                for (int callers : CALLERS) {
                    byCallers.put(callers, new Cell(j, callers));
                }
                cells.put(j, byCallers);
            }
        }

        Cell cell(Journal journal, int callers) {
            return cells.get(journal).get(callers);
        }

        /** Per-round throughput of {@code journal} ÷ in-memory at {@code callers}. */
        double[] throughputRatios(Journal journal, int callers) {
            double[] j = cell(journal, callers).throughputPerRound();
            double[] m = cell(Journal.IN_MEMORY, callers).throughputPerRound();
            double[] r = new double[j.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = j[i] / m[i];
            }
            return r;
        }

        /** Per-round median time per purchase of {@code journal} minus in-memory's, µs. */
        double[] addedMicros(Journal journal, int callers) {
            double[] j = cell(journal, callers).medianMicrosPerRound();
            double[] m = cell(Journal.IN_MEMORY, callers).medianMicrosPerRound();
            double[] d = new double[j.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = j[i] - m[i];
            }
            return d;
        }
    }

    /** One journal as the run drives it. */
    private record Driven(Journal journal, MeteredJournal metered, LongSupplier statements,
            BenchDatabase.Borrowing borrowing) {
    }

    private JournalCost() {
    }

    /** Runs the benchmark and writes its section; see the class comment for arguments. */
    public static void main(String[] args) throws IOException {
        boolean quick = false;
        Path out = Path.of("docs", "performance.md");
        Integer rounds = null;
        Integer warmUp = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.valueOf(arg.substring(9));
            } else if (arg.startsWith("--warm-up=")) {
                warmUp = Integer.valueOf(arg.substring(10));
            } else {
                throw new IllegalArgumentException("usage: [--quick] [--rounds=N] [--warm-up=SECONDS] [--out=docs/performance.md]");
            }
        }
        Settings settings = quick ? QUICK : FULL;
        settings = new Settings(settings.name(), warmUp == null ? settings.warmUp() : Duration.ofSeconds(warmUp),
                rounds == null ? settings.rounds() : rounds, settings.slice1(), settings.slice8(), settings.poolSize());
        write(settings, out);
    }

    /** Runs with {@code settings} and writes the section into {@code out} (created when missing). */
    static Figures write(Settings settings, Path out) throws IOException {
        Figures figures = run(settings);
        JournalCostReport report = new JournalCostReport(figures);
        String doc = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Performance\n";
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JournalCostReport.splice(doc, report.section(), report.targetRow()), StandardCharsets.UTF_8);
        System.out.println("wrote the section \"" + JournalCostReport.TITLE + "\" into " + out.toAbsolutePath());
        return figures;
    }

    /** Runs the benchmark. */
    static Figures run(Settings settings) {
        long started = System.nanoTime();
        try (BenchDatabase database = BenchDatabase.start()) {
            BenchDatabase.Borrowing durableBorrowing = new BenchDatabase.Borrowing();
            BenchDatabase.Borrowing noSyncBorrowing = new BenchDatabase.Borrowing();
            HikariDataSource durable = database.pool("durable", settings.poolSize(), null, durableBorrowing);
            HikariDataSource noSync = database.pool("no-sync", settings.poolSize(), "SET synchronous_commit TO off",
                    noSyncBorrowing);
            JdbcSchema.createIfMissing(durable, "bench_durable");
            JdbcSchema.createIfMissing(durable, "bench_no_sync");
            JdbcPurchaseJournal durableJournal = JdbcPurchaseJournal.builder(durable).schema("bench_durable").build();
            JdbcPurchaseJournal noSyncJournal = JdbcPurchaseJournal.builder(noSync).schema("bench_no_sync").build();
            InMemoryPurchaseJournal memory = new InMemoryPurchaseJournal();
            Map<Journal, Driven> journals = new EnumMap<>(Journal.class);
            journals.put(Journal.IN_MEMORY, new Driven(Journal.IN_MEMORY, new MeteredJournal(memory), memory::writes,
                    null));
            journals.put(Journal.POSTGRES, new Driven(Journal.POSTGRES, new MeteredJournal(durableJournal),
                    durableJournal::roundTrips, durableBorrowing));
            journals.put(Journal.POSTGRES_NO_SYNC, new Driven(Journal.POSTGRES_NO_SYNC,
                    new MeteredJournal(noSyncJournal), noSyncJournal::roundTrips, noSyncBorrowing));

            String noSyncSetting = BenchDatabase.settings(noSync, List.of("synchronous_commit")).get("synchronous_commit");
            Figures figures = new Figures(settings, database.settings(), noSyncSetting);
            figures.ticksPerSecond = ticksPerSecond();
            Map<Integer, ExecutorService> callers = new LinkedHashMap<>();
            for (int n : CALLERS) {
                callers.put(n, Executors.newFixedThreadPool(n));
            }
            Waiting waiting = Waiting.real();
            Random order = new Random(23);
            try {
                System.out.printf("journal cost (%s): warming up %d s%n", settings.name(), settings.warmUp().toSeconds());
                long warmUntil = System.nanoTime() + settings.warmUp().toNanos();
                while (System.nanoTime() < warmUntil) {
                    for (int n : CALLERS) {
                        round(shuffled(journals.values(), order), n, n == 1 ? settings.slice1() : settings.slice8(),
                                callers.get(n), database, waiting);
                    }
                }
                for (int n : CALLERS) {
                    int perSlice = n == 1 ? settings.slice1() : settings.slice8();
                    double[] walBefore = pausedWal(database, figures);
                    for (int round = 0; round < settings.rounds(); round++) {
                        for (Slice slice : round(shuffled(journals.values(), order), n, perSlice, callers.get(n), database,
                                waiting)) {
                            figures.cell(slice.journal(), n).slices.add(slice);
                        }
                        System.out.printf("journal cost (%s): %d caller(s), round %d/%d%n", settings.name(), n, round + 1,
                                settings.rounds());
                    }
                    double[] walAfter = pausedWal(database, figures);
                    double[] delta = new double[walAfter.length];
                    for (int i = 0; i < delta.length; i++) {
                        delta[i] = walAfter[i] - walBefore[i];
                    }
                    figures.walPerPhase.put(n, delta);
                }
                floors(figures, database, durable, noSync, callers);
            } finally {
                callers.values().forEach(ExecutorService::shutdownNow);
            }
            figures.elapsed = Duration.ofNanos(System.nanoTime() - started);
            return figures;
        }
    }

    private static List<Driven> shuffled(java.util.Collection<Driven> journals, Random random) {
        List<Driven> order = new ArrayList<>(journals);
        Collections.shuffle(order, random);
        return order;
    }

    /**
     * pg_stat_wal after a pause long enough for the backends to have reported; the pause also
     * measures what runs when no purchase does (JIT compilation, other guests, other processes).
     */
    private static double[] pausedWal(BenchDatabase database, Figures figures) {
        long cpu = processCpuNanos();
        long[] db = database.cpuTicks();
        long[] machine = machineTicks();
        long start = System.nanoTime();
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] after = machineTicks();
        double busy = after[0] - machine[0];
        double total = busy + after[1] - machine[1] + after[2] - machine[2];
        figures.idle.add(new double[] {(processCpuNanos() - cpu) / 1e9 / seconds,
                sum(minus(database.cpuTicks(), db)) / (double) figures.ticksPerSecond / seconds,
                total == 0 ? Double.NaN : busy / total});
        return database.wal();
    }

    /**
     * One round: a fresh simulator, adapter and pool shared by the journals, one warm-up purchase
     * per caller through each journal, then one slice per journal in the given order. The
     * simulator's duplicate check scans every order it holds, so it lives for one round only (at
     * most a few thousand orders); the journals live for the whole run, as a service's would.
     */
    private static List<Slice> round(List<Driven> order, int callers, int perSlice, ExecutorService threads,
            BenchDatabase database, Waiting waiting) {
        EzSimulator simulator = EzSimulator.create().product(SKU, "Bench card 10 USD", "USD", "10.00", "9.75",
                order.size() * (perSlice + callers) + 16).balance("USD", "100000000.00");
        simulator.start();
        try (SharedHttpClient http = SharedHttpClient.create();
                EzCardsSupplier ez = EzCardsSupplier.builder().baseUrl(simulator.baseUrl())
                        .apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                        .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).httpClient(http).build()) {
            Map<Journal, BuyCodes> buyers = new EnumMap<>(Journal.class);
            Map<Journal, List<String>> failures = new EnumMap<>(Journal.class);
            for (Driven d : order) {
                BuyCodes buy = BuyCodes.builder(SUPPLIER_NAME, ez, d.metered()).waiting(waiting).build();
                buyers.put(d.journal(), buy);
                List<String> failed = Collections.synchronizedList(new ArrayList<>());
                failures.put(d.journal(), failed);
                // before the clock starts, one purchase per caller: opens the HTTP and database connections,
                // wakes the simulator's threads, fills the new adapter's JSON caches (these orders are not counted)
                parallel(threads, callers, () -> {
                    OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of(SKU, 1)), Option.none());
                    PurchaseResult result = buy.buy(request);
                    if (!(result instanceof PurchaseResult.Delivered)) {
                        failed.add("warm-up purchase " + request.reference() + " ended " + result);
                    }
                });
            }
            List<Slice> slices = new ArrayList<>();
            for (Driven d : order) {
                slices.add(slice(d, buyers.get(d.journal()), failures.get(d.journal()), simulator, callers, perSlice,
                        threads, database));
            }
            long most = simulator.ordersPerReference().values().stream().mapToLong(Long::longValue).max().orElse(0);
            return slices.stream().map(x -> x.withMostOrdersPerReference(most)).toList();
        } finally {
            simulator.close();
        }
    }

    /** Buys {@code purchases} instant orders with {@code callers} callers through {@code driven}'s journal. */
    private static Slice slice(Driven driven, BuyCodes buy, List<String> failures, EzSimulator simulator, int callers,
            int purchases, ExecutorService threads, BenchDatabase database) {
        simulator.clearRequestLog();
        int ordersBefore = simulator.orderCount();

        long[] latencies = new long[purchases];
        long[] statementsEach = new long[purchases];
        long[] callsEach = new long[purchases];
        boolean[] delivered = new boolean[purchases];
        AtomicInteger next = new AtomicInteger();
        Map<String, Long> callsBefore = driven.metered().calls();
        long statementsBefore = driven.statements().getAsLong();
        long journalNanosBefore = driven.metered().nanos();
        long borrowsBefore = driven.borrowing() == null ? 0 : driven.borrowing().borrows.sum();
        long borrowNanosBefore = driven.borrowing() == null ? 0 : driven.borrowing().nanos.sum();
        long[] machineBefore = machineTicks();
        long[] dbBefore = database.cpuTicks();
        long[] jvmBefore = BenchDatabase.ownCpuTicks();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        parallel(threads, callers, () -> {
            int i;
            while ((i = next.getAndIncrement()) < purchases) {
                OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of(SKU, 1)), Option.none());
                long statements = callers == 1 ? driven.statements().getAsLong() : 0;
                long calls = driven.metered().callsOnThisThread();
                long t0 = System.nanoTime();
                PurchaseResult result;
                try {
                    result = buy.buy(request);
                } catch (RuntimeException e) {
                    result = null;
                    failures.add(request.reference() + " threw " + e);
                }
                latencies[i] = System.nanoTime() - t0;
                statementsEach[i] = callers == 1 ? driven.statements().getAsLong() - statements : -1;
                callsEach[i] = driven.metered().callsOnThisThread() - calls;
                if (result instanceof PurchaseResult.Delivered d && d.codes().delivered().size() == 1) {
                    delivered[i] = true;
                } else if (result != null) {
                    failures.add(request.reference() + " ended " + result);
                }
            }
        });
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        long[] jvm = minus(BenchDatabase.ownCpuTicks(), jvmBefore);
        long[] db = minus(database.cpuTicks(), dbBefore);
        long[] machineAfter = machineTicks();
        long[] machine = new long[machineAfter.length];
        for (int k = 0; k < machine.length; k++) {
            machine[k] = machineAfter[k] - machineBefore[k];
        }
        Map<String, Long> calls = driven.metered().calls();
        callsBefore.forEach((k, v) -> calls.merge(k, -v, Long::sum));
        calls.values().removeIf(v -> v == 0);
        Map<Long, Integer> statementsPerPurchase = new TreeMap<>();
        Map<Long, Integer> callsPerPurchase = new TreeMap<>();
        int deliveredCount = 0;
        for (int i = 0; i < purchases; i++) {
            if (callers == 1) {
                statementsPerPurchase.merge(statementsEach[i], 1, Integer::sum);
            }
            callsPerPurchase.merge(callsEach[i], 1, Integer::sum);
            deliveredCount += delivered[i] ? 1 : 0;
        }
        Map<String, Integer> requests = new TreeMap<>();
        simulator.requestLog().forEach(e -> requests.merge(e.name(), 1, Integer::sum));
        return new Slice(driven.journal(), callers, purchases, nanos, latencies, deliveredCount, List.copyOf(failures),
                driven.statements().getAsLong() - statementsBefore, statementsPerPurchase, callsPerPurchase, calls,
                driven.metered().nanos() - journalNanosBefore,
                driven.borrowing() == null ? 0 : driven.borrowing().borrows.sum() - borrowsBefore,
                driven.borrowing() == null ? 0 : driven.borrowing().nanos.sum() - borrowNanosBefore, cpu, jvm, db, machine, simulator.orderCount() - ordersBefore, 0, requests);
    }

    /** The statements of the round-trip floor: name → (pool, SQL). */
    private static void floors(Figures figures, BenchDatabase database, DataSource durable, DataSource noSync,
            Map<Integer, ExecutorService> callers) {
        try (Connection c = database.monitor(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_round_trip (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " note text NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the floor's table", e);
        }
        Map<String, DataSource> pools = new LinkedHashMap<>();
        Map<String, String> sql = new LinkedHashMap<>();
        pools.put(FLOOR_SELECT, durable);
        sql.put(FLOOR_SELECT, "SELECT 1");
        pools.put(FLOOR_INSERT, durable);
        sql.put(FLOOR_INSERT, "INSERT INTO bench_round_trip (note) VALUES (?)");
        pools.put(FLOOR_INSERT_NO_SYNC, noSync);
        sql.put(FLOOR_INSERT_NO_SYNC, "INSERT INTO bench_round_trip (note) VALUES (?)");
        Random random = new Random(43);
        for (int n : CALLERS) {
            int statements = n == 1 ? 10 * figures.settings.slice1() : 5 * figures.settings.slice8();
            Map<String, List<Floor>> rounds = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(sql.keySet());
            for (int round = 0; round < FLOOR_ROUNDS + 1; round++) {
                Collections.shuffle(order, random);
                for (String name : order) {
                    Floor floor = floor(name, pools.get(name), sql.get(name), n, statements, callers.get(n), database);
                    if (round > 0) { // the first round warms up
                        rounds.computeIfAbsent(name, k -> new ArrayList<>()).add(floor);
                    }
                }
            }
            for (String name : sql.keySet()) {
                List<Floor> all = rounds.get(name);
                figures.floors.add(new Floor(name, n, all.stream().mapToInt(Floor::statements).sum(),
                        all.stream().mapToLong(Floor::nanos).sum(),
                        all.stream().flatMapToLong(x -> Arrays.stream(x.latencies())).sorted().toArray(),
                        all.stream().mapToLong(Floor::jvmCpuNanos).sum(), sumTicks(all, Floor::jvmTicks),
                        sumTicks(all, Floor::dbTicks), sumTicks(all, Floor::machineTicks)));
            }
        }
    }

    /** {@code of} summed element-wise over {@code items}; null when any item has none. */
    static <T> long[] sumTicks(List<T> items, java.util.function.Function<T, long[]> of) {
        long[] sum = null;
        for (T item : items) {
            long[] t = of.apply(item);
            if (t == null) {
                return null;
            }
            if (sum == null) {
                sum = new long[t.length];
            }
            for (int i = 0; i < t.length; i++) {
                sum[i] += t[i];
            }
        }
        return sum;
    }

    private static Floor floor(String name, DataSource pool, String sql, int callers, int statements,
            ExecutorService threads, BenchDatabase database) {
        long[] latencies = new long[statements];
        AtomicInteger next = new AtomicInteger();
        long[] machineBefore = machineTicks();
        long[] dbBefore = database.cpuTicks();
        long[] jvmBefore = BenchDatabase.ownCpuTicks();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        parallel(threads, callers, () -> {
            int i;
            while ((i = next.getAndIncrement()) < statements) {
                long t0 = System.nanoTime();
                try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
                    p.setQueryTimeout(10);
                    if (sql.startsWith("SELECT")) {
                        try (ResultSet row = p.executeQuery()) {
                            row.next();
                        }
                    } else {
                        p.setString(1, "floor");
                        p.executeUpdate();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(name + " failed", e);
                }
                latencies[i] = System.nanoTime() - t0;
            }
        });
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        long[] jvm = minus(BenchDatabase.ownCpuTicks(), jvmBefore);
        long[] db = minus(database.cpuTicks(), dbBefore);
        long[] machine = minus(machineTicks(), machineBefore);
        return new Floor(name, callers, statements, nanos, latencies, cpu, jvm, db, machine);
    }

    /** Runs {@code work} on {@code n} threads of {@code threads} at once and waits for all. */
    private static void parallel(ExecutorService threads, int n, Runnable work) {
        CountDownLatch done = new CountDownLatch(n);
        List<RuntimeException> thrown = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < n; t++) {
            threads.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    thrown.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!thrown.isEmpty()) {
            throw thrown.get(0);
        }
    }

    /** {@code after - before} element by element; null when either is. */
    static long[] minus(long[] after, long[] before) {
        if (after == null || before == null) {
            return null;
        }
        long[] d = new long[after.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        return d;
    }

    private static long sum(long[] values) {
        return values == null ? 0 : Arrays.stream(values).sum();
    }

    static long processCpuNanos() {
        try {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        } catch (ClassCastException e) {
            return -1;
        }
    }

    /** The machine's CPU ticks from {@code /proc/stat}: {@code [busy, idle + iowait, steal]}; zeros elsewhere. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new long[] {user + nice + system + irq + softirq, idle + iowait, steal};
        } catch (IOException | RuntimeException e) {
            return new long[3];
        }
    }

    /** {@code getconf CLK_TCK}, or Linux's usual 100. */
    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
