package dev.mpem.portal.report;

import java.math.BigDecimal;
import java.util.List;

import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.Outcome;

/**
 * Table 2 as one grid: a row per business outcome, a column per dimension, and in each cell the
 * dimension's gap where the paper names it a key influential dimension of the outcome (blank where
 * it does not). The row ends with the outcome's readiness gap.
 */
public record HeatMap(List<Dimension> columns, List<Row> rows) {

    public record Row(Outcome outcome, boolean focus, List<Cell> cells, BigDecimal gap) {
    }

    /**
     * @param key whether the dimension is a key influential dimension of the row's outcome
     * @param gap the dimension's gap (null while unrated)
     */
    public record Cell(String dimension, boolean key, Integer gap) {

        /** The shade of the cell: none (not key), unrated, or gap0 … gap3 (three levels and more). */
        public String shade() {
            if (!key) {
                return "none";
            }
            return gap == null ? "unrated" : "gap" + Math.min(gap, 3);
        }
    }

    /** How many characters a line of a column label in a PDF takes before it is split in two. */
    private static final int LABEL_LINE = 12;

    /**
     * A dimension's name as the one or two lines of a column label printed sideways in a PDF: split
     * at the space nearest its middle when it is long.
     */
    public List<String> labelLines(Dimension dimension) {
        String name = dimension.name();
        if (name.length() <= LABEL_LINE || name.indexOf(' ') < 0) {
            return List.of(name);
        }
        int middle = name.length() / 2;
        int best = -1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return List.of(name.substring(0, best), name.substring(best + 1));
    }

    static HeatMap of(GapReport report, List<Dimension> dimensions) {
        List<Row> rows = report.outcomes().stream().map(lens -> new Row(lens.outcome(), lens.focus(),
                dimensions.stream().map(d -> new Cell(d.code(), lens.outcome().influencedBy(d.code()),
                        report.dimension(d.code()).gap())).toList(), lens.readiness().gap())).toList();
        return new HeatMap(dimensions, rows);
    }
}
