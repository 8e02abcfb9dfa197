package dev.mpem.portal.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;
import static dev.mpem.portal.support.Requests.signedInAs;

/** The action plan's JSON contract: create, read, change with a version, delete, refuse bad input. */
@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class ActionPlanApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    AssessmentView completed() {
        AssessmentView assessment = fixtures.assessment("SELL_MORE");
        fixtures.rateAll(assessment.id(), 2, 3);
        assessments.saveRating(assessment.id(), "EXTENT", RatingCommand.of(2, 4, null, 1L, "test"));
        return fixtures.complete(assessment.id());
    }

    static String body(String dimension, String title, String dueOn, String status, Object targetLevel, Long version) {
        return "{\"dimension\":\"" + dimension + "\",\"title\":\"" + title + "\",\"description\":\"Line one\\nLine two\","
                + "\"owner\":\"Head of CRM\",\"ownerAccount\":null,\"dueOn\":" + (dueOn == null ? "null" : "\"" + dueOn + "\"")
                + ",\"status\":\"" + status + "\",\"targetLevel\":" + targetLevel
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    long create(AssessmentView assessment, String dimension, String title, String dueOn, String status) throws Exception {
        String json = mvc.perform(post("/api/assessments/" + assessment.id() + "/actions").contentType(MediaType.APPLICATION_JSON)
                        .content(body(dimension, title, dueOn, status, 3, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void anItemIsCreatedReadChangedWithItsVersionAndDeleted() throws Exception {
        AssessmentView assessment = completed();
        String location = mvc.perform(post("/api/assessments/" + assessment.id() + "/actions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("EXTENT", "Pilot rules-based segmentation", "2020-01-31", "PLANNED", 3, null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.assessmentId", is((int) assessment.id())))
                .andExpect(jsonPath("$.dimension", is("EXTENT")))
                .andExpect(jsonPath("$.title", is("Pilot rules-based segmentation")))
                .andExpect(jsonPath("$.description", is("Line one\nLine two")))
                .andExpect(jsonPath("$.owner", is("Head of CRM")))
                .andExpect(jsonPath("$.ownerAccount", nullValue()))
                .andExpect(jsonPath("$.dueOn", is("2020-01-31")))
                .andExpect(jsonPath("$.status", is("PLANNED")))
                .andExpect(jsonPath("$.targetLevel", is(3)))
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.overdue", is(true)))
                .andExpect(jsonPath("$.carriedFrom", nullValue()))
                .andExpect(jsonPath("$.carriedTo", nullValue()))
                .andExpect(jsonPath("$.createdBy", is("consultant")))
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).matches(".*/api/actions/\\d+");
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(get("/api/assessments/" + assessment.id() + "/actions")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id", is(Integer.parseInt(id))));
        mvc.perform(get("/api/actions/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.title",
                is("Pilot rules-based segmentation")));

        // Done: no longer overdue although its date has passed.
        mvc.perform(put("/api/actions/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content(body("EXTENT", "Pilot rules-based segmentation", "2020-01-31", "DONE", 3, 1L)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("DONE")))
                .andExpect(jsonPath("$.version", is(2))).andExpect(jsonPath("$.overdue", is(false)));

        // A save from the old version is refused with what is stored now.
        mvc.perform(put("/api/actions/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content(body("EXTENT", "Someone else's title", "2020-01-31", "PLANNED", 3, 1L)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("STALE_ACTION")))
                .andExpect(jsonPath("$.stored.status", is("DONE")))
                .andExpect(jsonPath("$.stored.version", is(2)));

        mvc.perform(delete("/api/actions/" + id)).andExpect(status().isNoContent());
        mvc.perform(get("/api/actions/" + id)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", is("NOT_FOUND")));
        mvc.perform(get("/api/assessments/" + assessment.id() + "/actions")).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        AssessmentView assessment = completed();
        String tooLong = "x".repeat(201);
        mvc.perform(post("/api/assessments/" + assessment.id() + "/actions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dimension\":\"NOT_A_DIMENSION\",\"title\":\"" + tooLong + "\",\"dueOn\":\"31/12/2026\","
                                + "\"status\":\"FINISHED\",\"targetLevel\":7,\"ownerAccount\":\"nobody-here\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", is("VALIDATION_FAILED")))
                .andExpect(jsonPath("$.errors[?(@.field=='dimension')].message").value(
                        org.hamcrest.Matchers.contains(containsString("“NOT_A_DIMENSION” is not a dimension"))))
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value(
                        org.hamcrest.Matchers.contains(containsString("at most 200 characters"))))
                .andExpect(jsonPath("$.errors[?(@.field=='dueOn')].message").value(
                        org.hamcrest.Matchers.contains(containsString("“31/12/2026” is not a date"))))
                .andExpect(jsonPath("$.errors[?(@.field=='status')].message").value(
                        org.hamcrest.Matchers.contains(containsString("“FINISHED” is not a status"))))
                .andExpect(jsonPath("$.errors[?(@.field=='targetLevel')].message").value(
                        org.hamcrest.Matchers.contains(containsString("from 1 (Basic) to 5 (Leader)"))))
                .andExpect(jsonPath("$.errors[?(@.field=='ownerAccount')].message").value(
                        org.hamcrest.Matchers.contains(containsString("no portal account “nobody-here”"))));
        mvc.perform(post("/api/assessments/" + assessment.id() + "/actions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dimension\":\"EXTENT\",\"title\":\"Typed level\",\"targetLevel\":\"high\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("targetLevel")));
        mvc.perform(get("/api/assessments/" + assessment.id() + "/actions")).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anOwnerAccountIsStoredByItsUsername() throws Exception {
        AssessmentView assessment = completed();
        UserView owner = fixtures.user(Role.EXECUTIVE, assessment.organisationId());
        mvc.perform(post("/api/assessments/" + assessment.id() + "/actions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dimension\":\"CULTURE\",\"title\":\"Name a personalization champion\","
                                + "\"ownerAccount\":\"" + owner.username().toUpperCase() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerAccount", is(owner.username())))
                .andExpect(jsonPath("$.status", is("PLANNED")))
                .andExpect(jsonPath("$.dueOn", nullValue()))
                .andExpect(jsonPath("$.overdue", is(false)));
    }

    @Test
    void executivesReadThePlanButDoNotChangeIt() throws Exception {
        AssessmentView assessment = completed();
        long id = create(assessment, "EXTENT", "Pilot", LocalDate.now().plusDays(30).toString(), "PLANNED");
        UserView executive = fixtures.user(Role.EXECUTIVE, assessment.organisationId());
        UserView outsider = fixtures.user(Role.EXECUTIVE);

        mvc.perform(get("/api/assessments/" + assessment.id() + "/actions").with(signedInAs(executive)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].title", is("Pilot")));
        mvc.perform(get("/api/actions/" + id).with(signedInAs(executive))).andExpect(status().isOk());
        mvc.perform(put("/api/actions/" + id).with(signedInAs(executive)).contentType(MediaType.APPLICATION_JSON)
                .content(body("EXTENT", "Mine now", null, "DONE", 3, 1L))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/actions/" + id).with(signedInAs(executive))).andExpect(status().isForbidden());
        mvc.perform(post("/api/assessments/" + assessment.id() + "/actions").with(signedInAs(executive))
                .contentType(MediaType.APPLICATION_JSON).content(body("EXTENT", "x", null, "PLANNED", 3, null)))
                .andExpect(status().isForbidden());
        // Another organisation's executive does not even learn that the item exists.
        mvc.perform(get("/api/actions/" + id).with(signedInAs(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/assessments/" + assessment.id() + "/actions").with(signedInAs(outsider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCommentaryIsWrittenReadAndLimited() throws Exception {
        AssessmentView assessment = completed();
        mvc.perform(put("/api/assessments/" + assessment.id() + "/commentary").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commentary\":\"First paragraph.\\n\\nSecond paragraph.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.commentary", is("First paragraph.\n\nSecond paragraph.")));
        mvc.perform(get("/api/assessments/" + assessment.id()))
                .andExpect(jsonPath("$.commentary", is("First paragraph.\n\nSecond paragraph.")));
        mvc.perform(put("/api/assessments/" + assessment.id() + "/commentary").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commentary\":\"" + "y".repeat(4001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("commentary")))
                .andExpect(jsonPath("$.errors[0].message", containsString("at most 4,000 characters")));
        mvc.perform(get("/api/assessments/" + assessment.id()))
                .andExpect(jsonPath("$.commentary", is("First paragraph.\n\nSecond paragraph.")));
    }

    @Test
    void theReportCarriesThePlanAndTheSummaryFigures() throws Exception {
        AssessmentView assessment = completed();
        create(assessment, "EXTENT", "Overdue one", "2020-03-01", "IN_PROGRESS");
        create(assessment, "EXTENT", "Later one", LocalDate.now().plusDays(60).toString(), "PLANNED");
        create(assessment, "CULTURE", "Done one", "2020-03-01", "DONE");

        mvc.perform(get("/api/assessments/" + assessment.id() + "/report"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions", hasSize(3)))
                .andExpect(jsonPath("$.actions[0].title", is("Overdue one")))
                .andExpect(jsonPath("$.actions[0].overdue", is(true)))
                .andExpect(jsonPath("$.summary.previousAssessmentId", nullValue()))
                .andExpect(jsonPath("$.summary.dimensions", hasSize(11)))
                .andExpect(jsonPath("$.summary.dimensions[0].dimension", is("EXTENT")))
                .andExpect(jsonPath("$.summary.dimensions[0].previousCurrent", nullValue()))
                .andExpect(jsonPath("$.summary.dimensions[0].current", is(2)))
                .andExpect(jsonPath("$.summary.dimensions[0].target", is(4)))
                .andExpect(jsonPath("$.summary.dimensions[0].trend", nullValue()))
                .andExpect(jsonPath("$.summary.actionCounts.PLANNED", is(1)))
                .andExpect(jsonPath("$.summary.actionCounts.IN_PROGRESS", is(1)))
                .andExpect(jsonPath("$.summary.actionCounts.DONE", is(1)))
                .andExpect(jsonPath("$.summary.actionCounts.DROPPED", is(0)))
                .andExpect(jsonPath("$.summary.actionCounts.OVERDUE", is(1)));
    }

    @Test
    void unknownAssessmentsAndItemsAreNotFound() throws Exception {
        mvc.perform(get("/api/assessments/987654/actions")).andExpect(status().isNotFound());
        mvc.perform(post("/api/assessments/987654/actions").contentType(MediaType.APPLICATION_JSON)
                .content(body("EXTENT", "x", null, "PLANNED", 3, null))).andExpect(status().isNotFound());
        mvc.perform(put("/api/actions/987654").contentType(MediaType.APPLICATION_JSON)
                .content(body("EXTENT", "x", null, "PLANNED", 3, 1L))).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("json")));
        mvc.perform(delete("/api/actions/987654")).andExpect(status().isNotFound());
    }

}
