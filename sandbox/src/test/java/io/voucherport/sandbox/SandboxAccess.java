package io.voucherport.sandbox;

import io.voucherport.adapter.jdbc.JdbcSchema;
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
            boolean ok = new Sandbox(new PrintStream(bytes, true, StandardCharsets.UTF_8)).demo(sims, level, database());
            after.accept(sims);
            return new Run(ok, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static LocalDatabase database;

    /**
     * One embedded PostgreSQL for the whole test JVM, started on first use (or the database the
     * {@code voucherport.db.*} settings name); it stops when the JVM exits. Tests sharing it use
     * fresh references, so they never see each other's purchases.
     */
    public static synchronized LocalDatabase database() {
        if (database == null) {
            database = LocalDatabase.open();
            JdbcSchema.createIfMissing(database.dataSource());
        }
        return database;
    }
}
