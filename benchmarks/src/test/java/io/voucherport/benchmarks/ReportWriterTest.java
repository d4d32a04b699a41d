package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.application.purchase.PollingPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the generated report says about decode figures and transports, quick and full. */
class ReportWriterTest {

    private static final String DECODE_TIME = "Decode + map time: adapter ÷ Jackson + mapping";

    private static String report(boolean quick) {
        Map<PerformanceReport.Key, PerformanceReport.Score> time = new LinkedHashMap<>();
        Map<PerformanceReport.Key, PerformanceReport.Score> bytes = new LinkedHashMap<>();
        for (Scenario s : Scenario.values()) {
            time.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.ADAPTER, 1), new PerformanceReport.Score(100, 1));
            time.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.ADAPTER_FEIGN, 1), new PerformanceReport.Score(150, 1));
            time.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.JACKSON_MAPPED, 1), new PerformanceReport.Score(90, 1));
            time.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.JACKSON_RECORDS, 1), new PerformanceReport.Score(80, 1));
            bytes.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.ADAPTER, 1), new PerformanceReport.Score(1000, 1));
            bytes.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.ADAPTER_FEIGN, 1), new PerformanceReport.Score(1500, 1));
            bytes.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.JACKSON_MAPPED, 1), new PerformanceReport.Score(900, 1));
            bytes.put(new PerformanceReport.Key(s.name(), DecodeBenchmark.JACKSON_RECORDS, 1), new PerformanceReport.Score(800, 1));
        }
        Map<PerformanceReport.Key, PerformanceReport.Score> e2e = new LinkedHashMap<>();
        e2e.put(new PerformanceReport.Key(Scenario.EZ_CODES.name(), Clients.TRANSPORT_POOLED, 1), new PerformanceReport.Score(50, 1));
        e2e.put(new PerformanceReport.Key(Scenario.EZ_CODES.name(), Clients.TRANSPORT_FEIGN_HC5, 1), new PerformanceReport.Score(60, 1));
        PollingStudy.Figures polling = PollingStudy.run(PollingPolicy.DEFAULT, 20, 42);
        return new ReportWriter(quick, e2e, Map.of(), time, bytes, "exit=0 streamed=100000", polling, polling,
                Duration.ofMinutes(1)).write();
    }

    @Test
    void aQuickRunShowsDecodeFiguresAsASmokeTestAndJudgesNoDecodeTarget() {
        String quick = report(true);
        assertThat(quick).contains("Quick run: smoke only");
        assertThat(quick).contains("| " + DECODE_TIME + " ≤ " + ReportWriter.DECODE_TARGET + " | not judged: quick run (smoke only) | – |");

        String full = report(false);
        assertThat(full).doesNotContain("Quick run: smoke only").doesNotContain("not judged: quick run");
        assertThat(full).contains("| " + DECODE_TIME + " ≤ " + ReportWriter.DECODE_TARGET + " | worst 1.11");
    }

    @Test
    void theTransportTableComparesPooledTransportWithFeignHc5() {
        String full = report(false);
        assertThat(full).contains("| call | callers | PooledTransport (chosen) | feign-hc5 |");
        assertThat(full).contains("| EZ_CODES | 1 | 50.0 ± 1.0 | 60.0 ± 1.0 (1.20 ± 0.03) |");
        assertThat(full).doesNotContain("feign-hc5 (chosen)");
    }
}
