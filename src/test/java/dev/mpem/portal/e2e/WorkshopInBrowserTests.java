package dev.mpem.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/**
 * A consultant runs a whole assessment in a real browser, the walk with the keyboard only, and
 * follows it through the report, its exports, a share link and the next assessment.
 */
@PortalTest
@ExtendWith(Chromium.class)
class WorkshopInBrowserTests {

    /** Current and target level per step, in the model's order (worked out below for the report). */
    static final int[][] LEVELS = { { 2, 4 }, { 1, 3 }, { 2, 3 }, { 2, 2 }, { 1, 3 }, { 4, 4 }, { 1, 2 }, { 3, 3 },
            { 2, 3 }, { 2, 3 }, { 1, 2 } };

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriver signedIn(Chromium.Browsers browsers, String username) {
        WebDriver driver = browsers.open();
        driver.get(url("/organisations"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
        waitFor(driver, "/organisations");
        return driver;
    }

    @Test
    void aConsultantRunsAWholeAssessmentSharesItAndReassesses(Chromium.Browsers browsers) throws Exception {
        String username = fixtures.user(Role.CONSULTANT).username();
        WebDriver driver = signedIn(browsers, username);
        Keyboard keyboard = new Keyboard(driver);

        // A new organisation.
        driver.findElement(By.linkText("New organisation")).click();
        String name = Fixtures.unique("Browser Retail");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("industry"))).selectByVisibleText("Retail");
        driver.findElement(By.id("name")).sendKeys(name, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), name));

        // An assessment, with a business outcome in focus.
        driver.findElement(By.linkText("Start an assessment")).click();
        driver.findElement(By.id("title")).sendKeys("Baseline in the browser");
        driver.findElement(By.id("focus-SELL_MORE")).click();
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(driver, "/steps/EXTENT");

        // The walk, keyboard only.
        for (int step = 0; step < 11; step++) {
            assertThat(driver.findElement(By.cssSelector(".step-count strong")).getText())
                    .isEqualTo("Step " + (step + 1) + " of 11");
            String dimension = driver.findElement(By.tagName("h1")).getText();
            if (step == 2) {
                // A bad value first: a target below the current level is refused with an explanation.
                keyboard.fromTop().chooseLevel("current", 4);
                keyboard.chooseLevel("target", 2);
                keyboard.tabTo(Keyboard.button("Save & next"), "Save & next").sendKeys(Keys.ENTER);
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("target-error")));
                assertThat(driver.findElement(By.id("target-error")).getText())
                        .contains("is below the current level (4 Mature)");
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(dimension);
            }
            keyboard.fromTop().chooseLevel("current", LEVELS[step][0]);
            keyboard.chooseLevel("target", LEVELS[step][1]);
            keyboard.tabTo(Keyboard.field("notes"), "the notes").sendKeys("Heard in the room about " + dimension);
            String button = step == 10 ? "Save & finish" : "Save & next";
            keyboard.tabTo(Keyboard.button(button), button).sendKeys(Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                    ExpectedConditions.textToBe(By.tagName("h1"), dimension)));
        }
        assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("11 of 11 rated");

        driver.findElement(By.xpath("//button[normalize-space()='Complete the assessment']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector("h1 .status"), "Completed"));
        String assessmentPath = URI.create(driver.getCurrentUrl()).getPath();

        // The gap report. Currents 2+1+2+2+1+4+1+3+2+2+1 = 21, targets 4+3+3+2+3+4+2+3+3+3+2 = 32:
        // overall 21/11 = 1.9 and 32/11 = 2.9; Functional (2,1,2,2) 1.75 -> 1.8 and (4,3,3,2) 3.0.
        driver.findElement(By.linkText("Gap report")).click();
        waitFor(driver, "/report");
        assertThat(driver.findElements(By.cssSelector(".key-value")).stream().map(WebElement::getText).toList())
                .containsExactly("1.9", "2.9", "1.0", "8 / 11");
        assertThat(driver.findElement(By.cssSelector(".overall-row")).getText()).contains("1.9", "2.9", "1.0");
        assertThat(driver.findElement(By.id("gap-EXTENT")).getText()).contains("2 Foundational → 4 Mature");
        assertThat(driver.findElement(By.cssSelector(".warning h3")).getText()).isEqualTo("Imbalance between dimensions");
        assertThat(driver.findElement(By.id("priorities-heading")).isDisplayed()).isTrue();

        // Its PDF and CSV, fetched with the browser's session.
        String cookie = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newHttpClient();
        String pdfHref = driver.findElement(By.linkText("Download PDF")).getAttribute("href");
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(pdfHref)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String csvHref = driver.findElement(By.linkText("Download CSV")).getAttribute("href");
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(csvHref)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body().lines().toList()).hasSize(12)
                .anySatisfy(line -> assertThat(line).startsWith("EXTENT,Extent,FUNCTIONAL,2,4,2," + name + ","));

        // A read-only link, opened in a fresh browser that never signed in.
        driver.findElement(By.linkText("Share a read-only link")).click();
        waitFor(driver, "/shares");
        driver.findElement(By.xpath("//button[normalize-space()='Create a link']")).click();
        String link = driver.findElement(By.id("new-link")).getAttribute("value");
        WebDriver stranger = browsers.open();
        stranger.get(link);
        assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo("Gap report: " + name);
        assertThat(stranger.findElement(By.cssSelector(".overall-row")).getText()).contains("1.9", "2.9");
        // Counted by the page itself: looking for an element that is not there would wait the implicit 5 s.
        assertThat(((org.openqa.selenium.JavascriptExecutor) stranger).executeScript("return Array.from("
                + "document.querySelectorAll('a')).filter(a => a.textContent.trim() === 'Organisations').length"))
                .isEqualTo(0L);
        stranger.get(url(assessmentPath));
        assertThat(stranger.getCurrentUrl()).endsWith("/login");

        // Six months on: re-assess, rate a dimension afresh, compare with the baseline.
        driver.get(url(assessmentPath));
        driver.findElement(By.linkText("Re-assess (start the next assessment)")).click();
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(driver, "/steps/EXTENT");
        assertThat(driver.findElement(By.cssSelector(".last-time")).getText())
                .contains("current 2 Foundational, target 4 Mature");
        keyboard.fromTop().chooseLevel("current", 3);
        keyboard.chooseLevel("target", 4);
        keyboard.tabTo(Keyboard.button("Save & next"), "Save & next").sendKeys(Keys.ENTER);
        waitFor(driver, "/steps/CHANNEL_REACH");

        driver.get(url(assessmentPath));
        driver.findElement(By.cssSelector(".breadcrumb a")).click();
        driver.findElement(By.linkText("History and progress")).click();
        WebElement extent = driver.findElement(By.id("progress-EXTENT"));
        assertThat(extent.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .containsExactly("2", "4", "3", "↑ up", "partly met", "");
        assertThat(driver.findElement(By.cssSelector(".scorecard")).getText()).contains("partly met");
    }

    static void waitFor(WebDriver driver, String urlEnd) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(urlEnd));
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
