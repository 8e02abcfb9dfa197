package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import dev.mpem.portal.PortalApplication;
import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserForm;
import dev.mpem.portal.audit.AuditAction;
import dev.mpem.portal.audit.AuditService;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Html;
import dev.mpem.testprovider.TestIdentityProvider;

/**
 * Single sign-on against a real OpenID Connect provider started here (Spring Authorization Server,
 * {@link TestIdentityProvider}), through the real redirects of the authorization code flow with
 * PKCE, as a browser follows them: the portal, the provider's sign-in form, back to the portal.
 * The provider runs on localhost and the portal on 127.0.0.1, so that each keeps its own cookies.
 */
class SingleSignOnTests {

    static ConfigurableApplicationContext provider;
    static ConfigurableApplicationContext portal;
    static InMemoryUserDetailsManager people;
    static String portalBase;
    static String providerBase;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        int portalPort;
        try (ServerSocket free = new ServerSocket(0)) {
            portalPort = free.getLocalPort();
        }
        portalBase = "http://127.0.0.1:" + portalPort;
        String client = "spring.security.oauth2.authorizationserver.client.portal.";
        provider = new SpringApplicationBuilder(TestIdentityProvider.class).run("--server.port=0",
                "--spring.main.banner-mode=off",
                // The portal's settings are on the class path too; the provider has no database.
                "--management.endpoint.health.group.readiness.include=readinessState",
                "--" + client + "registration.client-id=portal",
                "--" + client + "registration.client-secret={noop}portal-secret",
                "--" + client + "registration.client-authentication-methods=client_secret_basic",
                "--" + client + "registration.authorization-grant-types=authorization_code",
                "--" + client + "registration.redirect-uris=" + portalBase + "/login/oauth2/code/sso",
                "--" + client + "registration.scopes=openid,profile,email",
                "--" + client + "require-proof-key=true",
                "--" + client + "require-authorization-consent=false");
        people = provider.getBean(InMemoryUserDetailsManager.class);
        providerBase = "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
        portal = new SpringApplicationBuilder(PortalApplication.class).run("--server.port=" + portalPort,
                "--spring.main.banner-mode=off",
                "--portal.sso.issuer-uri=" + providerBase,
                "--portal.sso.client-id=portal",
                "--portal.sso.client-secret=portal-secret",
                "--portal.sso.admin-groups=portal-admins",
                "--portal.sso.consultant-groups=portal-consultants, consultants-emea",
                "--portal.sso.executive-groups=portal-executives",
                "--portal.sso.button-label=Sign in with Example ID");
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    /** A browser of its own: cookies for both hosts, redirects followed one by one. */
    static final class Visitor {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final List<String> visited = new java.util.ArrayList<>();

        HttpResponse<String> get(String url) throws Exception {
            visited.add(url);
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
            visited.add(url);
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Follows redirects from {@code response} until a page answers; the provider's sign-in form is filled in. */
        HttpResponse<String> follow(HttpResponse<String> response, String username) throws Exception {
            for (int hops = 0; hops < 12; hops++) {
                if (response.statusCode() == 302 || response.statusCode() == 303) {
                    String location = URI.create(response.request().uri().toString())
                            .resolve(response.headers().firstValue("Location").orElseThrow()).toString();
                    response = get(location);
                }
                else if (response.statusCode() == 200 && response.request().uri().toString().startsWith(providerBase + "/login")) {
                    Document form = Html.of(response.body());
                    response = post(providerBase + "/login", Map.of("username", username,
                            "password", TestIdentityProvider.PASSWORD,
                            "_csrf", form.selectFirst("input[name=_csrf]").val()));
                }
                else {
                    return response;
                }
            }
            throw new AssertionError("Too many redirects: " + visited);
        }

        /** Signs in through the provider from the portal's sign-in button; the page it ends on. */
        HttpResponse<String> signInThroughProvider(String username) throws Exception {
            Document login = Html.of(get(portalBase + "/login").body());
            String button = login.selectFirst("a#sso").attr("href");
            HttpResponse<String> start = get(portalBase + button);
            assertThat(start.statusCode()).isEqualTo(302);
            String authorize = start.headers().firstValue("Location").orElseThrow();
            // Authorization code flow with PKCE, at the provider the issuer names.
            assertThat(authorize).startsWith(providerBase + "/oauth2/authorize?").contains("response_type=code",
                    "client_id=portal", "code_challenge=", "code_challenge_method=S256", "scope=openid");
            return follow(start, username);
        }
    }

    static String person(String name, String... groups) {
        String username = name + "-" + RUN;
        TestIdentityProvider.person(people, username, groups);
        return username;
    }

    JdbcTemplate jdbc() {
        return portal.getBean(JdbcTemplate.class);
    }

    List<String> audit(AuditAction action) {
        return portal.getBean(AuditService.class).page(action, 0, 200, Locale.ENGLISH).stream()
                .map(entry -> entry.actor() + ": " + entry.summary()).toList();
    }

    @Test
    void theFirstSignInMakesTheAccountAndTheRoleFollowsTheGroupsAtEverySignIn() throws Exception {
        String username = person("alice", "staff", "consultants-emea");

        Visitor browser = new Visitor();
        HttpResponse<String> home = browser.signInThroughProvider(username);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.request().uri().toString()).isEqualTo(portalBase + "/");
        assertThat(browser.visited).anyMatch(url -> url.startsWith(portalBase + "/login/oauth2/code/sso?code="));
        assertThat(Html.of(home.body()).select(".signed-in-as").text()).contains("Provider person " + username);
        Map<String, Object> account = jdbc().queryForMap("select username, role, oidc_issuer, oidc_subject, enabled"
                + " from users where oidc_subject = ?", username);
        assertThat(account.get("USERNAME").toString().toLowerCase(Locale.ROOT)).isEqualTo(username);
        assertThat(account.get("ROLE")).isEqualTo("CONSULTANT");
        assertThat(account.get("OIDC_ISSUER")).isEqualTo(providerBase);
        // A consultant's pages open; an admin's do not.
        assertThat(browser.get(portalBase + "/organisations/new").statusCode()).isEqualTo(200);
        assertThat(browser.get(portalBase + "/admin/users").statusCode()).isEqualTo(403);
        assertThat(audit(AuditAction.USER_CREATED)).contains(username + ": Account " + username
                + " created as Consultant at its first sign-in through single sign-on (localhost).");
        assertThat(audit(AuditAction.SIGN_IN)).anyMatch(entry -> entry.startsWith(username + ":"));

        // The provider moves the person to the admins: the next sign-in makes them an admin, same account.
        TestIdentityProvider.person(people, username, "portal-admins");
        Visitor later = new Visitor();
        assertThat(later.signInThroughProvider(username).statusCode()).isEqualTo(200);
        assertThat(jdbc().queryForObject("select count(*) from users where oidc_subject = ?", Integer.class, username))
                .isEqualTo(1);
        assertThat(jdbc().queryForObject("select role from users where oidc_subject = ?", String.class, username))
                .isEqualTo("ADMIN");
        assertThat(later.get(portalBase + "/admin/users").statusCode()).isEqualTo(200);
        // The session signed in with the old role ended.
        HttpResponse<String> old = browser.get(portalBase + "/organisations");
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/login");

        // Taken out of every mapped group: refused, and what the person was signed in with ends, tokens too.
        long accountId = jdbc().queryForObject("select id from users where oidc_subject = ?", Long.class, username);
        jdbc().update("insert into api_tokens (user_id, name, token_hash, token_hint, created_at, expires_at)"
                + " values (?, 'Script', ?, 'mpem_test', current_timestamp, ?)", accountId, dev.mpem.portal.shared.Secrets.hash(username),
                java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)));
        TestIdentityProvider.person(people, username, "staff");
        HttpResponse<String> refused = new Visitor().signInThroughProvider(username);
        assertThat(refused.request().uri().getPath()).isEqualTo("/login/sso-refused");
        HttpResponse<String> ended = later.get(portalBase + "/organisations");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(jdbc().queryForObject("select count(*) from api_tokens where user_id = ? and revoked_at is null",
                Integer.class, accountId)).isZero();
        assertThat(audit(AuditAction.SIGN_IN_FAILED)).anyMatch(entry -> entry.startsWith(account.get("USERNAME") + ":")
                && entry.contains("none of the person\u2019s groups"));

        // And back to executive: the groups decide, every time.
        TestIdentityProvider.person(people, username, "portal-executives");
        Visitor third = new Visitor();
        assertThat(third.signInThroughProvider(username).statusCode()).isEqualTo(200);
        assertThat(jdbc().queryForObject("select role from users where oidc_subject = ?", String.class, username))
                .isEqualTo("EXECUTIVE");
        assertThat(third.get(portalBase + "/organisations/new").statusCode()).isEqualTo(403);
    }

    @Test
    void someoneInNoMappedGroupIsRefusedWithAClearPageAndNoAccount() throws Exception {
        String username = person("bob", "staff", "finance");

        HttpResponse<String> page = new Visitor().signInThroughProvider(username);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.request().uri().getPath()).isEqualTo("/login/sso-refused");
        Document refused = Html.of(page.body());
        assertThat(refused.selectFirst("h1").text()).isEqualTo("You cannot use the portal yet");
        assertThat(refused.selectFirst("main").text()).contains("not in any group that gives a role in this portal",
                "Ask whoever manages your organisation\u2019s accounts");
        assertThat(refused.select("a[href=/login]")).isNotEmpty();
        assertThat(jdbc().queryForObject("select count(*) from users where oidc_subject = ?", Integer.class, username))
                .isZero();
        // Named as the provider names them, marked so that no local account of that name is blamed.
        assertThat(audit(AuditAction.SIGN_IN_FAILED)).anyMatch(entry -> entry.startsWith("(single sign-on) " + username + ":")
                && entry.contains("none of the person\u2019s groups gives a role"));
    }

    @Test
    void aDisabledAccountIsRefusedThoughTheProviderSignsThePersonIn() throws Exception {
        String username = person("dave", "portal-consultants");
        assertThat(new Visitor().signInThroughProvider(username).statusCode()).isEqualTo(200);
        jdbc().update("update users set enabled = false where oidc_subject = ?", username);

        HttpResponse<String> page = new Visitor().signInThroughProvider(username);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(Html.of(page.body()).selectFirst("main").text()).contains("your portal account is disabled");
        String local = jdbc().queryForObject("select username from users where oidc_subject = ?", String.class, username);
        assertThat(audit(AuditAction.SIGN_IN_FAILED)).contains(local + ": Sign-in refused (account disabled) from 127.0.0.1.");
    }

    @Test
    void aProviderThatCannotBeReachedIsSaidInWords() throws Exception {
        try (ConfigurableApplicationContext unreachable = new SpringApplicationBuilder(PortalApplication.class).run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--portal.sso.issuer-uri=http://127.0.0.1:9/no-provider", "--portal.sso.client-id=portal")) {
            String base = "http://127.0.0.1:" + unreachable.getEnvironment().getProperty("local.server.port");
            Visitor browser = new Visitor();
            // The portal started although its provider is down; the button is there.
            assertThat(Html.of(browser.get(base + "/login").body()).select("a#sso")).hasSize(1);
            HttpResponse<String> start = browser.get(base + "/oauth2/authorization/sso");
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElse("")).endsWith("/login/sso-refused?reason=unreachable");
            HttpResponse<String> page = browser.follow(start, "nobody");
            Document refused = Html.of(page.body());
            assertThat(refused.selectFirst("h1").text()).isEqualTo("Single sign-on did not work");
            assertThat(refused.selectFirst("main").text()).contains("cannot be reached just now",
                    "sign in with a portal account");
        }
    }

    @Test
    void theSignInPageOffersTheProviderAndLocalAccountsKeepWorking() throws Exception {
        Document login = Html.of(new Visitor().get(portalBase + "/login").body());
        assertThat(login.selectFirst("a#sso").text()).isEqualTo("Sign in with Example ID");
        assertThat(login.select("form input[name=password]")).isNotEmpty();

        String local = "local-" + RUN;
        portal.getBean(AccountService.class).create(new UserForm(local, "Local Person", "a long local passphrase",
                Role.CONSULTANT.name(), List.of(), true));
        Browser browser = new Browser(portalBase);
        assertThat(browser.signIn(local, "a long local passphrase")).isTrue();
        assertThat(browser.get("/organisations").statusCode()).isEqualTo(200);
        // Someone the provider knows by the same name gets an account of their own, never this one.
        String sameName = local;
        TestIdentityProvider.person(people, sameName, "portal-executives");
        assertThat(new Visitor().signInThroughProvider(sameName).statusCode()).isEqualTo(200);
        assertThat(jdbc().queryForObject("select username from users where oidc_subject = ?", String.class, sameName))
                .isEqualTo(local + "-2");
        assertThat(jdbc().queryForObject("select role from users where username = ?", String.class, local))
                .isEqualTo("CONSULTANT");
    }
}
