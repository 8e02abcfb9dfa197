package dev.mpem.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;
import dev.mpem.portal.workshop.WorkshopService;
import dev.mpem.portal.workshop.WorkshopView;

/**
 * A whole workshop in separate browsers: the projector showing the presentation, the consultant's
 * window with the controls, three participants' phones. Nobody reloads a page: what each window
 * shows follows the room through server-sent events.
 */
@PortalTest
@ExtendWith(Chromium.class)
class LiveWorkshopInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WorkshopService workshops;

    @Autowired
    AssessmentService assessments;

    static void until(Pages page, String css, String text) {
        new WebDriverWait(page.driver(), Duration.ofSeconds(10)).until(d -> {
            try {
                return d.findElement(By.cssSelector(css)).getText().contains(text);
            }
            catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        });
    }

    static void noScrolling(Pages page, int width, int height) {
        page.viewport(width, height);
        page.driver().navigate().refresh();
        long scrollHeight = ((Number) page.js().executeScript("return document.documentElement.scrollHeight;")).longValue();
        long scrollWidth = ((Number) page.js().executeScript("return document.documentElement.scrollWidth;")).longValue();
        assertThat(scrollHeight).as("height at %dx%d", width, height).isLessThanOrEqualTo(height);
        assertThat(scrollWidth).as("width at %dx%d", width, height).isLessThanOrEqualTo(width);
        String size = ((String) page.js().executeScript(
                "return getComputedStyle(document.querySelector('.present-level p')).fontSize;"));
        if (height == 1080) {
            assertThat(Double.parseDouble(size.replace("px", ""))).as("descriptor text at 1080p").isGreaterThanOrEqualTo(23.9);
        }
    }

    @Test
    void aWholeWorkshopFollowsTheRoomInEveryWindow(Chromium.Browsers browsers) {
        AssessmentView assessment = fixtures.assessment();
        String consultant = fixtures.user(Role.CONSULTANT).username();
        WorkshopView workshop = workshops.open(assessment.id(), true);
        String code = workshop.joinCode();

        Pages projector = new Pages(browsers.open(), port);
        assertThat(projector.signIn(consultant, Fixtures.PASSWORD)).isTrue();
        projector.open("/workshops/" + workshop.id() + "/present");
        assertThat(projector.driver().findElements(By.cssSelector(".site-header"))).isEmpty();
        assertThat(projector.text(".present-join-code")).isEqualTo(code);
        assertThat(projector.driver().findElement(By.cssSelector("svg.qr path")).getAttribute("d")).startsWith("M");
        noScrolling(projector, 1920, 1080);
        noScrolling(projector, 1280, 720);
        Pages controls = new Pages(browsers.open(), port);
        assertThat(controls.signIn(consultant, Fixtures.PASSWORD)).isTrue();
        controls.open("/workshops/" + workshop.id());

        // Three phones join; the projector counts them as they come.
        List<Pages> phones = new ArrayList<>();
        for (String name : List.of("Ana", "Ben", "Cy")) {
            Pages phone = new Pages(browsers.open(), port);
            phone.open("/join/" + code);
            phone.type("name", name);
            phone.press("Join");
            assertThat(phone.path()).isEqualTo("/w/" + code);
            phones.add(phone);
        }
        until(projector, "#live-joined", "3 participants joined");

        // They vote; the projector shows the count at once, never the votes.
        int[][] votes = { { 2, 4 }, { 2, 3 }, { 3, 4 } };
        for (int i = 0; i < 3; i++) {
            Pages phone = phones.get(i);
            phone.chooseOnCard("current", votes[i][0]);
            phone.chooseOnCard("target", votes[i][1]);
            phone.type("reason", "Reason of voter " + (i + 1));
            phone.press("Vote");
            until(projector, "#live-voted", (i + 1) + " of 3 participants have voted");
        }
        assertThat(projector.text("main")).doesNotContain("Reason of voter");

        // R on the projector reveals; every window follows.
        projector.driver().findElement(By.tagName("body")).sendKeys("r");
        until(projector, ".present-reasons", "Reason of voter 1");
        assertThat(projector.text(".present-reasons")).doesNotContain("Ana", "Ben");
        assertThat(projector.text(".present-figures")).contains("Median current level", "2");
        noScrolling(projector, 1920, 1080);
        noScrolling(projector, 1280, 720);
        for (Pages phone : phones) {
            until(phone, "main", "The room’s votes");
        }
        until(controls, "main", "Reasons given");

        // The consultant records the agreement in their own window.
        controls.chooseOnAgreeForm("current", 2);
        controls.chooseOnAgreeForm("target", 4);
        controls.type("reason", "Rules exist for e-mail only");
        controls.press("Record the agreement");
        assertThat(assessments.get(assessment.id()).rating("EXTENT").current()).isEqualTo(2);
        until(projector, ".present-figures", "Stored rating: current 2 Foundational, target 4 Mature");

        // → on the projector moves the room on.
        projector.driver().findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        until(projector, "h1", "Channel reach");
        for (Pages phone : phones) {
            until(phone, "h1", "Channel reach");
        }

        // Ana picks up on another device with her key.
        String key = phones.get(0).driver().findElement(By.cssSelector(".rejoin-key")).getAttribute("textContent");
        Pages tablet = new Pages(browsers.open(), port);
        tablet.open("/join/" + code);
        tablet.type("name", "Ana");
        tablet.driver().findElement(By.cssSelector("details.field summary")).click();
        tablet.type("key", key);
        tablet.press("Join");
        assertThat(tablet.path()).isEqualTo("/w/" + code);
        assertThat(tablet.text("main")).contains("You are Ana in workshop " + code, "Channel reach");
        // Still three in the room: Ana came back, nobody new joined.
        assertThat(projector.text("#live-voted")).isEqualTo("0 of 3 participants have voted");

        // Closing asks first; then the phones are told at once.
        controls.open("/workshops/" + workshop.id() + "/close");
        controls.press("Close the workshop");
        for (Pages phone : phones) {
            until(phone, "h1", "The workshop has closed");
        }
        until(tablet, "h1", "The workshop has closed");
    }
}
