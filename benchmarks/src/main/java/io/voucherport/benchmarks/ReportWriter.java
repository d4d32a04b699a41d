package io.voucherport.benchmarks;

import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.benchmarks.PerformanceReport.Connections;
import io.voucherport.benchmarks.PerformanceReport.Key;
import io.voucherport.benchmarks.PerformanceReport.Score;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the suite's figures into {@code docs/performance.md}. */
final class ReportWriter {

    /** The documented command. */
    static final String COMMAND = "./mvnw -B -q install -DskipTests && java -jar benchmarks/target/voucherport-benchmarks.jar";

    static final double DECODE_TARGET = 1.5;

    private final boolean quick;
    private final Map<Key, Score> e2e;
    private final Map<Key, Connections> connections;
    private final Map<Key, Score> decodeTime;
    private final Map<Key, Score> decodeBytes;
    private final String memory;
    private final PollingStudy.Figures fixed;
    private final PollingStudy.Figures chosen;
    private final Duration elapsed;
    private final StringBuilder md = new StringBuilder();
    private final List<String[]> verdicts = new ArrayList<>();

    ReportWriter(boolean quick, Map<Key, Score> e2e, Map<Key, Connections> connections, Map<Key, Score> decodeTime,
            Map<Key, Score> decodeBytes, String memory, PollingStudy.Figures fixed, PollingStudy.Figures chosen,
            Duration elapsed) {
        this.quick = quick;
        this.e2e = e2e;
        this.connections = connections;
        this.decodeTime = decodeTime;
        this.decodeBytes = decodeBytes;
        this.memory = memory;
        this.fixed = fixed;
        this.chosen = chosen;
        this.elapsed = elapsed;
    }

    String write() {
        StringBuilder body = new StringBuilder();
        String latency = latency();
        String throughput = throughput();
        String pooling = pooling();
        String transports = transports();
        String decode = decode();
        String memoryRun = memoryRun();
        String polling = polling();
        body.append("# Performance\n\n");
        body.append("Written by `").append(COMMAND).append("` (").append(minutes(elapsed))
                .append("); do not edit by hand — the hand-written part is `benchmarks/src/main/resources/performance-notes.md`.\n");
        if (quick) {
            body.append("\n> **Quick run** (`--quick`): iterations too short to publish; rerun without it.\n");
        }
        body.append("\n## Machine\n\n");
        PerformanceReport.machine().forEach(f -> body.append("- ").append(f).append('\n'));
        body.append("- Method: JMH, 1 fork per configuration, ").append(quick ? "1 × 0.2 s warm-up, 2 × 0.2 s" : "3 × 1 s warm-up, 5 × 1 s")
                .append(" measured; errors are JMH's 99.9 % confidence half-widths, combined for ratios. Clients and the stub share")
                .append(" one JVM and the machine's cores; `-Dhttp.maxConnections=").append(SharedHttpClient.DEFAULT_MAX_CONNECTIONS)
                .append("` for every `HttpURLConnection` client.\n");
        body.append("\n## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        verdicts.forEach(v -> body.append("| ").append(v[0]).append(" | ").append(v[1]).append(" | ").append(v[2]).append(" |\n"));
        List<String> failed = new ArrayList<>();
        for (int threads : new int[] {1, 8, 32}) {
            for (Scenario s : Scenario.values()) {
                for (String client : Clients.endToEnd()) {
                    if (!e2e.containsKey(new Key(s.name(), client, threads))) {
                        failed.add(client + " × " + s + " × " + threads);
                    }
                }
            }
        }
        if (!failed.isEmpty()) {
            body.append("\nJMH runs that ended in an error (no figure; the run's log has the cause): ")
                    .append(String.join(", ", failed)).append(".\n");
        }
        if (!PairedRuns.FAILURES.isEmpty()) {   // the per-call section's throughput slices, run before this is written
            body.append("\nCalls that failed during the paired throughput slices (not counted): ");
            PairedRuns.FAILURES.forEach((client, n) -> body.append(client).append(" ").append(n.sum()).append("; "));
            body.append('\n');
        }
        body.append(latency).append(throughput).append(pooling).append(transports).append(decode).append(memoryRun)
                .append(polling).append('\n').append(notes());
        return body.toString();
    }

    private String latency() {
        md.setLength(0);
        md.append("\n## End to end: latency, 1 caller\n\n**JMH** (separate runs per client): microseconds per call, lower is better;")
                .append(" the floor is the faster of the two hand-written JDK clients in each row; *raw socket* is the stub and loopback alone")
                .append(" (pre-rendered request, answer not parsed).\n\n")
                .append("| call | floor | floor µs | adapter µs | adapter ÷ floor | Feign defaults ÷ floor | HttpURLConnection µs | HttpClient µs | raw socket µs |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Scenario s : Scenario.values()) {
            Score url = e2e.get(new Key(s.name(), Clients.FLOOR_URL_CONNECTION, 1));
            Score http = e2e.get(new Key(s.name(), Clients.FLOOR_HTTP_CLIENT, 1));
            Score adapter = e2e.get(new Key(s.name(), Clients.ADAPTER, 1));
            if (url == null && http == null || adapter == null) {
                continue;
            }
            boolean urlFaster = urlFaster(url, http, true);
            Score floor = urlFaster ? url : http;
            md.append("| ").append(s).append(" | ").append(floorName(urlFaster)).append(" | ")
                    .append(num(floor)).append(" | ").append(num(adapter)).append(" | ").append(ratio(adapter.over(floor)))
                    .append(" | ").append(ratio(e2e, s, Clients.FEIGN_DEFAULTS, 1, floor)).append(" | ").append(num(url))
                    .append(" | ").append(num(http)).append(" | ")
                    .append(num(e2e.get(new Key(s.name(), Clients.RAW_SOCKET, 1)))).append(" |\n");
        }
        return md.toString();
    }

    private String throughput() {
        md.setLength(0);
        md.append("\n## End to end: throughput, 8 and 32 callers\n\n**JMH**: calls per second, higher is better; the floor is the")
                .append(" faster hand-written client in each row. *Raw socket ÷ floor* far above 1 shows the stub is not what limits the floor.\n\n")
                .append("| call | callers | floor | floor calls/s | adapter calls/s | adapter ÷ floor | Feign defaults ÷ floor | raw socket ÷ floor |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (int threads : new int[] {8, 32}) {
            for (Scenario s : Scenario.values()) {
                Score url = e2e.get(new Key(s.name(), Clients.FLOOR_URL_CONNECTION, threads));
                Score http = e2e.get(new Key(s.name(), Clients.FLOOR_HTTP_CLIENT, threads));
                Score adapter = e2e.get(new Key(s.name(), Clients.ADAPTER, threads));
                if (url == null && http == null || adapter == null) {
                    continue;
                }
                boolean urlFaster = urlFaster(url, http, false);
                Score floor = urlFaster ? url : http;
                md.append("| ").append(s).append(" | ").append(threads).append(" | ")
                        .append(floorName(urlFaster)).append(" | ").append(whole(floor)).append(" | ")
                        .append(whole(adapter)).append(" | ").append(ratio(adapter.over(floor))).append(" | ")
                        .append(ratio(e2e, s, Clients.FEIGN_DEFAULTS, threads, floor)).append(" | ")
                        .append(ratio(e2e, s, Clients.RAW_SOCKET, threads, floor)).append(" |\n");
            }
        }
        return md.toString();
    }

    /** Whether the {@code HttpURLConnection} floor is the faster one (or the only one with a figure). */
    private static boolean urlFaster(Score url, Score http, boolean lowerIsBetter) {
        return http == null || url != null && (lowerIsBetter ? url.value() <= http.value() : url.value() >= http.value());
    }

    private static String floorName(boolean urlFaster) {
        return urlFaster ? "HttpURLConnection" : "HttpClient";
    }

    private String pooling() {
        md.setLength(0);
        md.append("\n## Connections opened\n\nTCP connections the stub accepted over a whole 32-caller trial (warm-up included),")
                .append(" and the calls it answered. The adapters share one `SharedHttpClient` with a pool of ")
                .append(SharedHttpClient.DEFAULT_MAX_CONNECTIONS).append(".\n\n")
                .append("| call | adapter | HttpURLConnection | HttpClient | Feign defaults | requests answered (adapter) |\n")
                .append("|---|---|---|---|---|---|\n");
        int most = -1;
        for (Scenario s : Scenario.values()) {
            Connections adapter = connections.get(new Key(s.name(), Clients.ADAPTER, 32));
            if (adapter == null) {
                continue;
            }
            most = Math.max(most, adapter.connections());
            md.append("| ").append(s).append(" | **").append(adapter.connections()).append("** | ")
                    .append(count(s, Clients.FLOOR_URL_CONNECTION)).append(" | ").append(count(s, Clients.FLOOR_HTTP_CLIENT))
                    .append(" | ").append(count(s, Clients.FEIGN_DEFAULTS)).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", adapter.requests())).append(" |\n");
        }
        verdicts.add(new String[] {"Connections opened by the adapter at 32 callers ≤ pool size ("
                + SharedHttpClient.DEFAULT_MAX_CONNECTIONS + ")", most < 0 ? "not measured" : "at most " + most,
                most >= 0 && most <= SharedHttpClient.DEFAULT_MAX_CONNECTIONS ? "met" : "**missed**"});
        return md.toString();
    }

    private String count(Scenario s, String client) {
        Connections c = connections.get(new Key(s.name(), client, 32));
        return c == null ? "–" : String.valueOf(c.connections());
    }

    private String transports() {
        md.setLength(0);
        md.append("\n## Choosing the Feign HTTP client\n\nThe adapters' own Feign set-up (interface, size-bounded decoder, shared")
                .append(" mapper, no Feign retries) on four transports, nothing else changed. *PooledTransport* (chosen) is what the")
                .append(" adapters use: `SharedHttpClient.feignClient()`, Voucherport's own `feign.Client` over HttpClient 5's classic")
                .append(" connection pool (the target parsed once, the request built directly, no empty `Content-Type`/`Content-Length` on")
                .append(" a GET, response headers read lazily). *feign-hc5* is Feign's `ApacheHttp5Client` over an HttpClient 5 pool of the")
                .append(" same size (the adapters' transport before issue 17); *feign-java11* is `java.net.http.HttpClient`; the last is")
                .append(" Feign's default `HttpURLConnection` client. 1 caller: µs per call (lower is better); 32 callers: calls/s (higher")
                .append(" is better) and connections opened. Ratios are to PooledTransport.\n\n")
                .append("| call | callers | PooledTransport (chosen) | feign-hc5 | feign-java11 | Feign default client (HttpURLConnection) |")
                .append(" connections pooled / feign-hc5 / java11 / default |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (String s : List.of(Scenario.EZ_CODES.name(), Scenario.EP_ALL_CODES.name())) {
            for (int threads : new int[] {1, 32}) {
                Score pooled = e2e.get(new Key(s, Clients.TRANSPORT_POOLED, threads));
                if (pooled == null) {
                    continue;
                }
                md.append("| ").append(s).append(" | ").append(threads).append(" | ")
                        .append(threads == 1 ? num(pooled) : whole(pooled)).append(" | ")
                        .append(transport(s, Clients.TRANSPORT_FEIGN_HC5, threads, pooled)).append(" | ")
                        .append(transport(s, Clients.TRANSPORT_JAVA11, threads, pooled)).append(" | ")
                        .append(transport(s, Clients.TRANSPORT_URL_CONNECTION, threads, pooled)).append(" | ");
                if (threads == 32) {
                    md.append(transportConnections(s, Clients.TRANSPORT_POOLED)).append(" / ")
                            .append(transportConnections(s, Clients.TRANSPORT_FEIGN_HC5)).append(" / ")
                            .append(transportConnections(s, Clients.TRANSPORT_JAVA11)).append(" / ")
                            .append(transportConnections(s, Clients.TRANSPORT_URL_CONNECTION));
                }
                md.append(" |\n");
            }
        }
        return md.toString();
    }

    private String transport(String scenario, String client, int threads, Score pooled) {
        Score score = e2e.get(new Key(scenario, client, threads));
        if (score == null) {
            return "–";
        }
        return (threads == 1 ? num(score) : whole(score)) + " (" + ratio(score.over(pooled)) + ")";
    }

    private String transportConnections(String scenario, String client) {
        Connections c = connections.get(new Key(scenario, client, 32));
        return c == null ? "–" : String.valueOf(c.connections());
    }

    private String decode() {
        md.setLength(0);
        md.append("\n## Client-side cost: decode and map, no network\n\nThe same answers from memory. *Adapter*: the adapters'")
                .append(" Feign decoder (size-bounded, shared tolerant mapper) and mapper into domain objects. *Via Feign*: the same through the")
                .append(" adapters' Feign interfaces over an in-memory client (Feign's request building and response handling included, no")
                .append(" network, no `CallGuard`). *Jackson + mapping*: a")
                .append(" default Jackson mapper into records plus the floor's hand mapping into the same domain objects. *Records*:")
                .append(" plain Jackson into records, nothing else. Time in ns per call, allocation in bytes per call (JMH's GC profiler).\n\n");
        if (quick) {
            md.append("> **Quick run: smoke only.** `--quick` gives each configuration 1 × 0.2 s of warm-up and 2 × 0.2 s of")
                    .append(" measurement: enough to show that every decode path runs, not enough for figures. On this shared 2-core")
                    .append(" machine even 4 × 0.5 s of warm-up and 3 × 0.5 s measured gave results that differed by a median of 36 %")
                    .append(" (up to 4×) between two runs, so quick runs judge no decode target; the full run does.\n\n");
        }
        md.append("| call | adapter ns | via Feign ns | Jackson + mapping ns | records ns | **adapter ÷ Jackson + mapping** (time) |")
                .append(" via Feign ÷ Jackson + mapping (time) | adapter ÷ records (time) |")
                .append(" adapter B | via Feign B | Jackson + mapping B | records B | **adapter ÷ Jackson + mapping** (bytes) | adapter ÷ records (bytes) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Score worstTime = null;
        Score worstBytes = null;
        String timeAt = "";
        String bytesAt = "";
        for (Scenario s : Scenario.values()) {
            Score a = decodeTime.get(new Key(s.name(), DecodeBenchmark.ADAPTER, 1));
            Score j = decodeTime.get(new Key(s.name(), DecodeBenchmark.JACKSON_MAPPED, 1));
            Score r = decodeTime.get(new Key(s.name(), DecodeBenchmark.JACKSON_RECORDS, 1));
            Score f = decodeTime.get(new Key(s.name(), DecodeBenchmark.ADAPTER_FEIGN, 1));
            if (a == null || j == null || r == null) {
                continue;
            }
            Score fb = decodeBytes.get(new Key(s.name(), DecodeBenchmark.ADAPTER_FEIGN, 1));
            Score ab = decodeBytes.get(new Key(s.name(), DecodeBenchmark.ADAPTER, 1));
            Score jb = decodeBytes.get(new Key(s.name(), DecodeBenchmark.JACKSON_MAPPED, 1));
            Score rb = decodeBytes.get(new Key(s.name(), DecodeBenchmark.JACKSON_RECORDS, 1));
            Score time = a.over(j);
            if (worstTime == null || time.value() > worstTime.value()) {
                worstTime = time;
                timeAt = s.name();
            }
            md.append("| ").append(s).append(" | ").append(whole(a)).append(" | ").append(whole(f)).append(" | ")
                    .append(whole(j)).append(" | ").append(whole(r)).append(" | **").append(ratio(time)).append("** | ")
                    .append(f == null ? "–" : ratio(f.over(j))).append(" | ").append(ratio(a.over(r))).append(" | ");
            if (ab != null && jb != null && rb != null) {
                Score bytes = ab.over(jb);
                if (worstBytes == null || bytes.value() > worstBytes.value()) {
                    worstBytes = bytes;
                    bytesAt = s.name();
                }
                md.append(whole(ab)).append(" | ").append(whole(fb)).append(" | ").append(whole(jb)).append(" | ")
                        .append(whole(rb)).append(" | **")
                        .append(ratio(bytes)).append("** | ").append(ratio(ab.over(rb))).append(" |\n");
            } else {
                md.append("– | – | – | – | – | – |\n");
            }
        }
        if (quick) {   // smoke only: see the note above the table
            verdicts.add(new String[] {"Decode + map time: adapter ÷ Jackson + mapping ≤ " + DECODE_TARGET,
                "not judged: quick run (smoke only)", "–"});
            verdicts.add(new String[] {"Decode + map allocation: adapter ÷ Jackson + mapping ≤ " + DECODE_TARGET,
                "not judged: quick run (smoke only)", "–"});
            return md.toString();
        }
        verdict("Decode + map time: adapter ÷ Jackson + mapping ≤ " + DECODE_TARGET, worstTime, timeAt,
                worstTime != null && worstTime.value() <= DECODE_TARGET);
        verdict("Decode + map allocation: adapter ÷ Jackson + mapping ≤ " + DECODE_TARGET, worstBytes, bytesAt,
                worstBytes != null && worstBytes.value() <= DECODE_TARGET);
        return md.toString();
    }

    private String memoryRun() {
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : memory.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                f.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        boolean ok = "0".equals(f.get("exit")) && "100000".equals(f.get("streamed"));
        String peak = f.containsKey("peakHeapBytes") ? mb(Long.parseLong(f.get("peakHeapBytes"))) : "?";
        String max = f.containsKey("maxHeapBytes") ? mb(Long.parseLong(f.get("maxHeapBytes"))) : "?";
        verdicts.add(new String[] {"100,000 promotion codes streamed through the adapter under `-Xmx32m`",
                ok ? "completed; heap peak " + peak + " of " + max : "failed: `" + memory + "`", ok ? "met" : "**missed**"});
        md.setLength(0);
        md.append("\n## Memory: 100,000 promotion codes in a 32 MB heap\n\nA child JVM with `-Xmx32m` streams every code of 10")
                .append(" promotions × 10,000 codes (Elastic Path refuses offsets above 10,000, so one promotion cannot list more)")
                .append(" through `ElasticPathPromotions.codes(…).forEachItem`, keeping none, from the stub in the report's JVM.\n\n")
                .append("| codes streamed | heap peak (sum of pool peaks) | heap limit | GC runs | seconds | connections | requests |\n")
                .append("|---|---|---|---|---|---|---|\n")
                .append("| ").append(f.getOrDefault("streamed", "?")).append(" | ").append(peak).append(" | ").append(max)
                .append(" | ").append(f.getOrDefault("gcRuns", "?")).append(" | ").append(f.getOrDefault("seconds", "?"))
                .append(" | ").append(f.getOrDefault("connections", "?")).append(" | ").append(f.getOrDefault("requests", "?"))
                .append(" |\n");
        if (!ok) {
            md.append("\nThe run failed: `").append(memory).append("`\n");
        }
        return md.toString();
    }

    private String polling() {
        boolean half = chosen.pollsPerOrder() <= fixed.pollsPerOrder() / 2;
        boolean fast = chosen.medianDelaySeconds() <= 2.0;
        verdicts.add(new String[] {"Polling: default policy ≤ half the polls of fixed 1 s polling",
                String.format(Locale.ROOT, "%.2f vs %.2f polls per order", chosen.pollsPerOrder(), fixed.pollsPerOrder()),
                half ? "met" : "**missed**"});
        verdicts.add(new String[] {"Polling: median delay past completion ≤ 2 s",
                String.format(Locale.ROOT, "%.2f s", chosen.medianDelaySeconds()), fast ? "met" : "**missed**"});
        return String.format(Locale.ROOT, """

                ## Polling

                `BuyCodes` buying %,d orders one after another in virtual time from the testkit's in-memory supplier, each
                order completing at a random moment in [0, 30 s] (same seed for both policies). Polls are the status checks
                made after placing the order; requests add the one code fetch once the order is complete.

                | policy | polls per order | requests per order | median delay, completion → codes in hand | 90th percentile delay |
                |---|---|---|---|---|
                | fixed 1 s | %.2f | %.2f | %.2f s | %.2f s |
                | default (`PollingPolicy.DEFAULT`: 0.5 s × 1.6, capped at 4 s, 20 %% jitter) | **%.2f** | %.2f | **%.2f s** | %.2f s |
                """, chosen.orders(), fixed.pollsPerOrder(), fixed.requestsPerOrder(), fixed.medianDelaySeconds(),
                fixed.p90DelaySeconds(), chosen.pollsPerOrder(), chosen.requestsPerOrder(), chosen.medianDelaySeconds(),
                chosen.p90DelaySeconds());
    }

    private static String notes() {
        try (InputStream in = ReportWriter.class.getResourceAsStream("/performance-notes.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void verdict(String target, Score worst, String where, boolean met) {
        verdicts.add(new String[] {target, worst == null ? "not measured" : "worst " + ratio(worst) + " (" + where + ")",
                met ? "met" : "**missed**"});
    }

    private static String ratio(Map<Key, Score> e2e, Scenario s, String client, int threads, Score floor) {
        Score score = e2e.get(new Key(s.name(), client, threads));
        return score == null ? "–" : ratio(score.over(floor));
    }

    private static String ratio(Score s) {
        return String.format(Locale.ROOT, "%.2f ± %s", s.value(), error("%.2f", s.error()));
    }

    private static String num(Score s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.1f ± %s", s.value(), error("%.1f", s.error()));
    }

    private static String whole(Score s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%,.0f ± %s", s.value(), error("%,.0f", s.error()));
    }

    /** JMH gives no error for fewer than 3 iterations (quick runs). */
    private static String error(String format, double error) {
        return Double.isNaN(error) ? "?" : String.format(Locale.ROOT, format, error);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
