package io.voucherport.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for the journal benchmark: zonky's embedded binaries (from Maven Central, no
 * Docker), started in a temporary data directory on the machine's disk and stopped by
 * {@link #close()}. Durability is set explicitly, since zonky's own default is
 * {@code synchronous_commit=off}: {@code fsync=on}, {@code synchronous_commit=on},
 * {@code full_page_writes=on} (PostgreSQL's defaults), and {@code track_wal_io_timing=on} so that
 * {@code pg_stat_wal} times the WAL flushes. Pools are HikariCP, fixed size, timing every borrow.
 */
final class BenchDatabase implements AutoCloseable {

    /** The server settings the run starts PostgreSQL with. */
    static final Map<String, String> SERVER_CONFIG = serverConfig();

    /** The settings shown in the report, read back from the server. */
    static final List<String> SHOWN = List.of("server_version", "fsync", "synchronous_commit", "wal_sync_method",
            "full_page_writes", "wal_level", "shared_buffers", "max_connections");

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private BenchDatabase(Path directory, EmbeddedPostgres postgres) {
        this.directory = directory;
        this.postgres = postgres;
    }

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fsync", "on");
        config.put("synchronous_commit", "on");
        config.put("full_page_writes", "on");
        config.put("track_wal_io_timing", "on");
        return config;
    }

    /** Starts PostgreSQL (a few seconds). */
    static BenchDatabase start() {
        try {
            Path directory = Files.createTempDirectory("voucherport-journal-bench");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory)
                    .setCleanDataDirectory(true).setRegisterShutdownHook(true);
            SERVER_CONFIG.forEach(builder::setServerConfig);
            return new BenchDatabase(directory, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Time spent borrowing connections from a pool. */
    static final class Borrowing implements MetricsTrackerFactory {
        final LongAdder borrows = new LongAdder();
        final LongAdder nanos = new LongAdder();

        @Override
        public IMetricsTracker create(String poolName, PoolStats poolStats) {
            return new IMetricsTracker() {
                @Override
                public void recordConnectionAcquiredNanos(long elapsed) {
                    borrows.increment();
                    nanos.add(elapsed);
                }
            };
        }
    }

    /**
     * A fixed pool of {@code size} connections; {@code initSql} (or null) runs once on each new
     * connection.
     */
    HikariDataSource pool(String name, int size, String initSql, Borrowing borrowing) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + name);
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        config.setMetricsTrackerFactory(borrowing);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** A connection outside the pools, for settings and statistics (not counted anywhere). */
    Connection monitor() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** {@link #SHOWN} as the server reports them, read through {@code dataSource}. */
    static Map<String, String> settings(DataSource dataSource, List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet row = s.executeQuery("SHOW " + name)) {
                    values.put(name, row.next() ? row.getString(1) : "?");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the server settings", e);
        }
        return values;
    }

    /** The server's settings as shown in the report. */
    Map<String, String> settings() {
        return settings(postgres.getPostgresDatabase(), SHOWN);
    }

    /**
     * WAL flushes so far, from {@code pg_stat_wal}: {@code [wal_sync, wal_sync_time ms, wal_write,
     * wal_records]}. Backends report these about once a second, so read it only after a pause.
     */
    double[] wal() {
        try (Connection c = monitor(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT wal_sync, wal_sync_time, wal_write, wal_records FROM pg_stat_wal")) {
            row.next();
            return new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4)};
        } catch (SQLException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /**
     * CPU time used so far by the server's processes (the postmaster, its live children, and the
     * children it has reaped), in clock ticks: {@code [user, kernel]}; null when {@code /proc}
     * cannot tell.
     */
    long[] cpuTicks() {
        long postmaster = postmasterPid();
        if (postmaster < 0) {
            return null;
        }
        long[] ticks = new long[2];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long[] stat = stat(proc);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == postmaster) {
                    ticks[0] += stat[1] + stat[3];
                    ticks[1] += stat[2] + stat[4];
                } else if (stat[0] == postmaster) {
                    ticks[0] += stat[1];
                    ticks[1] += stat[2];
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return ticks;
    }

    /** This process's CPU time in clock ticks, {@code [user, kernel]}; null when {@code /proc} cannot tell. */
    static long[] ownCpuTicks() {
        long[] stat = stat(Path.of("/proc/self"));
        return stat == null ? null : new long[] {stat[1], stat[2]};
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code [ppid, utime, stime, cutime, cstime]} of a process, or null when it is gone. */
    private static long[] stat(Path proc) {
        String line;
        try {
            line = Files.readString(proc.resolve("stat"));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return null;
        }
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        try {
            postgres.close();
        } catch (IOException e) {
            // the data directory is temporary
        }
    }
}
