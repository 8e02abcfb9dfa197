package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.PortalTest;

/** What a load balancer or orchestrator asks of an instance, without signing in. */
@PortalTest
class OperationsTests {

    @LocalServerPort
    int port;

    @Test
    void healthLivenessAndReadinessAnswerWithoutSigningIn() {
        for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
            HttpResponse<String> response = new Browser(port).getJson(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void onlyHealthAndInfoAreExposed() {
        assertThat(new Browser(port).getJson("/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(new Browser(port).getJson("/actuator/beans").statusCode()).isNotEqualTo(200);
    }
}
