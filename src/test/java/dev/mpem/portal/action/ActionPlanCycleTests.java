package dev.mpem.portal.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/**
 * The six-monthly cycle: suggestions become a plan, open items carry into the re-assessment as
 * continuations, and the comparison counts what the earlier plan came to (each chain once).
 */
@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class ActionPlanCycleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ActionService actions;

    long create(long assessmentId, String dimension, String title, String dueOn, String status) throws Exception {
        String json = mvc.perform(post("/api/assessments/" + assessmentId + "/actions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dimension\":\"" + dimension + "\",\"title\":\"" + title + "\",\"dueOn\":"
                                + (dueOn == null ? "null" : "\"" + dueOn + "\"") + ",\"status\":\"" + status + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void suggestionsComeFromThePapersDescriptorsOfTheLevelsBetweenCurrentAndTarget() {
        AssessmentView assessment = fixtures.assessment();
        fixtures.rateAll(assessment.id(), 3, 3);
        assessments.saveRating(assessment.id(), "EXTENT", RatingCommand.of(2, 4, null, 1L, "test"));
        assessments.saveRating(assessment.id(), "CULTURE", RatingCommand.of(1, 2, null, 1L, "test"));

        List<Suggestion> suggestions = actions.suggestionsFor(assessment.id());
        assertThat(suggestions).extracting(s -> s.dimension().code() + ":" + s.level().number())
                .containsExactly("EXTENT:3", "EXTENT:4", "CULTURE:2");
        Suggestion first = suggestions.get(0);
        assertThat(first.title()).isEqualTo("Reach 3 Intermediate: Rules-based personalization; some (mostly static) segmentation");
        assertThat(first.description()).isEqualTo(first.dimension().descriptor(3));

        // Accepted: in the plan with the paper's words, aiming at the level; no longer suggested.
        ActionView accepted = actions.accept(assessment.id(), "EXTENT", 3);
        assertThat(accepted.title()).isEqualTo(first.title());
        assertThat(accepted.description()).isEqualTo(first.description());
        assertThat(accepted.targetLevel()).isEqualTo(3);
        assertThat(accepted.status()).isEqualTo(ActionStatus.PLANNED);
        // Dismissed: kept aside, and back on request.
        actions.dismiss(assessment.id(), "CULTURE", 2);
        assertThat(actions.suggestionsFor(assessment.id())).extracting(s -> s.dimension().code() + ":" + s.level().number())
                .containsExactly("EXTENT:4");
        assertThat(actions.dismissedFor(assessment.id())).extracting(s -> s.dimension().code()).containsExactly("CULTURE");
        actions.restore(assessment.id(), "CULTURE", 2);
        assertThat(actions.suggestionsFor(assessment.id())).hasSize(2);
    }

    @Test
    void openItemsCarryIntoTheReassessmentAndTheComparisonCountsWhatWasDone() throws Exception {
        AssessmentView baseline = fixtures.assessment("SELL_MORE");
        fixtures.rateAll(baseline.id(), 2, 3);
        fixtures.complete(baseline.id());
        long done = create(baseline.id(), "EXTENT", "Done before", "2026-01-15", "DONE");
        long open = create(baseline.id(), "EXTENT", "Still going", LocalDate.now().plusDays(90).toString(), "IN_PROGRESS");
        long late = create(baseline.id(), "CULTURE", "Late one", "2020-06-30", "PLANNED");
        create(baseline.id(), "CULTURE", "Given up", null, "DROPPED");

        String next = mvc.perform(post("/api/assessments/" + baseline.id() + "/reassess"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long nextId = ((Number) JsonPath.read(next, "$.id")).longValue();

        // The two open items continue in the new plan; the originals point at their continuations.
        String plan = mvc.perform(get("/api/assessments/" + nextId + "/actions")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].title", is("Still going")))
                .andExpect(jsonPath("$[0].carriedFrom", is((int) open)))
                .andExpect(jsonPath("$[0].status", is("IN_PROGRESS")))
                .andExpect(jsonPath("$[1].title", is("Late one")))
                .andExpect(jsonPath("$[1].carriedFrom", is((int) late)))
                .andExpect(jsonPath("$[1].overdue", is(true)))
                .andReturn().getResponse().getContentAsString();
        long continuedLate = ((Number) JsonPath.read(plan, "$[1].id")).longValue();
        mvc.perform(get("/api/actions/" + late)).andExpect(jsonPath("$.carriedTo", is((int) continuedLate)))
                .andExpect(jsonPath("$.overdue", is(false)));
        mvc.perform(get("/api/actions/" + done)).andExpect(jsonPath("$.carriedTo").value(org.hamcrest.Matchers.nullValue()));
        // The original is read-only now.
        mvc.perform(put("/api/actions/" + late).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dimension\":\"CULTURE\",\"title\":\"Late one\",\"status\":\"DONE\",\"version\":1}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("ACTION_CARRIED")));

        // Six months on: the late one got done in the new cycle.
        mvc.perform(put("/api/actions/" + continuedLate).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dimension\":\"CULTURE\",\"title\":\"Late one\",\"dueOn\":\"2020-06-30\",\"status\":\"DONE\",\"version\":1}"))
                .andExpect(status().isOk());
        for (String code : Fixtures.DIMENSIONS) {
            assessments.saveRating(nextId, code, RatingCommand.of(3, 4, null, 1L, "test"));
        }
        fixtures.complete(nextId);

        // Each item of the earlier plan counts once, where its chain ended: 2 done, 1 open, 1 dropped.
        mvc.perform(get("/api/organisations/" + baseline.organisationId() + "/compare"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions.done", is(2)))
                .andExpect(jsonPath("$.actions.open", is(1)))
                .andExpect(jsonPath("$.actions.overdue", is(0)))
                .andExpect(jsonPath("$.actions.dropped", is(1)))
                .andExpect(jsonPath("$.dimensions[0].dimension", is("EXTENT")))
                .andExpect(jsonPath("$.dimensions[0].targetStatus", is("MET")))
                .andExpect(jsonPath("$.dimensions[0].actions.done", is(1)))
                .andExpect(jsonPath("$.dimensions[0].actions.open", is(1)))
                .andExpect(jsonPath("$.dimensions[10].dimension", is("CULTURE")))
                .andExpect(jsonPath("$.dimensions[10].actions.done", is(1)))
                .andExpect(jsonPath("$.dimensions[10].actions.dropped", is(1)))
                .andExpect(jsonPath("$.dimensions[1].actions.done", is(0)));

        // The new report's summary compares with the baseline.
        mvc.perform(get("/api/assessments/" + nextId + "/report"))
                .andExpect(jsonPath("$.summary.previousAssessmentId", is((int) baseline.id())))
                .andExpect(jsonPath("$.summary.dimensions[0].previousCurrent", is(2)))
                .andExpect(jsonPath("$.summary.dimensions[0].current", is(3)))
                .andExpect(jsonPath("$.summary.dimensions[0].trend", is("UP")))
                .andExpect(jsonPath("$.summary.actionCounts.IN_PROGRESS", is(1)))
                .andExpect(jsonPath("$.summary.actionCounts.DONE", is(1)));
    }

    @Test
    void aChainCarriedTwiceCountsOnceWhereItEnded() throws Exception {
        AssessmentView first = fixtures.assessment();
        fixtures.rateAll(first.id(), 2, 3);
        fixtures.complete(first.id());
        long original = create(first.id(), "STRATEGY", "Write the strategy", null, "PLANNED");
        AssessmentView second = assessments.reassess(first.id(),
                new dev.mpem.portal.assessment.AssessmentForm("Second", "2026-06-01", null, null, List.of()));
        for (String code : Fixtures.DIMENSIONS) {
            assessments.saveRating(second.id(), code, RatingCommand.of(2, 3, null, 1L, "test"));
        }
        fixtures.complete(second.id());
        AssessmentView third = assessments.reassess(second.id(),
                new dev.mpem.portal.assessment.AssessmentForm("Third", "2026-07-01", null, null, List.of()));
        ActionView last = actions.planOf(third.id()).get(0);
        ActionView middle = actions.get(last.carriedFrom());
        assertThat(middle.carriedFrom()).isEqualTo(original);
        assertThat(actions.get(original).carriedTo()).isEqualTo(middle.id());

        // The continuation is finished in the third cycle; it is not deleted (that would cut the chain).
        actions.update(last.id(), new ActionForm("STRATEGY", "Write the strategy", null, null, null, null, "DONE", null, 1L));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/actions/" + last.id()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("ACTION_CONTINUED")));
        for (String code : Fixtures.DIMENSIONS) {
            assessments.saveRating(third.id(), code, RatingCommand.of(3, 3, null, 1L, "test"));
        }
        fixtures.complete(third.id());

        PlanProgress firstToThird = actions.progress(assessments.get(first.id()), assessments.get(third.id()));
        assertThat(firstToThird.total()).isEqualTo(new PlanProgress.Counts(1, 0, 0, 0));
        PlanProgress firstToSecond = actions.progress(assessments.get(first.id()), assessments.get(second.id()));
        assertThat(firstToSecond.total()).as("as far as the second assessment, it was still open")
                .isEqualTo(new PlanProgress.Counts(0, 1, 0, 0));
    }

    @Test
    void aChangeWithoutAStatusKeepsTheStoredOne() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        long id = create(assessment.id(), "SCOPE", "Map the journeys", null, "IN_PROGRESS");
        mvc.perform(put("/api/actions/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dimension\":\"SCOPE\",\"title\":\"Map the customer journeys\",\"version\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("IN_PROGRESS")))
                .andExpect(jsonPath("$.title", is("Map the customer journeys")));
    }

    @Test
    void anItemOpenWhileTheComparisonLooksAtItIsOverdueOnlyPastItsDate() throws Exception {
        AssessmentView baseline = fixtures.assessment();
        fixtures.rateAll(baseline.id(), 2, 3);
        fixtures.complete(baseline.id());
        create(baseline.id(), "SCOPE", "Overdue and not carried", "2020-02-02", "PLANNED");
        AssessmentView later = fixtures.assessment(baseline.organisationId(), "2026-06-01");
        fixtures.rateAll(later.id(), 3, 3);
        fixtures.complete(later.id());

        mvc.perform(get("/api/organisations/" + baseline.organisationId() + "/compare"))
                .andExpect(jsonPath("$.actions.open", is(1)))
                .andExpect(jsonPath("$.actions.overdue", is(1)))
                .andExpect(jsonPath("$.dimensions[3].dimension", is("SCOPE")))
                .andExpect(jsonPath("$.dimensions[3].actions.overdue", is(1)));
    }
}
