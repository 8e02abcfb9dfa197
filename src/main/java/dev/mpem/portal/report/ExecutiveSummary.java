package dev.mpem.portal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mpem.portal.action.ActionView;
import dev.mpem.portal.action.PlanProgress;
import dev.mpem.portal.assessment.Confidence;

/**
 * What an executive reads first about an assessment, and what the full report adds its detail to:
 * the report's figures, the progress since the previous assessment (levels, and what became of the
 * plan made then), the top gaps for the focus outcomes, the outcome heat map, the action plan and
 * the consultant's commentary.
 *
 * @param progress null without a previous assessment to compare with
 * @param previousPlan what became of the previous assessment's plan; null without a previous assessment
 * @param plan this assessment's action items, oldest first
 */
public record ExecutiveSummary(GapReport report, Progress progress, PlanProgress previousPlan, HeatMap heatMap,
        List<ActionView> plan, Map<String, Integer> actionCounts, List<ActionView> nextDue, List<ActionView> overdue) {

    /** The most A4 pages its PDF may take. */
    public static final int MAX_PAGES = 2;

    /** How many top gaps the summary names. */
    public static final int TOP_GAPS = 5;

    /** How many items due next the summary lists. */
    public static final int NEXT_DUE = 5;

    public List<Priority> topGaps() {
        List<Priority> priorities = report.priorities();
        return priorities.size() > TOP_GAPS ? priorities.subList(0, TOP_GAPS) : priorities;
    }

    public String commentary() {
        return report.assessment().commentary();
    }

    public List<ActionView> planFor(String dimensionCode) {
        return plan.stream().filter(item -> item.dimension().equals(dimensionCode)).toList();
    }

    /** Whether a workshop agreed any rating (its confidence is then shown). */
    public boolean workshopUsed() {
        return report.anyConfidence();
    }

    /** How many agreed ratings have each confidence, in the order of {@link Confidence}. */
    public Map<Confidence, Long> confidenceCounts() {
        Map<Confidence, Long> counts = new LinkedHashMap<>();
        for (Confidence confidence : Confidence.values()) {
            long n = report.dimensions().stream().filter(d -> d.confidence() == confidence).count();
            if (n > 0) {
                counts.put(confidence, n);
            }
        }
        return counts;
    }

    /** How many overdue items the summary lists; the rest are counted. */
    public static final int OVERDUE_SHOWN = 5;

    public List<ActionView> overdueShown() {
        return overdue.size() > OVERDUE_SHOWN ? overdue.subList(0, OVERDUE_SHOWN) : overdue;
    }

    public int overdueMore() {
        return Math.max(0, overdue.size() - OVERDUE_SHOWN);
    }

}
