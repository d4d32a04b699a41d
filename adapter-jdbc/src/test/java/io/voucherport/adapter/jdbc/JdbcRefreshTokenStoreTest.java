package io.voucherport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherport.domain.Secret;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable refresh token store on a real PostgreSQL. */
class JdbcRefreshTokenStoreTest {

    private static final Secret FIRST = Secret.of("refresh-token-first-0001");
    private static final Secret SECOND = Secret.of("refresh-token-second-0002");
    private static final Secret THIRD = Secret.of("refresh-token-third-0003");

    private String schema;

    @BeforeEach
    void freshSchema() {
        schema = EmbeddedDatabase.freshSchema();
    }

    private JdbcRefreshTokenStore store(String name, Secret initial) {
        return JdbcRefreshTokenStore.builder(EmbeddedDatabase.dataSource(), name, initial).schema(schema).build();
    }

    @Test
    void theInitialTokenSeedsTheRowOnlyWhenItIsAbsent() {
        JdbcRefreshTokenStore store = store("shop-a", FIRST);
        assertThat(store.current()).isEqualTo(FIRST);
        store.rotated(FIRST, SECOND);

        JdbcRefreshTokenStore restarted = store("shop-a", FIRST);

        assertThat(restarted.current()).as("a restart with the configured (exchanged) token keeps the stored one")
                .isEqualTo(SECOND);
        assertThat(store("shop-b", THIRD).current()).as("credentials are separate").isEqualTo(THIRD);
    }

    @Test
    void rotationIsACompareAndSet() {
        JdbcRefreshTokenStore store = store("shop", FIRST);

        store.rotated(FIRST, SECOND);
        store.rotated(FIRST, THIRD);   // late writer: FIRST is no longer current

        assertThat(store.current()).isEqualTo(SECOND);
        assertThat(store.roundTrips()).as("seed, two rotations, one read").isEqualTo(4);
    }

    @Test
    void ofInstancesRotatingTheSameTokenAtOnceExactlyOneWins() throws Exception {
        JdbcRefreshTokenStore store = store("shop", FIRST);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Secret>> rotations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Secret next = Secret.of("refresh-token-next-000" + i);
                JdbcRefreshTokenStore instance = store("shop", FIRST);
                rotations.add(threads.submit(() -> {
                    start.await();
                    instance.rotated(FIRST, next);
                    return next;
                }));
            }
            start.countDown();
            List<Secret> tried = new ArrayList<>();
            for (Future<Secret> rotation : rotations) {
                tried.add(rotation.get());
            }
            Secret current = store.current();
            assertThat(tried).contains(current);
            store.rotated(FIRST, THIRD);
            assertThat(store.current()).isEqualTo(current);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theTokenNeverShowsInToStringOrFailures() throws Exception {
        JdbcRefreshTokenStore store = store("shop", FIRST);
        assertThat(store.toString()).isEqualTo("JdbcRefreshTokenStore[shop, ****]").doesNotContain(FIRST.reveal());

        try (Connection connection = EmbeddedDatabase.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + schema + ".voucherport_refresh_token"
                    + " ADD CONSTRAINT short_tokens CHECK (length(token) < 20) NOT VALID");
        }
        assertThatThrownBy(() -> store.rotated(FIRST, SECOND))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessage("the refresh token store could not rotate the refresh token (SQLState 23514)")
                .satisfies(e -> {
                    assertThat(e.getCause().getMessage()).doesNotContain(SECOND.reveal()).doesNotContain(FIRST.reveal());
                    assertThat(e.getCause().getCause()).isNull();
                });
        assertThat(store.current()).isEqualTo(FIRST);
    }

    @Test
    void aDeletedRowIsAFailureNotAnEmptyToken() throws Exception {
        JdbcRefreshTokenStore store = store("shop", FIRST);
        try (Connection connection = EmbeddedDatabase.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + schema + ".voucherport_refresh_token");
        }
        assertThatThrownBy(store::current).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("holds no token named shop");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> JdbcRefreshTokenStore.create(EmbeddedDatabase.dataSource(), " ", FIRST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credential name");
        assertThatThrownBy(() -> JdbcRefreshTokenStore.create(EmbeddedDatabase.dataSource(), "shop", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("initial refresh token");
    }
}
