package io.voucherport.testkit.junit;

import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.sim.Simulator;

/** The provider simulators {@link WithSimulators} can start, each on a free port of 127.0.0.1. */
public enum SimulatorKind {

    /** EZ Cards: {@link EzSimulator}, with {@link io.voucherport.testkit.ez.EzSampleData} when sample data is asked for. */
    EZ(EzSimulator.class),
    /** GiftHub: {@link GiftHubSimulator}, with {@link io.voucherport.testkit.gifthub.GiftHubSampleData}. */
    GIFTHUB(GiftHubSimulator.class),
    /** Elastic Path promotions: {@link ElasticPathSimulator}, with {@link io.voucherport.testkit.elasticpath.ElasticPathSampleData}. */
    ELASTIC_PATH(ElasticPathSimulator.class),
    /** Shoplazza discounts: {@link ShoplazzaSimulator}, with {@link io.voucherport.testkit.shoplazza.ShoplazzaSampleData}. */
    SHOPLAZZA(ShoplazzaSimulator.class);

    private final Class<? extends Simulator<?>> type;

    SimulatorKind(Class<? extends Simulator<?>> type) {
        this.type = type;
    }

    /**
     * The simulator's class: the type of a parameter or field the extension injects it into.
     *
     * @return the simulator's class, for example {@code EzSimulator.class}
     */
    public Class<? extends Simulator<?>> type() {
        return type;
    }

    /**
     * The kind whose simulator has type {@code type}, if any.
     *
     * @param type a parameter's or field's type
     * @return the kind, or null when {@code type} is no simulator class
     */
    static SimulatorKind of(Class<?> type) {
        for (SimulatorKind kind : values()) {
            if (kind.type == type) {
                return kind;
            }
        }
        return null;
    }

    /**
     * A new simulator of this kind, not started.
     *
     * @param sample whether to load the simulator's sample data
     * @return a new simulator, not started (it takes a free port when started); the caller starts
     *     and closes it
     */
    Simulator<?> create(boolean sample) {
        return switch (this) {
            case EZ -> sample ? EzSimulator.create().withSampleData() : EzSimulator.create();
            case GIFTHUB -> sample ? GiftHubSimulator.create().withSampleData() : GiftHubSimulator.create();
            case ELASTIC_PATH -> sample ? ElasticPathSimulator.create().withSampleData() : ElasticPathSimulator.create();
            case SHOPLAZZA -> sample ? ShoplazzaSimulator.create().withSampleData() : ShoplazzaSimulator.create();
        };
    }
}
