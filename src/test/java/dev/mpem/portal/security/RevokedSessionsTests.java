package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserForm;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/**
 * A signed-in browser keeps no power its account has lost: disabling, a new role, a removed grant or
 * a new password end every stored session of the account at once (over real HTTP, sessions in the
 * shared session store).
 */
@PortalTest
class RevokedSessionsTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    Browser signedIn(UserView user) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user.username(), Fixtures.PASSWORD)).isTrue();
        assertThat(browser.get("/organisations").statusCode()).isEqualTo(200);
        return browser;
    }

    static boolean signedOut(Browser browser) {
        var response = browser.get("/organisations");
        return response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
    }

    void change(UserView user, Consumer<UserFormBuilder> edit) {
        UserFormBuilder form = new UserFormBuilder(user);
        edit.accept(form);
        accounts.update(user.id(), form.build(), "an-admin");
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser laptop = signedIn(consultant);
        Browser phone = signedIn(consultant);

        change(consultant, form -> form.enabled = false);

        assertThat(signedOut(laptop)).isTrue();
        assertThat(signedOut(phone)).isTrue();
    }

    @Test
    void aNewRoleEndsTheSessionsThatHadTheOldOne() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        OrganisationView organisation = fixtures.organisation();
        Browser browser = signedIn(consultant);
        assertThat(browser.get("/organisations/new").statusCode()).isEqualTo(200);

        change(consultant, form -> {
            form.role = Role.EXECUTIVE.name();
            form.organisations = List.of(organisation.id());
        });

        assertThat(signedOut(browser)).isTrue();
        Browser again = signedIn(consultant);
        assertThat(again.get("/organisations/new").statusCode()).isEqualTo(403);
    }

    @Test
    void removingAGrantEndsTheExecutivesSessionsButAddingOneDoesNot() {
        OrganisationView first = fixtures.organisation();
        OrganisationView second = fixtures.organisation();
        UserView executive = fixtures.user(Role.EXECUTIVE, first.id());
        Browser browser = signedIn(executive);

        UserView now = accounts.get(executive.id());
        change(now, form -> form.organisations = List.of(first.id(), second.id()));
        assertThat(signedOut(browser)).as("a grant added").isFalse();

        change(accounts.get(executive.id()), form -> form.organisations = List.of(second.id()));
        assertThat(signedOut(browser)).as("a grant removed").isTrue();
    }

    @Test
    void anAdminsPasswordResetEndsTheSessions() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = signedIn(consultant);

        change(consultant, form -> form.password = "a reset passphrase here");

        assertThat(signedOut(browser)).isTrue();
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser elsewhere = signedIn(consultant);
        Browser here = signedIn(consultant);

        var changed = here.submit("/account/password", "/account/password", Map.of("currentPassword",
                Fixtures.PASSWORD, "newPassword", "my brand new passphrase", "confirmPassword",
                "my brand new passphrase"));
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(signedOut(here)).isFalse();
        assertThat(signedOut(elsewhere)).isTrue();
    }

    @Test
    void aChangeThatTakesNothingAwayKeepsTheSession() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = signedIn(consultant);

        change(consultant, form -> form.displayName = "A new name");

        assertThat(signedOut(browser)).isFalse();
    }

    /** The account as the admin form holds it, to change one thing at a time. */
    static final class UserFormBuilder {
        String username;
        String displayName;
        String password;
        String role;
        List<Long> organisations;
        boolean enabled;

        UserFormBuilder(UserView user) {
            username = user.username();
            displayName = user.displayName();
            role = user.role().name();
            organisations = List.copyOf(user.organisations());
            enabled = user.enabled();
        }

        UserForm build() {
            return new UserForm(username, displayName, password, role, organisations, enabled);
        }
    }
}
