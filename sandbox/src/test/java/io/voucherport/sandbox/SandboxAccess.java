package io.voucherport.sandbox;

import io.voucherport.adapter.support.HttpLogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Runs the demo for tests in other packages. */
public final class SandboxAccess {

    private SandboxAccess() {
    }

    /**
     * What a demo run printed and whether it succeeded.
     *
     * @param ok every step succeeded
     * @param report what it printed
     */
    public record Run(boolean ok, String report) {
    }

    /** The demo at {@code level} against fresh simulators; {@code after} sees the simulators before they stop. */
    public static Run demo(HttpLogLevel level, Consumer<Sandbox.Simulators> after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Sandbox.Simulators sims = Sandbox.Simulators.start(0, 0, 0, 0)) {
            boolean ok = new Sandbox(new PrintStream(bytes, true, StandardCharsets.UTF_8)).demo(sims, level);
            after.accept(sims);
            return new Run(ok, bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
