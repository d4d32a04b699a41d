package io.voucherport.adapter.jdbc;

import io.voucherport.domain.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Creates the adapters' tables when they are missing, for the sandbox, tests and services that
 * manage no migrations of their own. It runs the versioned SQL files of {@link #SCRIPTS} (the same
 * files a service can hand to Flyway or Liquibase, see the package documentation) that the small
 * table {@code voucherport_schema_version} does not record yet, each in order, in one transaction
 * under a PostgreSQL advisory lock, so that instances starting at once do not race. The scripts
 * themselves only create what is missing ({@code IF NOT EXISTS}), so running this over tables
 * created by Flyway or Liquibase is harmless. Safe to call at every start; failures throw
 * {@link JdbcStoreException}, and nothing of a failed run is kept.
 */
public final class JdbcSchema {

    /** Where the SQL files are on the class path (a Flyway location: {@code classpath:db/voucherport}). */
    public static final String LOCATION = "db/voucherport";

    /** The SQL files, oldest version first, named the Flyway way: {@code V<version>__<description>.sql}. */
    public static final List<String> SCRIPTS = List.of(
            "V1__voucherport_purchase_journal.sql",
            "V2__voucherport_order_reference.sql",
            "V3__voucherport_refresh_token.sql");

    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    /** Serialises schema creation across every instance sharing the database ("vouchrpt"). */
    private static final long LOCK_KEY = 0x766f756368727074L;

    private JdbcSchema() {
    }

    /**
     * Creates what is missing in the connection's default schema ({@code search_path}); see {@link #createIfMissing(DataSource, String)}.
     *
     * @param dataSource the PostgreSQL data source; its user must be allowed to create tables (and
     *     the schema)
     * @return the scripts run now, in order; empty when everything was there already
     */
    public static List<String> createIfMissing(DataSource dataSource) {
        return create(new JdbcSettings(dataSource, null, JdbcSettings.DEFAULT_QUERY_TIMEOUT));
    }

    /**
     * Creates the schema {@code schema} when missing and, in it, the tables the scripts create that
     * are missing.
     *
     * @param schema a plain lower-case identifier (letters, digits, underscores)
     * @param dataSource the PostgreSQL data source; its user must be allowed to create tables (and
     *     the schema)
     * @return the scripts run now, in order; empty when everything was there already
     */
    public static List<String> createIfMissing(DataSource dataSource, String schema) {
        return create(new JdbcSettings(dataSource, JdbcSettings.schemaName(schema), JdbcSettings.DEFAULT_QUERY_TIMEOUT));
    }

    /**
     * {@return the text of script {@code name} (one of {@link #SCRIPTS}), as shipped}
     *
     * @param name the script's file name, one of {@link #SCRIPTS}; any other is refused with
     *     {@link IllegalArgumentException}
     */
    public static String script(String name) {
        Require.present(name, "script");
        if (!SCRIPTS.contains(name)) {
            throw new IllegalArgumentException("no such script; the scripts are " + SCRIPTS);
        }
        try (InputStream in = JdbcSchema.class.getResourceAsStream("/" + LOCATION + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("script " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read script " + name, e);
        }
    }

    /** The version in a script's name: {@code V3__x.sql} is 3. */
    static int version(String script) {
        Matcher matcher = SCRIPT.matcher(script);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a versioned script name: " + script);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static List<String> create(JdbcSettings settings) {
        Database database = new Database(settings,
                (operation, e) -> new JdbcStoreException(Database.describe("the schema helper", operation, e),
                        Database.withoutDetail(e)));
        return database.run("create the schema", connection -> {
            connection.setAutoCommit(false);
            try {
                List<String> applied = create(database, connection, settings.schema());
                connection.commit();
                return applied;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private static List<String> create(Database database, Connection connection, String schema) throws SQLException {
        try (Statement statement = database.statement(connection)) {
            database.execute(statement, "SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            if (schema != null) {
                database.execute(statement, "CREATE SCHEMA IF NOT EXISTS \"" + schema + '"');
                database.execute(statement, "SET LOCAL search_path TO \"" + schema + '"');
            }
            database.execute(statement, "CREATE TABLE IF NOT EXISTS voucherport_schema_version ("
                    + " version integer NOT NULL PRIMARY KEY, script varchar(256) NOT NULL,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())");
        }
        Set<Integer> done = new HashSet<>();
        try (PreparedStatement versions = database.prepare(connection, "SELECT version FROM voucherport_schema_version");
                ResultSet rows = database.query(versions)) {
            while (rows.next()) {
                done.add(rows.getInt(1));
            }
        }
        List<String> applied = new ArrayList<>();
        for (String script : SCRIPTS) {
            int version = version(script);
            if (done.contains(version)) {
                continue;
            }
            try (Statement statement = database.statement(connection)) {
                database.execute(statement, script(script));
            }
            try (PreparedStatement record = database.prepare(connection,
                    "INSERT INTO voucherport_schema_version (version, script) VALUES (?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                database.update(record);
            }
            applied.add(script);
        }
        return applied;
    }
}
