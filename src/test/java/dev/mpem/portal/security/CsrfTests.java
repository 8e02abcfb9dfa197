package dev.mpem.portal.security;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

@PortalTest
class CsrfTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AssessmentService assessments;

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        String name = Fixtures.unique("Csrf");

        mvc.perform(post("/organisations").param("name", name).with(signedInAs(consultant)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations").param("name", name).with(csrf().useInvalidToken())
                .with(signedInAs(consultant))).andExpect(status().isForbidden());
        assertThat(organisations.all()).noneMatch(o -> o.name().equals(name));

        mvc.perform(post("/organisations").param("name", name).with(csrf()).with(signedInAs(consultant)))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.all()).anyMatch(o -> o.name().equals(name));
    }

    @Test
    void aWalkStepSavedWithoutItsTokenIsRefused() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView assessment = fixtures.assessment();

        mvc.perform(post("/assessments/" + assessment.id() + "/steps/EXTENT").param("current", "1").param("target", "2")
                .with(signedInAs(consultant))).andExpect(status().isForbidden());
        assertThat(assessments.get(assessment.id()).rating("EXTENT").version()).isNull();
    }

    @Test
    void apiCallsWithHttpBasicNeedNoCsrfToken() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView assessment = fixtures.assessment();

        mvc.perform(put("/api/assessments/" + assessment.id() + "/ratings/EXTENT").contentType(MediaType.APPLICATION_JSON)
                .content("{\"current\":1,\"target\":2}")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(consultant.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }
}
