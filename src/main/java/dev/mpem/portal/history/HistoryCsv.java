package dev.mpem.portal.history;

import org.springframework.stereotype.Component;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingView;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.shared.Csv;

/** An organisation's history as CSV, for spreadsheets. */
@Component
public class HistoryCsv {

    private final AssessmentService assessments;
    private final OrganisationService organisations;
    private final ModelService modelService;

    HistoryCsv(AssessmentService assessments, OrganisationService organisations, ModelService modelService) {
        this.assessments = assessments;
        this.organisations = organisations;
        this.modelService = modelService;
    }

    /** One row per assessment and dimension, oldest assessment first. */
    public String of(long organisationId) {
        OrganisationView organisation = organisations.get(organisationId);
        Csv csv = new Csv().row("organisation", "assessment_id", "assessment_title", "assessed_on", "status",
                "dimension", "dimension_name", "category", "current", "target", "gap", "confidence", "notes");
        for (AssessmentView assessment : assessments.historyOf(organisationId)) {
            for (Dimension dimension : modelService.model().dimensions()) {
                RatingView rating = assessment.rating(dimension.code());
                csv.row(organisation.name(), assessment.id(), assessment.title(), assessment.assessedOn(),
                        assessment.status(), dimension.code(), dimension.name(), dimension.categoryCode(),
                        rating.current(), rating.target(), rating.gap(), rating.confidence(), rating.notes());
            }
        }
        return csv.toString();
    }
}
