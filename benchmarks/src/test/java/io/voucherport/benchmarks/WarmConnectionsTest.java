package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A short run of the warm-connection study: counts, not timings. */
class WarmConnectionsTest {

    @Test
    void aSharedClientKeepsItsConnectionAndResumesTlsSessions() throws IOException {
        List<WarmConnections.Row> rows = WarmConnections.run(new WarmConnections.Settings(6, Duration.ofMillis(1), 2,
                Duration.ofMillis(1_200), Duration.ofMillis(200), 3));
        WarmConnections.Row kept = rows.get(0);
        assertThat(kept.connections()).isEqualTo(1);
        assertThat(kept.fullHandshakes()).isEqualTo(1);
        assertThat(kept.requests()).isEqualTo(6);
        WarmConnections.Row closing = rows.get(1);
        assertThat(closing.connections()).isEqualTo(6);
        assertThat(closing.fullHandshakes()).isEqualTo(1);
        WarmConnections.Row idle = rows.get(2);
        assertThat(idle.failures()).isZero();
        assertThat(idle.fullHandshakes()).isEqualTo(1);
        WarmConnections.Row fresh = rows.get(3);
        assertThat(fresh.fullHandshakes()).isEqualTo(3);
        assertThat(rows).allSatisfy(r -> assertThat(r.failures()).isZero());
        assertThat(WarmConnections.targetRow(rows)).endsWith("| met |");
    }
}
