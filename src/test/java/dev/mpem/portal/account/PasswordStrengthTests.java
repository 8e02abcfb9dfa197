package dev.mpem.portal.account;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/** Long is not enough: common and repetitive passwords are refused; the change-password page cannot be used to guess. */
@PortalTest
class PasswordStrengthTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Test
    void commonAndRepetitivePasswordsAreRefusedWhateverTheirLength() {
        assertThat(PasswordRules.problem("aaaaaaaaaaaa", "pat")).get().asString().startsWith("This password is too easy to guess");
        assertThat(PasswordRules.problem("password1234", "pat")).get().asString().contains("common password");
        assertThat(PasswordRules.problem("qwertyuiop12", "pat")).isPresent();
        assertThat(PasswordRules.problem("abcabcabcabc", "pat")).isPresent();
        assertThat(PasswordRules.problem("Summer2024!!", "pat")).isPresent();
        assertThat(PasswordRules.problem("sunshine12345", "pat")).isPresent();
        assertThat(PasswordRules.problem("correct horse battery", "pat")).isEmpty();
        assertThat(PasswordRules.problem("violet tractor on the moon", "pat")).isEmpty();
    }

    @Test
    void theApiAndTheAdminPageSayWhy() throws Exception {
        var admin = fixtures.user(Role.ADMIN);
        mvc.perform(post("/api/users").with(signedInAs(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"weak-" + System.nanoTime() + "\",\"password\":\"aaaaaaaaaaaa\","
                                + "\"role\":\"CONSULTANT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("password")))
                .andExpect(jsonPath("$.message", containsString("too easy to guess")));
    }

    @Test
    void wrongCurrentPasswordsOnTheChangePageLockTheAccountAndEndItsSessions() {
        var consultant = fixtures.user(Role.CONSULTANT);
        Browser elsewhere = new Browser(port);
        assertThat(elsewhere.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();
        Browser here = new Browser(port);
        assertThat(here.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();

        for (int i = 0; i < 4; i++) {
            var refused = here.submit("/account/password", "/account/password", Map.of("currentPassword",
                    "guess number " + i, "newPassword", "violet tractor on the moon", "confirmPassword",
                    "violet tractor on the moon"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("The current password is not correct.");
        }
        var locked = here.submit("/account/password", "/account/password", Map.of("currentPassword", "guess number 5",
                "newPassword", "violet tractor on the moon", "confirmPassword", "violet tractor on the moon"));
        assertThat(locked.statusCode()).isEqualTo(302);
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");

        assertThat(accounts.get(consultant.id()).lockedUntil()).isNotNull();
        assertThat(here.get("/organisations").statusCode()).isEqualTo(302);
        assertThat(elsewhere.get("/organisations").statusCode()).isEqualTo(302);
        assertThat(new Browser(port).signIn(consultant.username(), Fixtures.PASSWORD)).isFalse();
    }
}
