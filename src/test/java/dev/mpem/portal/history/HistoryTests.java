package dev.mpem.portal.history;

import static dev.mpem.portal.support.Requests.postForm;
import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/**
 * A hand-worked history: a baseline of 2025-11-14 (completed) and a re-assessment of 2026-05-14
 * in which Extent met its target exactly, Channel reach moved up short of it, Scope stood still,
 * Strategy fell back, and the rest met their targets.
 */
@PortalTest
class HistoryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    OrganisationService organisations;

    UserView consultant;

    /** The seven dimensions that simply meet their targets in this history. */
    static final List<String> OTHERS = List.of("ACCURACY_AND_LEARNABILITY", "TECHNOLOGY", "MEASUREMENT",
            "SECURITY_AND_PRIVACY", "FINANCIAL_EFFECTIVENESS", "EXPERTISE", "CULTURE");

    record History(OrganisationView organisation, AssessmentView baseline, AssessmentView next) {
    }

    History history() {
        consultant = fixtures.user(Role.CONSULTANT);
        OrganisationView organisation = fixtures.organisation();
        AssessmentView baseline = fixtures.assessment(organisation.id(), "2025-11-14", "SELL_MORE");
        fixtures.rate(baseline.id(), "EXTENT", 2, 4, "CHANNEL_REACH", 1, 3, "SCOPE", 2, 3, "STRATEGY", 3, 4);
        for (String code : OTHERS) {
            fixtures.rate(baseline.id(), code, 2, 3);
        }
        fixtures.complete(baseline.id());
        AssessmentView next = assessments.reassess(baseline.id(), new dev.mpem.portal.assessment.AssessmentForm(
                "Review 2026", "2026-05-14", "Pat", null, List.of("SELL_MORE")));
        rate(next, "EXTENT", 4, 5);
        rate(next, "CHANNEL_REACH", 2, 3);
        rate(next, "SCOPE", 2, 3);
        rate(next, "STRATEGY", 2, 4);
        for (String code : OTHERS) {
            rate(next, code, 3, 4);
        }
        fixtures.complete(next.id());
        return new History(organisations.get(organisation.id()), baseline, assessments.get(next.id()));
    }

    /** A re-assessment's ratings already hold the planned targets (version 1). */
    void rate(AssessmentView assessment, String code, int current, int target) {
        assessments.saveRating(assessment.id(), code, RatingCommand.of(current, target, null, 1L, "pat"));
    }

    @Test
    void reassessingTakesOverFocusAndTargetsButNotCurrentLevels() throws Exception {
        consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView baseline = fixtures.assessment("SELL_MORE", "WIDEN_REACH");
        fixtures.rateAll(baseline.id(), 2, 4);
        assessments.saveRating(baseline.id(), "EXTENT", RatingCommand.of(2, 4, "emails only", 1L, "pat"));
        fixtures.complete(baseline.id());

        Document form = Html.of(mvc.perform(get("/assessments/" + baseline.id() + "/reassess").with(signedInAs(consultant))));
        assertThat(form.selectFirst("#focus-SELL_MORE").hasAttr("checked")).isTrue();
        assertThat(form.selectFirst("#assessedOn").val()).isEqualTo(LocalDate.now().toString());
        String walk = mvc.perform(postForm("/assessments/" + baseline.id() + "/reassess").with(signedInAs(consultant))
                        .param("title", "Six months on").param("assessedOn", LocalDate.now().toString())
                        .param("focusOutcomes", "SELL_MORE", "WIDEN_REACH"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long nextId = Long.parseLong(walk.split("/")[2]);

        AssessmentView next = assessments.get(nextId);
        assertThat(next.previousAssessmentId()).isEqualTo(baseline.id());
        assertThat(next.focusOutcomes()).containsExactly("WIDEN_REACH", "SELL_MORE");
        assertThat(next.ratings()).allSatisfy(r -> {
            assertThat(r.current()).isNull();
            assertThat(r.target()).isEqualTo(4);
            assertThat(r.notes()).isNull();
        });
        assertThat(next.ratedCount()).isZero();

        Document step = Html.of(mvc.perform(get("/assessments/" + nextId + "/steps/EXTENT").with(signedInAs(consultant))));
        assertThat(step.selectFirst(".last-time").text())
                .contains("Last time (" + baseline.assessedOn() + "): current 2 Foundational, target 4 Mature")
                .contains("Notes then: emails only");
        assertThat(step.select("input[name=current][checked]")).isEmpty();
        assertThat(step.selectFirst("input[name=target][value=4]").hasAttr("checked")).isTrue();
        assertThat(step.selectFirst("textarea#notes").val()).isEmpty();

        // Saving only the notes keeps the planned target and the step stays unrated.
        mvc.perform(postForm("/assessments/" + nextId + "/steps/EXTENT").with(signedInAs(consultant))
                .param("target", "4").param("notes", "new notes").param("version", "1").param("action", "next"))
                .andExpect(status().is3xxRedirection());
        assertThat(assessments.get(nextId).rating("EXTENT").target()).isEqualTo(4);
        assertThat(assessments.get(nextId).rating("EXTENT").rated()).isFalse();
    }

    @Test
    void onlyACompletedAssessmentCanBeReassessedAndNotByAnExecutive() throws Exception {
        consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView draft = fixtures.assessment();
        UserView executive = fixtures.user(Role.EXECUTIVE, draft.organisationId());

        mvc.perform(post("/api/assessments/" + draft.id() + "/reassess").with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("NOT_COMPLETED")))
                .andExpect(jsonPath("$.message", containsString("only a completed assessment can be re-assessed")));
        fixtures.rateAll(draft.id(), 1, 2);
        fixtures.complete(draft.id());
        mvc.perform(post("/api/assessments/" + draft.id() + "/reassess").with(httpBasic(executive.username(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/assessments/" + draft.id() + "/reassess").with(signedInAs(executive)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/assessments/" + draft.id() + "/reassess").with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("DRAFT")))
                .andExpect(jsonPath("$.previousAssessmentId", is((int) draft.id())))
                .andExpect(jsonPath("$.ratings[0].current", nullValue()))
                .andExpect(jsonPath("$.ratings[0].target", is(2)));
    }

    @Test
    void anAssessmentDatedInTheFutureIsComparedWithAWarningNotRefused() throws Exception {
        consultant = fixtures.user(Role.CONSULTANT);
        OrganisationView organisation = fixtures.organisation();
        AssessmentView earlier = fixtures.assessment(organisation.id(), "2025-11-14");
        fixtures.rateAll(earlier.id(), 2, 3);
        fixtures.complete(earlier.id());
        String ahead = LocalDate.now().plusDays(40).toString();
        AssessmentView planned = fixtures.assessment(organisation.id(), ahead);

        Document page = Html.of(mvc.perform(get("/organisations/" + organisation.id() + "/history")
                .with(signedInAs(consultant))).andExpect(status().isOk()));
        assertThat(page.select("ul.warnings li").eachText()).singleElement().asString()
                .contains("\u201c" + planned.title() + "\u201d is dated " + ahead + ", which lies in the future.");
        mvc.perform(get("/api/organisations/" + organisation.id() + "/compare")
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.to", is((int) planned.id())))
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0]", containsString("lies in the future")));
    }

    @Test
    void thePageRefusesAComparisonRunningBackwardsAndKeepsWhatWasChosen() throws Exception {
        History h = history();

        Document page = Html.of(mvc.perform(get("/organisations/" + h.organisation().id() + "/history")
                        .param("from", String.valueOf(h.next().id())).param("to", String.valueOf(h.baseline().id()))
                        .with(signedInAs(consultant))).andExpect(status().isBadRequest()));
        assertThat(page.getElementById("compare-problem").text()).contains("comes after the later one",
                "swap the two");
        assertThat(page.selectFirst("#from option[selected]").val()).isEqualTo(String.valueOf(h.next().id()));
        assertThat(page.selectFirst("#to option[selected]").val()).isEqualTo(String.valueOf(h.baseline().id()));
        assertThat(page.select(".scorecard")).isEmpty();
    }

    @Test
    void compareShowsPlannedVersusActualWithAScorecard() throws Exception {
        History h = history();

        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/compare")
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from", is((int) h.baseline().id())))
                .andExpect(jsonPath("$.to", is((int) h.next().id())))
                .andExpect(jsonPath("$.dimensions", hasSize(11)))
                .andExpect(jsonPath("$.dimensions[0].dimension", is("EXTENT")))
                .andExpect(jsonPath("$.dimensions[0].fromCurrent", is(2)))
                .andExpect(jsonPath("$.dimensions[0].fromTarget", is(4)))
                .andExpect(jsonPath("$.dimensions[0].toCurrent", is(4)))
                .andExpect(jsonPath("$.dimensions[0].change", is("UP")))
                .andExpect(jsonPath("$.dimensions[0].targetStatus", is("MET")))
                .andExpect(jsonPath("$.dimensions[1].targetStatus", is("PARTLY_MET")))
                .andExpect(jsonPath("$.dimensions[2].targetStatus", is("MET")))
                .andExpect(jsonPath("$.dimensions[3].dimension", is("SCOPE")))
                .andExpect(jsonPath("$.dimensions[3].change", is("SAME")))
                .andExpect(jsonPath("$.dimensions[3].targetStatus", is("NOT_MET")))
                .andExpect(jsonPath("$.dimensions[4].dimension", is("STRATEGY")))
                .andExpect(jsonPath("$.dimensions[4].change", is("DOWN")))
                .andExpect(jsonPath("$.dimensions[4].targetStatus", is("REGRESSED")))
                .andExpect(jsonPath("$.summary.MET", is(8)))
                .andExpect(jsonPath("$.summary.PARTLY_MET", is(1)))
                .andExpect(jsonPath("$.summary.NOT_MET", is(1)))
                .andExpect(jsonPath("$.summary.REGRESSED", is(1)));

        // Explicit; reversed, time would run backwards: refused, naming "from".
        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/compare")
                        .param("from", String.valueOf(h.baseline().id())).param("to", String.valueOf(h.next().id()))
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dimensions[0].change", is("UP")));
        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/compare")
                        .param("from", String.valueOf(h.next().id())).param("to", String.valueOf(h.baseline().id()))
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", is("VALIDATION_FAILED")))
                .andExpect(jsonPath("$.field", is("from")))
                .andExpect(jsonPath("$.message", org.hamcrest.Matchers.containsString("comes after the later one")));
        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/compare")
                        .param("from", String.valueOf(h.next().id())).param("to", String.valueOf(h.next().id()))
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("to")));
        AssessmentView elsewhere = fixtures.assessment();
        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/compare")
                        .param("from", String.valueOf(h.baseline().id())).param("to", String.valueOf(elsewhere.id()))
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());

        Document page = Html.of(mvc.perform(get("/organisations/" + h.organisation().id() + "/history")
                .with(signedInAs(consultant))).andExpect(status().isOk()));
        assertThat(page.select(".scorecard li").eachText()).containsExactly("8 met", "1 partly met", "1 not met",
                "1 regressed");
        assertThat(page.getElementById("progress-STRATEGY").select("td").eachText())
                .containsExactly("3", "4", "2", "\u2193 down", "regressed");
        assertThat(page.select("svg[role=img] title").eachText()).contains("Average levels over the completed assessments");
    }

    @Test
    void anOrganisationWithOneAssessmentHasNothingToCompare() throws Exception {
        consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView only = fixtures.assessment();

        mvc.perform(get("/api/organisations/" + only.organisationId() + "/compare")
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("NOTHING_TO_COMPARE")));
        Document page = Html.of(mvc.perform(get("/organisations/" + only.organisationId() + "/history")
                .with(signedInAs(consultant))).andExpect(status().isOk()));
        assertThat(page.text()).contains("nothing to compare yet", "The trend appears once an assessment is completed.");
        mvc.perform(get("/api/organisations/" + only.organisationId()).with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.nextAssessmentDue", nullValue()));
    }

    @Test
    void historyApiListsAssessmentsOldestFirstWithPerDimensionLevels() throws Exception {
        History h = history();

        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/history")
                        .with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains((int) h.baseline().id(), (int) h.next().id())))
                .andExpect(jsonPath("$[0].assessedOn", is("2025-11-14")))
                .andExpect(jsonPath("$[0].ratings", hasSize(11)))
                .andExpect(jsonPath("$[0].ratings[0].dimension", is("EXTENT")))
                .andExpect(jsonPath("$[0].ratings[0].current", is(2)))
                .andExpect(jsonPath("$[0].ratings[0].target", is(4)))
                .andExpect(jsonPath("$[1].ratings[4].dimension", is("STRATEGY")))
                .andExpect(jsonPath("$[1].ratings[4].current", is(2)));
    }

    @Test
    void dueDateFollowsTheLatestCompletedAssessmentAndComesAsACalendarEvent() throws Exception {
        History h = history();

        mvc.perform(get("/api/organisations/" + h.organisation().id()).with(httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.nextAssessmentDue", is("2026-11-14")))
                .andExpect(jsonPath("$.reassessMonths", is(6)));
        String ics = mvc.perform(get("/organisations/" + h.organisation().id() + "/next-assessment.ics")
                        .with(signedInAs(consultant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;VALUE=DATE:20261114\r\n",
                "DTEND;VALUE=DATE:20261115\r\n", "SUMMARY:MPEM re-assessment: ").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.lines()).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        // Reopening the latest moves the due date back to six months after the baseline.
        assessments.reopen(h.next().id(), "pat", "check");
        assertThat(organisations.get(h.organisation().id()).nextAssessmentDue()).isEqualTo("2026-05-14");
        AssessmentView fresh = fixtures.assessment();
        mvc.perform(get("/organisations/" + fresh.organisationId() + "/next-assessment.ics").with(signedInAs(consultant)))
                .andExpect(status().isNotFound());
    }

    @Test
    void historyCsvHasOneRowPerAssessmentAndDimension() throws Exception {
        History h = history();

        String csv = mvc.perform(get("/organisations/" + h.organisation().id() + "/history.csv").with(signedInAs(consultant)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();

        assertThat(lines).hasSize(1 + 2 * 11);
        assertThat(lines.get(0)).isEqualTo("organisation,assessment_id,assessment_title,assessed_on,status,dimension,"
                + "dimension_name,category,current,target,gap,confidence,notes");
        assertThat(lines.get(1)).startsWith(h.organisation().name() + "," + h.baseline().id() + ",")
                .endsWith(",2025-11-14,COMPLETED,EXTENT,Extent,FUNCTIONAL,2,4,2,,");
        assertThat(lines.get(16)).endsWith(",2026-05-14,COMPLETED,STRATEGY,Strategy,ORGANIZATIONAL,2,4,2,,");
    }

    @Test
    void executivesSeeHistoryComparisonAndExportsOfTheirOrganisation() throws Exception {
        History h = history();
        UserView executive = fixtures.user(Role.EXECUTIVE, h.organisation().id());
        UserView outsider = fixtures.user(Role.EXECUTIVE);

        mvc.perform(get("/organisations/" + h.organisation().id() + "/history").with(signedInAs(executive)))
                .andExpect(status().isOk());
        mvc.perform(get("/organisations/" + h.organisation().id() + "/history.csv").with(signedInAs(executive)))
                .andExpect(status().isOk());
        mvc.perform(get("/organisations/" + h.organisation().id() + "/next-assessment.ics").with(signedInAs(executive)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/compare")
                .with(httpBasic(executive.username(), Fixtures.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/organisations/" + h.organisation().id() + "/history")
                .with(httpBasic(outsider.username(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/" + h.organisation().id() + "/history").with(signedInAs(outsider)))
                .andExpect(status().isNotFound());
        Document overview = Html.of(mvc.perform(get("/assessments/" + h.next().id()).with(signedInAs(executive))));
        assertThat(overview.select("a[href$=/reassess]")).isEmpty();
    }

    @Test
    void theReportAndItsPdfShowProgressSinceThePreviousAssessment() throws Exception {
        History h = history();

        Document report = Html.of(mvc.perform(get("/assessments/" + h.next().id() + "/report").with(signedInAs(consultant))));
        assertThat(report.selectFirst("#progress-heading").text()).isEqualTo("Progress since the previous assessment");
        assertThat(report.select(".scorecard li").eachText()).contains("8 met", "1 regressed");
        byte[] pdf = mvc.perform(get("/assessments/" + h.next().id() + "/report.pdf").with(signedInAs(consultant)))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Progress since the previous assessment",
                    "regressed", "partly met");
        }
        Document baselineReport = Html.of(mvc.perform(get("/assessments/" + h.baseline().id() + "/report")
                .with(signedInAs(consultant))));
        assertThat(baselineReport.select("#progress-heading")).isEmpty();
    }

    @Test
    void organisationPageShowsTheTimelineNewestFirstWithOverallLevels() throws Exception {
        History h = history();

        Document page = Html.of(mvc.perform(get("/organisations/" + h.organisation().id()).with(signedInAs(consultant))));

        assertThat(page.select("table.timeline tbody tr")).hasSize(2);
        // Review 2026: currents 4,2,2,2 + 7 x 3 = 31 / 11 = 2.8; targets 5,3,3,4 + 7 x 4 = 43 / 11 = 3.9
        assertThat(page.getElementById("timeline-" + h.next().id()).select("td").eachText())
                .containsExactly("2026-05-14", "Completed", "2.8", "3.9", "Executive summary · Gap report");
        assertThat(page.select("table.timeline tbody th").eachText()).containsExactly("Review 2026", h.baseline().title());
        assertThat(page.selectFirst(".due-panel").text()).contains("2026-11-14");
    }
}
