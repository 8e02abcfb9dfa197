package dev.mpem.portal.security;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/** An executive sees the granted organisation and nothing of any other: not even that it exists. */
@PortalTest
class ExecutiveIsolationTests {

    @Autowired
    dev.mpem.portal.action.ActionService actions;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void anotherOrganisationsDataIsNotFoundForAnExecutive() throws Exception {
        AssessmentView own = fixtures.assessment();
        AssessmentView other = fixtures.assessment();
        UserView executive = fixtures.user(Role.EXECUTIVE, own.organisationId());
        long otherOrganisation = other.organisationId();
        long otherAssessment = other.id();
        long otherAction = actions.create(otherAssessment, new dev.mpem.portal.action.ActionForm("EXTENT", "Secret plan",
                null, null, null, "2027-01-01", "PLANNED", null, null)).id();

        for (String page : new String[] { "/organisations/" + otherOrganisation, "/assessments/" + otherAssessment,
                "/assessments/" + otherAssessment + "/report", "/assessments/" + otherAssessment + "/report.pdf",
                "/assessments/" + otherAssessment + "/report.csv", "/assessments/" + otherAssessment + "/summary",
                "/assessments/" + otherAssessment + "/summary.pdf", "/assessments/" + otherAssessment + "/actions",
                "/assessments/" + otherAssessment + "/actions.csv", "/assessments/" + otherAssessment + "/actions.ics",
                "/actions/" + otherAction }) {
            mvc.perform(get(page).with(signedInAs(executive))).andExpect(status().isNotFound());
        }
        for (String api : new String[] { "/api/organisations/" + otherOrganisation, "/api/assessments/" + otherAssessment,
                "/api/assessments/" + otherAssessment + "/report", "/api/assessments/" + otherAssessment + "/actions",
                "/api/actions/" + otherAction }) {
            String body = mvc.perform(get(api).with(httpBasic(executive.username(), Fixtures.PASSWORD)))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(body).contains("\"error\":\"NOT_FOUND\"").doesNotContain(other.organisationName())
                    .doesNotContain("Secret plan");
        }
        // The same pages of the granted organisation are open to the executive.
        mvc.perform(get("/assessments/" + own.id() + "/report").with(signedInAs(executive))).andExpect(status().isOk());
        mvc.perform(get("/api/organisations/" + own.organisationId())
                .with(httpBasic(executive.username(), Fixtures.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void listsShowAnExecutiveOnlyTheGrantedOrganisations() throws Exception {
        AssessmentView own = fixtures.assessment();
        AssessmentView other = fixtures.assessment();
        UserView executive = fixtures.user(Role.EXECUTIVE, own.organisationId());

        Document dashboard = Html.of(mvc.perform(get("/").with(signedInAs(executive))));
        assertThat(dashboard.select("table.dashboard-table tbody th").eachText()).containsExactly(own.organisationName());
        assertThat(dashboard.text()).doesNotContain(other.organisationName());
        assertThat(dashboard.select("a[href=/organisations/new]")).isEmpty();

        String list = mvc.perform(get("/api/organisations").with(httpBasic(executive.username(), Fixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(own.organisationName()).doesNotContain(other.organisationName());

        UserView nothingGranted = fixtures.user(Role.EXECUTIVE);
        Document empty = Html.of(mvc.perform(get("/").with(signedInAs(nothingGranted))));
        assertThat(empty.select("table.dashboard-table")).isEmpty();
    }

    @Test
    void anExecutiveReadsAnAssessmentWithoutAnyEditingAction() throws Exception {
        AssessmentView own = fixtures.assessment();
        fixtures.rateAll(own.id(), 2, 3);
        fixtures.complete(own.id());
        UserView executive = fixtures.user(Role.EXECUTIVE, own.organisationId());

        Document overview = Html.of(mvc.perform(get("/assessments/" + own.id()).with(signedInAs(executive)))
                .andExpect(status().isOk()));
        assertThat(overview.select("form[action*=reopen]")).isEmpty();
        assertThat(overview.select("a[href*=/steps/]")).isEmpty();
        assertThat(overview.select("a[href$=/report]")).isNotEmpty();
        Document organisation = Html.of(mvc.perform(get("/organisations/" + own.organisationId()).with(signedInAs(executive))));
        assertThat(organisation.select("a[href$=/assessments/new]")).isEmpty();
    }
}
