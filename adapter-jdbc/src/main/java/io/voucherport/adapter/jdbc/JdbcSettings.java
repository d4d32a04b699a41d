package io.voucherport.adapter.jdbc;

import io.voucherport.domain.Require;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What every JDBC adapter is built with: the data source, the schema its tables live in (none:
 * the connection's {@code search_path}) and the timeout of each statement.
 *
 * @param dataSource where connections come from (a pool, in production)
 * @param schema the schema's name, or null
 * @param queryTimeout the longest any one statement may run, whole seconds
 */
record JdbcSettings(DataSource dataSource, String schema, Duration queryTimeout) {

    /** The timeout when none is set. */
    static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration LONGEST_QUERY_TIMEOUT = Duration.ofHours(1);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Validates. */
    JdbcSettings {
        Require.present(dataSource, "data source");
        if (schema != null) {
            schemaName(schema);
        }
        Require.present(queryTimeout, "query timeout");
    }

    /**
     * Returns {@code schema} when it is a plain PostgreSQL identifier: lower-case letters, digits and
     * underscores, not starting with a digit, at most 63 characters. Anything else is refused, so a
     * schema name can never carry SQL.
     */
    static String schemaName(String schema) {
        Require.present(schema, "schema");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be 1 to 63 lower-case letters, digits or underscores, "
                    + "not starting with a digit");
        }
        return schema;
    }

    /** {@code timeout} rounded up to whole seconds; throws unless it is between 1 second and 1 hour. */
    static Duration queryTimeout(Duration timeout) {
        Require.present(timeout, "query timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_QUERY_TIMEOUT) > 0) {
            throw new IllegalArgumentException("query timeout must be more than 0 and at most 1 hour but was " + timeout);
        }
        return Duration.ofSeconds(timeout.getSeconds() + (timeout.getNano() == 0 ? 0 : 1));
    }
}
