package dev.mpem.portal.assessment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

@PortalTest
@WithMockUser(username = "consultant", roles = "CONSULTANT")
class AssessmentApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void createReturns201WithTheAssessmentAndEveryDimensionUnrated() throws Exception {
        OrganisationView organisation = fixtures.organisation();

        mvc.perform(post("/api/organisations/" + organisation.id() + "/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Baseline\",\"assessedOn\":\"2026-05-14\",\"focusOutcomes\":[\"SELL_MORE\",\"WIDEN_REACH\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("http://localhost/api/assessments/\\d+")))
                .andExpect(jsonPath("$.organisationId", is((int) organisation.id())))
                .andExpect(jsonPath("$.title", is("Baseline")))
                .andExpect(jsonPath("$.assessedOn", is("2026-05-14")))
                .andExpect(jsonPath("$.status", is("DRAFT")))
                .andExpect(jsonPath("$.focusOutcomes", contains("WIDEN_REACH", "SELL_MORE")))
                .andExpect(jsonPath("$.ratings", hasSize(11)))
                .andExpect(jsonPath("$.ratings[0].dimension", is("EXTENT")))
                .andExpect(jsonPath("$.ratings[0].current", nullValue()))
                .andExpect(jsonPath("$.ratings[0].target", nullValue()))
                .andExpect(jsonPath("$.ratings[10].dimension", is("CULTURE")));

        mvc.perform(post("/api/organisations/" + organisation.id() + "/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Dated today\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.assessedOn", is(LocalDate.now().toString())));
    }

    @Test
    void badAssessmentDetailsAnswer400OrUnknownOrganisation404() throws Exception {
        OrganisationView organisation = fixtures.organisation();
        String url = "/api/organisations/" + organisation.id() + "/assessments";

        json(post(url), "{\"assessedOn\":\"2026-05-14\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("title")));
        json(post(url), "{\"title\":\"x\",\"assessedOn\":\"14/05/2026\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("assessedOn")));
        json(post(url), "{\"title\":\"x\",\"focusOutcomes\":[\"NOPE\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("focusOutcomes")));
        json(post("/api/organisations/999999/assessments"), "{\"title\":\"x\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", is("NOT_FOUND")));
    }

    @Test
    void ratingsAreVersionedAndAStaleSaveAnswers409WithTheStoredRating() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        String url = "/api/assessments/" + assessment.id() + "/ratings/EXTENT";

        json(put(url), "{\"current\":2,\"target\":4,\"notes\":\"email only\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.dimension", is("EXTENT")))
                .andExpect(jsonPath("$.current", is(2))).andExpect(jsonPath("$.target", is(4)))
                .andExpect(jsonPath("$.notes", is("email only"))).andExpect(jsonPath("$.version", is(1)));
        json(put(url), "{\"current\":3,\"target\":4,\"notes\":\"web too\",\"version\":1}").andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(2)));

        json(put(url), "{\"current\":1,\"target\":5,\"version\":1}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("STALE_RATING")))
                .andExpect(jsonPath("$.field", is("version")))
                .andExpect(jsonPath("$.stored.current", is(3)))
                .andExpect(jsonPath("$.stored.notes", is("web too")))
                .andExpect(jsonPath("$.stored.version", is(2)));
        json(put(url), "{\"current\":1,\"target\":5}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.stored.version", is(2)));

        mvc.perform(get("/api/assessments/" + assessment.id()))
                .andExpect(jsonPath("$.ratings[0].current", is(3)))
                .andExpect(jsonPath("$.ratings[0].version", is(2)));
        json(put("/api/assessments/" + assessment.id() + "/ratings/CULTURE"), "{\"current\":1,\"target\":2,\"version\":null}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(1)));
    }

    @Test
    void badRatingValuesAnswer400NamingTheField() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        String url = "/api/assessments/" + assessment.id() + "/ratings/SCOPE";

        json(put(url), "{\"current\":0,\"target\":3}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("current")));
        json(put(url), "{\"current\":2,\"target\":6}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("target")));
        json(put(url), "{\"current\":\"two\",\"target\":3}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("current")));
        json(put(url), "{\"current\":2.5,\"target\":3}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("current")));
        json(put(url), "{\"current\":4,\"target\":2}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("target")))
                .andExpect(jsonPath("$.message", startsWith("The target level (2 Foundational) is below the current level (4 Mature).")));
        json(put(url), "{\"current\":2}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("target")));
        json(put(url), "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("current")));
        json(put(url), "{\"current\":2,\"target\":3,\"notes\":\"" + "n".repeat(4001) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("notes")));
        json(put("/api/assessments/" + assessment.id() + "/ratings/NOPE"), "{\"current\":2,\"target\":3}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field", is("dimension")));
        json(put("/api/assessments/987654/ratings/SCOPE"), "{\"current\":2,\"target\":3}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error", is("NOT_FOUND")));

        mvc.perform(get("/api/assessments/" + assessment.id())).andExpect(jsonPath("$.ratings[3].version", nullValue()));
    }

    @Test
    void completionIsRefusedWithTheMissingCodesThenMakesTheAssessmentReadOnlyUntilReopened() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        fixtures.rate(assessment.id(), "EXTENT", 2, 3);

        mvc.perform(post("/api/assessments/" + assessment.id() + "/complete")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("INCOMPLETE")))
                .andExpect(jsonPath("$.missing", hasSize(10)))
                .andExpect(jsonPath("$.missing[0]", is("CHANNEL_REACH")));

        fixtures.rateAll(assessment.id(), 2, 3);
        mvc.perform(post("/api/assessments/" + assessment.id() + "/complete")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("COMPLETED")));
        json(put("/api/assessments/" + assessment.id() + "/ratings/EXTENT"), "{\"current\":3,\"target\":4,\"version\":1}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("ASSESSMENT_COMPLETED")));

        json(post("/api/assessments/" + assessment.id() + "/reopen"), "{\"reason\":\"fix\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("DRAFT")))
                .andExpect(jsonPath("$.reopenings[0].reopenedBy", is("consultant")))
                .andExpect(jsonPath("$.reopenings[0].reason", is("fix")));
        json(put("/api/assessments/" + assessment.id() + "/ratings/EXTENT"), "{\"current\":3,\"target\":4,\"version\":1}")
                .andExpect(status().isOk());
    }

    private ResultActions json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
