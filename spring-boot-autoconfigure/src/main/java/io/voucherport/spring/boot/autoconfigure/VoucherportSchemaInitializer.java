package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.adapter.jdbc.JdbcSchema;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the journal's and the stores' missing tables at start-up
 * ({@code voucherport.purchase.journal.initialize-schema=true}), through {@link JdbcSchema}: safe at
 * every start and with several instances starting at once. Services that migrate with Flyway or
 * Liquibase leave it off and run {@code classpath:db/voucherport} themselves.
 */
public final class VoucherportSchemaInitializer {

    private final List<String> applied;

    /**
     * Creates what is missing, now.
     *
     * @param dataSource the PostgreSQL data source the journal and stores use; its user must be
     *     allowed to create tables
     * @param schema the schema holding the tables, or null for the connection's {@code search_path}
     * @throws io.voucherport.adapter.jdbc.JdbcStoreException if the database refuses
     */
    public VoucherportSchemaInitializer(DataSource dataSource, String schema) {
        this.applied = schema == null ? JdbcSchema.createIfMissing(dataSource) : JdbcSchema.createIfMissing(dataSource, schema);
    }

    /**
     * The scripts this start ran.
     *
     * @return the scripts run, in order; empty when every table was there
     */
    public List<String> applied() {
        return applied;
    }

    @Override
    public String toString() {
        return "VoucherportSchemaInitializer" + applied;
    }
}
