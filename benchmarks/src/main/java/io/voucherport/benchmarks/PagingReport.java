package io.voucherport.benchmarks;

import io.voucherport.adapter.support.PagingExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes what {@link PagingStudy} found as one section of {@code docs/performance.md}, between
 * markers, and its two rows in the table of targets; the rest of the report is kept as it is.
 */
final class PagingReport {

    static final String TITLE = "Where users wait: paged listings over a network";
    static final String BEGIN = "<!-- paging:begin (written by PagingStudy; do not edit by hand) -->";
    static final String END = "<!-- paging:end -->";
    static final double FLOOR_TARGET = 0.25;
    static final double BEST_TARGET = 1.2;
    static final String FLOOR_ROW = "Paging: 10,000 Elastic Path codes at 20 ms, 100 requests/s: adapter ÷ sequential floor ≤ "
            + FLOOR_TARGET;
    static final String BEST_ROW = "Paging: the same walk within " + BEST_TARGET + "× the theoretical best for its k";
    static final String SCENARIO = "Elastic Path: 10,000 codes";
    static final String WHY_EIGHT = "Why k = 8 by default: it takes the 10,000-code walk to about 0.15× the floor, within about 1.2× of its best, and leaves half of the default per-route pool (16 connections) to the adapter's other calls; 16 is faster still but takes the whole per-route pool for one listing, and 32 adds little (decoding 100 pages on 2 cores becomes the bound). Pass `prefetchPages(16)` to a builder, or `withPrefetch(16)` to one listing, where one listing may use the pool alone.";

    private final PagingStudy.Figures f;

    PagingReport(PagingStudy.Figures figures) {
        this.f = figures;
    }

    /** Splices the section and the target rows into {@code out} (created when missing). */
    static void write(PagingStudy.Figures figures, Path out) throws IOException {
        PagingReport report = new PagingReport(figures);
        String doc = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Performance\n";
        doc = splice(doc, report.section(), report.targetRows());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, doc, StandardCharsets.UTF_8);
        System.out.println("wrote the paging section of " + out.toAbsolutePath());
    }

    private Optional<PagingStudy.Run> run(String scenario, String client, String limiterStart, int latency) {
        return f.runs().stream().filter(r -> r.scenario().equals(scenario) && r.client().equals(client)
                && r.limiter().startsWith(limiterStart) && r.latencyMs() == latency).findFirst();
    }

    /** The two rows of the table of targets. */
    List<String> targetRows() {
        Optional<PagingStudy.Run> adapter = run(SCENARIO, "adapter", "100/s", 20);
        Optional<PagingStudy.Run> floor = run(SCENARIO, "floor", "none", 20);
        List<String> rows = new ArrayList<>();
        if (adapter.isEmpty() || floor.isEmpty()) {
            rows.add("| " + FLOOR_ROW + " | not measured | **missed** |");
            rows.add("| " + BEST_ROW + " | not measured | **missed** |");
            return rows;
        }
        PagingStudy.Run a = adapter.get();
        PagingStudy.Run fl = floor.get();
        double ratio = a.median() / fl.median();
        rows.add(String.format(Locale.ROOT, "| %s | %.2f (%.3f s ÷ %.3f s; %d rounds) | %s |", FLOOR_ROW, ratio,
                a.median(), fl.median(), a.seconds().size(), ratio <= FLOOR_TARGET ? "met" : "**missed**"));
        double best = a.median() / a.best();
        rows.add(String.format(Locale.ROOT, "| %s | %.2f× (%.3f s vs %.3f s, k = %d) | %s |", BEST_ROW, best, a.median(),
                a.best(), a.k(), best <= BEST_TARGET ? "met" : "**missed**"));
        return rows;
    }

    /** The section, markers included. */
    String section() {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## ").append(TITLE).append("\n\n");
        boolean quick = f.settings().name().equals("quick");
        md.append("Written by `java -cp benchmarks/target/voucherport-benchmarks.jar io.voucherport.benchmarks.PagingStudy")
                .append(quick ? " --quick" : "").append("` (").append(f.settings().name()).append(" mode, ")
                .append(f.elapsed().toSeconds()).append(" s).\n\n");
        if (quick) {
            md.append("> **Quick run** (`--quick`): too few rounds to publish; rerun without it.\n\n");
        }
        md.append("A loopback stub answers every request after a fixed latency (each connection waits on its own, ")
                .append("as over a network). Each listing is walked whole: the adapter with its default settings ")
                .append("(k = ").append(PagingExecutor.DEFAULT_PAGES).append(" pages in flight once the first page tells ")
                .append("the total, on the shared `voucherport-paging` pool, every page an ordinary call through the ")
                .append("adapter's limiter and pool), a sequential hand-written loop (the floor: JDK `HttpClient`, JSON ")
                .append("read as a tree, one page after another), and the theoretical best for the adapter's k: ")
                .append("1 + ⌈(pages − 1)/k⌉ round trips. Rounds are interleaved; every adapter walk starts from ")
                .append("rest (a second's pause lets the limiter's bucket refill, as for a listing asked for now and ")
                .append("then). Figures: median [min, max] over the rounds, in seconds.\n\n");
        for (int latency : f.settings().latenciesMs()) {
            md.append("### ").append(latency).append(" ms per answer\n\n");
            md.append("| listing | client | limiter | pages | k | wall time, s | ÷ floor | best, s | ÷ best |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (PagingStudy.Run r : f.runs()) {
                if (r.latencyMs() != latency || r.scenario().startsWith("sweep")) {
                    continue;
                }
                Optional<PagingStudy.Run> floor = run(r.scenario(), "floor", "none", latency);
                md.append(row(r, floor));
            }
            md.append('\n');
        }
        List<PagingStudy.Run> sweep = f.runs().stream().filter(r -> r.scenario().startsWith("sweep")).toList();
        if (!sweep.isEmpty()) {
            md.append("### Choosing k: the 10,000-code walk at ").append(sweep.get(0).latencyMs())
                    .append(" ms, 100 requests/s\n\n");
            md.append("| k | wall time, s | best, s | ÷ best |\n|---|---|---|---|\n");
            for (PagingStudy.Run r : sweep) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.2f |%n", r.k(), spread(r), r.best(),
                        r.median() / r.best()));
            }
            md.append('\n').append(WHY_EIGHT).append("\n\n");
        }
        md.append("The rate bounds what pipelining can give: a walk from rest may use the bucket's burst (a ")
                .append("per-second limit allows that many calls in any second: capacity = rate for Elastic Path, ")
                .append("Shoplazza's documented bucket of 40 refilled at 2/s), after which pages come at the rate. ")
                .append("At Elastic Path's development default (25/s) the 100-page walk is rate-bound: ")
                .append("(100 − 25) ÷ 25 = 3 s at least, whatever k; back-to-back walks at 100/s are bound at about ")
                .append("1 s each.\n\n");
        md.append("Memory with pages ahead: ").append(f.memory()).append(" (100,000 codes, 10 promotions of 10,000, ")
                .append("through the Elastic Path adapter with its default prefetch in a `-Xmx32m` child JVM).\n");
        md.append(END).append('\n');
        return md.toString();
    }

    private static String row(PagingStudy.Run r, Optional<PagingStudy.Run> floor) {
        String overFloor = floor.filter(fl -> fl != r).map(fl -> String.format(Locale.ROOT, "%.2f", r.median() / fl.median()))
                .orElse("—");
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %s | %.3f | %.2f |%n", r.scenario(), r.client(),
                r.limiter(), r.pages(), r.k(), spread(r), overFloor, r.best(), r.median() / r.best());
    }

    private static String spread(PagingStudy.Run r) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] (%d rounds)", r.median(), r.min(), r.max(), r.seconds().size());
    }

    /**
     * {@code doc} with {@code section} in place of an earlier one, or, the first time, before the
     * hand-written notes (or at the end); and the target rows replacing earlier ones, or added at
     * the end of the table of targets.
     */
    static String splice(String doc, String section, List<String> rows) {
        List<String> names = rows.stream().map(r -> r.substring(2, r.indexOf(" |", 2) + 2)).toList();
        return ReportSections.targetRows(ReportSections.splice(doc, BEGIN, END, section), names, rows);
    }
}
