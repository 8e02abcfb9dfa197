package dev.mpem.portal.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/** A consultant shares a report; a stranger holding the link sees that report and its PDF, nothing else. */
@PortalTest
class ShareLinkTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    AssessmentView completed() {
        AssessmentView assessment = fixtures.assessment("SELL_MORE");
        fixtures.rateAll(assessment.id(), 2, 3);
        return fixtures.complete(assessment.id());
    }

    Browser consultant() {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();
        return browser;
    }

    String createLink(Browser consultant, AssessmentView assessment, String days) {
        String shares = "/assessments/" + assessment.id() + "/shares";
        HttpResponse<String> created = consultant.submit(shares, shares, Map.of("expiresInDays", days));
        assertThat(created.statusCode()).isEqualTo(302);
        Document page = Html.of(consultant.get(shares).body());
        String link = page.selectFirst("#new-link").val();
        assertThat(link).startsWith("http://localhost:" + port + "/share/");
        return link.substring(("http://localhost:" + port).length());
    }

    @Test
    void aValidLinkShowsTheReportAndItsPdfToAStrangerCountsEachUseAndOpensNothingElse() {
        AssessmentView assessment = completed();
        String link = createLink(consultant(), assessment, "30");
        String token = link.substring("/share/".length());
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");

        Browser stranger = new Browser(port);
        HttpResponse<String> page = stranger.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        Document report = Html.of(page.body());
        assertThat(report.selectFirst("h1").text()).contains(assessment.organisationName());
        assertThat(report.select(".summary-table")).hasSize(1);
        assertThat(report.text()).contains("shared, read-only copy");
        assertThat(report.select("a[href$=report.csv]")).isEmpty();
        assertThat(report.select("nav a[href=/organisations]")).isEmpty();
        HttpResponse<byte[]> pdf = stranger.getBytes(link + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        for (String elsewhere : new String[] { "/assessments/" + assessment.id() + "/report", "/",
                "/assessments/" + assessment.id() + "/report.csv", "/organisations/" + assessment.organisationId() }) {
            HttpResponse<String> response = stranger.get(elsewhere);
            assertThat(response.statusCode()).as(elsewhere).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
        assertThat(stranger.get("/api/assessments/" + assessment.id() + "/report").statusCode()).isEqualTo(401);
        assertThat(stranger.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName)
                .doesNotContain(Browser.SESSION_COOKIE);
        assertThat(jdbc.queryForObject("select use_count from share_links where assessment_id = ?", Long.class,
                assessment.id())).isEqualTo(2);
    }

    @Test
    void aSharedLinkOffersTheExecutiveSummaryAndItsPdfWithoutAnyControl() throws Exception {
        AssessmentView assessment = completed();
        String link = createLink(consultant(), assessment, "30");

        Browser stranger = new Browser(port);
        Document report = Html.of(stranger.get(link).body());
        assertThat(report.select("a[href=" + link + "/summary]").eachText()).containsExactly("Executive summary");
        HttpResponse<String> page = stranger.get(link + "/summary");
        assertThat(page.statusCode()).isEqualTo(200);
        Document summary = Html.of(page.body());
        assertThat(summary.selectFirst("h1").text()).isEqualTo("Executive summary: " + assessment.organisationName());
        assertThat(summary.text()).contains("shared, read-only copy", "Business outcomes × dimensions", "Action plan");
        assertThat(summary.select("a[href=" + link + "]").eachText()).containsExactly("Full gap report");
        assertThat(summary.select("a[href*=/commentary], a[href*=/actions], a[href*=/shares], .breadcrumb")).isEmpty();
        HttpResponse<byte[]> pdf = stranger.getBytes(link + "/summary.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(stranger.get("/assessments/" + assessment.id() + "/summary").statusCode()).isEqualTo(302);
    }

    @Test
    void theConsultantSeesLinksWithTheirUsesButNeverTheTokenAgain() {
        AssessmentView assessment = completed();
        Browser consultant = consultant();
        String link = createLink(consultant, assessment, "7");
        new Browser(port).get(link);

        Document list = Html.of(consultant.get("/assessments/" + assessment.id() + "/shares").body());
        assertThat(list.select("#new-link")).isEmpty();
        assertThat(list.select("table.shares tbody tr")).hasSize(1);
        assertThat(list.selectFirst("table.shares tbody tr").text()).contains("Active")
                .contains(link.substring("/share/".length(), "/share/".length() + 6) + "…");
        assertThat(list.selectFirst("table.shares tbody td.number").text()).isEqualTo("1");
        assertThat(list.html()).doesNotContain(link.substring("/share/".length()));
    }

    @Test
    void aRevokedLinkShowsAClearPageWith410() {
        AssessmentView assessment = completed();
        Browser consultant = consultant();
        String link = createLink(consultant, assessment, "30");
        long shareId = jdbc.queryForObject("select id from share_links where assessment_id = ?", Long.class,
                assessment.id());

        String shares = "/assessments/" + assessment.id() + "/shares";
        assertThat(consultant.submit(shares, shares + "/" + shareId + "/revoke", Map.of()).statusCode()).isEqualTo(302);

        HttpResponse<String> gone = new Browser(port).get(link);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(Html.of(gone.body()).selectFirst("h1").text()).isEqualTo("This link was revoked");
        assertThat(gone.body()).doesNotContain(assessment.organisationName());
        assertThat(new Browser(port).getBytes(link + "/report.pdf").statusCode()).isEqualTo(410);
    }

    @Test
    void anExpiredLinkShowsAClearPageWith410AndAnUnknownOne404() {
        AssessmentView assessment = completed();
        String link = createLink(consultant(), assessment, "1");
        jdbc.update("update share_links set expires_at = ? where assessment_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), assessment.id());

        HttpResponse<String> expired = new Browser(port).get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Html.of(expired.body()).selectFirst("h1").text()).isEqualTo("This link has expired");

        HttpResponse<String> unknown = new Browser(port).get("/share/" + "A".repeat(43));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Html.of(unknown.body()).text()).contains("This link is not valid");
    }

    @Test
    void aLinkIsValidFor30DaysByDefaultAndTheValidityIsChecked() {
        AssessmentView assessment = completed();
        Browser consultant = consultant();
        String shares = "/assessments/" + assessment.id() + "/shares";

        HttpResponse<String> refused = consultant.submit(shares, shares, Map.of("expiresInDays", "0"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.of(refused.body()).text()).contains("Enter a number of days from 1 to 365");

        consultant.submit(shares, shares, Map.of());
        java.time.Instant expires = jdbc.queryForObject("select expires_at from share_links where assessment_id = ?",
                java.sql.Timestamp.class, assessment.id()).toInstant();
        assertThat(expires).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(30)).minusSeconds(60),
                java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
        assertThat(jdbc.queryForObject("select token_hash from share_links where assessment_id = ?", String.class,
                assessment.id())).hasSize(64);
    }
}
