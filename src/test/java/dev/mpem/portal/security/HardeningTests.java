package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/**
 * Security headers, sessions and the lockout over real HTTP. No MockMvc here: its csrf() helper
 * replaces the CSRF filter's token store in the application context it runs in, which would make
 * these real requests create sessions that the portal itself never creates.
 */
@PortalTest
class HardeningTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesCarryTheSecurityHeaders() {
        HttpResponse<String> login = new Browser(port).get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void anonymousPagesDoNotCreateASession() {
        Browser anonymous = new Browser(port);
        for (String page : new String[] { "/login", "/organisations", "/share/not-a-valid-token-at-all-000000000",
                "/no/such/page", "/css/portal.css" }) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.headers().allValues("Set-Cookie")).as(page).noneMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "="));
        }
        HttpResponse<String> failedSignIn = anonymous.submit("/login", "/login",
                Map.of("username", "nobody", "password", "wrong password 1"));
        assertThat(failedSignIn.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "="));

        assertThat(anonymous.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName)
                .doesNotContain(Browser.SESSION_COOKIE);
    }

    @Test
    void signingInGivesANewSessionIdNotOneChosenBeforehand() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        String planted = java.util.Base64.getEncoder().encodeToString(
                "a1b2c3d4-0000-4000-8000-attacker0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Browser victim = new Browser(port);
        victim.cookies().getCookieStore().add(URI.create("http://localhost:" + port), cookie(Browser.SESSION_COOKIE, planted));

        HttpResponse<String> signIn = victim.submit("/login", "/login",
                Map.of("username", consultant.username(), "password", Fixtures.PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(302);
        String issued = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Browser.SESSION_COOKIE + "="))
                .map(c -> c.substring(Browser.SESSION_COOKIE.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
        assertThat(issued).isNotEqualTo(planted);
        Browser attacker = new Browser(port);
        attacker.cookies().getCookieStore().add(URI.create("http://localhost:" + port), cookie(Browser.SESSION_COOKIE, planted));
        assertThat(attacker.get("/").statusCode()).as("the planted id signs nobody in").isEqualTo(302);
    }

    private static HttpCookie cookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        return cookie;
    }

    @Test
    void fiveFailedSignInsLockTheAccountFor15MinutesWithoutRevealingWhetherItExists() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = new Browser(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(browser.signIn(consultant.username(), "wrong password " + attempt)).isFalse();
        }

        assertThat(browser.signIn(consultant.username(), Fixtures.PASSWORD)).as("locked even with the right password")
                .isFalse();
        assertThat(basic(consultant.username(), Fixtures.PASSWORD).statusCode()).isEqualTo(401);
        String lockedMessage = Html.of(browser.get("/login?error").body()).selectFirst(".error-summary").text();
        String unknownMessage = Html.of(new Browser(port).get("/login?error").body()).selectFirst(".error-summary").text();
        assertThat(lockedMessage).isEqualTo(unknownMessage).contains("locked for 15 minutes");
        assertThat(jdbc.queryForObject("select locked_until from users where username = ?", java.sql.Timestamp.class,
                consultant.username()).toInstant()).isBetween(java.time.Instant.now().plusSeconds(14 * 60),
                java.time.Instant.now().plusSeconds(15 * 60 + 5));

        jdbc.update("update users set locked_until = ? where username = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), consultant.username());
        assertThat(new Browser(port).signIn(consultant.username(), Fixtures.PASSWORD)).as("after the lock ends").isTrue();
    }

    @Test
    void aSuccessfulSignInEndsARunOfFailures() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = new Browser(port);
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.signIn(consultant.username(), "wrong password " + attempt);
        }
        assertThat(browser.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();
        for (int attempt = 1; attempt <= 4; attempt++) {
            new Browser(port).signIn(consultant.username(), "wrong again " + attempt);
        }
        assertThat(new Browser(port).signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        jdbc.update("update users set enabled = false where username = ?", consultant.username());

        assertThat(new Browser(port).signIn(consultant.username(), Fixtures.PASSWORD)).isFalse();
        assertThat(basic(consultant.username(), Fixtures.PASSWORD).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> basic(String username, String password) {
        return new Browser(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organisations"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build());
    }
}
