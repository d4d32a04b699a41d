package io.voucherport.sandbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.voucherport.domain.Require;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A PostgreSQL for the sandbox, its tests and the benchmarks: by default an embedded one (zonky's
 * PostgreSQL binaries from Maven Central, started as a child process on a free local port, with a
 * temporary data directory that is deleted when it stops; no Docker, no installation), or a real
 * one when {@code voucherport.db.url} (system property) or {@code VOUCHERPORT_DB_URL} (environment)
 * holds its JDBC URL, with {@code voucherport.db.user}/{@code VOUCHERPORT_DB_USER} and
 * {@code voucherport.db.password}/{@code VOUCHERPORT_DB_PASSWORD}.
 *
 * <p>The embedded server runs with {@code synchronous_commit=on} and {@code fsync=on}, set
 * explicitly: zonky's default is {@code synchronous_commit=off}, under which a commit can return
 * before it is on disk, so a purchase journal on it would not be durable. A journal write that
 * returned survives a crash of the server, as with a production PostgreSQL.
 *
 * <pre>{@code
 * try (LocalDatabase database = LocalDatabase.open()) {
 *     JdbcSchema.createIfMissing(database.dataSource(), "voucherport");
 *     PurchaseJournal journal = JdbcPurchaseJournal.builder(database.dataSource()).schema("voucherport").build();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #dataSource()} is a HikariCP pool; {@link #newPool} gives further pools, e.g. one per
 * simulated service instance. PostgreSQL refuses to run as root: as root, zonky starts it inside a
 * user namespace ({@code unshare -U}), which works where unprivileged user namespaces are allowed
 * (as on these machines). {@link #close()} closes the pools and stops an embedded server (also
 * done when the JVM exits normally; a killed JVM can leave the server running). Thread-safe.
 */
public final class LocalDatabase implements AutoCloseable {

    /** The size of {@link #dataSource()}'s pool. */
    public static final int DEFAULT_POOL_SIZE = 10;

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final HikariDataSource dataSource;

    private LocalDatabase(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dataSource = newPool("voucherport", DEFAULT_POOL_SIZE);
    }

    /** The database the settings point at (see the class documentation), else a new embedded one. */
    public static LocalDatabase open() {
        String url = setting("voucherport.db.url", "VOUCHERPORT_DB_URL");
        if (url == null) {
            return startEmbedded();
        }
        return connect(url, setting("voucherport.db.user", "VOUCHERPORT_DB_USER"),
                setting("voucherport.db.password", "VOUCHERPORT_DB_PASSWORD"));
    }

    /**
     * Starts a new embedded PostgreSQL (a second or two; the binaries are unpacked once per
     * machine) with {@code synchronous_commit=on} and {@code fsync=on}: commits are durable.
     */
    public static LocalDatabase startEmbedded() {
        EmbeddedPostgres postgres;
        try {
            // zonky's default is synchronous_commit=off, which loses the last commits on a crash
            postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
        return new LocalDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), null, null);
    }

    /** A running PostgreSQL at {@code jdbcUrl}; user and password may be null when the URL carries them. */
    public static LocalDatabase connect(String jdbcUrl, String user, String password) {
        Require.present(jdbcUrl, "JDBC URL");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("JDBC URL must start with jdbc:postgresql:");
        }
        return new LocalDatabase(null, jdbcUrl, user, password);
    }

    /** The shared pool ({@value #DEFAULT_POOL_SIZE} connections). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A further pool of {@code size} connections named {@code name}, closed with this database. */
    public synchronized HikariDataSource newPool(String name, int size) {
        Require.text(name, "pool name");
        Require.positive(size, "pool size");
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** Whether this is an embedded server started by this object. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Closes every pool and stops an embedded server. Idempotent. */
    @Override
    public synchronized void close() {
        pools.forEach(HikariDataSource::close);
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null && !value.isBlank() ? value : blankToNull(System.getenv(variable));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Where it is, without the password. */
    @Override
    public String toString() {
        int query = jdbcUrl.indexOf('?');
        return "LocalDatabase[" + (isEmbedded() ? "embedded, " : "") + (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query))
                + "]";
    }
}
