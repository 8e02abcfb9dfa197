package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps every write it acknowledged when the process is killed outright: the
 * portal runs as its own process with its own configuration (the H2 file database under ./data), a
 * burst of saves is answered 2xx, the process gets SIGKILL (kill -9) at once, and after a restart
 * every one of those saves is there.
 */
class CrashDurabilityTests {

    static final String PASSWORD = "crash test passphrase";
    static final int WRITES = 40;

    @TempDir
    Path workDir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        int port = freePort();
        Process portal = start(port);
        List<String> acknowledged = new ArrayList<>();
        try {
            for (int i = 0; i < WRITES; i++) {
                String name = "Crash test " + i;
                HttpResponse<String> created = send(port, "POST", "/api/organisations",
                        "{\"name\":\"" + name + "\",\"industry\":\"Retail\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                acknowledged.add(name);
            }
        }
        finally {
            portal.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close of the database
            portal.waitFor();
        }
        assertThat(portal.exitValue()).isEqualTo(137);

        Process again = start(port);
        try {
            String all = send(port, "GET", "/api/organisations?size=200", null).body();
            assertThat(acknowledged).allSatisfy(name -> assertThat(all).contains("\"" + name + "\""));
        }
        finally {
            again.destroyForcibly();
            again.waitFor();
        }
    }

    /** The portal in a JVM of its own, with the main configuration only (not the tests' in-memory database). */
    private Process start(int port) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-cp", classPath, "dev.mpem.portal.PortalApplication", "--server.port=" + port,
                "--spring.profiles.active=default")
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("portal-" + port + "-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("PORTAL_ADMIN_PASSWORD", PASSWORD);
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the portal process is running").isTrue();
            try {
                if (send(port, "GET", "/actuator/health", null).statusCode() == 200) {
                    return process;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("The portal did not start within two minutes");
    }

    private HttpResponse<String> send(int port, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
