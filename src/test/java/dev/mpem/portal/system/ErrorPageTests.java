package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import org.springframework.beans.factory.annotation.Autowired;
import dev.mpem.portal.support.PortalTest;

/** Error pages go through the servlet container's error dispatch, so they are tested over real HTTP. */
@PortalTest
class ErrorPageTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    final HttpClient http = HttpClient.newHttpClient();

    Browser signedIn() {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();
        return browser;
    }

    @Test
    void unknownPageGetsA404PageInThePortalsLook() throws Exception {
        HttpResponse<String> response = signedIn().get("/no/such/page");

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Html.of(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("header .brand").text()).isEqualTo("MPEM portal");
        assertThat(page.selectFirst("footer").text()).contains("Creative Commons Attribution-ShareAlike");
    }

    @Test
    void theBrowsersFaviconRequestFindsAnIconWithoutSigningIn() throws Exception {
        HttpResponse<byte[]> icon = new Browser(port).getBytes("/favicon.ico");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).contains("icon");
        // An ICO file: reserved 0, type 1 (icon), then the number of images.
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
        assertThat(Html.of(signedIn().get("/").body()).select("link[rel=icon]").attr("href")).isEqualTo("/favicon.ico");
    }

    @Test
    void failureGetsA500PageWithoutStackTraceOrExceptionText() throws Exception {
        HttpResponse<String> response = signedIn().get("/test/failure");

        assertThat(response.statusCode()).isEqualTo(500);
        Document page = Html.of(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("The portal hit a problem");
        assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException", "at dev.mpem");
    }

    @Test
    void unknownApiPathAnswersJson() throws Exception {
        HttpResponse<String> response = apiCall("GET", "/api/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":404", "\"error\":\"NOT_FOUND\"",
                "\"message\":\"Nothing is found at this address.\"", "\"title\":\"Not Found\"",
                "\"detail\":\"Nothing is found at this address.\"", "\"instance\":\"/api/no-such-thing\"");
    }

    /** A handler's error is an RFC 9457 problem that keeps the API's own fields at the top level. */
    @Test
    void apiErrorsAreProblemsKeepingTheirFields() throws Exception {
        String username = fixtures.user(Role.CONSULTANT).username();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/organisations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"reassessMonths\":99}"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (username + ":" + Fixtures.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"Bad Request\"",
                "\"status\":400", "\"detail\":", "\"error\":\"VALIDATION_FAILED\"", "\"message\":",
                "\"field\":", "\"errors\":[{\"field\":").doesNotContain("\"properties\"");
    }

    @Test
    void methodNothingHandlesAnswersJsonWithTheApisCodes() throws Exception {
        HttpResponse<String> response = apiCall("DELETE", "/api/organisations/1");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"error\":\"METHOD_NOT_ALLOWED\"", "\"message\":");
    }

    /** Tomcat refuses these addresses before any servlet sees them; its answer is JSON, not its HTML page. */
    @Test
    void addressesTheServerRefusesAnswerJson() throws Exception {
        for (String path : new String[] { "/api/organisations/a%00", "/api/organisations/%2F", "/api/organisations/%ff",
                "/api/organisations;x=y", "/api/organisations/%2e%2e/x" }) {
            HttpResponse<String> response = apiCall("GET", path);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(path).contains("\"status\":400", "\"error\":\"BAD_REQUEST\"")
                    .doesNotContain("<html", "Tomcat");
        }
    }

    private HttpResponse<String> apiCall(String method, String path) throws Exception {
        String username = fixtures.user(Role.CONSULTANT).username();
        return http.send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (username + ":" + Fixtures.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
