package io.voucherport.benchmarks;

/** A client measured by the benchmarks: makes one scenario's call and returns its domain result. */
public interface BenchClient extends AutoCloseable {

    /** Makes {@code scenario}'s call; throws when it fails (a benchmark must not measure failures). */
    Object call(Scenario scenario);

    @Override
    void close();
}
