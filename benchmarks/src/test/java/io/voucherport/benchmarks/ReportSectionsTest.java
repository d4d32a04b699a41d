package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSectionsTest {

    private static final String DOC = """
            # Performance

            ## Targets

            | target | measured | verdict |
            |---|---|---|
            | Old latency row: adapter ÷ floor | 1.5 | **missed** |
            | Other row | 1 | met |

            ## End to end

            | jmh | table |
            |---|---|

            **Paired** (1 caller; old)

            | call | ratio |
            |---|---|
            | X | 1.5 |

            ## Polling

            text

            ## What was changed to reach the targets

            notes
            """;

    @Test
    void aNewSectionGoesBeforeTheNotesAndThenReplacesItself() {
        String once = ReportSections.splice(DOC, "<!-- s:begin -->", "<!-- s:end -->", "<!-- s:begin -->\none\n<!-- s:end -->\n");
        assertThat(once).contains("text\n\n<!-- s:begin -->\none\n<!-- s:end -->\n\n## What was changed");
        String twice = ReportSections.splice(once, "<!-- s:begin -->", "<!-- s:end -->", "<!-- s:begin -->\ntwo\n<!-- s:end -->\n");
        assertThat(twice).contains("<!-- s:begin -->\ntwo\n<!-- s:end -->").doesNotContain("one");
    }

    @Test
    void targetRowsReplaceTheirPredecessorsInPlace() {
        String out = ReportSections.targetRows(DOC, List.of("Old latency row"), List.of("| New row | 1.0 | met |"));
        assertThat(out).contains("|---|---|---|\n| New row | 1.0 | met |\n| Other row | 1 | met |\n")
                .doesNotContain("Old latency row");
        String added = ReportSections.targetRows(DOC, List.of("Absent"), List.of("| Added | 2 | met |"));
        assertThat(added).contains("| Other row | 1 | met |\n| Added | 2 | met |\n");
    }

    @Test
    void oldPairedBlocksAreRemovedWithTheirTables() {
        String out = ReportSections.withoutBlocks(DOC, "**Paired** (");
        assertThat(out).doesNotContain("Paired").doesNotContain("| X | 1.5 |")
                .contains("| jmh | table |\n|---|---|\n\n## Polling");
    }
}
