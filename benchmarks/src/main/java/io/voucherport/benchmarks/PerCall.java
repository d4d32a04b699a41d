package io.voucherport.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The per-call cost of the request path: the adapter against the hand-written floor on the
 * raw-socket loopback stub, paired ({@link PairedRuns}): latency at 1 caller, throughput at 8
 * callers, bytes allocated per call on the caller's thread, and a JFR profile of where a call's
 * CPU time goes (adapter and floor side by side). Written into its own section of
 * {@code docs/performance.md} ({@link #splice}).
 */
final class PerCall {

    static final String BEGIN = "<!-- per-call:begin (written by PerCall; do not edit by hand) -->";
    static final String END = "<!-- per-call:end -->";
    static final double LATENCY_TARGET = 1.10;
    static final double THROUGHPUT_TARGET = 0.90;
    static final String LATENCY_NAME = "Per call, latency at 1 caller: adapter ÷ floor ≤ " + LATENCY_TARGET
            + " (paired median)";
    static final String THROUGHPUT_NAME = "Per call, throughput at 8 callers: adapter ÷ floor ≥ " + THROUGHPUT_TARGET
            + " (paired median)";
    /** Target rows of earlier reports that these replace. */
    static final List<String> REPLACES = List.of("Per call, latency at 1 caller", "Per call, throughput at 8 callers",
            "End to end latency, 1 caller: adapter ÷ floor", "Throughput, 8 callers: adapter ÷ floor",
            "Throughput, 32 callers: adapter ÷ floor");
    static final int THREADS = 8;
    /** The clients that take turns. */
    static final List<String> CLIENTS = List.of(Clients.ADAPTER, Clients.FLOOR_URL_CONNECTION, Clients.FLOOR_HTTP_CLIENT,
            Clients.FEIGN_DEFAULTS);
    /** The calls profiled: the smallest answers, where the per-call overhead shows most. */
    static final List<Scenario> PROFILED = List.of(Scenario.SHOPLAZZA_CODE, Scenario.EZ_CODES);

    /** The study's settings. */
    record Settings(Duration warmUp, int latencyRounds, int throughputRounds, Duration slice, int allocationRounds,
            Duration profile) {
    }

    static final Settings FULL = new Settings(Duration.ofSeconds(10), 40, 20, Duration.ofMillis(200), 7,
            Duration.ofSeconds(6));
    static final Settings QUICK = new Settings(Duration.ofSeconds(2), 5, 3, Duration.ofMillis(50), 3,
            Duration.ofSeconds(1));

    /** Per scenario and client: per-round values. */
    record Figures(Settings settings, Map<String, Map<String, double[]>> latency, Map<String, Map<String, double[]>> throughput,
            Map<String, Map<String, double[]>> allocation, Map<String, Map<String, Map<String, Double>>> profile,
            Map<String, List<Map.Entry<String, Double>>> hotFrames) {
    }

    private PerCall() {
    }

    /** Runs the study against a new raw-socket stub. */
    static Figures run(Settings settings) throws IOException {
        Map<String, Map<String, double[]>> latency = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> throughput = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> allocation = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Double>>> profile = new LinkedHashMap<>();
        Map<String, List<Map.Entry<String, Double>>> hot = new LinkedHashMap<>();
        try (LoopbackStub stub = LoopbackStub.start(Scenario.routes())) {
            Map<String, BenchClient> clients = new LinkedHashMap<>();
            CLIENTS.forEach(name -> clients.put(name, Clients.open(name, stub.url())));
            try {
                long warmUntil = System.nanoTime() + settings.warmUp().toNanos();
                while (System.nanoTime() < warmUntil) {
                    for (Scenario s : Scenario.values()) {
                        clients.values().forEach(c -> c.call(s));
                    }
                }
                for (Scenario s : Scenario.values()) {
                    int calls = s == Scenario.EP_ALL_CODES ? 3 : 200;
                    latency.put(s.name(), PairedRuns.latency(s, clients, settings.latencyRounds(), calls, 11));
                    throughput.put(s.name(), PairedRuns.throughput(s, clients, THREADS, settings.slice(),
                            settings.throughputRounds(), 13));
                    allocation.put(s.name(), allocation(s, clients, settings.allocationRounds(), calls));
                }
                for (Scenario s : PROFILED) {
                    for (String name : List.of(Clients.ADAPTER, Clients.FLOOR_URL_CONNECTION)) {
                        Map<String, Integer> frames = new LinkedHashMap<>();
                        profile.computeIfAbsent(s.name(), k -> new LinkedHashMap<>())
                                .put(name, profile(clients.get(name), s, settings.profile(), frames));
                        if (name.equals(Clients.ADAPTER)) {
                            hot.put(s.name(), top(frames, 12));
                        }
                    }
                }
            } finally {
                clients.values().forEach(BenchClient::close);
            }
        }
        return new Figures(settings, latency, throughput, allocation, profile, hot);
    }

    /** Bytes allocated per call on the calling thread, per round. */
    private static Map<String, double[]> allocation(Scenario s, Map<String, BenchClient> clients, int rounds, int calls) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, double[]> bytes = new LinkedHashMap<>();
        clients.forEach((name, client) -> {
            double[] values = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < calls; i++) {
                    client.call(s);
                }
                values[r] = (threads.getCurrentThreadAllocatedBytes() - before) / (double) calls;
            }
            bytes.put(name, values);
        });
        return bytes;
    }

    /**
     * JFR execution samples of this thread while {@code client} makes {@code s}'s call for
     * {@code time}: the share of samples per part of the stack (the first frame, from the top,
     * that is not a generic JDK utility), and the count per such frame into {@code frames}.
     */
    private static Map<String, Double> profile(BenchClient client, Scenario s, Duration time, Map<String, Integer> frames)
            throws IOException {
        Path file = Files.createTempFile("voucherport-per-call", ".jfr");
        try {
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
                recording.start();
                long end = System.nanoTime() + time.toNanos();
                while (System.nanoTime() < end) {
                    client.call(s);
                }
                recording.stop();
                recording.dump(file);
            }
            String me = Thread.currentThread().getName();
            Map<String, Integer> parts = new LinkedHashMap<>();
            int total = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                RecordedThread thread = event.getThread("sampledThread");
                RecordedStackTrace stack = event.getStackTrace();
                if (thread == null || stack == null || !me.equals(thread.getJavaName())) {
                    continue;
                }
                RecordedFrame owner = null;
                for (RecordedFrame frame : stack.getFrames()) {
                    if (frame.isJavaFrame() && !generic(frame.getMethod().getType().getName())) {
                        owner = frame;
                        break;
                    }
                }
                String part = owner == null ? "JDK utilities only" : part(owner.getMethod().getType().getName());
                parts.merge(part, 1, Integer::sum);
                if (owner != null) {
                    frames.merge(shortName(owner.getMethod().getType().getName()) + "." + owner.getMethod().getName(), 1,
                            Integer::sum);
                }
                total++;
            }
            Map<String, Double> shares = new LinkedHashMap<>();
            int samples = total;
            parts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> shares.put(e.getKey(), e.getValue() / (double) samples));
            shares.put(SAMPLES, (double) samples);
            frames.put(SAMPLES, samples);
            return shares;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static final String SAMPLES = "samples";

    private static List<Map.Entry<String, Double>> top(Map<String, Integer> frames, int n) {
        int total = frames.getOrDefault(SAMPLES, 1);
        List<Map.Entry<String, Double>> top = new ArrayList<>();
        frames.entrySet().stream().filter(e -> !e.getKey().equals(SAMPLES))
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(n)
                .forEach(e -> top.add(Map.entry(e.getKey(), e.getValue() / (double) total)));
        return top;
    }

    private static boolean generic(String type) {
        return type.startsWith("java.lang.") || type.startsWith("java.util.") || type.startsWith("java.time.")
                || type.startsWith("java.math.") || type.startsWith("java.text.") || type.startsWith("java.io.")
                || type.startsWith("jdk.internal.misc.") || type.startsWith("jdk.internal.util.")
                || type.startsWith("sun.nio.cs.") || type.startsWith("java.nio.charset.");
    }

    private static String part(String type) {
        if (type.startsWith("feign.")) {
            return "Feign";
        }
        if (type.startsWith("org.apache.hc.")) {
            return "HttpClient 5";
        }
        if (type.startsWith("com.fasterxml.jackson.")) {
            return "Jackson";
        }
        if (type.startsWith("io.voucherport.adapter.support.")) {
            return "adapter-support";
        }
        if (type.startsWith("io.voucherport.adapter.")) {
            return "the adapter (API, mapper)";
        }
        if (type.startsWith("io.voucherport.domain.")) {
            return "domain";
        }
        if (type.startsWith("io.vavr.")) {
            return "Vavr";
        }
        if (type.startsWith("io.voucherport.benchmarks.")) {
            return "benchmark harness / floor client";
        }
        if (type.startsWith("java.net.") || type.startsWith("sun.net.") || type.startsWith("sun.nio.")
                || type.startsWith("java.nio.") || type.startsWith("jdk.internal.net.")) {
            return "JDK networking";
        }
        return "other JDK";
    }

    private static String shortName(String type) {
        int dot = type.lastIndexOf('.');
        String pkg = dot < 0 ? "" : type.substring(0, dot);
        String abbreviated = pkg.replaceAll("([a-z])[a-z0-9]*\\.", "$1.").replaceAll("([a-z])[a-z0-9]*$", "$1");
        return (abbreviated.isEmpty() ? "" : abbreviated + ".") + type.substring(dot + 1);
    }

    /** {@code doc} with this study's section and target rows, and the older paired tables removed. */
    static String splice(String doc, Figures f, boolean quick) {
        List<String> rows = new ArrayList<>();
        String section = section(f, quick, rows);
        String out = ReportSections.withoutBlocks(doc, "**Paired** (");
        out = ReportSections.splice(out, BEGIN, END, section);
        return ReportSections.targetRows(out, REPLACES, rows);
    }

    private static String section(Figures f, boolean quick, List<String> targetRows) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## Per call: adapter against the floor, paired\n\n");
        md.append("Written by `").append(WarmConnections.COMMAND).append("` on ").append(LocalDate.now(ZoneOffset.UTC))
                .append(quick ? " — **quick run** (`--quick`): too few rounds to publish; rerun without it" : "")
                .append(". The adapters (as a user builds them, one shared `SharedHttpClient`, rate limiters off), the two")
                .append(" hand-written JDK floors and the Feign-defaults peer take turns in short slices against the raw-socket")
                .append(" loopback stub, in a shuffled order each round (`PairedRuns`), after ")
                .append(f.settings().warmUp().toSeconds()).append(" s of warm-up. Each figure is the median of the per-round")
                .append(" ratios to the floor (the faster hand-written client by median) with a bootstrap 95 % interval.")
                .append(" Allocation: bytes allocated per call on the calling thread (median of ")
                .append(f.settings().allocationRounds()).append(" rounds; the `java.net.http` floor also allocates on its own")
                .append(" threads, which this does not see).\n\n");
        md.append("**Latency, 1 caller** (µs per call, lower is better; ").append(f.settings().latencyRounds())
                .append(" rounds of 200 calls, 3 for `EP_ALL_CODES`)\n\n")
                .append("| call | floor | floor µs | adapter µs | **adapter ÷ floor** | Feign defaults ÷ floor | adapter B/call |")
                .append(" floor B/call | adapter ÷ floor (bytes) |\n|---|---|---|---|---|---|---|---|---|\n");
        Worst latency = table(md, f, f.latency(), true, true);
        md.append("\n**Throughput, ").append(THREADS).append(" callers** (calls/s, higher is better; ")
                .append(f.settings().throughputRounds()).append(" rounds of ").append(f.settings().slice().toMillis())
                .append(" ms slices)\n\n")
                .append("| call | floor | floor calls/s | adapter calls/s | **adapter ÷ floor** | Feign defaults ÷ floor |\n")
                .append("|---|---|---|---|---|---|\n");
        Worst throughput = table(md, f, f.throughput(), false, false);
        boolean latencyMet = latency.ratio != null && latency.ratio.median() <= LATENCY_TARGET;
        boolean throughputMet = throughput.ratio != null && throughput.ratio.median() >= THROUGHPUT_TARGET;
        targetRows.add("| " + LATENCY_NAME + " | " + latency.describe() + " | " + (latencyMet ? "met" : "**missed**") + " |");
        targetRows.add("| " + THROUGHPUT_NAME + " | " + throughput.describe() + " | "
                + (throughputMet ? "met" : "**missed**") + " |");
        md.append("\n**Where a call's CPU time goes** (JFR execution samples of the calling thread, every 2 ms, ")
                .append(f.settings().profile().toSeconds()).append(" s per client and call, 1 caller; each sample is")
                .append(" counted for the first frame from the top of the stack that is not a generic JDK utility —")
                .append(" `java.lang`, `java.util`, `java.io`, … — so a `HashMap.put` made by Feign counts for Feign. Time")
                .append(" blocked in the socket is not sampled.)\n\n");
        for (Map.Entry<String, Map<String, Map<String, Double>>> call : f.profile().entrySet()) {
            Map<String, Double> adapter = call.getValue().get(Clients.ADAPTER);
            Map<String, Double> floor = call.getValue().get(Clients.FLOOR_URL_CONNECTION);
            List<String> parts = new ArrayList<>();
            for (Map<String, Double> p : List.of(adapter, floor)) {
                p.keySet().stream().filter(k -> !k.equals(SAMPLES) && !parts.contains(k)).forEach(parts::add);
            }
            md.append("| ").append(call.getKey()).append(": part of the stack | adapter (")
                    .append(String.format(Locale.ROOT, "%,.0f", adapter.get(SAMPLES))).append(" samples) | floor, HttpURLConnection (")
                    .append(String.format(Locale.ROOT, "%,.0f", floor.get(SAMPLES))).append(" samples) |\n|---|---|---|\n");
            for (String part : parts) {
                md.append("| ").append(part).append(" | ").append(percent(adapter.get(part))).append(" | ")
                        .append(percent(floor.get(part))).append(" |\n");
            }
            md.append("\nHottest frames of the adapter's ").append(call.getKey()).append(" call: ");
            List<String> hot = new ArrayList<>();
            f.hotFrames().getOrDefault(call.getKey(), List.of()).forEach(e ->
                    hot.add("`" + e.getKey() + "` " + percent(e.getValue())));
            md.append(String.join(", ", hot)).append(".\n\n");
        }
        md.append(END).append('\n');
        return md.toString();
    }

    /** The worst ratio of a table and where. */
    private static final class Worst {
        PairedRuns.Ratio ratio;
        String at = "";

        String describe() {
            return ratio == null ? "not measured" : "worst " + interval(ratio) + " (" + at + ")";
        }
    }

    private static Worst table(StringBuilder md, Figures f, Map<String, Map<String, double[]>> values, boolean lowerIsBetter,
            boolean withBytes) {
        Worst worst = new Worst();
        for (Map.Entry<String, Map<String, double[]>> call : values.entrySet()) {
            Map<String, double[]> v = call.getValue();
            double[] url = v.get(Clients.FLOOR_URL_CONNECTION);
            double[] http = v.get(Clients.FLOOR_HTTP_CLIENT);
            double[] adapter = v.get(Clients.ADAPTER);
            double[] feign = v.get(Clients.FEIGN_DEFAULTS);
            double urlMedian = PairedRuns.median(url);
            double httpMedian = PairedRuns.median(http);
            boolean urlFloor = lowerIsBetter ? urlMedian <= httpMedian : urlMedian >= httpMedian;
            double[] floor = urlFloor ? url : http;
            String floorName = urlFloor ? Clients.FLOOR_URL_CONNECTION : Clients.FLOOR_HTTP_CLIENT;
            PairedRuns.Ratio ratio = PairedRuns.ratio(adapter, floor, 17);
            if (worst.ratio == null || (lowerIsBetter ? ratio.median() > worst.ratio.median()
                    : ratio.median() < worst.ratio.median())) {
                worst.ratio = ratio;
                worst.at = call.getKey();
            }
            md.append("| ").append(call.getKey()).append(" | ").append(urlFloor ? "HttpURLConnection" : "HttpClient")
                    .append(" | ").append(fmt(PairedRuns.median(floor))).append(" | ").append(fmt(PairedRuns.median(adapter)))
                    .append(" | **").append(interval(ratio)).append("** | ")
                    .append(feign == null ? "–" : interval(PairedRuns.ratio(feign, floor, 17)));
            if (withBytes) {
                Map<String, double[]> bytes = f.allocation().get(call.getKey());
                double adapterBytes = PairedRuns.median(bytes.get(Clients.ADAPTER));
                double floorBytes = PairedRuns.median(bytes.get(floorName));
                md.append(" | ").append(String.format(Locale.ROOT, "%,.0f", adapterBytes)).append(" | ")
                        .append(String.format(Locale.ROOT, "%,.0f", floorBytes)).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", adapterBytes / floorBytes));
            }
            md.append(" |\n");
        }
        return worst;
    }

    private static String interval(PairedRuns.Ratio r) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.median(), r.low(), r.high());
    }

    private static String fmt(double value) {
        return value >= 1_000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
