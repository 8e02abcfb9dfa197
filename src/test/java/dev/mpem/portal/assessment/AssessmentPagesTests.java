package dev.mpem.portal.assessment;

import static dev.mpem.portal.assessment.WalkPagesTests.save;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static dev.mpem.portal.support.Requests.postForm;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class AssessmentPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Test
    void startFormDefaultsToTodayAndOffersEveryBusinessOutcome() throws Exception {
        OrganisationView organisation = fixtures.organisation();

        Document page = Html.of(mvc.perform(get("/organisations/" + organisation.id() + "/assessments/new"))
                .andExpect(status().isOk()));

        assertThat(page.selectFirst("#assessedOn").val()).isEqualTo(LocalDate.now().toString());
        assertThat(page.select("input[name=focusOutcomes]")).hasSize(7);
        assertThat(page.selectFirst("label[for=focus-WIDEN_REACH]").text()).startsWith("Widen reach");
        assertThat(page.selectFirst("label[for=focus-UNNAMED_ROW_7]").text())
                .startsWith("Outcome not named in the paper (Table 2, row 7)");
    }

    @Test
    void startingAnAssessmentLeadsStraightIntoTheWalk() throws Exception {
        OrganisationView organisation = fixtures.organisation();

        String walk = mvc.perform(postForm("/organisations/" + organisation.id() + "/assessments")
                        .param("title", "Baseline 2026").param("assessedOn", "2026-05-14")
                        .param("assessor", "Pat").param("participants", "CMO\nCTO")
                        .param("focusOutcomes", "SELL_MORE", "WIDEN_REACH"))
                .andExpect(redirectedUrlPattern("/assessments/*/walk"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(walk.split("/")[2]);
        mvc.perform(get(walk)).andExpect(redirectedUrl("/assessments/" + id + "/steps/EXTENT"));

        AssessmentView created = assessments.get(id);
        assertThat(created.title()).isEqualTo("Baseline 2026");
        assertThat(created.assessedOn()).isEqualTo(LocalDate.of(2026, 5, 14));
        assertThat(created.focusOutcomes()).containsExactly("WIDEN_REACH", "SELL_MORE");
        assertThat(created.status()).isEqualTo(AssessmentStatus.DRAFT);

        Document overview = Html.of(mvc.perform(get("/assessments/" + id)));
        assertThat(overview.select(".facts li").eachText()).containsExactly("Widen reach", "Sell more");
        assertThat(overview.text()).contains("0 of 11 rated", "Draft");
    }

    @Test
    void badDetailsAreRefusedWithMessagesAndTheTypedValuesKept() throws Exception {
        OrganisationView organisation = fixtures.organisation();

        Document page = Html.of(mvc.perform(postForm("/organisations/" + organisation.id() + "/assessments")
                        .param("title", "").param("assessedOn", "2026-02-30").param("assessor", "Pat")
                        .param("focusOutcomes", "SELL_MORE"))
                .andExpect(status().isBadRequest()));
        assertThat(page.selectFirst("#title-error").text()).isEqualTo("Enter a title for the assessment.");
        assertThat(page.selectFirst("#assessor").val()).isEqualTo("Pat");
        assertThat(page.selectFirst("#focus-SELL_MORE").hasAttr("checked")).isTrue();

        Document badDate = Html.of(mvc.perform(postForm("/organisations/" + organisation.id() + "/assessments")
                        .param("title", "Review").param("assessedOn", "2026-02-30"))
                .andExpect(status().isBadRequest()));
        assertThat(badDate.selectFirst("#assessedOn-error").text()).startsWith("Enter the date assessed as YYYY-MM-DD");
        assertThat(badDate.selectFirst("#assessedOn").val()).isEqualTo("2026-02-30");

        Document badOutcome = Html.of(mvc.perform(postForm("/organisations/" + organisation.id() + "/assessments")
                        .param("title", "Review").param("focusOutcomes", "WORLD_PEACE"))
                .andExpect(status().isBadRequest()));
        assertThat(badOutcome.selectFirst(".error-summary").text()).contains("Unknown business outcome WORLD_PEACE");
        assertThat(assessments.summariesOf(organisation.id())).isEmpty();

        mvc.perform(postForm("/organisations/999999/assessments").param("title", "x")).andExpect(status().isNotFound());
    }

    @Test
    void completingWithUnratedDimensionsIsRefusedAndNamesThem() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        fixtures.rate(assessment.id(), "EXTENT", 1, 2, "CHANNEL_REACH", 2, 3, "ACCURACY_AND_LEARNABILITY", 1, 3,
                "SCOPE", 2, 2, "STRATEGY", 1, 3, "TECHNOLOGY", 3, 4, "MEASUREMENT", 1, 2, "SECURITY_AND_PRIVACY", 3, 4,
                "FINANCIAL_EFFECTIVENESS", 2, 3);

        Document page = Html.of(mvc.perform(postForm("/assessments/" + assessment.id() + "/complete"))
                .andExpect(status().isConflict()));

        assertThat(page.selectFirst(".error-summary h2").text()).isEqualTo("2 dimensions are not rated yet");
        assertThat(page.select(".error-summary li a").eachText()).containsExactly("Expertise", "Culture");
        assertThat(page.selectFirst(".error-summary li a").attr("href"))
                .isEqualTo("/assessments/" + assessment.id() + "/steps/EXPERTISE");
        assertThat(assessments.get(assessment.id()).completed()).isFalse();
    }

    @Test
    void aCompletedAssessmentIsReadOnlyUntilReopenedAndTheReopeningIsRecorded() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        fixtures.rateAll(assessment.id(), 2, 3);

        mvc.perform(postForm("/assessments/" + assessment.id() + "/complete"))
                .andExpect(redirectedUrl("/assessments/" + assessment.id()));
        assertThat(assessments.get(assessment.id()).completed()).isTrue();

        Document overview = Html.of(mvc.perform(get("/assessments/" + assessment.id())));
        assertThat(overview.selectFirst("h1 .status").text()).isEqualTo("Completed");
        assertThat(overview.select("form[action$=/complete]")).isEmpty();

        Document step = Html.of(mvc.perform(get("/assessments/" + assessment.id() + "/steps/EXTENT")));
        assertThat(step.selectFirst("fieldset#levels").hasAttr("disabled")).isTrue();
        assertThat(step.select("button[name=action]")).isEmpty();

        Document refused = Html.of(mvc.perform(save(assessment, "EXTENT", "4", "5", "late change", "1", "next"))
                .andExpect(status().isConflict()));
        assertThat(refused.selectFirst(".error-summary").text()).contains("completed and read-only");
        assertThat(assessments.get(assessment.id()).rating("EXTENT").current()).isEqualTo(2);

        // Reopening is recorded with the signed-in user; only an over-long reason is refused.
        Document tooLong = Html.of(mvc.perform(postForm("/assessments/" + assessment.id() + "/reopen")
                        .param("reason", "r".repeat(1001)))
                .andExpect(status().isBadRequest()));
        assertThat(tooLong.selectFirst("#reopen-heading").parent().text()).contains("at most 1,000 characters");
        assertThat(tooLong.selectFirst("#reason").val()).hasSize(1001);
        assertThat(assessments.get(assessment.id()).completed()).isTrue();

        mvc.perform(postForm("/assessments/" + assessment.id() + "/reopen").param("reason", "Culture was mis-rated"))
                .andExpect(redirectedUrl("/assessments/" + assessment.id()));
        AssessmentView reopened = assessments.get(assessment.id());
        assertThat(reopened.completed()).isFalse();
        assertThat(reopened.reopenings()).singleElement().satisfies(r -> {
            assertThat(r.reopenedBy()).isEqualTo("consultant");
            assertThat(r.reason()).isEqualTo("Culture was mis-rated");
            assertThat(r.reopenedAt()).isNotNull();
        });
        assertThat(Html.of(mvc.perform(get("/assessments/" + assessment.id()))).text())
                .contains("consultant: Culture was mis-rated");

        mvc.perform(save(assessment, "EXTENT", "4", "5", "late change", "1", "next")).andExpect(status().is3xxRedirection());
        assertThat(assessments.get(assessment.id()).rating("EXTENT").current()).isEqualTo(4);
    }

    @Test
    void organisationPageListsItsAssessmentsNewestFirst() throws Exception {
        OrganisationView organisation = fixtures.organisation();
        AssessmentView older = fixtures.assessment(organisation.id(), "2025-11-10");
        AssessmentView newer = fixtures.assessment(organisation.id(), "2026-05-12");

        Document page = Html.of(mvc.perform(get("/organisations/" + organisation.id())));

        assertThat(page.select("table.timeline tbody th a").eachText()).containsExactly(newer.title(), older.title());
    }
}
