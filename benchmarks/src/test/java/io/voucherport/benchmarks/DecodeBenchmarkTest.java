package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decode benchmark's approaches do the same work: equal domain objects from the same bytes. */
class DecodeBenchmarkTest {

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void theAdapterTheFeignPathAndTheFloorMappingAgree(Scenario scenario) throws IOException {
        DecodeBenchmark bench = new DecodeBenchmark();
        bench.scenario = scenario;
        bench.prepare();
        bench.approach = DecodeBenchmark.ADAPTER;
        Object adapter = bench.decode();
        bench.approach = DecodeBenchmark.ADAPTER_FEIGN;
        Object viaFeign = bench.decode();
        bench.approach = DecodeBenchmark.JACKSON_MAPPED;
        Object floor = bench.decode();
        assertThat(viaFeign).isEqualTo(adapter);
        assertThat(floor).isEqualTo(adapter);
    }
}
