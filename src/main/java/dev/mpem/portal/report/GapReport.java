package dev.mpem.portal.report;

import java.util.List;

import dev.mpem.portal.assessment.AssessmentView;

/**
 * The gap report of one assessment. For a draft, unrated dimensions appear in {@code dimensions}
 * (with null levels) but are left out of every figure.
 *
 * @param focusBased whether priorities count the assessment's focus outcomes (true) or, with no
 *        focus chosen, every row of Table 2 (false)
 */
public record GapReport(AssessmentView assessment, List<DimensionGap> dimensions, List<CategoryGap> categories,
        Averages overall, List<OutcomeLens> outcomes, List<Priority> priorities, List<RoadmapItem> roadmap,
        List<Warning> warnings, boolean focusBased) {

    public boolean draft() {
        return !assessment.completed();
    }

    public List<DimensionGap> unrated() {
        return dimensions.stream().filter(d -> !d.rated()).toList();
    }

    public List<DimensionGap> contested() {
        return dimensions.stream().filter(DimensionGap::contested).toList();
    }

    public boolean anyConfidence() {
        return dimensions.stream().anyMatch(d -> d.confidence() != null);
    }

    public DimensionGap dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }
}
