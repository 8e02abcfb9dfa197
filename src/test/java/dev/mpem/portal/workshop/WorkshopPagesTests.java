package dev.mpem.portal.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
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

/** A workshop run in browsers: the facilitator's projector and two participants' phones. */
@PortalTest
class WorkshopPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    record Room(AssessmentView assessment, Browser facilitator, long workshop, String code) {
    }

    Room open(boolean anonymous) {
        AssessmentView assessment = fixtures.assessment();
        Browser facilitator = new Browser(port);
        assertThat(facilitator.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();
        String workshops = "/assessments/" + assessment.id() + "/workshops";
        HttpResponse<String> opened = facilitator.submit(workshops, workshops,
                anonymous ? Map.of("anonymous", "true") : Map.of());
        String projector = opened.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(projector.substring(projector.lastIndexOf('/') + 1));
        Document page = Html.of(facilitator.get("/workshops/" + id).body());
        return new Room(assessment, facilitator, id, page.selectFirst(".join-code").text());
    }

    Browser join(Room room, String name) {
        Browser phone = new Browser(port);
        HttpResponse<String> joined = phone.submit("/join/" + room.code(), "/join",
                Map.of("code", room.code(), "name", name));
        assertThat(joined.statusCode()).as(name + " joins").isEqualTo(302);
        assertThat(joined.headers().firstValue("Location").orElse("")).endsWith("/w/" + room.code());
        return phone;
    }

    HttpResponse<String> vote(Browser phone, Room room, String current, String target, String reason) {
        return phone.submit("/w/" + room.code(), "/w/" + room.code() + "/vote",
                Map.of("dimension", "EXTENT", "current", current, "target", target, "reason", reason));
    }

    @Test
    void aWholeDimensionFromSilentVotesToAnAgreedRating() {
        Room room = open(false);
        Document projector = Html.of(room.facilitator().get("/workshops/" + room.workshop()).body());
        assertThat(projector.selectFirst("h1").text()).isEqualTo("Extent");
        assertThat(projector.select(".level-card")).hasSize(5);
        assertThat(projector.selectFirst(".join-banner").text()).contains("/join", room.code());

        Browser ana = join(room, "Ana");
        Browser ben = join(room, "Ben");
        Document anaPage = Html.of(ana.get("/w/" + room.code()).body());
        assertThat(anaPage.selectFirst("h1").text()).isEqualTo("Extent");
        assertThat(anaPage.text()).contains("You are Ana");
        assertThat(anaPage.select("input[name=current]")).hasSize(5);

        assertThat(vote(ana, room, "1", "3", "only e-mails").statusCode()).isEqualTo(302);
        assertThat(vote(ben, room, "4", "5", "we have rules").statusCode()).isEqualTo(302);
        // Ana changes her vote: still one vote from her browser.
        assertThat(vote(ana, room, "2", "3", "some web too").statusCode()).isEqualTo(302);
        Document anaVoted = Html.of(ana.get("/w/" + room.code() + "?voted").body());
        assertThat(anaVoted.selectFirst("input[name=current][value=2]").hasAttr("checked")).isTrue();
        assertThat(anaVoted.text()).contains("Your vote is in").doesNotContain("Ben", "we have rules");
        assertThat(anaVoted.select("svg")).isEmpty();

        projector = Html.of(room.facilitator().get("/workshops/" + room.workshop()).body());
        assertThat(projector.selectFirst(".vote-count").text()).isEqualTo("2 of 2 participants have voted");
        assertThat(projector.text()).doesNotContain("we have rules");

        String workshopPage = "/workshops/" + room.workshop();
        room.facilitator().submit(workshopPage, workshopPage + "/reveal", Map.of());
        projector = Html.of(room.facilitator().get(workshopPage).body());
        assertThat(projector.selectFirst("svg title").text()).isEqualTo("Votes per level");
        assertThat(projector.selectFirst(".reveal .facts").text()).contains("Median current level 3", "Spread 2 levels",
                "Confidence Medium");
        assertThat(projector.select(".named-votes tbody tr").eachText()).containsExactlyInAnyOrder(
                "Ana 2 3 some web too", "Ben 4 5 we have rules");
        // Votes on a revealed dimension are final; participants now see the distribution.
        // (A vote form opened before the reveal, sent after it: its CSRF token is taken from the join page.)
        HttpResponse<String> late = ana.submit("/join", "/w/" + room.code() + "/vote",
                Map.of("dimension", "EXTENT", "current", "5", "target", "5", "reason", "late"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Html.of(late.body()).text()).contains("already revealed");
        assertThat(Html.of(ana.get("/w/" + room.code()).body()).select("svg title").eachText()).contains("Votes per level");

        HttpResponse<String> agreed = room.facilitator().submit(workshopPage, workshopPage + "/agree",
                Map.of("current", "2", "target", "4", "reason", "Rules exist but only for e-mail"));
        assertThat(agreed.statusCode()).isEqualTo(302);
        var rating = assessments.get(room.assessment().id()).rating("EXTENT");
        assertThat(rating.current()).isEqualTo(2);
        assertThat(rating.target()).isEqualTo(4);
        assertThat(rating.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(rating.agreement()).isEqualTo("Rules exist but only for e-mail");

        Document report = Html.of(room.facilitator().get("/assessments/" + room.assessment().id() + "/report").body());
        assertThat(report.getElementById("gap-EXTENT").text()).contains("Medium");
        assertThat(report.getElementById("votes-EXTENT").text()).contains("2", "Medium");
        assertThat(report.text()).contains("Agreed in the workshop: Rules exist but only for e-mail");
        // The executive summary says how sure the room was.
        Document summary = Html.of(room.facilitator().get("/assessments/" + room.assessment().id() + "/summary").body());
        assertThat(summary.selectFirst(".confidence-summary").text()).isEqualTo("Workshop confidence 1 Medium");

        // Participants never got a session, only their workshop cookie.
        assertThat(ana.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName)
                .contains("mpem_w_" + room.code()).doesNotContain(Browser.SESSION_COOKIE);
    }

    @Test
    void contestedVotesAreMarkedInTheReport() {
        Room room = open(true);
        Browser ana = join(room, "Ana");
        Browser ben = join(room, "Ben");
        vote(ana, room, "1", "2", "");
        vote(ben, room, "4", "5", "");
        String workshopPage = "/workshops/" + room.workshop();
        room.facilitator().submit(workshopPage, workshopPage + "/reveal", Map.of());
        Document projector = Html.of(room.facilitator().get(workshopPage).body());
        assertThat(projector.text()).contains("Contested");
        assertThat(projector.select(".named-votes")).as("anonymous: no names").isEmpty();

        room.facilitator().submit(workshopPage, workshopPage + "/agree",
                Map.of("current", "2", "target", "3", "reason", "Split room; settle on the lower view"));

        Document report = Html.of(room.facilitator().get("/assessments/" + room.assessment().id() + "/report").body());
        assertThat(report.getElementById("gap-EXTENT").select("td.contested").text()).isEqualTo("Low (contested)");
        assertThat(report.selectFirst(".contested-note").text()).contains("Extent");
    }

    @Test
    void aClosedOrUnknownCodeGetsAClearPageAndANameIsOnePerson() {
        Room room = open(true);
        Browser ana = join(room, "Ana");

        HttpResponse<String> taken = new Browser(port).submit("/join/" + room.code(), "/join",
                Map.of("code", room.code(), "name", " ana "));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(Html.of(taken.body()).text()).contains("already uses the name");

        HttpResponse<String> unknown = new Browser(port).get("/w/ZZZZZZ");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Html.of(unknown.body()).text()).contains("This workshop is closed, or the code is not valid");
        HttpResponse<String> wrongJoin = new Browser(port).submit("/join", "/join", Map.of("code", "ZZZZZZ", "name", "Cy"));
        assertThat(wrongJoin.statusCode()).isEqualTo(404);

        String workshopPage = "/workshops/" + room.workshop();
        room.facilitator().submit(workshopPage, workshopPage + "/close", Map.of());
        // Ana, who joined, is told the workshop closed; to anyone else the code is simply not there.
        HttpResponse<String> closed = ana.get("/w/" + room.code());
        assertThat(closed.statusCode()).as(closed.headers().firstValue("Location").orElse("")).isEqualTo(200);
        Document closedPage = Html.of(closed.body());
        assertThat(closedPage.selectFirst("h1").text()).isEqualTo("The workshop has closed");
        assertThat(Html.text(closedPage)).contains("Thank you, Ana.", "votes are no longer taken")
                .doesNotContain("You can change it until the votes are revealed");
        assertThat(closedPage.select("form.vote-form")).isEmpty();
        assertThat(ana.getJson("/w/" + room.code() + "/state").body()).contains("\"CLOSED\"");
        assertThat(new Browser(port).get("/w/" + room.code()).statusCode()).isEqualTo(404);
        assertThat(new Browser(port).get("/join/" + room.code()).statusCode()).isEqualTo(404);
    }

    @Test
    void aBrowserThatHasNotJoinedIsSentToTheJoinPage() {
        Room room = open(true);

        HttpResponse<String> response = new Browser(port).get("/w/" + room.code());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/join/" + room.code());
    }
}
