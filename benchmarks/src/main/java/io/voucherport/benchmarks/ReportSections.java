package io.voucherport.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Sections of {@code docs/performance.md} that one study rewrites on its own: the text between
 * its begin and end markers, and its rows of the targets table.
 */
final class ReportSections {

    private static final String NOTES = "\n## What was changed to reach the targets";

    private ReportSections() {
    }

    /**
     * {@code doc} with {@code section} (which starts with {@code begin} and ends with {@code end})
     * in place of the text between those markers, or before the hand-written notes when absent.
     */
    static String splice(String doc, String begin, String end, String section) {
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        if (from >= 0 && to > from) {
            int after = to + end.length();
            if (after < doc.length() && doc.charAt(after) == '\n') {
                after++;
            }
            return doc.substring(0, from) + section + doc.substring(after);
        }
        int notes = doc.indexOf(NOTES);
        return notes >= 0 ? doc.substring(0, notes + 1) + section + '\n' + doc.substring(notes + 1)
                : doc + (doc.endsWith("\n") ? "\n" : "\n\n") + section;
    }

    /**
     * {@code doc} with the targets table's rows whose target starts with any of {@code replaced}
     * removed and {@code rows} added at the table's end (or in place of the first removed row).
     */
    static String targetRows(String doc, List<String> replaced, List<String> rows) {
        List<String> lines = new ArrayList<>(List.of(doc.split("\n", -1)));
        int header = -1;
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (header < 0 && line.startsWith("| target | measured | verdict |")) {
                header = i;
            }
            if (header >= 0 && i > header + 1 && line.startsWith("| ")
                    && replaced.stream().anyMatch(r -> line.startsWith("| " + r))) {
                if (first < 0) {
                    first = i;
                }
                lines.remove(i--);
            }
        }
        if (header < 0) {
            return doc;
        }
        int at = first;
        if (at < 0) {
            at = header + 2;
            while (at < lines.size() && lines.get(at).startsWith("|")) {
                at++;
            }
        }
        lines.addAll(at, rows);
        return String.join("\n", lines);
    }

    /**
     * {@code doc} without the blocks that begin with a line starting {@code start} and run to the
     * end of the table that follows (paragraph, blank line, table rows).
     */
    static String withoutBlocks(String doc, String start) {
        List<String> lines = new ArrayList<>(List.of(doc.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).startsWith("|")) {
                    j++;
                }
                while (j < lines.size() && lines.get(j).startsWith("|")) {
                    j++;
                }
                if (i > 0 && lines.get(i - 1).isEmpty()) {
                    i--;
                }
                lines.subList(i, j).clear();
                i--;
            }
        }
        return String.join("\n", lines);
    }
}
