package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;

/**
 * Failed attempts from one address are slowed down (wrong passwords, unknown join codes); successful
 * requests never count, so a room full of participants behind one address is never throttled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "portal.throttle.failures=4", "portal.throttle.period=10m" })
class ThrottleTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> basic(String username, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organisations"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failuresFromOneAddressAreThrottledSuccessesNever() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        Browser signedIn = new Browser(port);
        assertThat(signedIn.signIn(consultant.username(), Fixtures.PASSWORD)).isTrue();
        // Many successful requests take nothing from the bucket.
        for (int i = 0; i < 20; i++) {
            assertThat(basic(consultant.username(), Fixtures.PASSWORD).statusCode()).isEqualTo(200);
        }

        // Four failures of any kind, each against another account (no lockout in play) or an unknown code.
        assertThat(basic("nobody-" + 1, "wrong password one").statusCode()).isEqualTo(401);
        assertThat(new Browser(port).signIn("nobody-2", "wrong password two")).isFalse();
        assertThat(new Browser(port).get("/w/NOSUCHCODE").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/workshops/NOSUCHCODE/votes")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"participant\":\"Ana\",\"dimension\":\"EXTENT\","
                        + "\"current\":2,\"target\":3}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        // Now even the right password waits, with a clear answer and when to try again.
        HttpResponse<String> throttled = basic(consultant.username(), Fixtures.PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("\"error\":\"TOO_MANY_REQUESTS\"", "Too many failed attempts");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(new Browser(port).get("/w/ANYCODE").statusCode()).isEqualTo(429);
        HttpResponse<String> page = new Browser(port).submit("/login", "/login",
                java.util.Map.of("username", consultant.username(), "password", Fixtures.PASSWORD));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("too many failed attempts from your address");

        // A person already signed in carries on.
        assertThat(signedIn.get("/organisations").statusCode()).isEqualTo(200);
    }
}
