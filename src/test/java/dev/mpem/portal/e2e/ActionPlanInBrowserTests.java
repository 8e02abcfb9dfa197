package dev.mpem.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/**
 * The cycle in a real browser: a consultant turns a completed assessment into an agreed action plan
 * and writes to the executives; an executive lands on the two-page summary; six months later the
 * re-assessment shows what was done.
 */
@PortalTest
@ExtendWith(Chromium.class)
class ActionPlanInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Test
    void fromACompletedAssessmentToAPlanASummaryAndWhatWasDoneSixMonthsOn(Chromium.Browsers browsers) throws Exception {
        AssessmentView baseline = fixtures.assessment("SELL_MORE");
        fixtures.rateAll(baseline.id(), 3, 3);
        assessments.saveRating(baseline.id(), "EXTENT", RatingCommand.of(2, 4, null, 1L, "test"));
        assessments.saveRating(baseline.id(), "CULTURE", RatingCommand.of(1, 2, null, 1L, "test"));
        fixtures.complete(baseline.id());
        UserView consultant = fixtures.user(Role.CONSULTANT);
        UserView executive = fixtures.user(Role.EXECUTIVE, baseline.organisationId());

        Pages page = new Pages(browsers.open(), port);
        assertThat(page.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();
        page.open("/assessments/" + baseline.id());
        page.follow("Action plan");
        assertThat(page.h1()).isEqualTo("Action plan: " + baseline.title());
        assertThat(page.driver().findElements(By.cssSelector(".suggestion"))).hasSize(3);

        // Extent's first step, as the paper words it, straight into the plan; then an owner and a date.
        submitIn(page, "suggestion-EXTENT-3", "Add to the plan");
        assertThat(page.text(".flash")).contains("Suggestion added to the plan");
        WebElement row = page.driver().findElement(By.cssSelector("#plan-EXTENT tbody tr"));
        page.clickAndWait(row.findElement(By.linkText("Edit")));
        page.type("owner", "Head of CRM");
        setDate(page, "dueOn", LocalDate.now().plusDays(45));
        page.press("Save");
        assertThat(page.text("#plan-EXTENT")).contains("Reach 3 Intermediate: Rules-based personalization",
                "Head of CRM", "Planned");

        // The next step edited before it goes in; Culture's dismissed.
        page.clickAndWait(page.driver().findElement(By.cssSelector("#suggestion-EXTENT-4")).findElement(By.linkText("Edit, then add")));
        assertThat(page.value("title")).startsWith("Reach 4 Mature: Personas & dynamic segmentation");
        page.type("title", "Build personas for the three key segments");
        page.type("owner", "Marketing analytics");
        setDate(page, "dueOn", LocalDate.now().minusDays(3));
        page.press("Add the action");
        assertThat(page.text("#plan-EXTENT")).contains("Build personas for the three key segments", "Overdue");
        submitIn(page, "suggestion-CULTURE-2", "Dismiss");
        assertThat(page.driver().findElements(By.cssSelector(".suggestion"))).isEmpty();

        // A word to the executives, paragraphs kept.
        page.open("/assessments/" + baseline.id() + "/summary");
        page.follow("Write a commentary");
        page.type("commentary", "Extent is where the money is.\n\nThe board should sponsor the personas work.");
        page.press("Save the commentary");
        assertThat(page.path()).isEqualTo("/assessments/" + baseline.id() + "/summary");
        assertThat(page.text(".commentary-text")).contains("Extent is where the money is.",
                "The board should sponsor the personas work.");

        // The executive lands on the summary from the dashboard, and its PDF has at most two pages.
        Pages exec = new Pages(browsers.open(), port);
        assertThat(exec.signIn(executive.username(), Fixtures.PASSWORD)).isTrue();
        exec.open("/?q=" + java.net.URLEncoder.encode(baseline.organisationName(), java.nio.charset.StandardCharsets.UTF_8));
        exec.follow("Executive summary");
        assertThat(exec.h1()).isEqualTo("Executive summary: " + baseline.organisationName());
        assertThat(exec.text(".commentary-text")).contains("Extent is where the money is.");
        assertThat(exec.driver().findElements(By.cssSelector(".plan-status .plan-counts li")).stream()
                .map(li -> li.getText().replace('\n', ' ')).toList())
                .containsExactly("2 Planned", "0 In progress", "0 Done", "0 Dropped", "1 Overdue");
        assertThat(exec.text(".plan-status")).contains("Build personas for the three key segments");
        assertThat(exec.driver().findElements(By.linkText("Write a commentary"))).isEmpty();
        try (PDDocument pdf = Loader.loadPDF(fetch(exec, exec.driver().findElement(By.linkText("Download the summary (PDF)"))
                .getAttribute("href")))) {
            assertThat(pdf.getNumberOfPages()).isBetween(1, 2);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Executive summary", "Extent is where the money is.");
        }

        // Six months on: one action done, the re-assessment carries the open one.
        page.open("/assessments/" + baseline.id() + "/actions");
        WebElement first = page.driver().findElement(By.cssSelector("#plan-EXTENT tbody tr"));
        new Select(first.findElement(By.tagName("select"))).selectByVisibleText("Done");
        page.clickAndWait(first.findElement(By.xpath(".//button[normalize-space()='Set']")));
        assertThat(page.text(".flash")).contains("is now Done");
        AssessmentView next = assessments.reassess(baseline.id(), new AssessmentForm("Six months on",
                LocalDate.now().toString(), "Pat", null, List.of("SELL_MORE")));
        for (String code : Fixtures.DIMENSIONS) {
            assessments.saveRating(next.id(), code, RatingCommand.of(code.equals("EXTENT") ? 3 : 3, 4, null, 1L, "pat"));
        }
        fixtures.complete(next.id());

        page.open("/assessments/" + next.id() + "/actions");
        assertThat(page.text("#plan-EXTENT")).contains("Build personas for the three key segments",
                "Carried from the previous assessment’s plan.");
        page.open("/organisations/" + baseline.organisationId() + "/history");
        assertThat(page.text("#progress-EXTENT")).contains("met", "1 of 2 done, 1 open (1 overdue)");
        assertThat(page.text(".plan-progress")).contains("Of the 2 actions planned then: 1 done, 1 still open (1 overdue)");
        page.open("/assessments/" + next.id() + "/summary");
        assertThat(page.text("#summary-progress-EXTENT")).contains("2 ↑ 3", "1 of 2 done");
    }

    /** Presses the button in the element with this id (a suggestion's own form). */
    private static void submitIn(Pages page, String id, String button) {
        page.clickAndWait(page.driver().findElement(By.id(id))
                .findElement(By.xpath(".//button[normalize-space()='" + button + "']")));
    }

    /** A date typed into a date field the way the browser stores it, whatever its display format. */
    private static void setDate(Pages page, String id, LocalDate date) {
        page.js().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }

    private static byte[] fetch(Pages page, String href) throws Exception {
        String cookie = page.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
