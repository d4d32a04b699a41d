package io.voucherport.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the simulators a test class names before its first test, hands them to it, and closes
 * them after its last: one instance of each per class, shared by its tests (and its
 * {@code @Nested} classes), each on a free port of 127.0.0.1, with its sample data unless
 * {@link #sampleData()} is false.
 *
 * <p>A simulator reaches the test as a parameter of its type ({@code EzSimulator},
 * {@code GiftHubSimulator}, {@code ElasticPathSimulator}, {@code ShoplazzaSimulator}) of a test
 * method, a constructor, or a lifecycle method ({@code @BeforeAll} included), or in a non-final
 * field of its type that is still {@code null} (a static field before {@code @BeforeAll}, an
 * instance field when the test instance is made):
 *
 * <pre>{@code
 * @WithSimulators({SimulatorKind.EZ, SimulatorKind.GIFTHUB})
 * class BuyingTest {
 *     @Test
 *     void buysFromEz(EzSimulator ez) {
 *         try (EzCardsSupplier supplier = EzCardsSupplier.builder().baseUrl(ez.baseUrl())
 *                 .apiKey(Secret.of(EzSampleData.API_KEY)).bearerToken(Secret.of(EzSampleData.BEARER_TOKEN)).build()) {
 *             // order EzSampleData.IN_STOCK_SKU ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Asking for a simulator the annotation does not name is a JUnit error (no parameter resolver).
 * A simulator is configured further (faults, clock, polls) through its own methods once injected.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulatorExtension.class)
public @interface WithSimulators {

    /**
     * The simulators to start.
     *
     * @return the simulators, at least one
     */
    SimulatorKind[] value();

    /**
     * Whether each simulator starts with its sample data ({@code withSampleData()}: the catalogs,
     * promotions and rules the {@code *SampleData} classes list); default true.
     *
     * @return whether to load the sample data
     */
    boolean sampleData() default true;
}
