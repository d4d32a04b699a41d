package io.voucherport.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * How the JDBC adapters reach their tables: one {@link DataSource}, an optional schema, a query
 * timeout on every statement and a count of the statements sent. Each unit of work borrows one
 * connection in auto-commit mode (every statement is its own transaction, as the adapters' SQL
 * is written to be atomic statement by statement) and maps a {@link SQLException} to the
 * caller's exception type. Thread-safe.
 */
final class Database {

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        /** Does the work; may throw {@link SQLException}. */
        T on(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String schema;
    private final int timeoutSeconds;
    private final BiFunction<String, SQLException, RuntimeException> failure;
    private final AtomicLong statements = new AtomicLong();

    /**
     * @param settings the data source, schema and timeout
     * @param failure builds the exception thrown for a failed operation from its name and the cause
     */
    Database(JdbcSettings settings, BiFunction<String, SQLException, RuntimeException> failure) {
        this.dataSource = settings.dataSource();
        this.schema = settings.schema();
        this.timeoutSeconds = Math.toIntExact(settings.queryTimeout().toSeconds());
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** {@code table} qualified with the schema (quoted), or bare when no schema is set. */
    String table(String table) {
        return schema == null ? table : '"' + schema + "\"." + table;
    }

    /** Runs {@code work} on a connection in auto-commit mode; {@code operation} names it in failures. */
    <T> T run(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.on(connection);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw failure.apply(operation, e);
        }
    }

    /** A prepared statement with the query timeout set. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(timeoutSeconds);
        return statement;
    }

    /** A plain statement with the query timeout set (for scripts). */
    Statement statement(Connection connection) throws SQLException {
        Statement statement = connection.createStatement();
        statement.setQueryTimeout(timeoutSeconds);
        return statement;
    }

    /** Executes a query, counting one statement. */
    ResultSet query(PreparedStatement statement) throws SQLException {
        statements.incrementAndGet();
        return statement.executeQuery();
    }

    /** Executes an update, counting one statement; returns the rows changed. */
    int update(PreparedStatement statement) throws SQLException {
        statements.incrementAndGet();
        return statement.executeUpdate();
    }

    /** Executes {@code sql} (one or more statements without parameters), counting one round trip. */
    void execute(Statement statement, String sql) throws SQLException {
        statements.incrementAndGet();
        statement.execute(sql);
    }

    /** How many statements were sent so far. */
    long statements() {
        return statements.get();
    }

    /** What a failure may say: the operation and the SQLState, never a value or the SQL. */
    static String describe(String what, String operation, SQLException e) {
        return what + " could not " + operation + " (SQLState " + Objects.requireNonNullElse(e.getSQLState(), "none") + ")";
    }

    /** A copy of {@code e} without its message (which may quote values), keeping SQLState and error code. */
    static SQLException withoutDetail(SQLException e) {
        SQLException copy = new SQLException(e.getClass().getName() + " (message withheld: it may quote stored values)",
                e.getSQLState(), e.getErrorCode(), e.getCause() instanceof SQLException ? null : e.getCause());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** {@code instant} to the microsecond, as PostgreSQL's {@code timestamptz} keeps it. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds {@code instant} (already {@link #micros to the microsecond}) as a {@code timestamptz}. */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads a {@code timestamptz} column; null stays null. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The timeout, for toString. */
    Duration queryTimeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The schema, or null. */
    String schema() {
        return schema;
    }
}
