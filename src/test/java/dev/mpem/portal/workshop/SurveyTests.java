package dev.mpem.portal.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.Confidence;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/** Rating from afar: invitees rate in their own time through personal links; the consultant reveals and agrees. */
@PortalTest
class SurveyTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    WorkshopService workshops;

    @Test
    void inviteesRateFromAfarAndTheConsultantRevealsAndAgrees() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        Browser consultant = new Browser(port);
        assertThat(consultant.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();
        String page = "/assessments/" + assessment.id() + "/workshops";

        // Bad input first: every problem said, what was typed kept, nothing opened.
        String typed = "Ana Lima, ana@example.com\nBen <not-an-address>\nana lima\n";
        HttpResponse<String> refused = consultant.submit(page, "/assessments/" + assessment.id() + "/surveys",
                Map.of("closesOn", "2020-01-01", "invitees", typed, "anonymous", "true"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document form = Html.of(refused.body());
        assertThat(form.select("#survey-form .error-summary li").eachText()).containsExactly(
                "The last day to answer (2020-01-01) must be after today.",
                "Line 2: “not-an-address” is not an e-mail address.",
                "Line 3: ana lima is invited twice.");
        assertThat(form.selectFirst("#invitees").wholeText()).isEqualTo(typed);
        assertThat(form.selectFirst("#closesOn").val()).isEqualTo("2020-01-01");

        String closesOn = LocalDate.now().plusDays(7).toString();
        HttpResponse<String> opened = consultant.submit(page, "/assessments/" + assessment.id() + "/surveys",
                Map.of("closesOn", closesOn, "invitees", "Ana Lima, ana@example.com\nBen Okafor <ben@example.com>\nCy",
                        "anonymous", "true"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String surveyPage = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        Document facilitator = Html.of(consultant.get(surveyPage).body());
        assertThat(facilitator.select(".survey-invitees tbody th").eachText())
                .containsExactly("Ana Lima ana@example.com", "Ben Okafor ben@example.com", "Cy");
        assertThat(facilitator.select(".join-banner")).isEmpty();
        String anaLink = facilitator.select(".survey-invitees input.copy-link").first().val();
        assertThat(anaLink).matches("http://localhost:" + port + "/s/[A-Za-z0-9_-]{32}");
        String ana = anaLink.substring(("http://localhost:" + port).length());

        // Ana rates in her own time: a dimension at a time, on to the next unrated one.
        Browser anaBrowser = new Browser(port);
        Document overview = Html.of(anaBrowser.get(ana).body());
        assertThat(overview.selectFirst("h1").text()).isEqualTo("Your ratings");
        assertThat(overview.select(".survey-dimensions li")).hasSize(11);
        HttpResponse<String> saved = anaBrowser.submit(ana + "/EXTENT", ana + "/EXTENT",
                Map.of("dimension", "EXTENT", "current", "2", "target", "4", "reason", "E-mail only"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(ana + "/CHANNEL_REACH");
        HttpResponse<String> badVote = anaBrowser.submit(ana + "/SCOPE", ana + "/SCOPE",
                Map.of("dimension", "SCOPE", "current", "4", "target", "2"));
        assertThat(badVote.statusCode()).isEqualTo(400);
        assertThat(Html.of(anaBrowser.get(ana).body()).select(".survey-dimensions li").first().text())
                .isEqualTo("Extent — current 2, target 4");
        Browser ben = new Browser(port);
        String benLink = facilitator.select(".survey-invitees input.copy-link").get(1).val()
                .substring(("http://localhost:" + port).length());
        ben.submit(benLink + "/EXTENT", benLink + "/EXTENT", Map.of("dimension", "EXTENT", "current", "3", "target", "4"));

        // The survey's code does not let anyone else in.
        String code = workshops.get(Long.parseLong(surveyPage.substring(surveyPage.lastIndexOf('/') + 1))).joinCode();
        assertThat(new Browser(port).submit("/join", "/join", Map.of("code", code, "name", "Eve")).statusCode())
                .isEqualTo(404);
        HttpResponse<String> keyless = new Browser(port).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/workshops/" + code + "/votes"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"participant\":\"Eve\",\"dimension\":\"EXTENT\",\"current\":5,\"target\":5}")).build());
        assertThat(keyless.statusCode()).as("no vote joins a survey by its code").isEqualTo(404);
        try (var events = new Browser(port).events("/w/" + code + "/events")) {
            assertThat(events.status()).isEqualTo(404);
        }
        assertThat(consultant.get(surveyPage + "/present").statusCode()).as("no join code on a wall").isEqualTo(302);

        // The consultant reveals and agrees, exactly as in a live workshop.
        consultant.submit(surveyPage, surveyPage + "/reveal", Map.of());
        Document revealed = Html.of(consultant.get(surveyPage).body());
        assertThat(revealed.select(".reasons li").eachText()).containsExactly("2 → 4 E-mail only");
        assertThat(consultant.submit(surveyPage, surveyPage + "/agree",
                Map.of("current", "2", "target", "4", "reason", "Ana and Ben agree on the target")).statusCode())
                .isEqualTo(302);
        var rating = assessments.get(assessment.id()).rating("EXTENT");
        assertThat(rating.current()).isEqualTo(2);
        assertThat(rating.confidence()).isEqualTo(Confidence.HIGH);
        // Ana's vote on a revealed dimension is final.
        assertThat(Html.of(anaBrowser.get(ana + "/EXTENT").body()).select("form.vote-form")).isEmpty();

        // Unknown and closed links get a clear page.
        HttpResponse<String> unknown = new Browser(port).get("/s/not-a-real-link");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Html.of(unknown.body()).selectFirst("h1").text()).isEqualTo("This link is not known");
        consultant.submit(surveyPage + "/close", surveyPage + "/close", Map.of());
        HttpResponse<String> closed = anaBrowser.get(ana);
        assertThat(closed.statusCode()).isEqualTo(410);
        assertThat(Html.of(closed.body()).text()).contains("This survey has closed", "Thank you, Ana Lima");
    }
}
