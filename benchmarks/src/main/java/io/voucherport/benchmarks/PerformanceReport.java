package io.voucherport.benchmarks;

import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.application.purchase.PollingPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs the whole performance suite and writes {@code docs/performance.md}: end-to-end latency and
 * throughput against the floor client, connection counts, the Feign transports compared,
 * client-side decode cost, the 100,000-code memory run, the polling study and what the purchase
 * journal costs ({@link JournalCost}).
 *
 * <p>{@code java -jar benchmarks/target/voucherport-benchmarks.jar [--quick] [--journal | --per-call] [--out=docs/performance.md]};
 * {@code --quick} runs short iterations (a smoke run, not figures to publish); {@code --journal}
 * runs only {@link JournalCost} and rewrites only its section of the report; {@code --per-call}
 * runs only {@link PerCall} (paired per-call cost, allocation, profile) and {@link WarmConnections}
 * (TLS connections and handshakes at a slow pace) and rewrites only their sections.
 */
public final class PerformanceReport {

    /** A JMH score with its 99.9% confidence half-width. */
    record Score(double value, double error) {
        /** Relative error (half-width over value). */
        double relative() {
            return value == 0 || Double.isNaN(error) ? 0 : error / value;
        }

        /** {@code this ÷ other} with the relative errors combined. */
        Score over(Score other) {
            double r = value / other.value;
            return new Score(r, r * Math.sqrt(relative() * relative() + other.relative() * other.relative()));
        }
    }

    record Key(String scenario, String client, int threads) {
    }

    record Connections(int connections, long requests) {
    }

    private final boolean quick;
    private final Path out;
    private final Map<Key, Score> endToEnd = new LinkedHashMap<>();
    private final Map<Key, Connections> connections = new LinkedHashMap<>();
    private final Map<Key, Score> decodeTime = new LinkedHashMap<>();
    private final Map<Key, Score> decodeBytes = new LinkedHashMap<>();

    private PerformanceReport(boolean quick, Path out) {
        this.quick = quick;
        this.out = out;
    }

    /** Runs the suite; see the class comment for arguments. */
    public static void main(String[] args) throws Exception {
        // before anything opens an HttpURLConnection: the keep-alive cache reads it once
        System.setProperty("http.maxConnections", String.valueOf(SharedHttpClient.DEFAULT_MAX_CONNECTIONS));
        boolean quick = false;
        boolean journalOnly = false;
        boolean perCallOnly = false;
        Path out = Path.of("docs", "performance.md");
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--journal")) {
                journalOnly = true;
            } else if (arg.equals("--per-call")) {
                perCallOnly = true;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                throw new IllegalArgumentException("usage: [--quick] [--journal | --per-call] [--out=docs/performance.md]");
            }
        }
        if (journalOnly) {
            JournalCost.write(quick ? JournalCost.QUICK : JournalCost.FULL, out);
            return;
        }
        if (perCallOnly) {
            String doc = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Performance\n";
            Files.writeString(out, perCall(doc, quick), StandardCharsets.UTF_8);
            System.out.println("wrote " + out.toAbsolutePath());
            return;
        }
        new PerformanceReport(quick, out).run();
    }

    private void run() throws RunnerException, IOException, InterruptedException {
        long started = System.nanoTime();
        Path connectionFile = Files.createTempFile("voucherport-connections", ".txt");
        for (int threads : new int[] {1, 8, 32}) {
            runEndToEnd(threads, Clients.endToEnd(), List.of(), connectionFile);
        }
        for (int threads : new int[] {1, 32}) {
            runEndToEnd(threads, List.of(Clients.TRANSPORT_POOLED, Clients.TRANSPORT_FEIGN_HC5, Clients.TRANSPORT_JAVA11,
                    Clients.TRANSPORT_URL_CONNECTION),
                    List.of(Scenario.EZ_CODES.name(), Scenario.EP_ALL_CODES.name()), connectionFile);
        }
        readConnections(connectionFile);
        runDecode();
        String memory = memoryRun();
        PollingStudy.Figures fixed = PollingStudy.run(PollingPolicy.fixed(Duration.ofSeconds(1), Duration.ofMinutes(2)),
                2_000, 42);
        PollingStudy.Figures chosen = PollingStudy.run(PollingPolicy.DEFAULT, 2_000, 42);
        JournalCostReport journal = new JournalCostReport(JournalCost.run(quick ? JournalCost.QUICK : JournalCost.FULL));
        PerCall.Figures perCall = PerCall.run(quick ? PerCall.QUICK : PerCall.FULL);
        List<WarmConnections.Row> warm = WarmConnections.run(quick ? WarmConnections.QUICK : WarmConnections.FULL);
        PagingReport paging = new PagingReport(PagingStudy.run(quick ? PagingStudy.QUICK : PagingStudy.FULL));
        String report = new ReportWriter(quick, endToEnd, connections, decodeTime, decodeBytes, memory, fixed,
                chosen, Duration.ofNanos(System.nanoTime() - started)).write();
        report = JournalCostReport.splice(report, journal.section(), journal.targetRow());
        report = WarmConnections.splice(PerCall.splice(report, perCall, quick), warm, quick);
        report = PagingReport.splice(report, paging.section(), paging.targetRows());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Shared JMH options; {@code jvmArgs} are added to the forks' (JMH keeps only the last set given). */
    private ChainedOptionsBuilder options(String... jvmArgs) {
        List<String> forkArgs = new ArrayList<>(List.of("-Xms512m", "-Xmx512m",
                "-Dhttp.maxConnections=" + SharedHttpClient.DEFAULT_MAX_CONNECTIONS));
        forkArgs.addAll(List.of(jvmArgs));
        return new OptionsBuilder()
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 1_000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 200 : 1_000))
                .jvmArgsAppend(forkArgs.toArray(String[]::new))
                .shouldFailOnError(false);
    }

    private void runEndToEnd(int threads, List<String> clients, List<String> scenarios, Path connectionFile)
            throws RunnerException {
        ChainedOptionsBuilder options = options("-D" + EndToEndBenchmark.CONNECTIONS_FILE + "=" + connectionFile)
                .include(EndToEndBenchmark.class.getName() + ".call")
                .threads(threads)
                .param("client", clients.toArray(String[]::new));
        if (!scenarios.isEmpty()) {
            options.param("scenario", scenarios.toArray(String[]::new));
        }
        if (threads == 1) {
            options.mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS);
        } else {
            options.mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS);
        }
        for (RunResult result : new Runner(options.build()).run()) {
            Key key = new Key(result.getParams().getParam("scenario"), result.getParams().getParam("client"), threads);
            Result<?> primary = result.getPrimaryResult();
            endToEnd.put(key, new Score(primary.getScore(), primary.getScoreError()));
        }
    }

    /** {@code doc} with the per-call and warm-connection sections run now. */
    private static String perCall(String doc, boolean quick) throws IOException {
        PerCall.Figures perCall = PerCall.run(quick ? PerCall.QUICK : PerCall.FULL);
        List<WarmConnections.Row> warm = WarmConnections.run(quick ? WarmConnections.QUICK : WarmConnections.FULL);
        return WarmConnections.splice(PerCall.splice(doc, perCall, quick), warm, quick);
    }

    private void readConnections(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split(" ");
            if (f.length == 5) {
                connections.put(new Key(f[0], f[1], Integer.parseInt(f[2])),
                        new Connections(Integer.parseInt(f[3]), Long.parseLong(f[4])));
            }
        }
        Files.deleteIfExists(file);
    }

    private void runDecode() throws RunnerException {
        ChainedOptionsBuilder options = options()
                .include(DecodeBenchmark.class.getName() + ".decode")
                .threads(1)
                .mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)
                .addProfiler(GCProfiler.class);
        for (RunResult result : new Runner(options.build()).run()) {
            Key key = new Key(result.getParams().getParam("scenario"), result.getParams().getParam("approach"), 1);
            Result<?> primary = result.getPrimaryResult();
            decodeTime.put(key, new Score(primary.getScore(), primary.getScoreError()));
            Result<?> alloc = allocation(result);
            if (alloc != null) {
                decodeBytes.put(key, new Score(alloc.getScore(), alloc.getScoreError()));
            }
        }
    }

    /** The GC profiler's bytes allocated per operation, or null; JMH's secondary results are a raw map. */
    @SuppressWarnings("rawtypes")
    private static Result<?> allocation(RunResult result) {
        for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Streams 100,000 codes (10 promotions × 10,000, Elastic Path's offset cap) through the adapter in a 32 MB JVM. */
    private String memoryRun() throws IOException, InterruptedException {
        try (LoopbackStub stub = LoopbackStub.start(Scenario.routes(10_000))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                    MemoryRun.class.getName(), stub.url(), "10");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            int exit = process.waitFor();
            return "exit=" + exit + " " + output + " connections=" + stub.connectionsAccepted() + " requests="
                    + stub.requestsServed();
        }
    }

    /** The machine, in one line per fact. */
    static List<String> machine() {
        List<String> facts = new ArrayList<>();
        facts.add("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM");
        facts.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        facts.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        try {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            facts.add(String.format(Locale.ROOT, "Memory: %.1f GB", os.getTotalMemorySize() / 1e9));
        } catch (ClassCastException e) {
            // not a HotSpot-family JVM
        }
        facts.add("Date: " + LocalDate.now(ZoneOffset.UTC));
        return facts;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
