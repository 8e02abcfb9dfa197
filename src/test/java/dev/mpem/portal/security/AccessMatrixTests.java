package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;
import static dev.mpem.portal.support.Requests.signedInAs;

/**
 * Every role against every kind of page and API call: anonymous visitors are sent to sign in (pages)
 * or get 401 JSON (API); executives read their granted organisation and nothing else; consultants
 * do everything but account management; admins do everything.
 */
@PortalTest
class AccessMatrixTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    AssessmentView assessment;
    UserView admin;
    UserView consultant;
    UserView executive;

    @BeforeEach
    void setUp() {
        assessment = fixtures.assessment();
        fixtures.rateAll(assessment.id(), 2, 3);
        admin = fixtures.user(Role.ADMIN);
        consultant = fixtures.user(Role.CONSULTANT);
        executive = fixtures.user(Role.EXECUTIVE, assessment.organisationId());
    }

    record Case(String name, Function<AccessMatrixTests, MockHttpServletRequestBuilder> request, int anonymous,
            int executive, int consultant, int admin) {
    }

    List<Case> pages() {
        long o = assessment.organisationId();
        long a = assessment.id();
        return List.of(
                new Case("dashboard", t -> get("/"), 302, 200, 200, 200),
                new Case("model page", t -> get("/model"), 302, 200, 200, 200),
                new Case("organisation list", t -> get("/organisations"), 302, 200, 200, 200),
                new Case("organisation page", t -> get("/organisations/" + o), 302, 200, 200, 200),
                new Case("new organisation form", t -> get("/organisations/new"), 302, 403, 200, 200),
                new Case("edit organisation form", t -> get("/organisations/" + o + "/edit"), 302, 403, 200, 200),
                new Case("create organisation", t -> post("/organisations").param("name", Fixtures.unique("M")).with(csrf()),
                        302, 403, 302, 302),
                new Case("assessment overview", t -> get("/assessments/" + a), 302, 200, 200, 200),
                new Case("walk step", t -> get("/assessments/" + a + "/steps/EXTENT"), 302, 403, 200, 200),
                new Case("save a step", t -> post("/assessments/" + a + "/steps/EXTENT").param("current", "2")
                        .param("target", "3").param("version", "1").with(csrf()), 302, 403, 302, 302),
                new Case("start assessment form", t -> get("/organisations/" + o + "/assessments/new"), 302, 403, 200, 200),
                new Case("gap report", t -> get("/assessments/" + a + "/report"), 302, 200, 200, 200),
                new Case("report PDF", t -> get("/assessments/" + a + "/report.pdf"), 302, 200, 200, 200),
                new Case("report CSV", t -> get("/assessments/" + a + "/report.csv"), 302, 200, 200, 200),
                new Case("share links", t -> get("/assessments/" + a + "/shares"), 302, 403, 200, 200),
                new Case("executive summary", t -> get("/assessments/" + a + "/summary"), 302, 200, 200, 200),
                new Case("summary PDF", t -> get("/assessments/" + a + "/summary.pdf"), 302, 200, 200, 200),
                new Case("action plan", t -> get("/assessments/" + a + "/actions"), 302, 200, 200, 200),
                new Case("action plan CSV", t -> get("/assessments/" + a + "/actions.csv"), 302, 200, 200, 200),
                new Case("action plan calendar", t -> get("/assessments/" + a + "/actions.ics"), 302, 200, 200, 200),
                new Case("new action form", t -> get("/assessments/" + a + "/actions/new"), 302, 403, 200, 200),
                new Case("add an action", t -> post("/assessments/" + a + "/actions").param("dimension", "EXTENT")
                        .param("title", "Matrix").with(csrf()), 302, 403, 302, 302),
                new Case("commentary form", t -> get("/assessments/" + a + "/commentary"), 302, 403, 200, 200),
                new Case("save commentary", t -> post("/assessments/" + a + "/commentary").param("commentary", "Note")
                        .with(csrf()), 302, 403, 302, 302),
                new Case("portfolio", t -> get("/portfolio"), 302, 403, 200, 200),
                new Case("portfolio CSV", t -> get("/portfolio.csv"), 302, 403, 200, 200),
                new Case("accounts", t -> get("/admin/users"), 302, 403, 403, 200),
                new Case("audit trail", t -> get("/admin/audit"), 302, 403, 403, 200),
                new Case("change password form", t -> get("/account/password"), 302, 200, 200, 200),
                new Case("your account page", t -> get("/account"), 302, 200, 200, 200),
                new Case("save time zone", t -> post("/account/time-zone").param("timeZone", "Europe/London").with(csrf()),
                        302, 302, 302, 302),
                new Case("unlock an account", t -> post("/admin/users/" + t.consultant.id() + "/unlock").with(csrf()),
                        302, 403, 403, 302));
    }

    List<Case> api() {
        long o = assessment.organisationId();
        long a = assessment.id();
        return List.of(
                new Case("GET /api/model", t -> get("/api/model"), 401, 200, 200, 200),
                new Case("GET /api/organisations", t -> get("/api/organisations"), 401, 200, 200, 200),
                new Case("GET /api/organisations/{id}", t -> get("/api/organisations/" + o), 401, 200, 200, 200),
                new Case("POST /api/organisations", t -> post("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + Fixtures.unique("Api") + "\"}"), 401, 403, 201, 201),
                new Case("GET /api/assessments/{id}", t -> get("/api/assessments/" + a), 401, 200, 200, 200),
                new Case("GET /api/assessments/{id}/report", t -> get("/api/assessments/" + a + "/report"), 401, 200, 200, 200),
                new Case("PUT rating", t -> put("/api/assessments/" + a + "/ratings/CULTURE")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"current\":2,\"target\":3,\"version\":1}"),
                        401, 403, 200, 200),
                new Case("POST /api/organisations/{id}/assessments", t -> post("/api/organisations/" + o + "/assessments")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"), 401, 403, 201, 201),
                new Case("POST /api/users", t -> post("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + Fixtures.unique("u").replace(' ', '-') + "\",\"password\":\""
                                + Fixtures.PASSWORD + "\",\"role\":\"CONSULTANT\",\"organisations\":[]}"),
                        401, 403, 403, 201),
                new Case("GET /api/users", t -> get("/api/users"), 401, 403, 403, 200),
                new Case("GET /api/portfolio", t -> get("/api/portfolio"), 401, 403, 200, 200),
                new Case("GET /api/assessments/{id}/actions", t -> get("/api/assessments/" + a + "/actions"),
                        401, 200, 200, 200),
                new Case("POST /api/assessments/{id}/actions", t -> post("/api/assessments/" + a + "/actions")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dimension\":\"EXTENT\",\"title\":\"Matrix\"}"),
                        401, 403, 201, 201),
                new Case("PUT /api/assessments/{id}/commentary", t -> put("/api/assessments/" + a + "/commentary")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"commentary\":\"Matrix\"}"), 401, 403, 200, 200));
    }

    @Test
    void pagesFollowTheRoleMatrix() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Case c : pages()) {
            check(mismatches, c, "anonymous", c.request().apply(this), c.anonymous());
            check(mismatches, c, "executive", c.request().apply(this).with(signedInAs(executive)), c.executive());
            check(mismatches, c, "consultant", c.request().apply(this).with(signedInAs(consultant)), c.consultant());
            check(mismatches, c, "admin", c.request().apply(this).with(signedInAs(admin)), c.admin());
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void apiFollowsTheRoleMatrixWithJsonErrors() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Case c : api()) {
            MockHttpServletResponse anonymous = check(mismatches, c, "anonymous", c.request().apply(this), c.anonymous());
            assertThat(anonymous.getContentAsString()).contains("\"status\":401", "\"error\":\"UNAUTHORIZED\"");
            assertThat(anonymous.getContentType()).startsWith("application/problem+json");
            assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Basic");
            MockHttpServletResponse byExecutive = check(mismatches, c, "executive",
                    c.request().apply(this).with(httpBasic(executive.username(), Fixtures.PASSWORD)), c.executive());
            if (c.executive() == 403) {
                assertThat(byExecutive.getContentType()).startsWith("application/problem+json");
                assertThat(byExecutive.getContentAsString()).contains("\"error\":\"FORBIDDEN\"");
            }
            check(mismatches, c, "consultant",
                    c.request().apply(this).with(httpBasic(consultant.username(), Fixtures.PASSWORD)), c.consultant());
            check(mismatches, c, "admin", c.request().apply(this).with(httpBasic(admin.username(), Fixtures.PASSWORD)),
                    c.admin());
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void anonymousPagesRedirectToSignIn() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/organisations")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aWrongPasswordOnTheApiIs401() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/organisations")
                .with(httpBasic(consultant.username(), "not the password"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"error\":\"UNAUTHORIZED\"");
    }

    private MockHttpServletResponse check(List<String> mismatches, Case c, String who,
            MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() != expected) {
            mismatches.add(c.name() + " as " + who + ": expected " + expected + " but was " + response.getStatus());
        }
        return response;
    }
}
