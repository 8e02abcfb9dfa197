package dev.mpem.portal.overview;

import dev.mpem.portal.assessment.AssessmentSummary;
import dev.mpem.portal.organisation.OrganisationView;

/**
 * One organisation on the dashboard with its latest assessment (null when it has none). Public, so
 * that the page's expressions are compiled to bytecode instead of calling its accessors by
 * reflection (Spring's expression compiler only reaches public types).
 */
public record DashboardRow(OrganisationView organisation, AssessmentSummary latest) {
}
