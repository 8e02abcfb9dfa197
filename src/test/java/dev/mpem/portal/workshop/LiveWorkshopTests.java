package dev.mpem.portal.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.EventStream;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/** Server-sent events of a workshop: the consultant's pages and the participants' hear the room as it changes. */
@PortalTest
class LiveWorkshopTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WorkshopService workshops;

    @Autowired
    ParticipantService participants;

    @Test
    void votesMovesRevealsAndTheCloseReachEveryPageAtOnce() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        WorkshopView workshop = workshops.open(assessment.id(), true);
        Browser consultant = new Browser(port);
        assertThat(consultant.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();

        try (EventStream projector = consultant.events("/workshops/" + workshop.id() + "/events");
                EventStream phone = new Browser(port).events("/w/" + workshop.joinCode() + "/events")) {
            projector.next("ready", Duration.ofSeconds(5));
            phone.next("ready", Duration.ofSeconds(5));

            participants.join(workshop.joinCode(), "Ana");
            assertThat(projector.next("joined", Duration.ofSeconds(1)).data()).isEqualTo("{\"joined\":1}");
            participants.vote(workshop.joinCode(), VoteCommand.byName("Ben", "EXTENT", 2, 4, "only e-mail"));
            // Before the reveal: how many, never what.
            EventStream.Event voted = projector.next("voted", Duration.ofSeconds(1));
            assertThat(voted.data()).isEqualTo("{\"dimension\":\"EXTENT\",\"voted\":1,\"joined\":2}");
            assertThat(phone.next("voted", Duration.ofSeconds(1)).data()).doesNotContain("only e-mail", "\"current\"");

            workshops.reveal(workshop.id(), "EXTENT");
            assertThat(phone.next("revealed", Duration.ofSeconds(1)).data()).isEqualTo("{\"dimension\":\"EXTENT\"}");
            workshops.moveTo(workshop.id(), "SCOPE");
            assertThat(projector.next("moved", Duration.ofSeconds(1)).data()).isEqualTo("{\"dimension\":\"SCOPE\"}");
            assertThat(phone.next("moved", Duration.ofSeconds(1)).data()).isEqualTo("{\"dimension\":\"SCOPE\"}");
            workshops.close(workshop.id());
            phone.next("closed", Duration.ofSeconds(1));
            projector.next("closed", Duration.ofSeconds(1));
        }

        // A closed workshop has no more events; the consultant's stream needs a signed-in consultant.
        try (EventStream late = new Browser(port).events("/w/" + workshop.joinCode() + "/events")) {
            assertThat(late.status()).isEqualTo(404);
        }
        try (EventStream anonymous = new Browser(port).events("/workshops/" + workshop.id() + "/events")) {
            assertThat(anonymous.status()).isEqualTo(302);
        }
    }

    @Test
    void thePresentationIsForTheConsultantAndShowsTheJoinCodeUntilTheRoomVotes() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        WorkshopView workshop = workshops.open(assessment.id(), false);
        Browser consultant = new Browser(port);
        assertThat(consultant.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();
        String present = "/workshops/" + workshop.id() + "/present";

        org.jsoup.nodes.Document page = dev.mpem.portal.support.Html.of(consultant.get(present).body());
        assertThat(page.select(".site-header, nav a[href=/organisations]")).isEmpty();
        assertThat(page.selectFirst(".present-join-code").text()).isEqualTo(workshop.joinCode());
        assertThat(page.selectFirst("svg.qr").attr("aria-label")).endsWith("/join/" + workshop.joinCode());
        assertThat(page.selectFirst("svg.qr path").attr("d")).matches("(M\\d+ \\d+h\\d+v1h-\\d+z)+");
        assertThat(page.select(".present-level")).hasSize(5);
        assertThat(page.select("script[src]").eachAttr("src")).containsExactly("/js/workshop.js", "/js/present.js");
        assertThat(page.select("script:not([src])")).isEmpty();

        participants.vote(workshop.joinCode(), VoteCommand.byName("Ana", "EXTENT", 2, 4, "Only e-mail is segmented"));
        page = dev.mpem.portal.support.Html.of(consultant.get(present).body());
        assertThat(page.select(".present-join")).as("hidden once the room votes").isEmpty();
        assertThat(dev.mpem.portal.support.Html.of(consultant.get(present + "?join").body()).select(".present-join"))
                .as("on demand").hasSize(1);

        workshops.reveal(workshop.id(), "EXTENT");
        page = dev.mpem.portal.support.Html.of(consultant.get(present).body());
        assertThat(page.selectFirst(".present-reasons").text()).contains("2 → 4", "Only e-mail is segmented", "— Ana");

        assertThat(new Browser(port).get(present).statusCode()).isEqualTo(302);
        Browser executive = new Browser(port);
        assertThat(executive.signIn(fixtures.user(Role.EXECUTIVE, assessment.organisationId()).username(),
                Fixtures.PASSWORD)).isTrue();
        assertThat(executive.get(present).statusCode()).isEqualTo(403);
    }
}
