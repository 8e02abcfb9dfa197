package dev.mpem.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.mpem.portal.PortalApplication;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Html;

/** The first start of an empty portal creates 'admin', with the configured or a one-time random password. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

    @Test
    void withoutAConfiguredPasswordARandomOneIsLoggedOnceAndWorks(CapturedOutput output) {
        try (ConfigurableApplicationContext portal = start()) {
            Matcher printed = Pattern.compile("one-time password \\(it is not shown again\\):\\s+(\\S+)")
                    .matcher(output.getOut());
            assertThat(printed.find()).as("the log names the password").isTrue();
            String password = printed.group(1);
            assertThat(password.length()).isGreaterThanOrEqualTo(16);
            assertThat(signsIn(portal, "admin", password)).isTrue();
            assertThat(portal.getBean(AccountService.class).all()).singleElement()
                    .satisfies(admin -> assertThat(admin.role()).isEqualTo(Role.ADMIN));
        }
    }

    @Test
    void theConfiguredPasswordIsUsedAndNotLogged(CapturedOutput output) {
        try (ConfigurableApplicationContext portal = start("--PORTAL_ADMIN_PASSWORD=chosen by the operator")) {
            assertThat(signsIn(portal, "admin", "chosen by the operator")).isTrue();
            assertThat(output.getOut()).doesNotContain("chosen by the operator").contains("PORTAL_ADMIN_PASSWORD");
            String hash = portal.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select password_hash from users where username = 'admin'", String.class);
            assertThat(portal.getBean(PasswordEncoder.class).matches("chosen by the operator", hash)).isTrue();
        }
    }

    @Test
    void theOneTimePasswordLeadsStraightToChoosingANewOneAndTheSignInPageStopsExplainingTheFirstStart(
            CapturedOutput output) {
        try (ConfigurableApplicationContext portal = start()) {
            Matcher printed = Pattern.compile("one-time password \\(it is not shown again\\):\\s+(\\S+)")
                    .matcher(output.getOut());
            assertThat(printed.find()).isTrue();
            String oneTime = printed.group(1);
            int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
            Browser browser = new Browser(port);
            assertThat(Html.of(browser.get("/login").body()).select("p.hint").text())
                    .contains("PORTAL_ADMIN_PASSWORD");

            assertThat(browser.signIn("admin", oneTime)).isTrue();
            HttpResponse<String> home = browser.get("/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
            assertThat(browser.get("/organisations").headers().firstValue("Location").orElseThrow())
                    .endsWith("/account/password");
            Document page = Html.of(browser.get("/account/password").body());
            assertThat(page.getElementById("first-password").text()).contains("one-time password");

            HttpResponse<String> changed = browser.submit("/account/password", "/account/password", Map.of(
                    "currentPassword", oneTime, "newPassword", "my own passphrase here", "confirmPassword",
                    "my own passphrase here"));
            assertThat(changed.statusCode()).isEqualTo(302);
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
            assertThat(signsIn(portal, "admin", "my own passphrase here")).isTrue();

            // Someone has signed in: a visitor no longer reads how the first account gets its password.
            assertThat(Html.of(new Browser(port).get("/login").body()).select("p.hint").text())
                    .doesNotContain("PORTAL_ADMIN_PASSWORD");
        }
    }

    @Test
    void aConfiguredPasswordNeedNotBeChangedAtTheFirstSignIn() {
        try (ConfigurableApplicationContext portal = start("--PORTAL_ADMIN_PASSWORD=chosen by the operator")) {
            Browser browser = new Browser(Integer.parseInt(portal.getEnvironment().getProperty("local.server.port")));
            assertThat(browser.signIn("admin", "chosen by the operator")).isTrue();
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTooShortConfiguredPasswordStopsTheStartWithOneClearLineAndNoStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> start("--PORTAL_ADMIN_PASSWORD=short1")).isInstanceOf(Exception.class);
        assertThat(output.getAll()).contains("PORTAL_ADMIN_PASSWORD has 6 characters; it needs at least 12.")
                .doesNotContain("\tat dev.mpem").doesNotContain("\tat org.springframework");
    }

    private static boolean signsIn(ConfigurableApplicationContext portal, String username, String password) {
        var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(
                portal.getBean(org.springframework.security.core.userdetails.UserDetailsService.class));
        provider.setPasswordEncoder(portal.getBean(PasswordEncoder.class));
        AuthenticationManager manager = new org.springframework.security.authentication.ProviderManager(provider);
        return manager.authenticate(new UsernamePasswordAuthenticationToken(username, password)).isAuthenticated();
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=jdbc:h2:mem:first-admin-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(PortalApplication.class).run(all);
    }
}
