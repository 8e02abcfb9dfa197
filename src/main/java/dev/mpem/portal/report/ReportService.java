package dev.mpem.portal.report;

import org.springframework.stereotype.Service;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.shared.Csv;

@Service
public class ReportService {

    private final AssessmentService assessments;
    private final ModelService modelService;

    ReportService(AssessmentService assessments, ModelService modelService) {
        this.assessments = assessments;
        this.modelService = modelService;
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
     * the organisation, the assessment's title, date and status, the workshop's confidence and the notes.
     */
    String csv(GapReport report) {
        var assessment = report.assessment();
        Csv csv = new Csv().row("code", "name", "category", "current", "target", "gap", "organisation",
                "assessment_title", "assessed_on", "status", "confidence", "notes");
        for (DimensionGap gap : report.dimensions()) {
            csv.row(gap.code(), gap.dimension().name(), gap.dimension().categoryCode(), gap.current(), gap.target(),
                    gap.gap(), assessment.organisationName(), assessment.title(), assessment.assessedOn(),
                    assessment.status(), gap.confidence() == null ? null : gap.confidence().name(), gap.notes());
        }
        return csv.toString();
    }
}
