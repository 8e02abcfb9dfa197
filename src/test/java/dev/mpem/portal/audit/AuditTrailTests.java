package dev.mpem.portal.audit;

import static dev.mpem.portal.support.Requests.postForm;
import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
class AuditTrailTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditService audit;

    @Test
    void everyChangeToAnAssessmentIsRecordedWithWhoWhatOldAndNew() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView assessment = fixtures.assessment();
        String step = "/assessments/" + assessment.id() + "/steps/EXTENT";

        mvc.perform(postForm(step).with(signedInAs(consultant)).param("current", "2").param("target", "4")
                .param("notes", "first").param("action", "stay"));
        mvc.perform(postForm(step).with(signedInAs(consultant)).param("current", "3").param("target", "4")
                .param("notes", "first").param("version", "1").param("action", "stay"));
        for (String code : Fixtures.DIMENSIONS.subList(1, Fixtures.DIMENSIONS.size())) {
            fixtures.rate(assessment.id(), code, 3, 4);
        }
        mvc.perform(postForm("/assessments/" + assessment.id() + "/complete").with(signedInAs(consultant)));
        mvc.perform(postForm("/assessments/" + assessment.id() + "/reopen").with(signedInAs(consultant))
                .param("reason", "late evidence"));
        mvc.perform(postForm("/assessments/" + assessment.id() + "/shares").with(signedInAs(consultant)));

        List<AuditEntry> history = audit.ofAssessment(assessment.id(), java.util.Locale.UK);
        assertThat(history).extracting(AuditEntry::action).containsSubsequence("SHARE_CREATED", "ASSESSMENT_REOPENED",
                "ASSESSMENT_COMPLETED", "RATING_CHANGED", "RATING_CHANGED", "ASSESSMENT_CREATED");
        assertThat(history).filteredOn(e -> e.actor().equals(consultant.username())).extracting(AuditEntry::summary)
                .contains("Extent: current none \u2192 2, target none \u2192 4, notes added (version 1).",
                        "Extent: current 2 \u2192 3, target 4 (unchanged) (version 2).",
                        "Assessment completed.", "Assessment reopened: late evidence");

        Document overview = Html.of(mvc.perform(get("/assessments/" + assessment.id()).with(signedInAs(consultant))));
        assertThat(overview.selectFirst("#history-heading").parent().text())
                .contains(consultant.username(), "Rating changed", "Extent: current 2 \u2192 3")
                .doesNotContain("RATING_CHANGED");
    }

    @Test
    void signInsAndFailuresAreRecordedAndOnlyAdminsSeeTheWholeTrail() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        UserView admin = fixtures.user(Role.ADMIN);
        new Browser(port).signIn(consultant.username(), "wrong password here");
        new Browser(port).signIn(consultant.username(), Fixtures.PASSWORD);

        Document failures = Html.of(mvc.perform(get("/admin/audit").param("action", "SIGN_IN_FAILED")
                .with(signedInAs(admin))));
        assertThat(failures.select("table.audit tbody tr").eachText()).anyMatch(row -> row.contains(consultant.username()));
        Document signIns = Html.of(mvc.perform(get("/admin/audit").param("action", "SIGN_IN").with(signedInAs(admin))));
        assertThat(signIns.select("table.audit tbody tr").eachText()).anyMatch(row -> row.contains(consultant.username()));

        assertThat(mvc.perform(get("/admin/audit").with(signedInAs(consultant))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void accountChangesAreRecorded() {
        UserView admin = fixtures.user(Role.ADMIN);
        Browser browser = new Browser(port);
        browser.signIn(admin.username(), Fixtures.PASSWORD);
        UserView executive = fixtures.user(Role.EXECUTIVE);

        browser.submit("/admin/users/" + executive.id(), "/admin/users/" + executive.id(), Map.of("username",
                executive.username(), "displayName", "Chief", "role", "EXECUTIVE", "enabled", "true"));

        assertThat(audit.page(AuditAction.USER_CHANGED, 0, 50, java.util.Locale.UK).getContent())
                .anyMatch(e -> e.actor().equals(admin.username()) && e.summary().contains(executive.username())
                        && e.summary().contains("\u2192") && e.summary().contains("Chief"));
    }
}
