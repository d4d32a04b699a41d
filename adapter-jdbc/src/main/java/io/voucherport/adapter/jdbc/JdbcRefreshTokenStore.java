package io.voucherport.adapter.jdbc;

import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * A durable {@link RefreshTokenStore}: one row of {@code voucherport_refresh_token} per named
 * credential (e.g. one Shoplazza store), shared by every instance and restart of a service. The
 * row is seeded with the initial token only when it is absent, so a restart that passes the
 * (long exchanged) token from its configuration again does not put it back.
 *
 * <p>{@link #rotated} is a compare-and-set ({@code UPDATE … WHERE token = previous}): a late writer
 * never overwrites a newer token. {@link #current} reads the row. One statement per call, each safe
 * to retry. The token is stored as given (protect the table with grants and encryption at rest);
 * it never appears in {@link #toString} or in an exception: a database failure throws
 * {@link JdbcStoreException} without the driver's message. Thread-safe.
 */
public final class JdbcRefreshTokenStore implements RefreshTokenStore {

    private final Database database;
    private final String name;
    private final String currentSql;
    private final String rotateSql;

    private JdbcRefreshTokenStore(JdbcSettings settings, String name) {
        this.database = new Database(settings,
                (operation, e) -> new JdbcStoreException(Database.describe("the refresh token store", operation, e),
                        Database.withoutDetail(e)));
        this.name = name;
        String table = database.table("voucherport_refresh_token");
        this.currentSql = "SELECT token FROM " + table + " WHERE name = ?";
        this.rotateSql = "UPDATE " + table + " SET token = ?, rotated_at = now() WHERE name = ? AND token = ?";
    }

    /**
     * {@return the store of credential {@code name}, seeded with {@code initialToken} unless the database
     * holds a token for it already; default settings (no schema, 10 s query timeout)} One statement.
     *
     * @param dataSource the PostgreSQL data source holding {@code voucherport_refresh_token}, not
     *     null
     * @param name the credential's key in the table (e.g. one per Shoplazza store), not blank
     * @param initialToken the refresh token to start from when the table holds none for
     *     {@code name}; ignored otherwise (a secret, never logged)
     */
    public static JdbcRefreshTokenStore create(DataSource dataSource, String name, Secret initialToken) {
        return builder(dataSource, name, initialToken).build();
    }

    /**
     * {@return a builder of the store of credential {@code name}, seeded with {@code initialToken} when absent}
     *
     * @param dataSource the PostgreSQL data source holding {@code voucherport_refresh_token}, not
     *     null
     * @param name the credential's key in the table, not blank
     * @param initialToken the refresh token to start from when the table holds none for
     *     {@code name} (a secret, never logged)
     */
    public static Builder builder(DataSource dataSource, String name, Secret initialToken) {
        return new Builder(dataSource, name, initialToken);
    }

    /** The token stored now. Throws {@link JdbcStoreException} when the row is gone or the database fails. */
    @Override
    public Secret current() {
        return database.run("read the refresh token", connection -> {
            try (PreparedStatement current = database.prepare(connection, currentSql)) {
                current.setString(1, name);
                try (ResultSet row = database.query(current)) {
                    if (!row.next()) {
                        throw new JdbcStoreException("the refresh token store holds no token named " + name
                                + " (its row was deleted)", null);
                    }
                    return Secret.of(row.getString(1));
                }
            }
        });
    }

    /** Replaces {@code previous} by {@code next} only when {@code previous} is stored now; otherwise does nothing. */
    @Override
    public void rotated(Secret previous, Secret next) {
        Require.present(previous, "previous refresh token");
        Require.present(next, "next refresh token");
        database.run("rotate the refresh token", connection -> {
            try (PreparedStatement rotate = database.prepare(connection, rotateSql)) {
                rotate.setString(1, next.reveal());
                rotate.setString(2, name);
                rotate.setString(3, previous.reveal());
                return database.update(rotate);
            }
        });
    }

    /** {@return how many SQL statements this store has sent, the seeding included (for benchmarks and tests)} */
    public long roundTrips() {
        return database.statements();
    }

    private void seed(Secret initialToken) {
        String table = database.table("voucherport_refresh_token");
        database.run("seed the refresh token", connection -> {
            try (PreparedStatement seed = database.prepare(connection,
                    "INSERT INTO " + table + " (name, token) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                seed.setString(1, name);
                seed.setString(2, initialToken.reveal());
                return database.update(seed);
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcRefreshTokenStore[" + name + ", ****]";
    }

    /** Builds a {@link JdbcRefreshTokenStore}. */
    public static final class Builder extends JdbcBuilder<Builder> {

        private final String name;
        private final Secret initialToken;

        private Builder(DataSource dataSource, String name, Secret initialToken) {
            super(dataSource);
            this.name = Require.text(name, "credential name");
            this.initialToken = Require.present(initialToken, "initial refresh token");
        }

        /**
         * {@return the store, its row seeded with the initial token when absent (one statement; the table must exist)}
         */
        public JdbcRefreshTokenStore build() {
            JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(settings(), name);
            store.seed(initialToken);
            return store;
        }
    }
}
