package io.voucherport.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM (zonky's embedded binaries from Maven Central, no Docker),
 * started on first use and stopped when the JVM exits. As root it runs in a user namespace
 * ({@code unshare -U}, which zonky uses when it works), since PostgreSQL refuses to run as root.
 * Tests get a clean state from {@link #freshSchema()}: a new schema with the tables created by
 * {@link JdbcSchema}. Commits are durable as in production: {@code synchronous_commit} and
 * {@code fsync} are set on (zonky's default turns {@code synchronous_commit} off). Pools are HikariCP; a copy of this starter for other modules is the
 * sandbox's {@code LocalDatabase}.
 */
final class EmbeddedDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final List<HikariDataSource> POOLS = new ArrayList<>();
    private static EmbeddedPostgres postgres;
    private static HikariDataSource shared;

    private EmbeddedDatabase() {
    }

    /** The shared pool (8 connections) over the embedded database. */
    static synchronized DataSource dataSource() {
        if (shared == null) {
            shared = newPool("shared", 8);
        }
        return shared;
    }

    /** A new pool of {@code size} connections, as a second service instance would have; closed at exit. */
    static synchronized HikariDataSource newPool(String name, int size) {
        EmbeddedPostgres database = started();
        HikariConfig config = new HikariConfig();
        config.setPoolName("test-" + name);
        config.setJdbcUrl(database.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        HikariDataSource pool = new HikariDataSource(config);
        POOLS.add(pool);
        return pool;
    }

    /** A new, empty schema holding the tables; build the adapters with {@code .schema(name)}. */
    static String freshSchema() {
        String schema = "test_" + SCHEMAS.incrementAndGet();
        JdbcSchema.createIfMissing(dataSource(), schema);
        return schema;
    }

    private static EmbeddedPostgres started() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                        // zonky turns synchronous_commit off: test what production runs (durable commits)
                        .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
        }
        return postgres;
    }

    private static synchronized void stop() {
        POOLS.forEach(HikariDataSource::close);
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is exiting; the data directory is temporary
        }
    }
}
