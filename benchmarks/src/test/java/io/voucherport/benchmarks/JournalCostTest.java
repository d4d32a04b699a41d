package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.benchmarks.JournalCost.Cell;
import io.voucherport.benchmarks.JournalCost.Figures;
import io.voucherport.benchmarks.JournalCost.Journal;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journal benchmark's quick mode, run once against a real embedded PostgreSQL: only facts
 * about what it bought and counted, never how fast (timings on a shared machine prove nothing).
 */
class JournalCostTest {

    private static Figures figures;

    @BeforeAll
    static void runQuickMode() {
        figures = JournalCost.run(JournalCost.QUICK);
    }

    @Test
    void everyPurchaseIsDeliveredWithOneCodeAndNothingIsBoughtTwice() {
        for (Journal journal : Journal.values()) {
            for (int callers : JournalCost.CALLERS) {
                Cell cell = figures.cell(journal, callers);
                int expected = JournalCost.QUICK.rounds()
                        * (callers == 1 ? JournalCost.QUICK.slice1() : JournalCost.QUICK.slice8());
                assertThat(cell.failures()).as(journal + " × " + callers).isEmpty();
                assertThat(cell.purchases()).as(journal + " × " + callers).isEqualTo(expected);
                assertThat(cell.delivered()).as(journal + " × " + callers).isEqualTo(expected);
                assertThat(cell.mostOrdersPerReference()).as(journal + " × " + callers).isEqualTo(1);
            }
        }
    }

    @Test
    void theJournalsBoughtTheSameNumberOfOrdersAtTheSupplier() {
        for (int callers : JournalCost.CALLERS) {
            int inMemory = figures.cell(Journal.IN_MEMORY, callers).ordersAtSupplier();
            assertThat(inMemory).isEqualTo(figures.cell(Journal.IN_MEMORY, callers).purchases());
            assertThat(figures.cell(Journal.POSTGRES, callers).ordersAtSupplier()).isEqualTo(inMemory);
            assertThat(figures.cell(Journal.POSTGRES_NO_SYNC, callers).ordersAtSupplier()).isEqualTo(inMemory);
        }
    }

    @Test
    void everyPurchaseTakesTheSameNumberOfDatabaseRoundTripsOneStatementPerJournalCall() {
        for (Journal journal : new Journal[] {Journal.POSTGRES, Journal.POSTGRES_NO_SYNC}) {
            Cell one = figures.cell(journal, 1);
            Map<Long, Integer> perPurchase = one.statementsPerPurchaseCounts();
            assertThat(perPurchase).as(journal + ": round trips per purchase → purchases").hasSize(1);
            long roundTrips = perPurchase.keySet().iterator().next();
            assertThat(roundTrips).isPositive();
            assertThat(perPurchase.get(roundTrips)).isEqualTo(one.purchases());
            Cell eight = figures.cell(journal, 8);
            assertThat(eight.statements()).isEqualTo(roundTrips * eight.purchases());
            for (Cell cell : new Cell[] {one, eight}) {
                assertThat(cell.callsPerPurchaseCounts()).containsOnlyKeys(roundTrips);
            }
        }
    }

    @Test
    void bothJournalsAreCalledAlikeForEveryPurchase() {
        for (int callers : JournalCost.CALLERS) {
            Map<String, Long> inMemory = figures.cell(Journal.IN_MEMORY, callers).calls();
            assertThat(inMemory).containsOnlyKeys("open Sent", "finish Accepted Delivered");
            assertThat(figures.cell(Journal.POSTGRES, callers).calls()).isEqualTo(inMemory);
            assertThat(figures.cell(Journal.POSTGRES_NO_SYNC, callers).calls()).isEqualTo(inMemory);
            assertThat(figures.cell(Journal.IN_MEMORY, callers).callsPerPurchaseCounts())
                    .isEqualTo(figures.cell(Journal.POSTGRES, callers).callsPerPurchaseCounts());
        }
    }

    @Test
    void thePostgresJournalRanDurableAndTheComparisonWithoutSynchronousCommit() {
        assertThat(figures.serverSettings).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
        assertThat(figures.noSyncSetting).isEqualTo("off");
    }

    @Test
    void theSectionIsWrittenBetweenItsMarkersAndReplacedOnTheNextRun() {
        JournalCostReport report = new JournalCostReport(figures);
        String section = report.section();
        assertThat(section).startsWith(JournalCostReport.BEGIN).contains("## " + JournalCostReport.TITLE)
                .contains("Quick run").endsWith(JournalCostReport.END + "\n");
        String doc = "# Performance\n\n## Targets\n\n| target | measured | verdict |\n|---|---|---|\n| a | b | met |\n\n"
                + "## Polling\n\ntext\n\n## What was changed to reach the targets\n\nnotes\n";
        String once = JournalCostReport.splice(doc, section, report.targetRow());
        assertThat(once.indexOf(JournalCostReport.BEGIN)).isLessThan(once.indexOf("## What was changed"));
        assertThat(once).contains("| a | b | met |\n" + report.targetRow() + "\n\n## Polling");
        String twice = JournalCostReport.splice(once, section, report.targetRow());
        assertThat(twice).isEqualTo(once);
    }
}
