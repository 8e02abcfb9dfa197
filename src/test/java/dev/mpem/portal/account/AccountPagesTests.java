package dev.mpem.portal.account;

import static dev.mpem.portal.support.Requests.signedInAs;
import static dev.mpem.portal.support.Requests.postForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

@PortalTest
class AccountPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    /** Single sign-on is off unless portal.sso.* sets it up (SingleSignOnTests has it on). */
    @Test
    void withoutSingleSignOnTheSignInPageOffersPasswordsOnly() throws Exception {
        Document login = Html.of(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(login.select("a#sso")).isEmpty();
        assertThat(login.select("form input[name=password]")).hasSize(1);
        // No provider to be sent to: the address is one more page that needs a sign-in.
        assertThat(mvc.perform(get("/oauth2/authorization/sso")).andExpect(status().isFound()).andReturn()
                .getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void passwordsAreStoredOnlyAsHashes() {
        UserView user = fixtures.user(Role.CONSULTANT);

        String hash = jdbc.queryForObject("select password_hash from users where id = ?", String.class, user.id());
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(Fixtures.PASSWORD);
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, hash)).isTrue();
    }

    @Test
    void anAdminCreatesAnExecutiveWithGrantedOrganisationsAndTheFormKeepsWhatWasTypedOnError() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        AssessmentView assessment = fixtures.assessment();
        String username = "exec." + System.nanoTime();

        Document refused = Html.of(mvc.perform(postForm("/admin/users").with(signedInAs(admin)).param("username", username)
                        .param("displayName", "Ana Exec").param("password", "too short").param("role", "EXECUTIVE")
                        .param("organisations", String.valueOf(assessment.organisationId())))
                .andExpect(status().isBadRequest()));
        assertThat(refused.selectFirst("#password").parent().text()).contains("at least 12 characters");
        assertThat(refused.selectFirst("#username").val()).isEqualTo(username);
        assertThat(refused.selectFirst("#role-EXECUTIVE").hasAttr("checked")).isTrue();
        assertThat(refused.selectFirst("#org-" + assessment.organisationId()).hasAttr("checked")).isTrue();
        assertThat(refused.selectFirst("#password").val()).isEmpty();

        mvc.perform(postForm("/admin/users").with(signedInAs(admin)).param("username", username).param("displayName", "Ana Exec")
                        .param("password", Fixtures.PASSWORD).param("role", "EXECUTIVE")
                        .param("organisations", String.valueOf(assessment.organisationId())))
                .andExpect(status().is3xxRedirection());
        UserView created = accounts.all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        assertThat(created.role()).isEqualTo(Role.EXECUTIVE);
        assertThat(created.organisations()).containsExactly(assessment.organisationId());
        mvc.perform(get("/api/organisations/" + assessment.organisationId()).with(httpBasic(username, Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void anAdminGivesAnAccountItsEmailAddress() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        String username = "mail." + System.nanoTime();
        Document refused = Html.of(mvc.perform(postForm("/admin/users").with(signedInAs(admin)).param("username", username)
                        .param("displayName", "Mo Mail").param("password", Fixtures.PASSWORD).param("role", "CONSULTANT")
                        .param("email", "mo at example"))
                .andExpect(status().isBadRequest()));
        assertThat(refused.selectFirst("#email-error").text()).isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(refused.selectFirst("#email").val()).isEqualTo("mo at example");

        mvc.perform(postForm("/admin/users").with(signedInAs(admin)).param("username", username)
                        .param("displayName", "Mo Mail").param("password", Fixtures.PASSWORD).param("role", "CONSULTANT")
                        .param("email", "mo@example.com"))
                .andExpect(status().is3xxRedirection());
        UserView created = accounts.all().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        assertThat(created.email()).isEqualTo("mo@example.com");
        Document edit = Html.of(mvc.perform(get("/admin/users/" + created.id()).with(signedInAs(admin)))
                .andExpect(status().isOk()));
        assertThat(edit.selectFirst("#email").val()).isEqualTo("mo@example.com");
    }

    @Test
    void anAdminDisablesAnAccountAndResetsAPassword() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        UserView consultant = fixtures.user(Role.CONSULTANT);

        mvc.perform(postForm("/admin/users/" + consultant.id()).with(signedInAs(admin)).param("username", consultant.username())
                .param("displayName", "Renamed").param("role", "CONSULTANT").param("enabled", "false")
                .param("password", "a brand new violet tractor")).andExpect(status().is3xxRedirection());

        UserView changed = accounts.get(consultant.id());
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.displayName()).isEqualTo("Renamed");
        mvc.perform(get("/api/organisations").with(httpBasic(consultant.username(), "a brand new violet tractor")))
                .andExpect(status().isUnauthorized());
        mvc.perform(postForm("/admin/users/" + consultant.id()).with(signedInAs(admin)).param("username", consultant.username())
                .param("displayName", "Renamed").param("role", "CONSULTANT").param("enabled", "true"));
        mvc.perform(get("/api/organisations").with(httpBasic(consultant.username(), "a brand new violet tractor")))
                .andExpect(status().isOk());
    }

    @Test
    void anAdminCannotLockThemselvesOut() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);

        Document page = Html.of(mvc.perform(postForm("/admin/users/" + admin.id()).with(signedInAs(admin))
                .param("username", admin.username()).param("displayName", "Me").param("role", "CONSULTANT")
                .param("enabled", "true")).andExpect(status().isBadRequest()));
        assertThat(page.selectFirst(".error-summary").text()).contains("cannot change your own role");
        assertThat(accounts.get(admin.id()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void peopleSetTheirOwnEmailAddressOnTheAccountPage() throws Exception {
        UserView user = fixtures.user(Role.CONSULTANT);

        Document refused = Html.of(mvc.perform(postForm("/account/email").with(signedInAs(user))
                .param("email", "pat(at)example")).andExpect(status().isBadRequest()));
        assertThat(refused.selectFirst("#email-error").text()).isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(refused.selectFirst("#email").val()).isEqualTo("pat(at)example");
        assertThat(accounts.get(user.id()).email()).isNull();

        mvc.perform(postForm("/account/email").with(signedInAs(user)).param("email", "  pat@example.com "))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.get(user.id()).email()).isEqualTo("pat@example.com");
        Document page = Html.of(mvc.perform(get("/account").with(signedInAs(user))).andExpect(status().isOk()));
        assertThat(page.selectFirst("#email").val()).isEqualTo("pat@example.com");
        // Admins read it through the API.
        UserView admin = fixtures.user(Role.ADMIN);
        assertThat(mvc.perform(get("/api/users").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("\"email\":\"pat@example.com\"");

        mvc.perform(postForm("/account/email").with(signedInAs(user)).param("email", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.get(user.id()).email()).isNull();
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        UserView user = fixtures.user(Role.EXECUTIVE);

        Document wrongCurrent = Html.of(mvc.perform(postForm("/account/password").with(signedInAs(user))
                .param("currentPassword", "not it at all").param("newPassword", "a new violet tractor here")
                .param("confirmPassword", "a new violet tractor here")).andExpect(status().isBadRequest()));
        assertThat(wrongCurrent.text()).contains("The current password is not correct.");
        Document mismatch = Html.of(mvc.perform(postForm("/account/password").with(signedInAs(user))
                .param("currentPassword", Fixtures.PASSWORD).param("newPassword", "a new violet tractor here")
                .param("confirmPassword", "another violet tractor")).andExpect(status().isBadRequest()));
        assertThat(mismatch.text()).contains("The two new passwords are not the same.");
        Document tooShort = Html.of(mvc.perform(postForm("/account/password").with(signedInAs(user))
                .param("currentPassword", Fixtures.PASSWORD).param("newPassword", "short")
                .param("confirmPassword", "short")).andExpect(status().isBadRequest()));
        assertThat(tooShort.text()).contains("at least 12 characters");

        mvc.perform(postForm("/account/password").with(signedInAs(user)).param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", "a new violet tractor here").param("confirmPassword", "a new violet tractor here"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/model").with(httpBasic(user.username(), "a new violet tractor here"))).andExpect(status().isOk());
        mvc.perform(get("/api/model").with(httpBasic(user.username(), Fixtures.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void usersApiCreatesAccountsForAdminsOnly() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        AssessmentView assessment = fixtures.assessment();
        String username = "api." + System.nanoTime();
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + Fixtures.PASSWORD
                + "\",\"role\":\"EXECUTIVE\",\"organisations\":[" + assessment.organisationId() + "]}";

        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.username")
                        .value(username))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.organisations[0]")
                        .value((int) assessment.organisationId()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.password")
                        .doesNotExist());
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.field")
                        .value("username"));
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"x" + System.nanoTime() + "\",\"password\":\"" + Fixtures.PASSWORD
                        + "\",\"role\":\"KING\",\"organisations\":[999999]}")
                .with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
    }
}
