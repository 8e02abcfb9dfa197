package dev.mpem.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.share.ShareService;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.workshop.WorkshopService;
import dev.mpem.portal.support.PortalTest;

/**
 * The key pages at a phone's, a laptop's and a large screen's size, as a person sees them: nothing
 * scrolls sideways, no placeholder or code is on screen, chart text stays readable; and the walk step
 * at 1366×768 shows its level choices without scrolling.
 */
@PortalTest
@ExtendWith(Chromium.class)
class ScreenSizesTests {

    static final int[][] SIZES = { { 390, 844 }, { 1366, 768 }, { 1920, 1080 } };

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ShareService shares;

    @Autowired
    WorkshopService workshops;

    @Autowired
    dev.mpem.portal.workshop.ParticipantService participants;

    @Test
    void keyPagesFitEveryScreenAndShowWordsNotCodes(Chromium.Browsers browsers) {
        // Two completed assessments with notes and a workshop, and a draft: every section has content.
        AssessmentView baseline = fixtures.assessment(fixtures.organisation().id(), "2025-11-14", "SELL_MORE");
        fixtures.rateAll(baseline.id(), 2, 4);
        fixtures.complete(baseline.id());
        AssessmentView review = fixtures.assessment(baseline.organisationId(), "2026-05-14", "SELL_MORE");
        fixtures.rate(review.id(), "EXTENT", 3, 4, "CHANNEL_REACH", 2, 4, "ACCURACY_AND_LEARNABILITY", 3, 3, "SCOPE", 2, 2,
                "STRATEGY", 1, 5, "TECHNOLOGY", 4, 4, "MEASUREMENT", 1, 3, "SECURITY_AND_PRIVACY", 3, 4,
                "FINANCIAL_EFFECTIVENESS", 2, 3, "EXPERTISE", 2, 4, "CULTURE", 1, 2);
        fixtures.complete(review.id());
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Pages page = new Pages(browsers.open(), port);
        assertThat(page.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();
        String share;
        String workshop;
        String code;
        AssessmentView draft = fixtures.assessment(baseline.organisationId(), "2026-11-14");
        fixtures.rate(draft.id(), "EXTENT", 2, 3);
        share = shares.create(review.id(), 30).token();
        var opened = workshops.open(draft.id(), true);
        workshop = "/workshops/" + opened.id();
        code = opened.joinCode();
        Pages participant = new Pages(browsers.open(), port);
        participant.open("/join/" + code);
        participant.type("name", "Ana");
        participant.press("Join");
        // Votes revealed: the facilitator's and the participant's pages carry the vote chart.
        participants.vote(code, dev.mpem.portal.workshop.VoteCommand.byName("Ben", "EXTENT", 2, 4, "Mostly e-mail"));
        participants.vote(code, dev.mpem.portal.workshop.VoteCommand.byName("Cy", "EXTENT", 3, 4, null));
        workshops.reveal(opened.id(), "EXTENT");

        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            page.viewport(size[0], size[1]);
            participant.viewport(size[0], size[1]);
            String at = " at " + size[0] + "x" + size[1];
            for (String path : List.of("/assessments/" + draft.id() + "/steps/SCOPE",
                    "/assessments/" + review.id() + "/report", "/organisations/" + review.organisationId() + "/history",
                    "/organisations/" + review.organisationId(), "/assessments/" + review.id(), workshop,
                    "/assessments/" + draft.id() + "/workshops", "/account", "/assessments/" + review.id() + "/summary",
                    "/assessments/" + review.id() + "/actions", "/assessments/" + review.id() + "/actions/new",
                    "/portfolio", "/portfolio?sort=EXTENT&dir=desc", "/organisations/new")) {
                page.open(path);
                problems.addAll(page.problems(path + at));
            }
            Pages stranger = new Pages(page.driver(), port);
            stranger.open("/share/" + share);
            problems.addAll(stranger.problems("shared report" + at));
            participant.open("/w/" + code);
            problems.addAll(participant.problems("participant page" + at));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theWalkStepAt1366x768ShowsTheChoicesOnItsCardsWithoutScrolling(Chromium.Browsers browsers) {
        AssessmentView assessment = fixtures.assessment();
        fixtures.rate(assessment.id(), "EXTENT", 2, 4);
        Pages page = new Pages(browsers.open(), port);
        assertThat(page.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();
        page.viewport(1366, 768);
        page.open("/assessments/" + assessment.id() + "/steps/STRATEGY");

        // Every card's two choices are on screen as the page opens.
        List<WebElement> choices = page.driver().findElements(By.cssSelector(".level-card label.choice"));
        assertThat(choices).hasSize(10);
        assertThat(choices).allSatisfy(choice -> {
            Rectangle box = choice.getRect();
            assertThat(box.getY() + box.getHeight()).as(choice.getText()).isLessThanOrEqualTo(768);
            assertThat(box.getHeight()).as("a large target").isGreaterThanOrEqualTo(40);
        });

        // A click on a card's choice chooses that level; the card shows it.
        page.chooseOnCard("current", 2);
        page.chooseOnCard("target", 4);
        assertThat(page.driver().findElement(By.cssSelector("input[name=current][value='2']")).isSelected()).isTrue();
        assertThat(page.driver().findElement(By.cssSelector("input[name=target][value='4']")).isSelected()).isTrue();
        assertThat(page.driver().findElement(By.cssSelector(".level-card.level-4")).getCssValue("border-color"))
                .isNotEqualTo(page.driver().findElement(By.cssSelector(".level-card.level-3")).getCssValue("border-color"));

        // Level names are whole words on one line ("Foundational", never "Foundation|al").
        for (WebElement name : page.driver().findElements(By.cssSelector(".level-card .level-name"))) {
            Number lines = (Number) page.js().executeScript("return arguments[0].getClientRects().length;", name);
            assertThat(lines.intValue()).as(name.getText()).isEqualTo(1);
            Number height = (Number) page.js().executeScript("return arguments[0].getBoundingClientRect().height;", name);
            Number lineHeight = (Number) page.js().executeScript(
                    "return parseFloat(getComputedStyle(arguments[0]).fontSize) * 1.6;", name);
            assertThat(height.doubleValue()).as(name.getText()).isLessThan(lineHeight.doubleValue());
        }

        // Each step number sits on the first line of its (possibly wrapped) name.
        for (WebElement step : page.driver().findElements(By.cssSelector(".step-list a"))) {
            int number = step.findElement(By.cssSelector(".step-num")).getRect().getY();
            int name = step.findElement(By.cssSelector(".step-name")).getRect().getY();
            assertThat(Math.abs(number - name)).as(step.getText()).isLessThanOrEqualTo(3);
        }
    }
}
