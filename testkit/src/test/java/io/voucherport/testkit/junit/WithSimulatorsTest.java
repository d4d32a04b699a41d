package io.voucherport.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSampleData;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.sim.Simulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link WithSimulators} run through JUnit's own engine ({@link EngineTestKit}) on sample test
 * classes: the simulators named start before the class, reach parameters of test methods,
 * constructors and {@code @BeforeAll} and null fields, are one instance per class (shared with
 * {@code @Nested} classes), serve their sample data unless told not to, and are closed after the
 * class (their ports refuse connections).
 */
class WithSimulatorsTest {

    /** What the sample classes saw, in order. */
    static final List<Simulator<?>> SEEN = new ArrayList<>();

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    private static void assertServing(Simulator<?> simulator) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", simulator.port()));
        } catch (IOException e) {
            throw new AssertionError("the simulator does not accept connections", e);
        }
    }

    private static void assertClosed(Simulator<?> simulator, int port) {
        assertThatThrownBy(simulator::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port));
            }
        }).isInstanceOf(ConnectException.class);
    }

    @WithSimulators({SimulatorKind.EZ, SimulatorKind.GIFTHUB})
    static class Everywhere {
        static EzSimulator staticEz;
        static final List<Integer> PORTS = new ArrayList<>();
        GiftHubSimulator gifthub;
        private final EzSimulator fromConstructor;

        Everywhere(EzSimulator ez) {
            this.fromConstructor = ez;
        }

        @BeforeAll
        static void before(EzSimulator ez, GiftHubSimulator gifthub) {
            assertThat(staticEz).as("static field filled before @BeforeAll").isSameAs(ez);
            assertServing(ez);
            assertServing(gifthub);
            PORTS.clear();
            PORTS.add(ez.port());
            PORTS.add(gifthub.port());
            SEEN.add(ez);
            SEEN.add(gifthub);
        }

        @Test
        void parametersFieldsAndConstructorGetTheSameSimulators(EzSimulator ez, GiftHubSimulator gifthub) {
            assertThat(ez).isSameAs(staticEz).isSameAs(fromConstructor).isSameAs(SEEN.get(0));
            assertThat(gifthub).isSameAs(this.gifthub).isSameAs(SEEN.get(1));
            assertServing(ez);
            assertThat(ez.balanceOf("USD")).isEqualByComparingTo(new BigDecimal(EzSampleData.USD_BALANCE));
        }

        @Test
        void aSecondTestSharesThem(EzSimulator ez) {
            assertThat(ez).isSameAs(SEEN.get(0));
        }
    }

    @Test
    void simulatorsAreStartedInjectedEverywhereSharedAndClosedAfterTheClass() {
        EngineExecutionResults results = run(Everywhere.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isInstanceOf(EzSimulator.class);
        assertThat(SEEN.get(1)).isInstanceOf(GiftHubSimulator.class);
        assertClosed(SEEN.get(0), Everywhere.PORTS.get(0));
        assertClosed(SEEN.get(1), Everywhere.PORTS.get(1));
    }

    @WithSimulators(value = SimulatorKind.EZ, sampleData = false)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassWithoutSampleData {
        private final EzSimulator ez;

        PerClassWithoutSampleData(EzSimulator ez) {
            this.ez = ez;
        }

        @Test
        void theConstructorGotARunningSimulatorWithoutSampleData(EzSimulator again) {
            assertThat(again).isSameAs(ez);
            assertServing(ez);
            assertThat(ez.balanceOf("USD")).isEqualByComparingTo(BigDecimal.ZERO);
            SEEN.add(ez);
        }
    }

    @Test
    void aPerClassConstructorGetsItsSimulatorAndSampleDataCanBeLeftOut() {
        run(PerClassWithoutSampleData.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(SEEN).hasSize(1);
        assertThatThrownBy(SEEN.get(0)::port).isInstanceOf(IllegalStateException.class);
    }

    @WithSimulators(SimulatorKind.ELASTIC_PATH)
    static class Outer {
        @Test
        void outer(ElasticPathSimulator ep) {
            SEEN.add(ep);
        }

        @Nested
        @WithSimulators(SimulatorKind.SHOPLAZZA)
        class Inner {
            @Test
            void inner(ElasticPathSimulator ep, ShoplazzaSimulator shoplazza) {
                assertServing(ep);
                assertServing(shoplazza);
                SEEN.add(ep);
                SEEN.add(shoplazza);
            }
        }
    }

    @Test
    void aNestedClassSharesItsEnclosingClassesSimulatorsAndClosesOnlyItsOwn() {
        run(Outer.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN).hasSize(3);
        List<Simulator<?>> elasticPaths = SEEN.stream().filter(ElasticPathSimulator.class::isInstance).toList();
        assertThat(elasticPaths).hasSize(2);
        assertThat(elasticPaths.get(0)).isSameAs(elasticPaths.get(1));
        SEEN.forEach(s -> assertThatThrownBy(s::port).isInstanceOf(IllegalStateException.class));
    }

    @WithSimulators(SimulatorKind.EZ)
    static class AsksForAnother {
        @Test
        void wantsShoplazza(ShoplazzaSimulator shoplazza) {
            SEEN.add(shoplazza);
        }
    }

    @Test
    void aSimulatorTheAnnotationDoesNotNameIsNotInjected() {
        EngineExecutionResults results = run(AsksForAnother.class);
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                        .orElseThrow()))
                .singleElement().isInstanceOf(ParameterResolutionException.class);
        assertThat(SEEN).isEmpty();
    }
}
