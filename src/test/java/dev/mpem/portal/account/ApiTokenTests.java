package dev.mpem.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.audit.AuditAction;
import dev.mpem.portal.audit.AuditEntry;
import dev.mpem.portal.audit.AuditService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/** Personal API tokens, made and revoked on the account page and used by a script, over real HTTP. */
@PortalTest
class ApiTokenTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.shared();

    Browser signedIn(UserView user) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user.username(), Fixtures.PASSWORD)).isTrue();
        return browser;
    }

    /** Makes a token through the account page, as a person does, and reads it off the page it is shown on. */
    String createToken(Browser browser, String name, String days) {
        HttpResponse<String> created = browser.submit("/account", "/account/tokens",
                Map.of("name", name, "expiresInDays", days));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/account#tokens");
        Document page = Html.of(browser.get("/account").body());
        Element shown = page.selectFirst("#new-token-value");
        assertThat(shown).as("the new token is on the page").isNotNull();
        assertThat(page.selectFirst("#new-token").text()).contains("Your new token \u2018" + name + "\u2019",
                "not shown again");
        return shown.val();
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Autowired
    AuditService audit;

    /** The audit trail's entries of one kind by one actor, oldest first, in the words the audit page shows. */
    List<String> auditOf(String actor, String action) {
        List<String> entries = new java.util.ArrayList<>(audit.page(AuditAction.valueOf(action), 0, 500, Locale.ENGLISH)
                .stream().filter(entry -> entry.actor().equals(actor)).map(AuditEntry::summary).toList());
        java.util.Collections.reverse(entries);
        return entries;
    }

    @Test
    void aTokenIsShownOnceStoredAsAHashAndActsAsItsOwner() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = signedIn(consultant);

        String token = createToken(browser, "Nightly export", "30");

        assertThat(token).startsWith("mpem_").hasSizeGreaterThan(40);
        // Shown once: the next view of the page lists the token by its first characters only.
        String again = browser.get("/account").body();
        assertThat(again).doesNotContain(token).contains(token.substring(0, 9) + "\u2026");
        // Only its hash is stored.
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ?", Integer.class,
                ApiTokens.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ? or token_hint = ?",
                Integer.class, token, token)).isZero();

        // A script calls the API as the consultant: reads, and makes an organisation.
        HttpResponse<String> list = call("GET", "/api/organisations", token, null);
        assertThat(list.statusCode()).isEqualTo(200);
        String name = Fixtures.unique("Token Org");
        HttpResponse<String> made = call("POST", "/api/organisations", token,
                "{\"name\": \"" + name + "\", \"industry\": \"RETAIL\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(auditOf(consultant.username(), "ORGANISATION_CREATED")).anyMatch(entry -> entry.contains(name));
        // ... but not what the consultant's role does not allow.
        HttpResponse<String> users = call("GET", "/api/users", token, null);
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(json.readTree(users.body()).path("error").asString()).isEqualTo("FORBIDDEN");
        // The API documentation takes the token too.
        assertThat(call("GET", "/v3/api-docs", token, null).statusCode()).isEqualTo(200);

        // Every use is counted and shown; none is in the audit trail, the creation is.
        Document page = Html.of(browser.get("/account").body());
        Element row = page.selectFirst("table.tokens tbody tr");
        assertThat(row.text()).contains("Nightly export", "Active").doesNotContain("Never");
        assertThat(row.select("td.number").text()).isEqualTo("4");
        assertThat(auditOf(consultant.username(), "API_TOKEN_CREATED"))
                .containsExactly("API token \u2018Nightly export\u2019 created, valid for 30 days.");
        assertThat(auditOf(consultant.username(), "API_TOKEN_REFUSED")).isEmpty();
        // No session was made for the script's calls.
        assertThat(list.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION"));
    }

    @Test
    void anExecutivesTokenSeesOnlyTheOrganisationsGrantedToThem() throws Exception {
        OrganisationView granted = fixtures.organisation();
        OrganisationView other = fixtures.organisation();
        UserView executive = fixtures.user(Role.EXECUTIVE, granted.id());
        String token = createToken(signedIn(executive), "Board dashboard", "7");

        JsonNode organisations = json.readTree(call("GET", "/api/organisations", token, null).body());
        assertThat(organisations.findValuesAsString("name")).contains(granted.name()).doesNotContain(other.name());
        assertThat(call("GET", "/api/organisations/" + other.id(), token, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/organisations", token, "{\"name\": \"Nope\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenIsRefusedAndTheRefusalRecorded() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = signedIn(consultant);
        String token = createToken(browser, "Old script", "90");
        long id = jdbc.queryForObject("select id from api_tokens where token_hash = ?", Long.class, ApiTokens.hash(token));

        HttpResponse<String> revoked = browser.submit("/account", "/account/tokens/" + id + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        Document page = Html.of(browser.get("/account").body());
        assertThat(page.select(".flash").text()).contains("Token \u2018Old script\u2019 revoked");
        assertThat(page.selectFirst("#token-" + id).text()).contains("Revoked").doesNotContain("Active");

        HttpResponse<String> refused = call("GET", "/api/organisations", token, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("error").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(problem.path("message").asString()).contains("unknown, expired or revoked");
        assertThat(auditOf(consultant.username(), "API_TOKEN_REVOKED"))
                .containsExactly("API token \u2018Old script\u2019 revoked.");
        assertThat(auditOf(consultant.username(), "API_TOKEN_REFUSED"))
                .containsExactly("An API call was refused: the token was revoked (from 127.0.0.1).");

        // Someone else's token cannot be revoked from another account.
        Browser stranger = signedIn(fixtures.user(Role.CONSULTANT));
        assertThat(stranger.submit("/account", "/account/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDisabledAccountsTokensStopAtOnceAndExpiredTokensAreRefused() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = signedIn(consultant);
        String kept = createToken(browser, "Kept", "365");
        String expiring = createToken(browser, "Expiring", "7");
        assertThat(call("GET", "/api/model", kept, null).statusCode()).isEqualTo(200);

        jdbc.update("update api_tokens set expires_at = ? where token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), ApiTokens.hash(expiring));
        assertThat(call("GET", "/api/model", expiring, null).statusCode()).isEqualTo(401);
        Document page = Html.of(browser.get("/account").body());
        assertThat(page.select("table.tokens tbody tr").stream().filter(r -> r.text().contains("Expiring"))
                .findFirst().orElseThrow().text()).contains("Expired");

        accounts.update(consultant.id(), new UserForm(consultant.username(), consultant.displayName(), null,
                Role.CONSULTANT.name(), List.of(), false), "an-admin");
        assertThat(call("GET", "/api/model", kept, null).statusCode()).isEqualTo(401);
        // Disabling ended the account's access for good: enabled again, its old tokens stay revoked.
        accounts.update(consultant.id(), new UserForm(consultant.username(), consultant.displayName(), null,
                Role.CONSULTANT.name(), List.of(), true), "an-admin");
        assertThat(call("GET", "/api/model", kept, null).statusCode()).isEqualTo(401);
        // Disabling the account revoked its tokens at once (and they stay revoked).
        assertThat(auditOf(consultant.username(), "API_TOKEN_REFUSED")).containsExactly(
                "An API call was refused: the token has expired (from 127.0.0.1).",
                "An API call was refused: the token was revoked (from 127.0.0.1).",
                "An API call was refused: the token was revoked (from 127.0.0.1).");
        assertThat(jdbc.queryForObject("select revoked_by from api_tokens where token_hash = ?", String.class,
                ApiTokens.hash(kept))).isEqualTo("an-admin");
    }

    @Test
    void anAdminSeesAnAccountsTokensAndRevokesOne() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        String token = createToken(signedIn(consultant), "Leaked script", "30");
        long id = jdbc.queryForObject("select id from api_tokens where token_hash = ?", Long.class, ApiTokens.hash(token));
        UserView admin = fixtures.user(Role.ADMIN);
        Browser browser = signedIn(admin);

        Document page = Html.of(browser.get("/admin/users/" + consultant.id()).body());
        assertThat(page.selectFirst("#token-" + id).text()).contains("Leaked script", token.substring(0, 9), "Active")
                .doesNotContain(token);
        HttpResponse<String> revoked = browser.submit("/admin/users/" + consultant.id(),
                "/admin/users/" + consultant.id() + "/tokens/" + id + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);

        assertThat(call("GET", "/api/model", token, null).statusCode()).isEqualTo(401);
        assertThat(Html.of(browser.get("/admin/users/" + consultant.id()).body()).selectFirst("#token-" + id).text())
                .contains("Revoked");
        assertThat(auditOf(admin.username(), "API_TOKEN_REVOKED")).containsExactly("API token \u2018Leaked script\u2019 of "
                + consultant.username() + " revoked by an admin.");
        // A consultant cannot reach it.
        assertThat(signedIn(fixtures.user(Role.CONSULTANT)).submit("/account", "/admin/users/" + consultant.id()
                + "/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminsPasswordResetRevokesTheAccountsTokens() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        String token = createToken(signedIn(consultant), "Before the reset", "90");
        assertThat(call("GET", "/api/model", token, null).statusCode()).isEqualTo(200);

        accounts.update(consultant.id(), new UserForm(consultant.username(), consultant.displayName(),
                "a brand new passphrase here", Role.CONSULTANT.name(), List.of(), true), "an-admin");

        assertThat(call("GET", "/api/model", token, null).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select revoked_by from api_tokens where token_hash = ?", String.class,
                ApiTokens.hash(token))).isEqualTo("an-admin");
    }

    @Test
    void unknownTokensAreRefusedAndCannotFloodTheTrail() throws Exception {
        long before = auditOf("(unknown token)", "API_TOKEN_REFUSED").size();
        for (int i = 0; i < ApiTokens.LISTED_PER_MINUTE + 5; i++) {
            HttpResponse<String> refused = call("GET", "/api/model", "mpem_not-a-token-" + i, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(call("GET", "/api/model", "", null).statusCode()).isEqualTo(401);
        List<String> entries = auditOf("(unknown token)", "API_TOKEN_REFUSED");
        long after = entries.size();
        // At most five a minute from one address are listed, then one line says the rest are not
        // (a minute boundary during the loop can list a few more, never one per call).
        assertThat(after - before).isBetween(1L, 2L * (ApiTokens.LISTED_PER_MINUTE + 1));
        assertThat(entries).contains("An API call was refused: the token is not one the portal made (from 127.0.0.1).")
                .anyMatch(entry -> entry.startsWith("More than 5 API calls with refused tokens within a minute from 127.0.0.1"));
    }

    @Test
    void aFormThatIsNotRightComesBackWithWhatWasTypedAndSaysWhy() {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser browser = signedIn(consultant);

        HttpResponse<String> blank = browser.submit("/account", "/account/tokens", Map.of("name", "  ",
                "expiresInDays", "30"));
        assertThat(blank.statusCode()).isEqualTo(400);
        Document page = Html.of(blank.body());
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Give the token a name, so that you can tell it"
                + " from others later.");
        assertThat(page.select("#expiresInDays option[selected]").val()).isEqualTo("30");

        HttpResponse<String> tooLong = browser.submit("/account", "/account/tokens", Map.of("name", "Export",
                "expiresInDays", "999"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        page = Html.of(tooLong.body());
        assertThat(page.selectFirst("#expiresInDays-error").text()).isEqualTo("A token is valid for 1 to 365 days.");
        assertThat(page.selectFirst("#name").val()).isEqualTo("Export");

        HttpResponse<String> notANumber = browser.submit("/account", "/account/tokens", Map.of("name", "Export",
                "expiresInDays", "soon"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Html.of(notANumber.body()).selectFirst("#expiresInDays-error").text()).contains("\u201csoon\u201d");
        assertThat(jdbc.queryForObject("select count(*) from api_tokens t join users u on u.id = t.user_id"
                + " where u.username = ?", Integer.class, consultant.username())).isZero();
    }
}
