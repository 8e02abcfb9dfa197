package dev.mpem.portal.report;

import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.mpem.portal.action.ActionService;
import dev.mpem.portal.action.ActionStatus;
import dev.mpem.portal.action.ActionView;
import dev.mpem.portal.action.PlanProgress;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.shared.Csv;

@Service
public class ReportService {

    private final AssessmentService assessments;
    private final ModelService modelService;
    private final ActionService actions;

    ReportService(AssessmentService assessments, ModelService modelService, ActionService actions) {
        this.assessments = assessments;
        this.modelService = modelService;
        this.actions = actions;
    }

    /** The executive summary of a report: progress, top gaps, heat map, plan. */
    public ExecutiveSummary summary(GapReport report) {
        AssessmentView assessment = report.assessment();
        List<ActionView> plan = actions.planOf(assessment);
        Progress progress = progressTo(assessment).orElse(null);
        PlanProgress previousPlan = progress == null ? null : actions.progress(progress.from(), assessment);
        List<ActionView> dueNext = ActionService.dueNext(plan);
        return new ExecutiveSummary(report, progress, previousPlan, HeatMap.of(report, modelService.model().dimensions()),
                plan, ActionService.counts(plan),
                dueNext.stream().filter(item -> !item.overdue()).limit(ExecutiveSummary.NEXT_DUE).toList(),
                dueNext.stream().filter(ActionView::overdue).toList());
    }

    public ExecutiveSummary summary(long assessmentId) {
        return summary(report(assessmentId));
    }

    public GapReport report(long assessmentId) {
        return of(assessments.get(assessmentId));
    }

    public GapReport of(AssessmentView assessment) {
        return GapReportCalculator.calculate(assessment, modelService.model());
    }

    /** Planned versus actual from one assessment to a later one of the same organisation. */
    public Progress progress(AssessmentView from, AssessmentView to) {
        return Progress.between(from, to, modelService.model().dimensions());
    }

    /** Progress from the assessment before this one, if there is one. */
    public java.util.Optional<Progress> progressTo(AssessmentView assessment) {
        return assessments.previousOf(assessment).map(previous -> progress(previous, assessment));
    }

    /**
     * One row per dimension: code, name, category, current, target, gap (empty while unrated) — the
     * columns the report's CSV was first specified with — then what a reader of the file alone needs:
     * the organisation, the assessment's title, date and status, the workshop's confidence and the notes;
     * then the dimension's action items: how many there are in each status, how many are overdue, and
     * each item as "title [status, due date, owner]".
     */
    String csv(GapReport report, List<ActionView> plan) {
        var assessment = report.assessment();
        Csv csv = new Csv().row("code", "name", "category", "current", "target", "gap", "organisation",
                "assessment_title", "assessed_on", "status", "confidence", "notes", "actions_planned",
                "actions_in_progress", "actions_done", "actions_dropped", "actions_overdue", "actions");
        Map<String, List<ActionView>> byDimension = plan.stream().collect(Collectors.groupingBy(ActionView::dimension));
        for (DimensionGap gap : report.dimensions()) {
            List<ActionView> own = byDimension.getOrDefault(gap.code(), List.of());
            csv.row(gap.code(), gap.dimension().name(), gap.dimension().categoryCode(), gap.current(), gap.target(),
                    gap.gap(), assessment.organisationName(), assessment.title(), assessment.assessedOn(),
                    assessment.status(), gap.confidence() == null ? null : gap.confidence().name(), gap.notes(),
                    count(own, ActionStatus.PLANNED), count(own, ActionStatus.IN_PROGRESS), count(own, ActionStatus.DONE),
                    count(own, ActionStatus.DROPPED), own.stream().filter(ActionView::overdue).count(),
                    own.stream().map(ReportService::describe).collect(Collectors.joining("; ")));
        }
        return csv.toString();
    }

    private static long count(List<ActionView> items, ActionStatus status) {
        return items.stream().filter(item -> item.status() == status).count();
    }

    private static String describe(ActionView item) {
        StringBuilder text = new StringBuilder(item.title()).append(" [")
                .append(dev.mpem.portal.shared.Words.say("action.status." + item.status()));
        if (item.dueOn() != null) {
            text.append(", ").append(dev.mpem.portal.shared.Words.say("action.due", item.dueOn()));
        }
        if (item.ownerLabel() != null) {
            text.append(", ").append(item.ownerLabel());
        }
        return text.append(']').toString();
    }

    List<ActionView> planOf(long assessmentId) {
        return actions.planOf(assessmentId);
    }
}
