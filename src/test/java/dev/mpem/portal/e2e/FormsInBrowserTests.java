package dev.mpem.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/**
 * Every form of the portal filled in and submitted through the page a real browser renders, the
 * way a person does: what a hand-built request cannot see (a hidden field shadowing a checkbox, a
 * field rendered twice) fails here.
 */
@PortalTest
@ExtendWith(Chromium.class)
class FormsInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    AssessmentService assessments;

    Pages pages(Chromium.Browsers browsers) {
        return new Pages(browsers.open(), port);
    }

    @Test
    void anAdminCreatesEditsDisablesAndEnablesAccountsThroughThePages(Chromium.Browsers browsers) {
        UserView admin = fixtures.user(Role.ADMIN);
        OrganisationView granted = fixtures.organisation();
        OrganisationView notGranted = fixtures.organisation();
        Pages page = pages(browsers);
        assertThat(page.signIn(admin.username(), Fixtures.PASSWORD)).isTrue();

        // A new account: a mistake first; what was typed stays, the account stays enabled.
        page.open("/admin/users");
        page.follow("New account");
        String username = "pat-" + UUID.randomUUID().toString().substring(0, 8);
        page.type("username", "pat jones");
        page.type("displayName", "Pat Jones");
        page.type("password", "a long first passphrase");
        assertThat(page.driver().findElement(By.id("role-CONSULTANT")).isSelected()).isTrue();
        assertThat(page.driver().findElement(By.id("enabled")).isSelected()).isTrue();
        page.press("Save");
        assertThat(page.text(".error-summary")).contains("Use letters, digits and . _ @ - only in the username.");
        assertThat(page.value("username")).isEqualTo("pat jones");
        assertThat(page.value("displayName")).isEqualTo("Pat Jones");
        assertThat(page.driver().findElement(By.id("enabled")).isSelected()).isTrue();
        page.type("username", username);
        page.type("password", "a long first passphrase");
        page.press("Save");
        assertThat(page.path()).isEqualTo("/admin/users");
        assertThat(page.text("#user-" + username)).contains("Pat Jones", "Consultant", "Active");
        UserView created = accounts.all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        assertThat(created.enabled()).isTrue();

        // The account created on the page can sign in.
        Pages pat = pages(browsers);
        assertThat(pat.signIn(username, "a long first passphrase")).isTrue();

        // Edit: the username is not a field any more, and every change of the form is saved.
        page.clickAndWait(page.driver().findElement(By.linkText(username)));
        assertThat(page.h1()).isEqualTo("Account " + username);
        assertThat(page.driver().findElements(By.cssSelector("input[name=username]"))).hasSize(1)
                .allSatisfy(input -> assertThat(input.getAttribute("type")).isEqualTo("hidden"));
        page.driver().findElement(By.id("role-EXECUTIVE")).click();
        page.driver().findElement(By.id("org-" + granted.id())).click();
        page.type("password", "a second long passphrase");
        page.driver().findElement(By.id("enabled")).click();
        page.press("Save");
        assertThat(page.path()).isEqualTo("/admin/users");
        assertThat(page.text("#user-" + username)).contains("Executive", "Disabled");
        UserView edited = accounts.get(created.id());
        assertThat(edited.role()).isEqualTo(Role.EXECUTIVE);
        assertThat(edited.enabled()).isFalse();
        assertThat(edited.organisations()).containsExactly(granted.id());

        // Disabled: no sign-in, and the sign-in page keeps the username that was typed.
        Pages refused = pages(browsers);
        assertThat(refused.signIn(username, "a second long passphrase")).isFalse();
        assertThat(refused.text(".error-summary")).contains("Sign-in failed");
        assertThat(refused.value("username")).isEqualTo(username);

        // Enabled again: the executive signs in with the reset password and sees the granted organisation only.
        page.clickAndWait(page.driver().findElement(By.linkText(username)));
        assertThat(page.driver().findElement(By.id("enabled")).isSelected()).isFalse();
        page.driver().findElement(By.id("enabled")).click();
        page.press("Save");
        assertThat(page.text("#user-" + username)).contains("Active");
        Pages executive = pages(browsers);
        assertThat(executive.signIn(username, "a second long passphrase")).isTrue();
        executive.open("/organisations");
        assertThat(executive.text("main")).contains(granted.name()).doesNotContain(notGranted.name());
    }

    @Test
    void aConsultantUsesEveryFormOfTheAssessmentCycle(Chromium.Browsers browsers) throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Pages page = pages(browsers);
        assertThat(page.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();

        // A new organisation: a missing name is refused with the industry kept; then saved.
        page.open("/organisations/new");
        page.select("industry", "Retail");
        page.press("Create organisation");
        assertThat(page.text(".error-summary")).contains("Enter the organisation");
        assertThat(page.value("industry")).isEqualTo("RETAIL");
        String name = Fixtures.unique("Forms Retail");
        page.type("name", name);
        page.press("Create organisation");
        assertThat(page.h1()).isEqualTo(name);

        // Its details edited.
        page.follow("Edit details");
        page.type("contact", "Jane Doe, CMO");
        page.press("Save");
        assertThat(page.text(".facts")).contains("Jane Doe, CMO");
        String organisationPath = page.path();

        // The dashboard's search finds it.
        page.open("/organisations");
        page.type("q", name);
        page.clickAndWait(page.driver().findElement(By.cssSelector("form.search button")));
        assertThat(page.text("main")).contains(name);

        // An assessment, its details edited.
        page.open(organisationPath);
        page.follow("Start an assessment");
        page.type("title", "Baseline");
        page.press("Start the walk");
        assertThat(page.path()).endsWith("/steps/EXTENT");
        String assessmentPath = page.path().replace("/steps/EXTENT", "");
        page.open(assessmentPath + "/edit");
        page.type("assessor", "Pat Consultant");
        page.press("Save");
        assertThat(page.text(".facts")).contains("Pat Consultant");

        // With the draft under way, the organisation's main button continues it.
        page.open(organisationPath);
        assertThat(page.text("#continue-draft")).isEqualTo("Continue \u201cBaseline\u201d (0 of 11 rated)");

        // The walk by mouse: each level is chosen on its card.
        page.open(assessmentPath + "/walk");
        for (int step = 1; step <= 11; step++) {
            page.chooseOnCard("current", 2);
            page.chooseOnCard("target", step % 2 == 0 ? 4 : 3);
            page.press(step == 11 ? "Save & finish" : "Save & next");
        }
        assertThat(page.path()).isEqualTo(assessmentPath);
        // All rated: completing is the first thing offered.
        WebElement first = page.driver().findElement(By.cssSelector("main .actions > :first-child"));
        assertThat(first.getText()).isEqualTo("Complete the assessment");
        page.press("Complete the assessment");
        assertThat(page.text("h1 .status")).isEqualTo("Completed");
        long assessmentId = Long.parseLong(assessmentPath.substring(assessmentPath.lastIndexOf('/') + 1));
        AssessmentView completed = assessments.get(assessmentId);
        assertThat(completed.ratings()).allSatisfy(r -> assertThat(r.current()).isEqualTo(2));
        assertThat(completed.rating("CHANNEL_REACH").target()).isEqualTo(4);

        // Reopened with a reason, completed again.
        page.type("reason", "Late evidence from the CMO");
        page.press("Reopen the assessment");
        assertThat(page.text("main")).contains("Late evidence from the CMO");
        page.press("Complete the assessment");

        // A share link created and revoked.
        page.open(assessmentPath + "/shares");
        page.press("Create a link");
        assertThat(page.value("new-link")).contains("/share/");
        page.press("Revoke");
        assertThat(page.text("main")).contains("Revoked");

        // Re-assessed; then the history refuses a comparison that runs backwards, with words.
        page.open(assessmentPath + "/reassess");
        page.type("title", "Spring review");
        page.press("Start the walk");
        page.chooseOnCard("current", 3);
        page.press("Save & next");
        page.open(organisationPath + "/history");
        Select from = new Select(page.driver().findElement(By.id("from")));
        Select to = new Select(page.driver().findElement(By.id("to")));
        // The list is newest first: "from" the newest "to" the one before runs backwards.
        from.selectByIndex(0);
        to.selectByIndex(1);
        page.press("Compare");
        assertThat(page.text("#compare-problem")).contains("comes after the later one");
        assertThat(new Select(page.driver().findElement(By.id("from"))).getFirstSelectedOption().getText())
                .contains("Spring review");
        new Select(page.driver().findElement(By.id("dimension"))).selectByVisibleText("Extent");
        page.press("Show");
        assertThat(page.text(".chart-box")).isNotNull();
        assertThat(page.driver().findElement(By.cssSelector("svg.trend title")).getAttribute("textContent"))
                .isEqualTo("Average levels over the completed assessments");

        // Time zone: the account page's form; times then carry the chosen zone's name.
        page.open("/account");
        new Select(page.driver().findElement(By.id("timeZone"))).selectByVisibleText("Asia/Tokyo");
        page.press("Save time zone");
        assertThat(page.text(".flash")).contains("Asia/Tokyo (JST)");
        page.open(assessmentPath);
        assertThat(page.text(".facts")).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} JST");

        // Password: a mismatch is refused, then changed; sign out and in again with it.
        page.open("/account/password");
        page.type("currentPassword", Fixtures.PASSWORD);
        page.type("newPassword", "a brand new passphrase");
        page.type("confirmPassword", "a brand new passphrase!");
        page.press("Change password");
        assertThat(page.text(".error-summary")).contains("not the same");
        page.type("currentPassword", Fixtures.PASSWORD);
        page.type("newPassword", "a brand new passphrase");
        page.type("confirmPassword", "a brand new passphrase");
        page.press("Change password");
        page.clickAndWait(page.driver().findElement(By.xpath("//header//button[normalize-space()='Sign out']")));
        assertThat(page.text("main")).contains("You are signed out");
        assertThat(page.signIn(consultant.username(), "a brand new passphrase")).isTrue();
    }

    @Test
    void aWorkshopIsRunThroughItsPagesAndParticipantsAreToldWhenItCloses(Chromium.Browsers browsers) {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        AssessmentView assessment = fixtures.assessment();
        Pages facilitator = pages(browsers);
        assertThat(facilitator.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();
        facilitator.open("/assessments/" + assessment.id() + "/workshops");
        facilitator.driver().findElement(By.id("anonymous")).click();
        facilitator.press("Open the workshop");
        String code = facilitator.text(".join-code");

        // A participant joins on the join page, typing the code, and votes on the cards.
        Pages ana = pages(browsers);
        ana.open("/join");
        ana.type("code", code.toLowerCase());
        ana.type("name", "Ana");
        ana.press("Join");
        assertThat(ana.h1()).isEqualTo("Extent");
        ana.chooseOnCard("current", 2);
        ana.chooseOnCard("target", 4);
        ana.type("reason", "Only greetings are personal");
        ana.press("Vote");
        assertThat(ana.text("main")).contains("Your vote is in.");

        // The facilitator reveals, records what the room agreed, moves on.
        facilitator.open(facilitator.path());
        facilitator.press("Reveal the votes");
        assertThat(facilitator.text("main")).contains("Only greetings are personal", "Ana");
        facilitator.chooseOnAgreeForm("current", 2);
        facilitator.chooseOnAgreeForm("target", 4);
        facilitator.type("reason", "The room agreed quickly");
        facilitator.press("Record the agreement");
        assertThat(assessments.get(assessment.id()).rating("EXTENT").current()).isEqualTo(2);
        facilitator.press("Next dimension \u2192");
        assertThat(facilitator.text("main")).contains("Channel reach");

        // Channel reach is revealed but nothing is agreed: closing first says so, and asks.
        facilitator.press("Reveal the votes");
        facilitator.follow("Close the workshop\u2026");
        assertThat(facilitator.h1()).isEqualTo("Close workshop " + code + "?");
        assertThat(facilitator.text("#unrecorded")).contains("Channel reach").doesNotContain("Extent");
        assertThat(facilitator.text("#unrevealed")).isEqualTo("9 dimensions were not revealed.");
        assertThat(assessments.get(assessment.id()).rating("CHANNEL_REACH").rated()).isFalse();

        // Closed: Ana's page (following by itself) says so, and offers no vote.
        facilitator.press("Close the workshop");
        new WebDriverWait(ana.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "The workshop has closed"));
        assertThat(ana.text("main")).contains("votes are no longer taken")
                .doesNotContain("You can change it until the votes are revealed");
        // Counted by the page itself: looking for an element that is not there would wait the implicit 5 s.
        assertThat(((org.openqa.selenium.JavascriptExecutor) ana.driver())
                .executeScript("return document.querySelectorAll('form.vote-form').length")).isEqualTo(0L);
    }

    @Test
    void anAdminFiltersTheAuditTrailAndUsesTheDataPage(Chromium.Browsers browsers) throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        fixtures.rate(fixtures.assessment().id(), "EXTENT", 2, 3);
        Pages page = pages(browsers);
        assertThat(page.signIn(admin.username(), Fixtures.PASSWORD)).isTrue();

        page.open("/admin/audit");
        new Select(page.driver().findElement(By.id("action"))).selectByVisibleText("Rating changed");
        page.clickAndWait(page.driver().findElement(By.cssSelector("form.search button")));
        List<String> what = page.driver().findElements(By.cssSelector("table.audit tbody td:nth-child(3)")).stream()
                .map(WebElement::getText).distinct().toList();
        assertThat(what).containsExactly("Rating changed");

        // Importing into a portal that has data is refused with a clear message, nothing changed.
        Path file = Files.createTempFile("portal-export", ".json");
        Files.writeString(file, "{\"format\": \"mpem-portal-export\", \"version\": 1, \"data\": {}}");
        page.open("/admin/data");
        page.driver().findElement(By.id("file")).sendKeys(file.toString());
        page.press("Import");
        assertThat(page.text(".error-summary")).isNotBlank();
        assertThat(page.h1()).isEqualTo("Export and import all data");
    }
}
