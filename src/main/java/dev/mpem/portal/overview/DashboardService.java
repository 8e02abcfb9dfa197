package dev.mpem.portal.overview;

import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentSummary;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;

/**
 * Organisations, a page at a time, each with its latest assessment (three queries per page), those
 * overdue or due within 30 days first.
 */
@Service
class DashboardService {

    static final int PAGE_SIZE = 25;

    private final OrganisationService organisations;
    private final AssessmentService assessments;

    DashboardService(OrganisationService organisations, AssessmentService assessments) {
        this.organisations = organisations;
        this.assessments = assessments;
    }

    Page<DashboardRow> page(String search, int page) {
        Page<OrganisationView> organisationPage = organisations.dashboard(search, Math.max(page, 0), PAGE_SIZE);
        Map<Long, AssessmentSummary> latest = assessments.latestOf(
                organisationPage.getContent().stream().map(OrganisationView::id).toList());
        return organisationPage.map(organisation -> new DashboardRow(organisation, latest.get(organisation.id())));
    }

}
