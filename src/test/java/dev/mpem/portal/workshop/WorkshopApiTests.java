package dev.mpem.portal.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.Confidence;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.report.Tally;
import dev.mpem.portal.support.PortalTest;

@PortalTest
class WorkshopApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    WorkshopService workshops;

    record Opened(AssessmentView assessment, long id, String code, UserView consultant) {
    }

    Opened open(boolean anonymous) throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView assessment = fixtures.assessment();
        String body = json(post("/api/assessments/" + assessment.id() + "/workshops").with(basic(consultant)),
                "{\"anonymous\":" + anonymous + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id", notNullValue()))
                .andExpect(jsonPath("$.joinCode", hasLength(8)))
                .andReturn().getResponse().getContentAsString();
        return new Opened(assessment, ((Number) JsonPath.read(body, "$.id")).longValue(), JsonPath.read(body, "$.joinCode"),
                consultant);
    }

    ResultActions vote(String code, String participant, String dimension, int current, int target) throws Exception {
        return json(post("/api/workshops/" + code + "/votes"), "{\"participant\":\"" + participant + "\",\"dimension\":\""
                + dimension + "\",\"current\":" + current + ",\"target\":" + target + ",\"reason\":\"because\"}");
    }

    @Test
    void votesRevealAndAgreementFollowTheContract() throws Exception {
        Opened w = open(true);

        String anasKey = JsonPath.read(vote(w.code(), "Ana", "EXTENT", 2, 3).andExpect(status().isOk())
                .andExpect(jsonPath("$.current", is(2))).andExpect(jsonPath("$.participantKey", notNullValue()))
                .andReturn().getResponse().getContentAsString(), "$.participantKey");
        vote(w.code(), "Ben", "EXTENT", 3, 4).andExpect(status().isOk());
        vote(w.code(), "Cy", "EXTENT", 1, 3).andExpect(status().isOk());
        // Someone else naming Ana cannot replace her vote...
        vote(w.code(), "ana", "EXTENT", 5, 5).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("PARTICIPANT_KEY_REQUIRED")));
        // ...Ana herself changes her mind before the reveal with her key: her vote is replaced, not added.
        json(post("/api/workshops/" + w.code() + "/votes"), "{\"participantKey\":\"" + anasKey
                + "\",\"dimension\":\"EXTENT\",\"current\":2,\"target\":4}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.target", is(4)))
                .andExpect(jsonPath("$.participantKey", nullValue()));

        json(post("/api/workshops/" + w.id() + "/dimensions/EXTENT/reveal").with(basic(w.consultant())), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.votes", is(3)))
                .andExpect(jsonPath("$.current.1", is(1)))
                .andExpect(jsonPath("$.current.2", is(1)))
                .andExpect(jsonPath("$.current.3", is(1)))
                .andExpect(jsonPath("$.current.5", is(0)))
                .andExpect(jsonPath("$.target.3", is(1)))
                .andExpect(jsonPath("$.target.4", is(2)))
                .andExpect(jsonPath("$.medianCurrent", is(2)))
                .andExpect(jsonPath("$.medianTarget", is(4)))
                .andExpect(jsonPath("$.spread", is(2)))
                .andExpect(jsonPath("$.confidence", is("MEDIUM")))
                .andExpect(jsonPath("$.named.length()", is(0)));

        vote(w.code(), "Dee", "EXTENT", 5, 5).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("VOTES_REVEALED")));

        json(post("/api/workshops/" + w.id() + "/dimensions/EXTENT/agree").with(basic(w.consultant())),
                "{\"current\":2,\"target\":4,\"reason\":\"Mostly rule-based e-mails\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dimension", is("EXTENT")))
                .andExpect(jsonPath("$.current", is(2)))
                .andExpect(jsonPath("$.target", is(4)))
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.confidence", is("MEDIUM")))
                .andExpect(jsonPath("$.agreement", is("Mostly rule-based e-mails")));
        var rating = assessments.get(w.assessment().id()).rating("EXTENT");
        assertThat(rating.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(rating.rated()).isTrue();

        json(post("/api/workshops/" + w.id() + "/close").with(basic(w.consultant())), "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("CLOSED")));
        vote(w.code(), "Ana", "SCOPE", 2, 3).andExpect(status().isNotFound()).andExpect(jsonPath("$.error", is("NOT_FOUND")));
    }

    @Test
    void participantsJoinThroughTheApiAndOnlyTheirKeyChangesTheirVote() throws Exception {
        Opened w = open(false);

        String joined = json(post("/api/workshops/" + w.code().toLowerCase() + "/participants"), "{\"name\":\"Dana\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.participantId", notNullValue()))
                .andExpect(jsonPath("$.participantKey", notNullValue()))
                .andReturn().getResponse().getContentAsString();
        String key = JsonPath.read(joined, "$.participantKey");
        json(post("/api/workshops/" + w.code() + "/participants"), "{\"name\":\" dana \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("name")));

        String keyed = "{\"participantKey\":\"%s\",\"dimension\":\"EXTENT\",\"current\":%d,\"target\":4}";
        json(post("/api/workshops/" + w.code() + "/votes"), keyed.formatted(key, 2)).andExpect(status().isOk());
        vote(w.code(), "DANA", "EXTENT", 4, 5).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("PARTICIPANT_KEY_REQUIRED")));
        json(post("/api/workshops/" + w.code() + "/votes"), keyed.formatted("not-her-key", 4))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("PARTICIPANT_KEY_INVALID")));
        json(post("/api/workshops/" + w.code() + "/votes"), keyed.formatted(key, 3)).andExpect(status().isOk());

        Tally tally = workshops.reveal(w.id(), "EXTENT");
        assertThat(tally.votes()).isEqualTo(1);
        assertThat(tally.named()).singleElement().satisfies(ballot -> {
            assertThat(ballot.participant()).isEqualTo("Dana");
            assertThat(ballot.current()).isEqualTo(3);
        });
        json(post("/api/workshops/NOSUCHCODE/participants"), "{\"name\":\"Eve\"}").andExpect(status().isNotFound());
    }

    @Test
    void agreeingNeedsTheRevealAndARatingChangedSinceTheRevealIsAConflict() throws Exception {
        Opened w = open(false);
        vote(w.code(), "Ana", "SCOPE", 1, 2);

        json(post("/api/workshops/" + w.id() + "/dimensions/SCOPE/agree").with(basic(w.consultant())),
                "{\"current\":1,\"target\":2,\"reason\":\"r\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("NOT_REVEALED")));
        json(post("/api/workshops/" + w.id() + "/dimensions/SCOPE/reveal").with(basic(w.consultant())), "")
                .andExpect(jsonPath("$.named[0].participant", is("Ana")))
                .andExpect(jsonPath("$.confidence", is("HIGH")));
        // Someone saves the step by hand after the reveal...
        assessments.saveRating(w.assessment().id(), "SCOPE", RatingCommand.of(3, 3, null, null, "other"));

        json(post("/api/workshops/" + w.id() + "/dimensions/SCOPE/agree").with(basic(w.consultant())),
                "{\"current\":1,\"target\":2,\"reason\":\"r\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("STALE_RATING")))
                .andExpect(jsonPath("$.stored.current", is(3)));
        json(post("/api/workshops/" + w.id() + "/dimensions/SCOPE/agree").with(basic(w.consultant())),
                "{\"current\":1,\"target\":2,\"reason\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("reason")));
        json(post("/api/workshops/" + w.id() + "/dimensions/SCOPE/agree").with(basic(w.consultant())),
                "{\"current\":1,\"target\":2,\"reason\":\"we heard both sides\",\"version\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));
    }

    @Test
    void badVotesAnswer400AndUnknownCodes404() throws Exception {
        Opened w = open(true);

        vote(w.code(), "Ana", "EXTENT", 4, 2).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("target")));
        vote(w.code(), "Ana", "EXTENT", 0, 2).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("current")));
        vote(w.code(), "Ana", "NOPE", 1, 2).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("dimension")));
        vote(w.code(), "", "EXTENT", 1, 2).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("participant")));
        vote("ZZZZZZ", "Ana", "EXTENT", 1, 2).andExpect(status().isNotFound());
        assertThat(workshops.state(w.id(), "EXTENT").voted()).isZero();
    }

    @Test
    void aJoinCodeGrantsNothingBeyondItsWorkshop() throws Exception {
        Opened w = open(true);

        // Without an account the code opens no other API call, page or workshop operation.
        mvc.perform(get("/api/assessments/" + w.assessment().id())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/workshops/" + w.id())).andExpect(status().isUnauthorized());
        json(post("/api/workshops/" + w.id() + "/dimensions/EXTENT/reveal"), "").andExpect(status().isUnauthorized());
        json(post("/api/workshops/" + w.id() + "/close"), "").andExpect(status().isUnauthorized());
        mvc.perform(get("/workshops/" + w.id())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/assessments/" + w.assessment().id() + "/report")).andExpect(status().is3xxRedirection());
        // An executive may not run one.
        UserView executive = fixtures.user(Role.EXECUTIVE, w.assessment().organisationId());
        json(post("/api/assessments/" + w.assessment().id() + "/workshops").with(basic(executive)), "{}")
                .andExpect(status().isForbidden());
    }

    @Test
    void thirtyParticipantsVotingAtOnceLoseNoVote() throws Exception {
        Opened w = open(true);
        int participants = 30;
        ExecutorService pool = Executors.newFixedThreadPool(participants);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return vote(w.code(), "Participant " + n, "STRATEGY", 1 + n % 3, 3 + n % 3).andReturn().getResponse()
                        .getStatus();
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();

        Tally tally = workshops.reveal(w.id(), "STRATEGY");
        assertThat(tally.votes()).isEqualTo(30);
        assertThat(tally.current().get(1) + tally.current().get(2) + tally.current().get(3)).isEqualTo(30);
        assertThat(tally.current().get(1)).isEqualTo(10);
    }

    @Test
    void aSecondOpenWorkshopForTheSameAssessmentIsRefusedAndACompletedAssessmentHasNone() throws Exception {
        Opened w = open(true);

        json(post("/api/assessments/" + w.assessment().id() + "/workshops").with(basic(w.consultant())), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", is("WORKSHOP_ALREADY_OPEN")))
                .andExpect(jsonPath("$.joinCode", is(w.code())));
        AssessmentView completed = fixtures.assessment();
        fixtures.rateAll(completed.id(), 2, 3);
        fixtures.complete(completed.id());
        json(post("/api/assessments/" + completed.id() + "/workshops").with(basic(w.consultant())), "{}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error", is("ASSESSMENT_COMPLETED")));
    }

    private MockHttpServletRequestBuilder basic(UserView user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user.username(), Fixtures.PASSWORD));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(UserView user) {
        return httpBasic(user.username(), Fixtures.PASSWORD);
    }

    private ResultActions json(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
