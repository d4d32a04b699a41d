package io.voucherport.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One scenario's call, end to end over loopback, by one client, against the pre-rendered stub in
 * the same JVM. Mode and thread count come from the runner (latency at 1 caller, throughput at 8
 * and 32). At the end of a trial the stub's connection count is appended to the file named by
 * {@value #CONNECTIONS_FILE}, when set.
 */
@State(Scope.Benchmark)
public class EndToEndBenchmark {

    /** System property: where trials append {@code scenario client threads connections requests}. */
    public static final String CONNECTIONS_FILE = "voucherport.bench.connections";

    /** The call. */
    @Param({"EZ_CODES", "EZ_INSTANT_ORDER", "EP_ALL_CODES", "SHOPLAZZA_CODE"})
    public Scenario scenario;

    /** The client, by {@link Clients} name. */
    @Param({Clients.ADAPTER, Clients.FLOOR_URL_CONNECTION, Clients.FLOOR_HTTP_CLIENT, Clients.FEIGN_DEFAULTS,
            Clients.RAW_SOCKET})
    public String client;

    private LoopbackStub stub;
    private BenchClient bench;

    /** Starts the stub and the client, and makes one call to check it works. */
    @Setup(Level.Trial)
    public void open() {
        stub = LoopbackStub.start(Scenario.routes());
        bench = Clients.open(client, stub.url());
        bench.call(scenario);
    }

    /** The measured call. */
    @Benchmark
    public Object call() {
        return bench.call(scenario);
    }

    /** Records the connections the stub accepted over the trial, then stops. */
    @TearDown(Level.Trial)
    public void close(BenchmarkParams params) {
        String file = System.getProperty(CONNECTIONS_FILE);
        if (file != null) {
            String line = scenario + " " + client + " " + params.getThreads() + " " + stub.connectionsAccepted() + " "
                    + stub.requestsServed() + "\n";
            try {
                Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        bench.close();
        stub.close();
    }
}
