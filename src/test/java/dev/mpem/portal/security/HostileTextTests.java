package dev.mpem.portal.security;

import static dev.mpem.portal.support.Requests.postForm;
import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserForm;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/** Markup typed into any field comes back as text on every page, never as markup. */
@PortalTest
class HostileTextTests {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AssessmentService assessments;

    @Autowired
    AccountService accounts;

    @Test
    void hostileTextInEveryFieldIsShownAsText() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        long organisation = organisations.create(new OrganisationForm(Fixtures.unique(SCRIPT), IMAGE, SCRIPT, IMAGE)).id();
        AssessmentView assessment = assessments.create(organisation,
                new AssessmentForm(SCRIPT + " title", "2026-05-14", IMAGE, SCRIPT, List.of("SELL_MORE")));
        fixtures.rateAll(assessment.id(), 2, 3);
        assessments.saveRating(assessment.id(), "EXTENT", RatingCommand.of(2, 4, SCRIPT + IMAGE, 1L, "x"));
        accounts.create(new UserForm("hostile." + System.nanoTime(), SCRIPT, Fixtures.PASSWORD, "CONSULTANT", List.of(), true));
        String shares = "/assessments/" + assessment.id() + "/shares";
        mvc.perform(postForm(shares).with(signedInAs(admin)));

        for (String page : new String[] { "/", "/organisations", "/organisations/" + organisation,
                "/organisations/" + organisation + "/edit", "/assessments/" + assessment.id(),
                "/assessments/" + assessment.id() + "/edit", "/assessments/" + assessment.id() + "/steps/EXTENT",
                "/assessments/" + assessment.id() + "/report", shares, "/admin/users", "/admin/audit" }) {
            String html = mvc.perform(get(page).with(signedInAs(admin))).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain("<script>alert", "<img src=x", "onerror=alert(1)>");
        }
        String report = mvc.perform(get("/assessments/" + assessment.id() + "/report").with(signedInAs(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(Html.of(report).text()).contains(SCRIPT, SCRIPT + IMAGE);
        String csv = mvc.perform(get("/assessments/" + assessment.id() + "/report.csv").with(signedInAs(admin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("code,name,category,current,target,gap,organisation,assessment_title");
    }
}
