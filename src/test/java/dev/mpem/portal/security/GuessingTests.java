package dev.mpem.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.audit.AuditService;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/** Guessing passwords in parallel gains nothing: attempts are counted before any password is checked. */
@PortalTest
class GuessingTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    int basic(String username, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organisations"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void fortyParallelGuessesWithTheRightOneLastDoNotGetIn() throws Exception {
        UserView target = fixtures.user(Role.CONSULTANT);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int i = 0; i < 39; i++) {
                int guess = i;
                wrong.add(pool.submit(() -> {
                    start.await();
                    return basic(target.username(), "wrong guess number " + guess);
                }));
            }
            Future<Integer> right = pool.submit(() -> {
                start.await();
                Thread.sleep(150);
                return basic(target.username(), Fixtures.PASSWORD);
            });
            start.countDown();
            for (Future<Integer> answer : wrong) {
                assertThat(answer.get()).isEqualTo(401);
            }
            assertThat(right.get()).as("the right password, sent while the guesses run").isEqualTo(401);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(accounts.get(target.id()).lockedUntil()).isNotNull();
        assertThat(basic(target.username(), Fixtures.PASSWORD)).isEqualTo(401);
    }

    @Test
    void aScriptCallingTheApiInParallelWithTheRightPasswordIsNeverLockedOut() throws Exception {
        UserView script = fixtures.user(Role.CONSULTANT);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return basic(script.username(), Fixtures.PASSWORD);
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(accounts.get(script.id()).lockedUntil()).isNull();
    }

    @Test
    void anAdminUnlocksALockedAccountOnItsPage() throws Exception {
        UserView locked = fixtures.user(Role.CONSULTANT);
        for (int i = 0; i < 5; i++) {
            assertThat(basic(locked.username(), "not the password " + i)).isEqualTo(401);
        }
        assertThat(basic(locked.username(), Fixtures.PASSWORD)).isEqualTo(401);

        Browser admin = new Browser(port);
        assertThat(admin.signIn(fixtures.user(Role.ADMIN).username(), Fixtures.PASSWORD)).isTrue();
        String page = "/admin/users/" + locked.id();
        assertThat(admin.get(page).body()).contains("Unlock the account");
        var unlocked = admin.submit(page, page + "/unlock", java.util.Map.of());
        assertThat(unlocked.statusCode()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("unlocked: it can sign in again").doesNotContain("Unlock the account");

        assertThat(basic(locked.username(), Fixtures.PASSWORD)).isEqualTo(200);
        assertThat(audit.page(dev.mpem.portal.audit.AuditAction.ACCOUNT_UNLOCKED, 0, 50, java.util.Locale.UK).getContent()).anySatisfy(e -> assertThat(e.summary())
                .isEqualTo("Account " + locked.username() + " unlocked."));
    }
}
