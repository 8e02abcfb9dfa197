package dev.mpem.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/** axe-core, run in the browser on the pages people use most: no serious or critical violation. */
@PortalTest
@ExtendWith(Chromium.class)
class AccessibilityTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Test
    void homeWalkStepReportModelSignInAndJoinHaveNoSeriousOrCriticalViolations(Chromium.Browsers browsers) throws Exception {
        AssessmentView assessment = fixtures.assessment("SELL_MORE");
        fixtures.rateAll(assessment.id(), 2, 4);
        fixtures.rate(fixtures.assessment(assessment.organisationId(), "2026-05-15").id(), "EXTENT", 1, 2);
        WebDriver driver = browsers.open();
        driver.get("http://localhost:" + port + "/join");
        assertThat(violations(driver)).as("workshop join page").isEmpty();
        driver.get("http://localhost:" + port + "/login");
        assertThat(violations(driver)).as("sign-in page").isEmpty();
        driver.findElement(By.id("username")).sendKeys(fixtures.user(Role.CONSULTANT).username());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);

        for (String page : new String[] { "/", "/assessments/" + assessment.id() + "/steps/SCOPE",
                "/assessments/" + assessment.id() + "/report", "/model", "/organisations/" + assessment.organisationId(),
                "/assessments/" + assessment.id(), "/assessments/" + assessment.id() + "/summary",
                "/assessments/" + assessment.id() + "/actions", "/assessments/" + assessment.id() + "/actions/new",
                "/portfolio", "/organisations/new" }) {
            driver.get("http://localhost:" + port + page);
            assertThat(violations(driver)).as(page).isEmpty();
        }

        // The check itself finds what it should: an image without a text alternative is critical.
        ((JavascriptExecutor) driver).executeScript("document.querySelector('main').insertAdjacentHTML('afterbegin',"
                + " '<img src=\"/css/none.png\">');");
        assertThat(violations(driver)).anySatisfy(v -> assertThat(v).startsWith("image-alt (critical)"));
    }

    /** The serious and critical violations axe finds on the page, as "rule: target" lines. */
    List<String> violations(WebDriver driver) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: 'axe-error',"
                + " impact: 'critical', nodes: [{target: [String(e)]}]}])));");
        List<Map<String, Object>> found = json.readValue((String) result, new TypeReference<>() {
        });
        return found.stream().filter(v -> List.of("serious", "critical").contains(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at "
                        + ((List<?>) v.get("nodes")).stream().limit(3).map(n -> String.valueOf(((Map<?, ?>) n).get("target")))
                                .toList())
                .toList();
    }

    private static String script;

    private static String axe() throws IOException {
        if (script == null) {
            try (InputStream in = AccessibilityTests.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return script;
    }
}
