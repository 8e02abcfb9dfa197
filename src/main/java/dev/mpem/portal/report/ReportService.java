package dev.mpem.portal.report;

import org.springframework.stereotype.Service;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.system.Csv;

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
     * One row per dimension: code, name, category, current, target, gap (empty while unrated): the
     * columns the report's CSV is specified with. Confidence is in the history CSV and the JSON.
     */
    String csv(GapReport report) {
        Csv csv = new Csv().row("code", "name", "category", "current", "target", "gap");
        for (DimensionGap gap : report.dimensions()) {
            csv.row(gap.code(), gap.dimension().name(), gap.dimension().categoryCode(), gap.current(), gap.target(),
                    gap.gap());
        }
        return csv.toString();
    }
}
