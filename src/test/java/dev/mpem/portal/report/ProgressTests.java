package dev.mpem.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mpem.portal.assessment.AssessmentStatus;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingView;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.model.TestModel;
import dev.mpem.portal.report.Progress.Change;
import dev.mpem.portal.report.Progress.TargetStatus;

/** Planned versus actual on a hand-worked history. */
class ProgressTests {

    final Mpem mpem = TestModel.mpem();

    @Test
    void eachDimensionIsMetPartlyMetNotMetOrRegressed() {
        // Earlier (current -> target)          Later current   Expected
        // Extent          2 -> 4                4               MET exactly, up
        // Channel reach   1 -> 3                2               PARTLY_MET, up
        // Scope           2 -> 3                2               NOT_MET, same
        // Strategy        3 -> 4                2               REGRESSED, down
        // Technology      3 -> 3                3               MET (target was to hold), same
        // Measurement     2 -> 3                5               MET, up beyond target
        // Culture         unrated (older draft) 3               not comparable
        // Expertise       2 -> 3                unrated         not comparable
        AssessmentView earlier = assessment(1, "2025-11-14", AssessmentStatus.DRAFT, "EXTENT", 2, 4, "CHANNEL_REACH", 1, 3,
                "SCOPE", 2, 3, "STRATEGY", 3, 4, "TECHNOLOGY", 3, 3, "MEASUREMENT", 2, 3, "EXPERTISE", 2, 3);
        AssessmentView later = assessment(2, "2026-05-14", AssessmentStatus.COMPLETED, "EXTENT", 4, 5, "CHANNEL_REACH", 2, 3,
                "SCOPE", 2, 3, "STRATEGY", 2, 4, "TECHNOLOGY", 3, 4, "MEASUREMENT", 5, 5, "CULTURE", 3, 4);

        Progress progress = Progress.between(earlier, later, mpem.dimensions());

        assertThat(progress.dimensions()).extracting(r -> r.dimension().code(), Progress.Row::change, Progress.Row::targetStatus)
                .contains(tuple("EXTENT", Change.UP, TargetStatus.MET),
                        tuple("CHANNEL_REACH", Change.UP, TargetStatus.PARTLY_MET),
                        tuple("SCOPE", Change.SAME, TargetStatus.NOT_MET),
                        tuple("STRATEGY", Change.DOWN, TargetStatus.REGRESSED),
                        tuple("TECHNOLOGY", Change.SAME, TargetStatus.MET),
                        tuple("MEASUREMENT", Change.UP, TargetStatus.MET),
                        tuple("CULTURE", null, null),
                        tuple("EXPERTISE", null, null));
        assertThat(progress.summary()).containsExactly(Map.entry(TargetStatus.MET, 3),
                Map.entry(TargetStatus.PARTLY_MET, 1), Map.entry(TargetStatus.NOT_MET, 1),
                Map.entry(TargetStatus.REGRESSED, 1));
        // 11 dimensions: 6 compared, Culture and Expertise and the three never rated are not.
        assertThat(progress.notComparable()).isEqualTo(5);
        Progress.Row strategy = progress.dimensions().get(4);
        assertThat(strategy.dimension().code()).isEqualTo("STRATEGY");
        assertThat(strategy).extracting(Progress.Row::fromCurrent, Progress.Row::fromTarget, Progress.Row::toCurrent,
                Progress.Row::delta).containsExactly(3, 4, 2, -1);
        assertThat(Change.DOWN.arrow()).isEqualTo("\u2193");
    }

    @Test
    void aPlannedTargetWithoutACurrentLevelIsNotYetComparable() {
        AssessmentView earlier = assessment(1, "2025-11-14", AssessmentStatus.COMPLETED, "EXTENT", 2, 4);
        // A re-assessment before the room rated Extent: its target is planned, its current level missing.
        List<RatingView> ratings = mpem.dimensions().stream().map(d -> d.code().equals("EXTENT")
                ? new RatingView("EXTENT", null, 4, null, 1L, null, null)
                : new RatingView(d.code(), null, null, null, null, null, null)).toList();
        AssessmentView later = new AssessmentView(2, 1, "Org", "Next", LocalDate.parse("2026-05-14"), null, null,
                AssessmentStatus.DRAFT, null, null, null, List.of(), ratings, List.of(), 1L);

        Progress progress = Progress.between(earlier, later, mpem.dimensions());

        assertThat(progress.dimensions().get(0).comparable()).isFalse();
        assertThat(progress.summary().values()).containsOnly(0);
    }

    AssessmentView assessment(long id, String date, AssessmentStatus status, Object... codeCurrentTarget) {
        Map<String, int[]> rated = new LinkedHashMap<>();
        for (int i = 0; i < codeCurrentTarget.length; i += 3) {
            rated.put((String) codeCurrentTarget[i],
                    new int[] { (Integer) codeCurrentTarget[i + 1], (Integer) codeCurrentTarget[i + 2] });
        }
        List<RatingView> ratings = mpem.dimensions().stream().map(d -> rated.containsKey(d.code())
                ? new RatingView(d.code(), rated.get(d.code())[0], rated.get(d.code())[1], null, 1L, null, null)
                : new RatingView(d.code(), null, null, null, null, null, null)).toList();
        return new AssessmentView(id, 1, "Org", "Assessment " + id, LocalDate.parse(date), null, null, status, null, null,
                null, List.of(), ratings, List.of(), null);
    }
}
