package dev.mpem.portal.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.Dimension;

/**
 * Planned versus actual between two assessments of an organisation: per dimension the earlier
 * current and target, the later current, the movement and whether the earlier target was met.
 */
public record Progress(AssessmentView from, AssessmentView to, List<Row> dimensions) {

    public enum Change {
        UP("\u2191"), SAME("\u2192"), DOWN("\u2193");

        private final String arrow;

        Change(String arrow) {
            this.arrow = arrow;
        }

        public String arrow() {
            return arrow;
        }
    }

    /**
     * MET: the later current level reaches the earlier target. PARTLY_MET: it moved up but stayed
     * short. NOT_MET: it did not move. REGRESSED: it moved down.
     */
    public enum TargetStatus {
        MET, PARTLY_MET, NOT_MET, REGRESSED
    }

    /** {@code change} and {@code targetStatus} are null when either assessment left the dimension unrated. */
    public record Row(Dimension dimension, Integer fromCurrent, Integer fromTarget, Integer toCurrent, Integer toTarget,
            Change change, TargetStatus targetStatus) {

        public boolean comparable() {
            return targetStatus != null;
        }

        public Integer delta() {
            return comparable() ? toCurrent - fromCurrent : null;
        }
    }

    /** How many dimensions met, partly met, missed or fell back from their earlier target. */
    public Map<TargetStatus, Integer> summary() {
        Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
        for (TargetStatus status : TargetStatus.values()) {
            counts.put(status, 0);
        }
        dimensions.stream().filter(Row::comparable).forEach(row -> counts.merge(row.targetStatus(), 1, Integer::sum));
        return counts;
    }

    public long notComparable() {
        return dimensions.stream().filter(row -> !row.comparable()).count();
    }

    static Progress between(AssessmentView from, AssessmentView to, List<Dimension> dimensions) {
        List<Row> rows = dimensions.stream().map(dimension -> {
            var before = from.rating(dimension.code());
            var after = to.rating(dimension.code());
            if (!before.rated() || after.current() == null) {
                return new Row(dimension, before.current(), before.target(), after.current(), after.target(), null, null);
            }
            int was = before.current();
            int now = after.current();
            Change change = now > was ? Change.UP : now < was ? Change.DOWN : Change.SAME;
            TargetStatus status = now >= before.target() ? TargetStatus.MET
                    : now < was ? TargetStatus.REGRESSED
                    : now > was ? TargetStatus.PARTLY_MET
                    : TargetStatus.NOT_MET;
            return new Row(dimension, was, before.target(), now, after.target(), change, status);
        }).toList();
        return new Progress(from, to, rows);
    }
}
