package dev.mpem.portal.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static dev.mpem.portal.support.Requests.postForm;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class WalkPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Test
    void stepShowsTheDimensionItsFiveDescriptorsAsChoicesAndWhereItIsInTheWalk() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        Document page = Html.of(mvc.perform(get(step(assessment, "SCOPE"))).andExpect(status().isOk()));

        assertThat(page.selectFirst(".step-count").text()).isEqualTo("Step 4 of 11 · Functional effectiveness");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Scope");
        assertThat(page.selectFirst(".what-included").text())
                .contains("Scope of personalization in terms of support for varied use cases or target audience.");
        assertThat(page.select(".level-card h2").eachText())
                .containsExactly("1 Basic", "2 Foundational", "3 Intermediate", "4 Mature", "5 Leader");
        assertThat(page.select(".level-card p").eachText()).containsExactly(
                "Scope limited to personalization of text messages.", "Can personalize content recommendations.",
                "Personalized offers and product recommendations. Also, some level of shopping experience personalization",
                "Product as well as service personalization.",
                "Covers the overall experience and engagement optimization. All messaging contextual in nature.");
        assertThat(page.select("input[name=current]")).extracting(e -> e.val()).containsExactly("1", "2", "3", "4", "5");
        assertThat(page.select("input[name=target]")).hasSize(5);
        assertThat(page.selectFirst("input[name=current][value=3]").attr("aria-describedby")).isEqualTo("descriptor-3");
        assertThat(page.select("fieldset#levels .choice-key li").eachText()).containsExactly(
                "Current level — where the organisation is today", "Target level — where it wants to be");
        // Each card carries both of its choices.
        assertThat(page.select(".level-card.level-3 label.choice").eachText())
                .containsExactly("Current: 3 Intermediate", "Target: 3 Intermediate");
        assertThat(page.select(".level-card.level-3 input[name=current][value=3]")).hasSize(1);
        assertThat(page.select(".level-card.level-3 input[name=target][value=3]")).hasSize(1);
        assertThat(page.select(".step-list li")).hasSize(11);
        assertThat(page.selectFirst(".step-list a[aria-current=step]").text()).contains("Scope");
        assertThat(page.select(".step-group").eachText()).containsExactly("Functional", "Organizational", "People");
        assertThat(page.select("button[name=action]")).extracting(Element::val).containsExactly("next", "back", "stay");
        assertThat(page.selectFirst("textarea#notes").attr("maxlength")).isEqualTo("4000");
    }

    @Test
    void saveAndNextStoresTheRatingAndMovesOnAndTheStepListShowsItRated() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        mvc.perform(save(assessment, "EXTENT", "2", "4", "Mostly e-mail greetings", null, "next"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(step(assessment, "CHANNEL_REACH")));

        RatingView stored = assessments.get(assessment.id()).rating("EXTENT");
        assertThat(stored.current()).isEqualTo(2);
        assertThat(stored.target()).isEqualTo(4);
        assertThat(stored.notes()).isEqualTo("Mostly e-mail greetings");
        assertThat(stored.version()).isEqualTo(1L);

        Document page = Html.of(mvc.perform(get(step(assessment, "EXTENT"))));
        assertThat(page.selectFirst("input[name=current][value=2]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("input[name=target][value=4]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("textarea#notes").val()).isEqualTo("Mostly e-mail greetings");
        assertThat(page.selectFirst("input[name=version]").val()).isEqualTo("1");
        assertThat(page.selectFirst(".step-list li.rated").text()).contains("Extent");
        assertThat(page.selectFirst(".step-list-progress").text()).isEqualTo("1 of 11 rated");
    }

    @Test
    void backSavesAndGoesToThePreviousStepAndTheLastStepFinishesAtTheOverview() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        mvc.perform(save(assessment, "SCOPE", "1", "2", null, null, "back"))
                .andExpect(redirectedUrl(step(assessment, "ACCURACY_AND_LEARNABILITY")));
        mvc.perform(save(assessment, "CULTURE", "3", "3", null, null, "next"))
                .andExpect(redirectedUrl("/assessments/" + assessment.id()));
        mvc.perform(save(assessment, "TECHNOLOGY", "2", "3", null, null, "stay"))
                .andExpect(redirectedUrl(step(assessment, "TECHNOLOGY")));
        assertThat(assessments.get(assessment.id()).ratedCount()).isEqualTo(3);
    }

    @Test
    void notesAreKeptEvenBeforeTheRoomAgreesOnLevels() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        mvc.perform(save(assessment, "STRATEGY", null, null, "CEO wants a roadmap by Q3", null, "next"))
                .andExpect(redirectedUrl(step(assessment, "TECHNOLOGY")));

        RatingView stored = assessments.get(assessment.id()).rating("STRATEGY");
        assertThat(stored.notes()).isEqualTo("CEO wants a roadmap by Q3");
        assertThat(stored.rated()).isFalse();
        mvc.perform(get("/assessments/" + assessment.id() + "/walk"))
                .andExpect(redirectedUrl(step(assessment, "EXTENT")));
    }

    @Test
    void resumingGoesToTheFirstUnratedStep() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        fixtures.rate(assessment.id(), "EXTENT", 1, 2, "CHANNEL_REACH", 2, 3, "SCOPE", 1, 1);

        mvc.perform(get("/assessments/" + assessment.id() + "/walk"))
                .andExpect(redirectedUrl(step(assessment, "ACCURACY_AND_LEARNABILITY")));
    }

    @Test
    void targetBelowCurrentIsRefusedWithAnExplanationAndTheEntryKept() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        Document page = Html.of(mvc.perform(save(assessment, "MEASUREMENT", "4", "2", "Dashboards per team", null, "next"))
                .andExpect(status().isBadRequest()));

        assertThat(page.selectFirst("#target-error").text()).isEqualTo("The target level (2 Foundational) is below"
                + " the current level (4 Mature). The target is where the organisation wants to get to from where it"
                + " is today, so it cannot be lower: choose 4 Mature or higher, or correct the current level.");
        assertThat(page.selectFirst(".error-summary").text()).contains("below the current level");
        assertThat(page.selectFirst("input[name=current][value=4]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("input[name=target][value=2]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("textarea#notes").val()).isEqualTo("Dashboards per team");
        assertThat(assessments.get(assessment.id()).rating("MEASUREMENT").version()).isNull();
    }

    @Test
    void levelsThatAreNotLevelsAreRefusedAndNothingIsSaved() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        Document notANumber = Html.of(mvc.perform(save(assessment, "CULTURE", "abc", "3", "kept", null, "next"))
                .andExpect(status().isBadRequest()));
        assertThat(notANumber.selectFirst("#current-error").text())
                .isEqualTo("Choose a level from 1 (Basic) to 5 (Leader); “abc” is not a level.");
        assertThat(notANumber.selectFirst("textarea#notes").val()).isEqualTo("kept");

        Document outOfRange = Html.of(mvc.perform(save(assessment, "CULTURE", "2", "6", null, null, "next"))
                .andExpect(status().isBadRequest()));
        assertThat(outOfRange.selectFirst("#target-error").text()).contains("from 1 (Basic) to 5 (Leader); 6 is not");

        Document oneMissing = Html.of(mvc.perform(save(assessment, "CULTURE", "2", null, null, null, "next"))
                .andExpect(status().isBadRequest()));
        assertThat(oneMissing.selectFirst("#target-error").text()).startsWith("Choose the target level too");

        assertThat(assessments.get(assessment.id()).rating("CULTURE").version()).isNull();
    }

    @Test
    void overLongNotesAreRefusedButKeptOnThePage() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        String notes = "x".repeat(4001);

        Document page = Html.of(mvc.perform(save(assessment, "EXPERTISE", "2", "3", notes, null, "next"))
                .andExpect(status().isBadRequest()));

        assertThat(page.selectFirst("#notes-error").text())
                .isEqualTo("Notes can be at most 4,000 characters; these are 4,001. Shorten them and save again.");
        assertThat(page.selectFirst("textarea#notes").val()).isEqualTo(notes);
        assertThat(assessments.get(assessment.id()).rating("EXPERTISE").version()).isNull();
    }

    @Test
    void windowsLineBreaksCountOnceAgainstTheNotesLimit() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        String notes = ("a".repeat(99) + "\r\n").repeat(40);

        mvc.perform(save(assessment, "EXPERTISE", "2", "3", notes, null, "next")).andExpect(status().is3xxRedirection());

        assertThat(assessments.get(assessment.id()).rating("EXPERTISE").notes()).hasSize(3999);
    }

    @Test
    void aStaleSaveIsRefusedShowsTheStoredValueAndKeepsTheEntry() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        mvc.perform(save(assessment, "TECHNOLOGY", "2", "3", "first tab", null, "stay"));
        // A second tab opened the step at version 1; the first tab saves again (version 2).
        mvc.perform(save(assessment, "TECHNOLOGY", "3", "4", "first tab, later", "1", "stay"))
                .andExpect(status().is3xxRedirection());

        Document page = Html.of(mvc.perform(save(assessment, "TECHNOLOGY", "1", "5", "second tab", "1", "next"))
                .andExpect(status().isConflict()));

        assertThat(page.selectFirst("#stale").text()).contains("Someone else saved this dimension")
                .contains("Stored now: current 3 Intermediate, target 4 Mature").contains("first tab, later");
        assertThat(page.selectFirst("input[name=current][value=1]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("input[name=target][value=5]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("textarea#notes").val()).isEqualTo("second tab");
        assertThat(page.selectFirst("input[name=version]").val()).isEqualTo("2");
        RatingView stored = assessments.get(assessment.id()).rating("TECHNOLOGY");
        assertThat(stored.current()).isEqualTo(3);
        assertThat(stored.notes()).isEqualTo("first tab, later");

        // Having seen what is stored, the second tab saves deliberately: it now names version 2.
        mvc.perform(save(assessment, "TECHNOLOGY", "1", "5", "second tab", "2", "next"))
                .andExpect(status().is3xxRedirection());
        assertThat(assessments.get(assessment.id()).rating("TECHNOLOGY").current()).isEqualTo(1);
    }

    @Test
    void savesOfDifferentDimensionsFromOldPagesDoNotConflict() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        mvc.perform(save(assessment, "EXTENT", "1", "2", null, null, "next")).andExpect(status().is3xxRedirection());
        mvc.perform(save(assessment, "SCOPE", "2", "3", null, null, "next")).andExpect(status().is3xxRedirection());

        assertThat(assessments.get(assessment.id()).ratedCount()).isEqualTo(2);
    }

    @Test
    void unknownDimensionOrAssessmentGetsThe404Page() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        Document page = Html.of(mvc.perform(get(step(assessment, "NOT_A_DIMENSION"))).andExpect(status().isNotFound()));
        assertThat(page.text()).contains("The model has no dimension “NOT_A_DIMENSION”.");
        mvc.perform(save(assessment, "NOT_A_DIMENSION", "1", "2", null, null, "next")).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/987654/steps/EXTENT")).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/987654/walk")).andExpect(status().isNotFound());
    }

    @Test
    void hostileNotesAreShownAsText() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        mvc.perform(save(assessment, "EXTENT", "1", "2", "<script>alert(1)</script>", null, "stay"));

        String html = mvc.perform(get(step(assessment, "EXTENT"))).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String overview = mvc.perform(get("/assessments/" + assessment.id())).andReturn().getResponse().getContentAsString();
        assertThat(overview).doesNotContain("<script>alert(1)</script>");
    }

    private static String step(AssessmentView assessment, String code) {
        return "/assessments/" + assessment.id() + "/steps/" + code;
    }

    static MockHttpServletRequestBuilder save(AssessmentView assessment, String code, String current, String target,
            String notes, String version, String action) {
        MockHttpServletRequestBuilder request = postForm(step(assessment, code)).param("action", action);
        if (current != null) {
            request.param("current", current);
        }
        if (target != null) {
            request.param("target", target);
        }
        if (notes != null) {
            request.param("notes", notes);
        }
        if (version != null) {
            request.param("version", version);
        }
        return request;
    }
}
