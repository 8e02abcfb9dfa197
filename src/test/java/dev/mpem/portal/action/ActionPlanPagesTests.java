package dev.mpem.portal.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;
import static dev.mpem.portal.support.Requests.postForm;
import static dev.mpem.portal.support.Requests.signedInAs;

/** The plan as a consultant works it through the pages, and as an executive reads it. */
@PortalTest
class ActionPlanPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ActionService actions;

    UserView consultant;
    AssessmentView assessment;

    @BeforeEach
    void setUp() {
        consultant = fixtures.user(Role.CONSULTANT);
        assessment = fixtures.assessment("SELL_MORE");
        fixtures.rateAll(assessment.id(), 3, 3);
        assessments.saveRating(assessment.id(), "EXTENT", RatingCommand.of(2, 4, null, 1L, "test"));
        fixtures.complete(assessment.id());
    }

    String plan() {
        return "/assessments/" + assessment.id() + "/actions";
    }

    @Test
    void suggestionsBecomeAPlanInAFewClicks() throws Exception {
        Document page = Html.of(mvc.perform(get(plan()).with(signedInAs(consultant))).andExpect(status().isOk()));
        assertThat(page.select(".suggestion .suggestion-title").eachText()).containsExactly(
                "Reach 3 Intermediate: Rules-based personalization; some (mostly static) segmentation",
                "Reach 4 Mature: Personas & dynamic segmentation, insights driven /predictive");
        assertThat(page.selectFirst("#plan").text()).contains("No actions yet.");

        mvc.perform(postForm("/assessments/" + assessment.id() + "/suggestions/accept").with(signedInAs(consultant))
                .param("dimension", "EXTENT").param("level", "3")).andExpect(status().is3xxRedirection());
        mvc.perform(postForm("/assessments/" + assessment.id() + "/suggestions/dismiss").with(signedInAs(consultant))
                .param("dimension", "EXTENT").param("level", "4")).andExpect(status().is3xxRedirection());

        page = Html.of(mvc.perform(get(plan()).with(signedInAs(consultant))));
        assertThat(page.select(".suggestion")).isEmpty();
        assertThat(page.select("#suggestions a").eachText()).contains("Show the dismissed suggestion");
        assertThat(page.select("#plan-EXTENT .action-title").eachText())
                .containsExactly("Reach 3 Intermediate: Rules-based personalization; some (mostly static) segmentation");
        assertThat(page.select(".plan-counts li").eachText()).containsExactly("1 Planned", "0 In progress", "0 Done",
                "0 Dropped", "0 Overdue");

        // An accepted suggestion: the quick control moves it on.
        ActionView item = actions.planOf(assessment.id()).get(0);
        mvc.perform(postForm("/actions/" + item.id() + "/status").with(signedInAs(consultant))
                .param("status", "IN_PROGRESS").param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(actions.get(item.id()).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        // ... but not from a version someone else already moved on.
        String flash = mvc.perform(postForm("/actions/" + item.id() + "/status").with(signedInAs(consultant))
                        .param("status", "DROPPED").param("version", "1"))
                .andReturn().getFlashMap().get("flash").toString();
        assertThat(flash).contains("was changed by someone else", "In progress");
        assertThat(actions.get(item.id()).status()).isEqualTo(ActionStatus.IN_PROGRESS);
    }

    @Test
    void aFormWithBadInputComesBackWithWhatWasTypedAndSavesNothing() throws Exception {
        String typedTitle = "y".repeat(230);
        Document page = Html.of(mvc.perform(postForm(plan()).with(signedInAs(consultant))
                        .param("dimension", "EXTENT").param("title", typedTitle).param("description", "Keep\nthis")
                        .param("owner", "Head of CRM").param("ownerAccount", "no-such-user").param("dueOn", "2026-02-30")
                        .param("status", "PLANNED").param("targetLevel", "3"))
                .andExpect(status().isBadRequest()));

        assertThat(page.select(".error-summary li").eachText()).containsExactlyInAnyOrder(
                "The action can be at most 200 characters long; shorten it and put the detail in the description.",
                "There is no portal account “no-such-user”. Check the username, or leave the field empty and name the owner above.",
                "“2026-02-30” is not a date. Enter it as year-month-day, e.g. 2026-12-31.");
        assertThat(page.selectFirst("#title").val()).isEqualTo(typedTitle);
        assertThat(page.selectFirst("#description").val()).isEqualTo("Keep\nthis");
        assertThat(page.selectFirst("#owner").val()).isEqualTo("Head of CRM");
        assertThat(page.selectFirst("#ownerAccount").val()).isEqualTo("no-such-user");
        assertThat(page.selectFirst("#dueOn").val()).isEqualTo("2026-02-30");
        assertThat(page.selectFirst("#dimension option[selected]").val()).isEqualTo("EXTENT");
        assertThat(page.selectFirst("#targetLevel option[selected]").val()).isEqualTo("3");
        assertThat(actions.planOf(assessment.id())).isEmpty();

        // A level that does not bind is said in words, and the rest stays as typed.
        page = Html.of(mvc.perform(postForm(plan()).with(signedInAs(consultant))
                        .param("dimension", "EXTENT").param("title", "Kept").param("targetLevel", "high"))
                .andExpect(status().isBadRequest()));
        assertThat(page.select(".field-error").eachText()).hasSize(1);
        assertThat(page.selectFirst("#title").val()).isEqualTo("Kept");
        assertThat(actions.planOf(assessment.id())).isEmpty();
    }

    @Test
    void aPastDueDateIsAllowedAndShownAsOverdueWhileOpen() throws Exception {
        mvc.perform(postForm(plan()).with(signedInAs(consultant)).param("dimension", "SCOPE")
                        .param("title", "Map the journeys").param("owner", "CX team").param("dueOn", "2021-03-01")
                        .param("status", "IN_PROGRESS").param("targetLevel", ""))
                .andExpect(status().is3xxRedirection());
        Document page = Html.of(mvc.perform(get(plan()).with(signedInAs(consultant))));
        assertThat(page.select("#plan-SCOPE tbody tr").first().text()).contains("Map the journeys", "CX team",
                "2021-03-01", "Overdue", "In progress");
        assertThat(page.select(".plan-counts li.overdue").text()).isEqualTo("1 Overdue");
    }

    @Test
    void aStaleEditIsRefusedWithWhatIsStoredAndTheTypedChangesKept() throws Exception {
        ActionView item = actions.create(assessment.id(), new ActionForm("CULTURE", "Name a champion", null, "CMO",
                null, LocalDate.now().plusDays(20).toString(), "PLANNED", 2, null));
        actions.update(item.id(), new ActionForm("CULTURE", "Name a champion", null, "CEO", null,
                LocalDate.now().plusDays(20).toString(), "IN_PROGRESS", 2, 1L));

        Document page = Html.of(mvc.perform(postForm("/actions/" + item.id()).with(signedInAs(consultant))
                        .param("dimension", "CULTURE").param("title", "Name two champions").param("owner", "CMO")
                        .param("status", "PLANNED").param("targetLevel", "2").param("version", "1"))
                .andExpect(status().isConflict()));
        assertThat(page.selectFirst(".flash.warning").text()).contains("Someone else changed this action", "CEO",
                "In progress");
        assertThat(page.selectFirst("#title").val()).isEqualTo("Name two champions");
        assertThat(page.selectFirst("input[name=version]").val()).isEqualTo("2");
        assertThat(actions.get(item.id()).title()).isEqualTo("Name a champion");

        mvc.perform(postForm("/actions/" + item.id()).with(signedInAs(consultant))
                        .param("dimension", "CULTURE").param("title", "Name two champions").param("owner", "CMO")
                        .param("status", "PLANNED").param("targetLevel", "2").param("version", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(actions.get(item.id()).title()).isEqualTo("Name two champions");

        // Deleting asks first.
        Document confirm = Html.of(mvc.perform(get("/actions/" + item.id() + "/delete").with(signedInAs(consultant)))
                .andExpect(status().isOk()));
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Delete the action?");
        assertThat(confirm.selectFirst(".danger-zone").text()).contains("“Name two champions” will be removed");
        assertThat(actions.planOf(assessment.id())).hasSize(1);
        mvc.perform(postForm("/actions/" + item.id() + "/delete").with(signedInAs(consultant)))
                .andExpect(status().is3xxRedirection());
        assertThat(actions.planOf(assessment.id())).isEmpty();
    }

    @Test
    void executivesReadThePlanWithoutAnyControl() throws Exception {
        actions.create(assessment.id(), new ActionForm("EXTENT", "Pilot", null, "CRM lead", null, null, "PLANNED", 3, null));
        UserView executive = fixtures.user(Role.EXECUTIVE, assessment.organisationId());

        Document page = Html.of(mvc.perform(get(plan()).with(signedInAs(executive))).andExpect(status().isOk()));
        assertThat(page.select("#plan-EXTENT .action-title").eachText()).containsExactly("Pilot");
        assertThat(page.select("form")).allSatisfy(form -> assertThat(form.attr("action")).endsWith("/logout"));
        assertThat(page.select("#suggestions")).isEmpty();
        mvc.perform(get("/assessments/" + assessment.id() + "/actions/new").with(signedInAs(executive)))
                .andExpect(status().isForbidden());
        mvc.perform(postForm(plan()).with(signedInAs(executive)).param("dimension", "EXTENT").param("title", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePlanGoesToWorkTrackersAndCalendars() throws Exception {
        actions.create(assessment.id(), new ActionForm("EXTENT", "Pilot, \"rules\" first", "Line 1\nLine 2", "CRM lead",
                null, "2027-01-15", "IN_PROGRESS", 3, null));
        actions.create(assessment.id(), new ActionForm("CULTURE", "Done already", null, null, null, "2026-01-15", "DONE",
                null, null));
        actions.create(assessment.id(), new ActionForm("SCOPE", "No date yet", null, null, null, null, "PLANNED", null, null));

        var csv = mvc.perform(get(plan() + ".csv").with(signedInAs(consultant))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8")).andReturn().getResponse();
        List<String> lines = csv.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Summary,Description,Assignee,Due date,Status,Labels,Owner,Dimension,"
                + "Target level,Overdue,Id");
        assertThat(lines.get(1)).startsWith("\"Pilot, \"\"rules\"\" first\",\"Line 1");
        assertThat(lines.get(2)).isEqualTo("Line 2\",,2027-01-15,In progress,EXTENT,CRM lead,Extent,3,no,"
                + actions.planOf(assessment.id()).get(0).id());
        assertThat(lines.get(3)).startsWith("Done already,,,2026-01-15,Done,CULTURE,,Culture,,no,");

        String ics = mvc.perform(get(plan() + ".ics").with(signedInAs(consultant))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
        assertThat(ics).contains("DTSTART;VALUE=DATE:20270115", "SUMMARY:Due: Pilot\\, \"rules\" first");
    }

    @Test
    void theCommentaryPageKeepsWhatWasTypedWhenItIsTooLong() throws Exception {
        String tooLong = "word ".repeat(900);
        Document page = Html.of(mvc.perform(postForm("/assessments/" + assessment.id() + "/commentary")
                        .with(signedInAs(consultant)).param("commentary", tooLong))
                .andExpect(status().isBadRequest()));
        assertThat(page.selectFirst(".field-error").text()).contains("at most 4,000 characters", "it has 4,499");
        assertThat(page.selectFirst("#commentary").val().strip()).isEqualTo(tooLong.strip());

        mvc.perform(postForm("/assessments/" + assessment.id() + "/commentary").with(signedInAs(consultant))
                .param("commentary", "The board should sponsor Strategy.\n\nCulture follows."))
                .andExpect(status().is3xxRedirection());
        Document summary = Html.of(mvc.perform(get("/assessments/" + assessment.id() + "/summary").with(signedInAs(consultant))));
        assertThat(summary.selectFirst(".commentary-text").wholeText()).isEqualTo("The board should sponsor Strategy.\n\nCulture follows.");
    }
}
