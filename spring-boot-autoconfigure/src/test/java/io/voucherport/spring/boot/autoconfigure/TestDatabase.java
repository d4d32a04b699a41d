package io.voucherport.spring.boot.autoconfigure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** One embedded PostgreSQL for this module's tests, started on first use and stopped when the JVM exits. */
final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** The database's data source (no pool). */
    static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres.getPostgresDatabase();
    }
}
