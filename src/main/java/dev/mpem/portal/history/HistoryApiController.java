package dev.mpem.portal.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mpem.portal.action.PlanProgress;
import dev.mpem.portal.assessment.AssessmentStatus;
import dev.mpem.portal.report.Progress;
import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

@Tag(name = "History", description = "An organisation's assessments over time and the progress between two of them.")
@RestController
class HistoryApiController {

    private final HistoryService history;

    HistoryApiController(HistoryService history) {
        this.history = history;
    }

    /** The organisation's assessments, oldest first, each with its per-dimension current and target. */
    @GetMapping("/api/organisations/{id}/history")
    @Operation(summary = "An organisation's assessments, oldest first")
    List<HistoryJson> history(@PathVariable long id) {
        return history.timeline(id).stream().map(HistoryJson::of).toList();
    }

    @GetMapping("/api/organisations/{id}/compare")
    @Operation(summary = "Progress between two assessments of an organisation")
    CompareJson compare(@PathVariable long id, @RequestParam(name = "from", required = false) Long from,
            @RequestParam(name = "to", required = false) Long to) {
        Progress progress = history.compare(id, from, to).orElseThrow(NothingToCompareException::new);
        return CompareJson.of(progress, history.planProgress(progress),
                history.futureDateWarnings(List.of(progress.from(), progress.to())));
    }

    record HistoryJson(long id, String title, LocalDate assessedOn, AssessmentStatus status, BigDecimal overallCurrent,
            BigDecimal overallTarget, List<RatingJson> ratings) {

        static HistoryJson of(TimelineEntry entry) {
            var a = entry.assessment();
            return new HistoryJson(a.id(), a.title(), a.assessedOn(), a.status(), entry.overall().current(),
                    entry.overall().target(), a.ratings().stream()
                            .map(r -> new RatingJson(r.dimension(), r.current(), r.target(), r.confidence(),
                                    r.contested())).toList());
        }
    }

    @Schema(name = "HistoryRating")
    record RatingJson(String dimension, Integer current, Integer target, dev.mpem.portal.assessment.Confidence confidence,
            boolean contested) {
    }

    /**
     * Planned versus actual, levels and work: per dimension the target status and what became of the
     * earlier plan's items ({@code actions}: done, still open, overdue among the open, dropped), and
     * the same counts for the whole plan at the top level.
     */
    record CompareJson(long from, long to, LocalDate fromAssessedOn, LocalDate toAssessedOn, List<RowJson> dimensions,
            Map<Progress.TargetStatus, Integer> summary, long notComparable, List<String> warnings,
            PlanProgress.Counts actions) {

        static CompareJson of(Progress progress, PlanProgress plan, List<String> warnings) {
            return new CompareJson(progress.from().id(), progress.to().id(), progress.from().assessedOn(),
                    progress.to().assessedOn(),
                    progress.dimensions().stream().map(row -> new RowJson(row.dimension().code(), row.fromCurrent(),
                            row.fromTarget(), row.toCurrent(), row.change(), row.targetStatus(), row.delta(),
                            plan.of(row.dimension().code()))).toList(),
                    progress.summary(), progress.notComparable(), warnings, plan.total());
        }
    }

    record RowJson(String dimension, Integer fromCurrent, Integer fromTarget, Integer toCurrent, Progress.Change change,
            Progress.TargetStatus targetStatus, Integer delta, PlanProgress.Counts actions) {
    }

    static class NothingToCompareException extends ConflictException {
        NothingToCompareException() {
            super("NOTHING_TO_COMPARE", null, Words.say("compare.nothing"));
        }
    }
}
