package io.voucherport.adapter.jdbc;

import io.voucherport.domain.Require;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.SupplierOrderId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * A durable {@link OrderReferenceStore}: the table {@code voucherport_order_reference}, keyed by
 * reference, shared by every instance and every restart of a service that uses the same database.
 * Because it never forgets a binding, {@link #find} answers {@link Binding.Unbound} for a
 * reference never bound (or released), which lets GiftHub's adapter answer "no order" after a
 * restart without buying twice.
 *
 * <p>{@link #bindIfAbsent} is atomic by the primary key ({@code INSERT … ON CONFLICT DO NOTHING},
 * then, only when the reference was taken, a {@code SELECT} of the earlier binding);
 * {@link #release} deletes only the pair (reference, id). Every call is one statement (a taken
 * reference costs two) and safe to retry. A database failure throws {@link JdbcStoreException},
 * never "unbound". Thread-safe.
 */
public final class JdbcOrderReferenceStore implements OrderReferenceStore {

    private static final int BIND_ATTEMPTS = 3;

    private final Database database;
    private final String findSql;
    private final String bindSql;
    private final String releaseSql;

    private JdbcOrderReferenceStore(JdbcSettings settings) {
        this.database = new Database(settings,
                (operation, e) -> new JdbcStoreException(Database.describe("the order reference store", operation, e),
                        Database.withoutDetail(e)));
        String table = database.table("voucherport_order_reference");
        this.findSql = "SELECT order_id FROM " + table + " WHERE reference = ?";
        this.bindSql = "INSERT INTO " + table + " (reference, order_id) VALUES (?, ?)"
                + " ON CONFLICT (reference) DO NOTHING RETURNING order_id";
        this.releaseSql = "DELETE FROM " + table + " WHERE reference = ? AND order_id = ?";
    }

    /**
     * {@return a store over {@code dataSource} with the default settings (no schema, 10 s query timeout)}
     *
     * @param dataSource the PostgreSQL data source holding {@code voucherport_order_reference}, not
     *     null
     */
    public static JdbcOrderReferenceStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * {@return a builder over {@code dataSource} (required): schema and query timeout are optional}
     *
     * @param dataSource the PostgreSQL data source holding {@code voucherport_order_reference}, not
     *     null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** {@link Binding.Bound} with the bound id, or {@link Binding.Unbound}; never {@link Binding.Unknown}. */
    @Override
    public Binding find(OrderReference reference) {
        Require.present(reference, "reference");
        return database.run("find a reference", connection -> {
            try (PreparedStatement find = database.prepare(connection, findSql)) {
                find.setString(1, reference.value());
                try (ResultSet row = database.query(find)) {
                    return row.next() ? new Binding.Bound(SupplierOrderId.of(row.getString(1))) : new Binding.Unbound();
                }
            }
        });
    }

    @Override
    public SupplierOrderId bindIfAbsent(OrderReference reference, SupplierOrderId id) {
        Require.present(reference, "reference");
        Require.present(id, "id");
        return database.run("bind a reference", connection -> {
            for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
                try (PreparedStatement bind = database.prepare(connection, bindSql)) {
                    bind.setString(1, reference.value());
                    bind.setString(2, id.value());
                    try (ResultSet inserted = database.query(bind)) {
                        if (inserted.next()) {
                            return id;
                        }
                    }
                }
                // taken: a new statement sees the earlier binding, even one committed a moment ago
                try (PreparedStatement find = database.prepare(connection, findSql)) {
                    find.setString(1, reference.value());
                    try (ResultSet row = database.query(find)) {
                        if (row.next()) {
                            return SupplierOrderId.of(row.getString(1));
                        }
                    }
                }
                // released between the two statements: try again
            }
            throw new JdbcStoreException("the order reference store could not bind reference " + reference
                    + ": its binding kept appearing and disappearing", null);
        });
    }

    @Override
    public void release(OrderReference reference, SupplierOrderId id) {
        Require.present(reference, "reference");
        Require.present(id, "id");
        database.run("release a reference", connection -> {
            try (PreparedStatement release = database.prepare(connection, releaseSql)) {
                release.setString(1, reference.value());
                release.setString(2, id.value());
                return database.update(release);
            }
        });
    }

    /** {@return how many SQL statements this store has sent (for benchmarks and tests)} */
    public long roundTrips() {
        return database.statements();
    }

    @Override
    public String toString() {
        return "JdbcOrderReferenceStore[schema=" + (database.schema() == null ? "(search_path)" : database.schema()) + "]";
    }

    /** Builds a {@link JdbcOrderReferenceStore}. */
    public static final class Builder extends JdbcBuilder<Builder> {

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        /**
         * {@return the store} It does not touch the database until first used.
         */
        public JdbcOrderReferenceStore build() {
            return new JdbcOrderReferenceStore(settings());
        }
    }
}
