package io.voucherport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The shipped SQL files and the helper that runs them. */
class JdbcSchemaTest {

    private static final List<String> TABLES = List.of("voucherport_order_reference", "voucherport_purchase",
            "voucherport_purchase_event", "voucherport_refresh_token", "voucherport_schema_version");

    @Test
    void creatingTwiceCreatesOnceAndRecordsEveryScript() throws Exception {
        DataSource dataSource = EmbeddedDatabase.dataSource();

        assertThat(JdbcSchema.createIfMissing(dataSource, "schema_twice")).isEqualTo(JdbcSchema.SCRIPTS);
        assertThat(JdbcSchema.createIfMissing(dataSource, "schema_twice")).isEmpty();

        assertThat(tables(dataSource, "schema_twice")).containsExactlyElementsOf(TABLES);
        assertThat(strings(dataSource, "SELECT script FROM schema_twice.voucherport_schema_version ORDER BY version"))
                .containsExactlyElementsOf(JdbcSchema.SCRIPTS);
    }

    @Test
    void withoutASchemaTheTablesGoWhereTheSearchPathPoints() throws Exception {
        DataSource dataSource = EmbeddedDatabase.dataSource();
        JdbcSchema.createIfMissing(dataSource);
        JdbcSchema.createIfMissing(dataSource);

        assertThat(tables(dataSource, "public")).containsAll(TABLES);
        JdbcOrderReferenceStore.create(dataSource).find(io.voucherport.domain.supply.OrderReference.generate());
    }

    @Test
    void instancesCreatingTheSchemaAtOnceAllSucceedAndOneRunsTheScripts() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return JdbcSchema.createIfMissing(EmbeddedDatabase.dataSource(), "schema_raced");
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<List<String>> run : runs) {
                applied += run.get().size();
            }
            assertThat(applied).isEqualTo(JdbcSchema.SCRIPTS.size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theScriptsRunByHandAsFlywayWouldLeaveNothingForTheHelperButItsBookkeeping() throws Exception {
        DataSource dataSource = EmbeddedDatabase.dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE SCHEMA by_hand");
            statement.execute("SET LOCAL search_path TO by_hand");
            for (String script : JdbcSchema.SCRIPTS) {
                statement.execute(JdbcSchema.script(script));
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertThat(JdbcSchema.createIfMissing(dataSource, "by_hand")).as("harmless: IF NOT EXISTS")
                .isEqualTo(JdbcSchema.SCRIPTS);
        assertThat(tables(dataSource, "by_hand")).containsExactlyElementsOf(TABLES);
    }

    @Test
    void theFilesShippedAreExactlyTheScriptsTheHelperRunsVersionedInOrderAndReadableByLiquibase() throws Exception {
        URL location = JdbcSchema.class.getResource("/" + JdbcSchema.LOCATION);
        List<String> shipped;
        try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
            shipped = files.map(f -> f.getFileName().toString()).sorted().toList();
        }

        assertThat(shipped).containsExactlyElementsOf(JdbcSchema.SCRIPTS);
        for (int i = 0; i < JdbcSchema.SCRIPTS.size(); i++) {
            String script = JdbcSchema.SCRIPTS.get(i);
            assertThat(JdbcSchema.version(script)).as(script).isEqualTo(i + 1);
            assertThat(JdbcSchema.script(script)).as(script)
                    .startsWith("--liquibase formatted sql\n--changeset voucherport:" + (i + 1) + "\n")
                    .doesNotContain("voucherport.voucherport_", "public.");
        }
    }

    @Test
    void badNamesAreRefused() {
        assertThatThrownBy(() -> JdbcSchema.createIfMissing(EmbeddedDatabase.dataSource(), "x; DROP SCHEMA public"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcSchema.script("V9__nothing.sql")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> tables(DataSource dataSource, String schema) throws Exception {
        return strings(dataSource, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' ORDER BY table_name");
    }

    private static List<String> strings(DataSource dataSource, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
