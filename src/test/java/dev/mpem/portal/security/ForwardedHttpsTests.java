package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/** Behind a TLS-terminating proxy (X-Forwarded-Proto: https) the session cookie is Secure; over plain HTTP it cannot be. */
@PortalTest
class ForwardedHttpsTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    List<String> sessionCookieAfterSignIn(String forwardedProto) throws Exception {
        // Cookies by hand: a client's cookie jar would (rightly) keep a Secure cookie from a plain-HTTP test server.
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.Builder page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        if (forwardedProto != null) {
            page.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> form = http.send(page.build(), HttpResponse.BodyHandlers.ofString());
        String csrf = Html.of(form.body()).selectFirst("input[name=_csrf]").val();
        String cookies = String.join("; ", form.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
        String username = fixtures.user(Role.CONSULTANT).username();
        HttpRequest.Builder signIn = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf));
        if (forwardedProto != null) {
            signIn.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> response = http.send(signIn.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).toList();
    }

    @Test
    void theSessionCookieIsSecureWhenThePortalIsReachedOverHttps() throws Exception {
        assertThat(sessionCookieAfterSignIn("https")).singleElement().asString().contains("Secure", "HttpOnly");
        assertThat(sessionCookieAfterSignIn(null)).singleElement().asString().doesNotContain("Secure")
                .contains("HttpOnly");
    }
}
