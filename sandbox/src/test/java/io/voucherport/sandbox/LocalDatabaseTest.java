package io.voucherport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.adapter.jdbc.JdbcSchema;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sandbox's PostgreSQL starter: an embedded server that holds a journal, stopped on close. */
class LocalDatabaseTest {

    @Test
    void anEmbeddedDatabaseStartsHoldsAJournalAndStops() throws Exception {
        OrderReference reference = OrderReference.generate();
        LocalDatabase database = LocalDatabase.startEmbedded();
        try {
            assertThat(database.isEmbedded()).isTrue();
            assertThat(database.toString()).startsWith("LocalDatabase[embedded, jdbc:postgresql://");
            JdbcSchema.createIfMissing(database.dataSource(), "voucherport");
            PurchaseJournal journal = JdbcPurchaseJournal.builder(database.newPool("second-instance", 2))
                    .schema("voucherport").build();
            journal.open(OrderRequest.of(reference, OrderLine.of("AMZ-US-25", 1)), "ez", "sandbox", Instant.now(),
                    Duration.ofSeconds(30));

            assertThat(JdbcPurchaseJournal.builder(database.dataSource()).schema("voucherport").build().find(reference))
                    .isNotEmpty();
        } finally {
            database.close();
        }
        assertThatThrownBy(() -> {
            try (Connection connection = database.dataSource().getConnection()) {
                connection.isValid(1);
            }
        }).as("closed").isInstanceOf(Exception.class);
    }

    @Test
    void onlyPostgresqlUrlsAreAccepted() {
        assertThatThrownBy(() -> LocalDatabase.connect("jdbc:h2:mem:x", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }
}
