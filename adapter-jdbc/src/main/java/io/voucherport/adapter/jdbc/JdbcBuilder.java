package io.voucherport.adapter.jdbc;

import io.voucherport.domain.Require;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * What the builders of the JDBC adapters share: the data source (required), the schema their tables
 * live in and the query timeout. Not thread-safe; build once at start-up.
 *
 * @param <B> the concrete builder
 */
public abstract class JdbcBuilder<B extends JdbcBuilder<B>> {

    private final DataSource dataSource;
    private String schema;
    private Duration queryTimeout = JdbcSettings.DEFAULT_QUERY_TIMEOUT;

    /**
     * A builder over {@code dataSource}, which is required.
     *
     * @param dataSource the PostgreSQL data source the store's statements run on; a pooled one,
     *     shared with the application
     */
    protected JdbcBuilder(DataSource dataSource) {
        this.dataSource = Require.present(dataSource, "data source");
    }

    /**
     * The schema holding the tables (as created by
     * {@link JdbcSchema#createIfMissing(DataSource, String)} or by Flyway/Liquibase in that
     * schema). Default: none, so the connection's {@code search_path} decides. A plain lower-case
     * identifier; anything else is refused.
     *
     * @param schema 1 to 63 lower-case letters, digits or underscores, not null
     * @return this builder
     */
    public B schema(String schema) {
        this.schema = JdbcSettings.schemaName(schema);
        return self();
    }

    /**
     * The longest any one statement may run before the driver cancels it and the call fails
     * (rounded up to whole seconds; 1 second to 1 hour). Default: 10 seconds.
     *
     * @param timeout how long to wait at most
     * @return this builder
     */
    public B queryTimeout(Duration timeout) {
        this.queryTimeout = JdbcSettings.queryTimeout(timeout);
        return self();
    }

    /** The settings chosen. */
    JdbcSettings settings() {
        return new JdbcSettings(dataSource, schema, queryTimeout);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
