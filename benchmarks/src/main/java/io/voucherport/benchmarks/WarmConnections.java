package io.voucherport.benchmarks;

import io.voucherport.adapter.support.SharedHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Warm connections over TLS: an adapter calling a local TLS stub (self-signed certificate made at
 * run time) at a slow pace, one call at a time, counting the TCP connections the stub accepted and
 * the full TLS handshakes it made, for each connection habit a provider may have. The call is
 * EZ's instant order (a write: a connection the provider closed must never be written to).
 *
 * <p>{@code java -cp benchmarks/target/voucherport-benchmarks.jar io.voucherport.benchmarks.WarmConnections [--quick] [--out=docs/performance.md]}
 * rewrites only its section of the report.
 */
final class WarmConnections {

    static final String BEGIN = "<!-- warm-connections:begin (written by WarmConnections; do not edit by hand) -->";
    static final String END = "<!-- warm-connections:end -->";
    static final String TARGET = "Warm connections: 1,000 slow-paced calls over TLS pay 1 full handshake";
    static final String COMMAND = "./mvnw -B -q install -DskipTests && java -jar benchmarks/target/voucherport-benchmarks.jar --per-call";

    /** One way of calling, and what it cost. */
    record Row(String name, String provider, int calls, Duration pace, int connections, int fullHandshakes,
            long requests, int failures, double medianMillis, double p90Millis) {
    }

    /** The study's settings. */
    record Settings(int calls, Duration pace, int idleCalls, Duration idlePace, Duration idleTimeout, int freshCalls) {
    }

    static final Settings FULL = new Settings(1_000, Duration.ofMillis(50), 20, Duration.ofMillis(1_500),
            Duration.ofMillis(1_000), 100);
    static final Settings QUICK = new Settings(100, Duration.ofMillis(10), 3, Duration.ofMillis(1_500),
            Duration.ofMillis(1_000), 20);

    private WarmConnections() {
    }

    /** Runs the study and rewrites its section; see the class comment. */
    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = Path.of("docs", "performance.md");
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                throw new IllegalArgumentException("usage: [--quick] [--out=docs/performance.md]");
            }
        }
        List<Row> rows = run(quick ? QUICK : FULL);
        String doc = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Performance\n";
        Files.writeString(out, splice(doc, rows, quick), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The rows of the study. */
    static List<Row> run(Settings settings) throws IOException {
        SelfSignedTls tls = SelfSignedTls.generate();
        List<Row> rows = new ArrayList<>();
        try (TlsStub stub = new TlsStub(tls.server(), Scenario.routes())) {
            // one shared client, as a service holds it
            rows.add(paced("one shared client", "keeps connections", stub, tls, TlsStub.Habit.KEEP, Duration.ZERO,
                    settings.calls(), settings.pace(), null));
            rows.add(paced("one shared client", "closes every connection after its answer", stub, tls,
                    TlsStub.Habit.CLOSE_EACH, Duration.ZERO, settings.calls(), settings.pace(), null));
            rows.add(paced("one shared client", "closes connections idle for " + settings.idleTimeout().toMillis()
                    + " ms, without telling", stub, tls, TlsStub.Habit.CLOSE_IDLE, settings.idleTimeout(),
                    settings.idleCalls(), settings.idlePace(), null));
            // what the settings save: a new client (and TLS context) per call
            rows.add(paced("a new client per call", "keeps connections", stub, tls, TlsStub.Habit.KEEP, Duration.ZERO,
                    settings.freshCalls(), settings.pace(), () -> SharedHttpClient.builder().sslContext(tls.newClient()).build()));
        }
        return rows;
    }

    private static Row paced(String name, String provider, TlsStub stub, SelfSignedTls tls, TlsStub.Habit habit,
            Duration idle, int calls, Duration pace, Supplier<SharedHttpClient> perCall) {
        stub.habit(habit, idle);
        double[] millis = new double[calls];
        int failures = 0;
        Clients.AdapterClient shared = perCall == null
                ? new Clients.AdapterClient(stub.url(), SharedHttpClient.builder().sslContext(tls.newClient()).build())
                : null;
        stub.resetCounts();
        tls.resetCounts();
        try {
            for (int i = 0; i < calls; i++) {
                Clients.AdapterClient client = shared != null ? shared : new Clients.AdapterClient(stub.url(), perCall.get());
                long start = System.nanoTime();
                try {
                    client.call(Scenario.EZ_INSTANT_ORDER);
                } catch (RuntimeException e) {
                    failures++;
                } finally {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    if (client != shared) {
                        client.close();
                    }
                }
                sleep(pace);
            }
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
        Arrays.sort(millis);
        return new Row(name, provider, calls, pace, stub.connectionsAccepted(), tls.fullHandshakes(), stub.requestsServed(),
                failures, millis[calls / 2], millis[Math.min(calls - 1, (int) Math.ceil(calls * 0.9) - 1)]);
    }

    private static void sleep(Duration pace) {
        try {
            Thread.sleep(pace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code doc} with this study's section and target row. */
    static String splice(String doc, List<Row> rows, boolean quick) {
        String withSection = ReportSections.splice(doc, BEGIN, END, section(rows, quick));
        return ReportSections.targetRows(withSection, List.of(TARGET), List.of(targetRow(rows)));
    }

    static String targetRow(List<Row> rows) {
        Row kept = rows.get(0);
        Row closing = rows.get(1);
        Row idle = rows.get(2);
        boolean met = kept.fullHandshakes() <= 1 && kept.connections() <= 1 && closing.fullHandshakes() <= 1
                && idle.fullHandshakes() <= 1 && kept.failures() + closing.failures() + idle.failures() == 0;
        return String.format(Locale.ROOT, "| %s | %,d calls, one every %d ms: %d connection(s), %d full handshake(s);"
                + " provider closing every connection: %,d connections, %d full handshake(s); closing idle ones: %d"
                + " connections, %d full handshake(s), %d failed | %s |", TARGET, kept.calls(), kept.pace().toMillis(),
                kept.connections(), kept.fullHandshakes(), closing.connections(), closing.fullHandshakes(),
                idle.connections(), idle.fullHandshakes(), kept.failures() + closing.failures() + idle.failures(),
                met ? "met" : "**missed**");
    }

    static String section(List<Row> rows, boolean quick) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## Warm connections\n\n");
        md.append("Written by `").append(COMMAND).append("` on ").append(LocalDate.now(ZoneOffset.UTC)).append(quick
                ? " — **quick run** (`--quick`), fewer calls; rerun without it" : "").append(".\n\n");
        md.append("EZ's instant order (a write) through the adapter, one call at a time with a pause between calls, against")
                .append(" a local TLS stub with a self-signed certificate made at run time (`keytool`, PKCS12) and trusted through")
                .append(" `SharedHttpClient.builder().sslContext(…)`. The stub counts the TCP connections it accepted and the")
                .append(" full TLS handshakes (a full handshake picks the server's certificate; a resumed one does not). A call")
                .append(" that failed would be a write in doubt.\n\n");
        md.append("| client | provider | calls | pause between calls | connections opened | full TLS handshakes | requests")
                .append(" answered | failed calls | median ms per call | 90th percentile ms |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d ms | **%,d** | **%,d** | %,d | %d | %.2f | %.2f |%n",
                    r.name(), r.provider(), r.calls(), r.pace().toMillis(), r.connections(), r.fullHandshakes(),
                    r.requests(), r.failures(), r.medianMillis(), r.p90Millis()));
        }
        md.append("\nWhat keeps them warm (`SharedHttpClient`): a connection is kept after an answer read to its end, for as")
                .append(" long as the provider's `Keep-Alive` header allows or else up to 30 s idle (idle ones are closed every")
                .append(" 10 s); one idle for more than 1 s is checked before use (a 1 ms read), so a connection the provider")
                .append(" closed while idle is replaced, never written to — the third row, where the pause (")
                .append(rows.size() > 2 ? rows.get(2).pace().toMillis() : 0).append(" ms) is longer than the provider's")
                .append(" idle timeout; with the pool's former 2 s check every one of those writes went to a dead connection")
                .append(" and ended in doubt. All TLS connections of one client share one `SSLContext`, so a new connection")
                .append(" resumes the TLS session (the JDK's client session cache) instead of a full handshake. The last row")
                .append(" is what that saves: a client (and TLS context) made per call pays a full handshake every time.\n");
        md.append(END).append('\n');
        return md.toString();
    }
}
