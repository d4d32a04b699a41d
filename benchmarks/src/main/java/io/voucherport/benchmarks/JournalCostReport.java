package io.voucherport.benchmarks;

import io.voucherport.benchmarks.JournalCost.Cell;
import io.voucherport.benchmarks.JournalCost.Figures;
import io.voucherport.benchmarks.JournalCost.Journal;
import io.voucherport.benchmarks.JournalCost.Spread;
import io.voucherport.benchmarks.JournalCost.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns {@link JournalCost}'s figures into the section "What the journal costs" of
 * {@code docs/performance.md}, written between {@link #BEGIN} and {@link #END} so that it can be
 * rewritten on its own ({@link #splice}); the rest of the report is {@link ReportWriter}'s.
 */
final class JournalCostReport {

    static final String TITLE = "What the journal costs";
    static final String BEGIN = "<!-- journal-cost:begin (written by JournalCost; do not edit by hand) -->";
    static final String END = "<!-- journal-cost:end -->";
    static final String COMMAND = "./mvnw -B -q install -DskipTests && java -cp benchmarks/target/voucherport-benchmarks.jar"
            + " io.voucherport.benchmarks.JournalCost";
    static final double TARGET = 0.8;
    static final String TARGET_NAME = "Journal on ÷ in-memory, throughput at 8 callers ≥ " + TARGET + " (paired median)";

    /** What each journal call of an instant purchase does, and why it is there. */
    private static final Map<String, String[]> STEPS = Map.of(
            "open Sent", new String[] {"`WITH p AS (INSERT … ON CONFLICT (reference) DO NOTHING RETURNING …)"
                    + " INSERT INTO …event …` — the purchase and its first event in one statement",
                "The purchase (reference, supplier, request) is durable, leased to this instance and journaled as"
                        + " **sent before anything goes to EZ**: if the process dies while the order is in flight, the"
                        + " journal shows a placement without an outcome, so recovery looks the order up by reference"
                        + " (and proves absence over the settle time) instead of placing it again; a second instance"
                        + " buying the same reference gets the existing purchase (primary key), never a second order."},
            "finish Accepted Delivered", new String[] {"fenced `UPDATE` of the purchase row (ended, lease given back)"
                    + " + multi-row `INSERT` of the events, one statement",
                "EZ's order id and the delivery, written together once every requested SKU × quantity has a code:"
                        + " the purchase is never claimed or placed again, and a later `resume` answers the same"
                        + " order's codes. The order id is held back only while nothing waits: before any wait (an"
                        + " order still processing, codes missing) it is written on its own, so recovery fetches"
                        + " that order directly; a crash before this write leaves the placement without an outcome,"
                        + " which recovery resolves by looking the order up by reference."});
    private static final List<String> STEP_ORDER = List.of("open Sent", "finish Accepted Delivered");

    private final Figures f;

    JournalCostReport(Figures figures) {
        this.f = figures;
    }

    /** The paired throughput ratio at 8 callers, PostgreSQL ÷ in-memory. */
    Spread target() {
        return Stats.spread(f.throughputRatios(Journal.POSTGRES, 8), 29);
    }

    boolean met() {
        return target().median() >= TARGET;
    }

    /** The row for the report's table of targets. */
    String targetRow() {
        Spread t = target();
        return "| " + TARGET_NAME + " | " + String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", t.median(), t.low(), t.high())
                + " (PostgreSQL, `synchronous_commit=on`; " + t.rounds() + " rounds) | " + (met() ? "met" : "**missed**")
                + " |";
    }

    /** The section, markers included. */
    String section() {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## ").append(TITLE).append("\n\n");
        intro(md);
        roundTrips(md);
        time(md);
        throughput(md);
        profile(md);
        correctness(md);
        md.append(END).append('\n');
        return md.toString();
    }

    private void intro(StringBuilder md) {
        JournalCost.Settings s = f.settings;
        boolean quick = s.name().equals("quick");
        JournalCost.Settings defaults = quick ? JournalCost.QUICK : JournalCost.FULL;
        String options = (quick ? " --quick" : "")
                + (s.rounds() != defaults.rounds() ? " --rounds=" + s.rounds() : "")
                + (!s.warmUp().equals(defaults.warmUp()) ? " --warm-up=" + s.warmUp().toSeconds() : "");
        md.append("Written by `").append(COMMAND).append(options).append("` (").append(s.name())
                .append(" mode, ").append(minutes(f.elapsed)).append("; also run by `PerformanceReport`, or alone with")
                .append(" `PerformanceReport --journal`).\n");
        if (quick) {
            md.append("\n> **Quick run** (`--quick`): slices too few and too short to publish; rerun without it.\n");
        }
        md.append("\nInstant purchases (EZ, one SKU × 1, complete at once) through `BuyCodes` with the real EZ adapter")
                .append(" (`EzCardsSupplier` on a `SharedHttpClient`, HTTP on loopback) against the in-process `EzSimulator`,")
                .append(" with the purchase journal in **PostgreSQL** (`JdbcPurchaseJournal` over a HikariCP pool of ")
                .append(s.poolSize()).append(" connections, on an embedded PostgreSQL ")
                .append(f.serverSettings.getOrDefault("server_version", "?"))
                .append(" started by the run in a temporary directory on the machine's disk — zonky's binaries, no Docker)")
                .append(" and **in memory** (`InMemoryPurchaseJournal`), at 1 and 8 concurrent callers. The journals take")
                .append(" turns in slices of a fixed number of purchases (").append(s.slice1()).append(" at 1 caller, ")
                .append(s.slice8()).append(" at 8), in a shuffled order each round, ").append(s.rounds())
                .append(" rounds per number of callers after ").append(s.warmUp().toSeconds())
                .append(" s of interleaved warm-up, so that the shared machine's slow spells fall on all of them alike.")
                .append(" Every round buys from a fresh simulator through a fresh adapter and HTTP pool shared by the journals")
                .append(" (the simulator's duplicate check scans every order it holds, so it must not fill up), with one")
                .append(" untimed purchase per caller through each journal before the clock starts; the journals and their")
                .append(" database pools live for the whole run. Ratios and differences are taken per round and given as their median with a")
                .append(" bootstrap 95 % interval [in brackets] and the interquartile range (IQR) of the rounds.\n\n");
        md.append("PostgreSQL as run (read back from the server): ");
        md.append(f.serverSettings.entrySet().stream().filter(e -> !e.getKey().equals("server_version"))
                .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").collect(Collectors.joining(", ")));
        md.append(", `track_wal_io_timing=on` (zonky's own default, `synchronous_commit=off`, is overridden:")
                .append(" a commit returns only once its WAL is flushed to disk). A third journal, **PostgreSQL,")
                .append(" synchronous_commit=off**, is the same journal on its own pool whose connections run")
                .append(" `SET synchronous_commit TO off` (server reports `").append(f.noSyncSetting).append("` on them):")
                .append(" **not durable** — a crash of PostgreSQL or of the machine can lose the journal's last commits,")
                .append(" which is exactly what the journal is for — measured only to show how much of the cost is waiting")
                .append(" for the disk; it is not a configuration to run.\n\n");
        Spread t = target();
        md.append(String.format(Locale.ROOT, "**Target: journal on ÷ in-memory ≥ %.1f in throughput at 8 callers —"
                        + " measured %.2f [%.2f, %.2f] (IQR %.2f–%.2f, %d rounds): %s.**%s\n",
                TARGET, t.median(), t.low(), t.high(), t.q1(), t.q3(), t.rounds(), met() ? "met" : "missed",
                met() ? "" : " Where the time goes is below."));
    }

    private void roundTrips(StringBuilder md) {
        Cell one = f.cell(Journal.POSTGRES, 1);
        Cell eight = f.cell(Journal.POSTGRES, 8);
        Map<Long, Integer> each = one.statementsPerPurchaseCounts();
        Map<String, Long> calls = one.calls();
        md.append("\n### Database round trips per purchase\n\n");
        md.append("Counted by `JdbcPurchaseJournal.roundTrips()`: statements sent. Borrowing a pooled connection is not")
                .append(" one, except that HikariCP checks a connection idle for more than 0.5 s with one more round trip")
                .append(" (`isValid`), which a busy service rarely pays. At 1 caller, read before and after each purchase: ").append(histogram(each, one.purchases()))
                .append(". At 8 callers, all statements ÷ all purchases: ")
                .append(String.format(Locale.ROOT, "%.2f", eight.statementsPerPurchase()))
                .append(String.format(Locale.ROOT, " (journal calls per purchase, counted on each caller's thread: %s)",
                        histogram(eight.callsPerPurchaseCounts(), eight.purchases())))
                .append(". The in-memory journal took ")
                .append(String.format(Locale.ROOT, "%.2f", f.cell(Journal.IN_MEMORY, 1).statementsPerPurchase()))
                .append(" writes per purchase (`writes()`) for the same calls. Each call is one auto-committed statement,")
                .append(" so each is also one commit (one WAL flush with `synchronous_commit=on`):\n\n")
                .append("| # | journal call | statement | per purchase | why it is needed |\n|---|---|---|---|---|\n");
        int n = 1;
        List<String> shown = new ArrayList<>();
        for (String step : STEP_ORDER) {
            String[] what = STEPS.get(step);
            md.append("| ").append(n++).append(" | `").append(step).append("` | ").append(what[0]).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", calls.getOrDefault(step, 0L) / (double) one.purchases()))
                    .append(" | ").append(what[1]).append(" |\n");
            shown.add(step);
        }
        for (Map.Entry<String, Long> e : calls.entrySet()) {
            if (!shown.contains(e.getKey())) {
                md.append("| ").append(n++).append(" | `").append(e.getKey()).append("` | – | ")
                        .append(String.format(Locale.ROOT, "%.2f", e.getValue() / (double) one.purchases()))
                        .append(" | (not expected on an instant purchase) |\n");
            }
        }
        Map<String, Integer> http = one.httpRequests();
        md.append("\nHTTP requests to EZ per purchase, for scale: ").append(http.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) one.purchases()))
                .collect(Collectors.joining(", "))).append(".\n\n");
        md.append("Two statements is the floor for a durable journal that writes before the first call: the")
                .append(" purchase must be on disk as sent before the POST, and its end after the codes are in hand. Each")
                .append(" statement is one commit; the lease is taken with the first and given back with the last.\n");
    }

    private void time(StringBuilder md) {
        md.append("\n### Time per purchase\n\n");
        md.append("Each purchase timed from `buy` to its result; median and 99th percentile over every purchase of every")
                .append(" round. *Added by the journal*: the per-round difference of medians, journal minus in-memory,")
                .append(" and the difference of the pooled 99th percentiles.\n\n")
                .append("| callers | journal | purchases | median µs | p99 µs | **added by the journal: median µs** (per round [95 %], IQR) | added: p99 µs |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (int callers : JournalCost.CALLERS) {
            long[] memory = f.cell(Journal.IN_MEMORY, callers).latencies();
            for (Journal j : Journal.values()) {
                Cell c = f.cell(j, callers);
                long[] l = c.latencies();
                md.append("| ").append(callers).append(" | ").append(label(j)).append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", c.purchases())).append(" | ")
                        .append(micros(Stats.percentile(l, 0.5))).append(" | ").append(micros(Stats.percentile(l, 0.99)))
                        .append(" | ");
                if (j == Journal.IN_MEMORY) {
                    md.append("– | – |\n");
                } else {
                    Spread added = Stats.spread(f.addedMicros(j, callers), 31);
                    md.append(j == Journal.POSTGRES ? "**" : "").append(String.format(Locale.ROOT, "%s [%s, %s]",
                                    fmt(added.median()), fmt(added.low()), fmt(added.high())))
                            .append(j == Journal.POSTGRES ? "**" : "")
                            .append(String.format(Locale.ROOT, ", IQR %s–%s", fmt(added.q1()), fmt(added.q3())))
                            .append(" | ").append(fmt((Stats.percentile(l, 0.99) - Stats.percentile(memory, 0.99)) / 1e3))
                            .append(" |\n");
                }
            }
        }
    }

    private void throughput(StringBuilder md) {
        md.append("\n### Throughput\n\n");
        md.append("Purchases per second over all slices of each journal; the ratio is the median of the per-round ratios")
                .append(" (each round's slices ran back to back).\n\n")
                .append("| callers | in-memory /s | PostgreSQL /s | **PostgreSQL ÷ in-memory** [95 %] | IQR |")
                .append(" PostgreSQL, synchronous_commit=off (not durable) /s | its ÷ in-memory [95 %] | rounds |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (int callers : JournalCost.CALLERS) {
            Spread pg = Stats.spread(f.throughputRatios(Journal.POSTGRES, callers), 37);
            Spread off = Stats.spread(f.throughputRatios(Journal.POSTGRES_NO_SYNC, callers), 41);
            md.append("| ").append(callers).append(" | ").append(rate(f.cell(Journal.IN_MEMORY, callers).throughput()))
                    .append(" | ").append(rate(f.cell(Journal.POSTGRES, callers).throughput())).append(" | **")
                    .append(interval(pg)).append("** | ")
                    .append(String.format(Locale.ROOT, "%.2f–%.2f", pg.q1(), pg.q3())).append(" | ")
                    .append(rate(f.cell(Journal.POSTGRES_NO_SYNC, callers).throughput())).append(" | ")
                    .append(interval(off)).append(" | ").append(pg.rounds()).append(" |\n");
        }
    }

    private void profile(StringBuilder md) {
        md.append("\n### Where the time goes\n\n");
        md.append("Per purchase, over all recorded slices: the wall time spent inside journal calls (summed over callers),")
                .append(" the part of it spent borrowing a connection from the pool, the CPU of this JVM (callers, adapter,")
                .append(" simulator, JDBC driver and pool) and of the PostgreSQL server processes (from `/proc`, ")
                .append(f.ticksPerSecond).append(" ticks/s; *kernel*: the share spent in the kernel — sockets, thread")
                .append(" wake-ups, WAL writes and flushes), and how busy the machine's ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores were (steal: time the hypervisor gave")
                .append(" to other guests).\n\n")
                .append("| callers | journal | in journal calls µs | of which pool borrow µs | JVM CPU µs | kernel |")
                .append(" PostgreSQL CPU µs | kernel | CPU in all µs | machine busy | steal |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int callers : JournalCost.CALLERS) {
            for (Journal j : Journal.values()) {
                Cell c = f.cell(j, callers);
                long[] jvmTicks = ticks(c, JournalCost.Slice::jvmTicks);
                long[] dbTicks = ticks(c, JournalCost.Slice::dbTicks);
                long[] m = ticks(c, JournalCost.Slice::machineTicks);
                double db = db(c);
                md.append("| ").append(callers).append(" | ").append(label(j)).append(" | ")
                        .append(fmt(c.perPurchase(JournalCost.Slice::journalNanos) / 1e3)).append(" | ")
                        .append(j == Journal.IN_MEMORY ? "–" : fmt(c.perPurchase(JournalCost.Slice::borrowNanos) / 1e3))
                        .append(" | ").append(fmt(jvm(c))).append(" | ").append(share(jvmTicks)).append(" | ")
                        .append(Double.isNaN(db) ? "?" : fmt(db)).append(" | ")
                        .append(j == Journal.IN_MEMORY ? "–" : share(dbTicks)).append(" | ")
                        .append(Double.isNaN(db) ? "?" : fmt(jvm(c) + db)).append(" | ").append(busy(m)).append(" | ")
                        .append(steal(m)).append(" |\n");
            }
        }
        if (!f.idle.isEmpty()) {
            md.append("\nWith no purchase running (the 1.5 s pauses around the phases): ").append(f.idle.stream()
                    .map(i -> String.format(Locale.ROOT, "this JVM %.2f cores, PostgreSQL %.2f, machine %.0f %% busy", i[0],
                            i[1], 100 * i[2])).collect(Collectors.joining("; ")))
                    .append(". Whatever runs then (JIT compilation, other processes on the machine) also runs during the")
                    .append(" slices and counts against a journal in proportion to its time rather than its work, so CPU per")
                    .append(" purchase is most telling at 8 callers, where the cores are saturated.\n");
        }
        md.append("\nWAL flushes (`pg_stat_wal`, over each phase, both PostgreSQL journals together; backends report it")
                .append(" about once a second, read after a pause):\n\n")
                .append("| callers | WAL flushes | per durable purchase | mean ms per flush | durable commits per flush |\n")
                .append("|---|---|---|---|---|\n");
        for (int callers : JournalCost.CALLERS) {
            double[] wal = f.walPerPhase.get(callers);
            if (wal == null) {
                continue;
            }
            Cell durable = f.cell(Journal.POSTGRES, callers);
            double commits = durable.statements();
            md.append("| ").append(callers).append(" | ").append(String.format(Locale.ROOT, "%,.0f", wal[0])).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", wal[0] / durable.purchases())).append(" | ")
                    .append(wal[0] == 0 ? "–" : String.format(Locale.ROOT, "%.3f", wal[1] / wal[0])).append(" | ")
                    .append(wal[0] == 0 ? "–" : String.format(Locale.ROOT, "%.2f", commits / wal[0])).append(" |\n");
        }
        floors(md);
        md.append('\n').append(explanation());
    }

    private void floors(StringBuilder md) {
        if (f.floors.isEmpty()) {
            return;
        }
        md.append("\n**The floor under a round trip**: after the phases, bare statements through the same pools, each done")
                .append(" as the journal does one (borrow a connection, prepare, set the query timeout, execute, give the")
                .append(" connection back), in shuffled rounds; no HTTP, no simulator. Per statement:\n\n")
                .append("| statement | callers | statements/s | median µs | p99 µs | JVM CPU µs | kernel | PostgreSQL CPU µs |")
                .append(" kernel | CPU in all µs | machine busy |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JournalCost.Floor x : f.floors) {
            double jvm = x.jvmCpuNanos() / 1e3 / x.statements();
            double db = x.dbTicks() == null ? Double.NaN : sum(x.dbTicks()) * 1e6 / f.ticksPerSecond / x.statements();
            md.append("| ").append(x.statement()).append(" | ").append(x.callers()).append(" | ").append(rate(x.perSecond()))
                    .append(" | ").append(micros(Stats.percentile(x.latencies(), 0.5))).append(" | ")
                    .append(micros(Stats.percentile(x.latencies(), 0.99))).append(" | ").append(fmt(jvm)).append(" | ")
                    .append(share(x.jvmTicks())).append(" | ").append(Double.isNaN(db) ? "?" : fmt(db)).append(" | ")
                    .append(share(x.dbTicks())).append(" | ").append(Double.isNaN(db) ? "?" : fmt(jvm + db)).append(" | ")
                    .append(busy(x.machineTicks())).append(" |\n");
        }
    }

    /** The profile in words, from the figures. */
    private String explanation() {
        Cell mem1 = f.cell(Journal.IN_MEMORY, 1);
        Cell pg1 = f.cell(Journal.POSTGRES, 1);
        Cell mem8 = f.cell(Journal.IN_MEMORY, 8);
        Cell pg8 = f.cell(Journal.POSTGRES, 8);
        Cell off8 = f.cell(Journal.POSTGRES_NO_SYNC, 8);
        double n = pg1.statementsPerPurchase();
        double added1 = Stats.spread(f.addedMicros(Journal.POSTGRES, 1), 31).median();
        double addedOff1 = Stats.spread(f.addedMicros(Journal.POSTGRES_NO_SYNC, 1), 31).median();
        double inJournal1 = pg1.perPurchase(JournalCost.Slice::journalNanos) / 1e3;
        double borrow1 = pg1.perPurchase(JournalCost.Slice::borrowNanos) / 1e3;
        double[] wal1 = f.walPerPhase.get(1);
        double flushMs = wal1 == null || wal1[0] == 0 ? Double.NaN : wal1[1] / wal1[0];
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "- **1 caller.** The journal adds %s µs to the median purchase (%s µs"
                        + " in-memory); its %.0f statements take %s µs per purchase, about %s µs each, of which %s µs per"
                        + " purchase is borrowing from the pool. The same journal with"
                        + " `synchronous_commit=off` adds %s µs, so about %s µs per purchase, %s µs per commit, is waiting"
                        + " for the WAL to reach the disk%s; the rest is the round trips themselves.%s\n",
                fmt(added1), fmt(Stats.percentile(mem1.latencies(), 0.5) / 1e3), n, fmt(inJournal1), fmt(inJournal1 / n),
                fmt(borrow1), fmt(addedOff1), fmt(added1 - addedOff1), fmt((added1 - addedOff1) / n),
                Double.isNaN(flushMs) ? "" : String.format(Locale.ROOT, " (`pg_stat_wal`: %.2f ms per flush)", flushMs),
                floorSentence(1)));
        double cpuMem8 = cpu(mem8);
        double cpuPg8 = cpu(pg8);
        double perStatement = (cpuPg8 - cpuMem8) / pg8.statementsPerPurchase();
        s.append(String.format(Locale.ROOT, "- **8 callers.** The %d cores are saturated (%s busy in-memory, %s with"
                        + " PostgreSQL), so throughput follows CPU per purchase: %s µs in-memory, %s µs with the PostgreSQL"
                        + " journal (%s µs in this JVM, %s µs in PostgreSQL), %s µs with `synchronous_commit=off`. The"
                        + " journal's %.0f statements cost about %s µs of CPU each, on both sides of the socket, against %s µs"
                        + " for the whole rest of the purchase (two HTTP calls, the simulator answering them, `BuyCodes`)."
                        + " In-memory ÷ PostgreSQL CPU per purchase is %.2f; the measured throughput ratio is %.2f.%s\n",
                Runtime.getRuntime().availableProcessors(), busy(ticks(mem8, JournalCost.Slice::machineTicks)),
                busy(ticks(pg8, JournalCost.Slice::machineTicks)), fmt(cpuMem8), fmt(cpuPg8), fmt(jvm(pg8)), fmt(db(pg8)),
                fmt(cpu(off8)), pg8.statementsPerPurchase(), fmt(perStatement), fmt(cpuMem8), cpuMem8 / cpuPg8,
                target().median(), floorSentence(8)));
        double borrow8 = pg8.perPurchase(JournalCost.Slice::borrowNanos) / 1e3;
        double[] wal8 = f.walPerPhase.get(8);
        s.append(String.format(Locale.ROOT, "- **Pool and disk at 8 callers.** Borrowing a connection takes %s µs per"
                        + " purchase, %.1f %% of the time in journal calls (%s µs): with as many pooled connections as"
                        + " callers, the pool is not where the time goes.%s\n",
                fmt(borrow8), 100 * borrow8 / (pg8.perPurchase(JournalCost.Slice::journalNanos) / 1e3),
                fmt(pg8.perPurchase(JournalCost.Slice::journalNanos) / 1e3), wal8 == null || wal8[0] == 0 ? ""
                        : String.format(Locale.ROOT, " Concurrent commits share WAL flushes (%.2f durable commits per"
                                + " flush, %.2f ms each); `synchronous_commit=off` raises the throughput ratio from %.2f to"
                                + " %.2f.", pg8.statements() / wal8[0], wal8[1] / wal8[0], target().median(),
                                Stats.spread(f.throughputRatios(Journal.POSTGRES_NO_SYNC, 8), 41).median())));
        if (!met()) {
            double atFloor = cpuMem8 / (cpuMem8 + perStatement8Floor() * pg8.statementsPerPurchase());
            s.append(String.format(Locale.ROOT, "- **The target is missed, and turning durability off would not reach"
                            + " it on this set-up.** Here PostgreSQL, the simulated EZ and the callers share two cores, and an"
                            + " instant purchase against the in-process simulator is cheap (%s µs of CPU), so %.0f"
                            + " statements of about %s µs each weigh %.1f × the rest of the purchase; %.0f is the floor"
                            + " for a journal that writes before the first call. Even at the CPU of a bare durable"
                            + " one-row `INSERT` per statement the ratio would be about %.2f; turning durability off"
                            + " (`synchronous_commit=off`, not acceptable for this journal) measured %.2f."
                            + " Against the real EZ, a network away, a purchase spends tens of milliseconds waiting, not"
                            + " computing, and the journal's cost is the latency it adds per purchase (above), not"
                            + " throughput.\n",
                    fmt(cpuMem8), pg8.statementsPerPurchase(), fmt(perStatement),
                    perStatement * pg8.statementsPerPurchase() / cpuMem8, pg8.statementsPerPurchase(), atFloor,
                    Stats.spread(f.throughputRatios(Journal.POSTGRES_NO_SYNC, 8), 41).median()));
        }
        return s.toString();
    }

    /** The floor of one statement at {@code callers}, compared with the journal's statements, or "". */
    private String floorSentence(int callers) {
        JournalCost.Floor select = floor(JournalCost.FLOOR_SELECT, callers);
        JournalCost.Floor insert = floor(JournalCost.FLOOR_INSERT, callers);
        if (select == null || insert == null || select.dbTicks() == null) {
            return "";
        }
        if (callers == 1) {
            return String.format(Locale.ROOT, " A bare `SELECT 1` through the pool takes %s µs (median), a bare durable"
                            + " one-row `INSERT` %s µs.", micros(Stats.percentile(select.latencies(), 0.5)),
                    micros(Stats.percentile(insert.latencies(), 0.5)));
        }
        double selectCpu = select.jvmCpuNanos() / 1e3 / select.statements()
                + sum(select.dbTicks()) * 1e6 / f.ticksPerSecond / select.statements();
        double insertCpu = insert.jvmCpuNanos() / 1e3 / insert.statements()
                + sum(insert.dbTicks()) * 1e6 / f.ticksPerSecond / insert.statements();
        double journal = (cpu(f.cell(Journal.POSTGRES, 8)) - cpu(f.cell(Journal.IN_MEMORY, 8)))
                / f.cell(Journal.POSTGRES, 8).statementsPerPurchase();
        return String.format(Locale.ROOT, " For scale, at 8 callers a bare `SELECT 1` costs %s µs of CPU (both sides)"
                        + " and a bare durable one-row `INSERT` %s µs; a journal statement, %.1f × that `INSERT`%s.",
                fmt(selectCpu), fmt(insertCpu), journal / insertCpu, journal / insertCpu <= 1.5
                        ? ": most of its cost is the round trip and the commit themselves, not its SQL"
                        : ": besides the round trip and the commit, its own work (the fenced update and event insert, the"
                                + " stored forms, the lease check) counts");
    }

    /** The CPU (both sides) of a bare durable one-row {@code INSERT} at 8 callers, µs; the journal's own if unmeasured. */
    private double perStatement8Floor() {
        JournalCost.Floor insert = floor(JournalCost.FLOOR_INSERT, 8);
        if (insert == null || insert.dbTicks() == null) {
            return (cpu(f.cell(Journal.POSTGRES, 8)) - cpu(f.cell(Journal.IN_MEMORY, 8)))
                    / f.cell(Journal.POSTGRES, 8).statementsPerPurchase();
        }
        return insert.jvmCpuNanos() / 1e3 / insert.statements()
                + sum(insert.dbTicks()) * 1e6 / f.ticksPerSecond / insert.statements();
    }

    private JournalCost.Floor floor(String statement, int callers) {
        return f.floors.stream().filter(x -> x.statement().equals(statement) && x.callers() == callers).findFirst()
                .orElse(null);
    }

    private void correctness(StringBuilder md) {
        md.append("\n### Correctness of the run\n\n| callers | journal | purchases | delivered (1 code each) | orders at EZ |")
                .append(" most orders per reference | failures |\n|---|---|---|---|---|---|---|\n");
        for (int callers : JournalCost.CALLERS) {
            for (Journal j : Journal.values()) {
                Cell c = f.cell(j, callers);
                md.append("| ").append(callers).append(" | ").append(label(j)).append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", c.purchases())).append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", c.delivered())).append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", c.ordersAtSupplier())).append(" | ")
                        .append(c.mostOrdersPerReference()).append(" | ").append(c.failures().size()).append(" |\n");
            }
        }
        List<String> failures = new ArrayList<>();
        for (Journal j : Journal.values()) {
            for (int callers : JournalCost.CALLERS) {
                f.cell(j, callers).failures().stream().limit(3).forEach(failures::add);
            }
        }
        if (!failures.isEmpty()) {
            md.append("\nFirst failures: ").append(failures.stream().map(x -> "`" + x.replace('|', '/') + "`")
                    .collect(Collectors.joining("; "))).append('\n');
        }
        md.append('\n');
    }

    /**
     * {@code doc} with {@code section} between the markers (replacing what was there), or, the
     * first time, before the hand-written notes (or at the end); and {@code targetRow} in the table
     * of targets, replacing an earlier one.
     */
    static String splice(String doc, String section, String targetRow) {
        String out;
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin >= 0 && end > begin) {
            int after = end + END.length();
            if (after < doc.length() && doc.charAt(after) == '\n') {
                after++;
            }
            out = doc.substring(0, begin) + section + doc.substring(after);
        } else {
            int notes = doc.indexOf("\n## What was changed to reach the targets");
            out = notes >= 0 ? doc.substring(0, notes + 1) + section + '\n' + doc.substring(notes + 1)
                    : doc + (doc.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        return withTargetRow(out, targetRow);
    }

    private static String withTargetRow(String doc, String row) {
        List<String> lines = new ArrayList<>(List.of(doc.split("\n", -1)));
        int existing = -1;
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| " + TARGET_NAME + " |")) {
                existing = i;
            }
            if (header < 0 && lines.get(i).startsWith("| target | measured | verdict |")) {
                header = i;
            }
        }
        if (existing >= 0) {
            lines.set(existing, row);
        } else if (header >= 0) {
            int i = header + 2;
            while (i < lines.size() && lines.get(i).startsWith("|")) {
                i++;
            }
            lines.add(i, row);
        }
        return String.join("\n", lines);
    }

    /** Ticks of {@code of} summed over the slices; null when any slice has none. */
    private static long[] ticks(Cell c, java.util.function.Function<JournalCost.Slice, long[]> of) {
        return JournalCost.sumTicks(c.slices, of);
    }

    /** JVM CPU µs per purchase. */
    private static double jvm(Cell c) {
        return c.perPurchase(JournalCost.Slice::jvmCpuNanos) / 1e3;
    }

    /** PostgreSQL CPU µs per purchase, or NaN. */
    private double db(Cell c) {
        long[] t = ticks(c, JournalCost.Slice::dbTicks);
        return t == null ? Double.NaN : sum(t) * 1e6 / f.ticksPerSecond / c.purchases();
    }

    /** JVM and PostgreSQL CPU µs per purchase. */
    private double cpu(Cell c) {
        return jvm(c) + db(c);
    }

    private static long sum(long[] ticks) {
        long s = 0;
        for (long t : ticks) {
            s += t;
        }
        return s;
    }

    /** The kernel's share of {@code [user, kernel]} ticks. */
    private static String share(long[] ticks) {
        return ticks == null || sum(ticks) == 0 ? "?" : String.format(Locale.ROOT, "%.0f %%", 100.0 * ticks[1] / sum(ticks));
    }

    /** The busy share of {@code [busy, idle, steal]} machine ticks. */
    private static String busy(long[] m) {
        double total = m == null ? 0 : m[0] + m[1] + m[2];
        return total == 0 ? "?" : String.format(Locale.ROOT, "%.0f %%", 100 * m[0] / total);
    }

    private static String steal(long[] m) {
        double total = m == null ? 0 : m[0] + m[1] + m[2];
        return total == 0 ? "?" : String.format(Locale.ROOT, "%.1f %%", 100 * m[2] / total);
    }

    private static String label(Journal j) {
        return j == Journal.POSTGRES_NO_SYNC ? "*" + j.label + "*" : j.label;
    }

    private static String histogram(Map<Long, Integer> counts, int purchases) {
        if (counts.size() == 1) {
            Map.Entry<Long, Integer> only = counts.entrySet().iterator().next();
            return String.format(Locale.ROOT, "every one of the %,d purchases took exactly %d", purchases, only.getKey());
        }
        return counts.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d purchases took %d", e.getValue(),
                e.getKey())).collect(Collectors.joining(", "));
    }

    private static String interval(Spread s) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", s.median(), s.low(), s.high());
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String micros(long nanos) {
        return fmt(nanos / 1e3);
    }

    private static String fmt(double value) {
        return Math.abs(value) >= 1_000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String minutes(Duration d) {
        return d == null ? "?" : String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
