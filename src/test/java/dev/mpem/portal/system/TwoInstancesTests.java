package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mpem.portal.PortalApplication;
import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.UserForm;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;

/**
 * Two instances of the portal on one database, as behind a load balancer: a session made on one is
 * good on the other, and the same rating saved on both from the same version is saved once.
 * Runs on H2 (one in-memory database shared by both) and, with -Ppostgres, on PostgreSQL.
 */
class TwoInstancesTests {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final String h2 = "jdbc:h2:mem:two-instances-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        if (!"postgres".equals(System.getProperty("portal.test.database"))) {
            args.add("--spring.datasource.url=" + h2);
        }
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(PortalApplication.class)
                .run(args.toArray(String[]::new));
        instances.add(instance);
        return instance;
    }

    static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @Test
    void aSessionFromOneInstanceWorksOnTheOtherAndOnlyOneOfTwoEqualSavesWins() throws Exception {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        String username = "two." + System.nanoTime();
        first.getBean(AccountService.class).create(new UserForm(username, "Two", Fixtures.PASSWORD, "CONSULTANT",
                List.of(), true));
        long organisation = first.getBean(dev.mpem.portal.organisation.OrganisationService.class)
                .create(new dev.mpem.portal.organisation.OrganisationForm(Fixtures.unique("Two"), null, null, null)).id();
        AssessmentView assessment = first.getBean(AssessmentService.class).create(organisation,
                new dev.mpem.portal.assessment.AssessmentForm("Two instances", "2026-05-14", null, null, List.of()));
        first.getBean(AssessmentService.class).saveRating(assessment.id(), "EXTENT",
                RatingCommand.of(1, 2, null, null, "setup"));

        Browser onFirst = new Browser(port(first));
        assertThat(onFirst.signIn(username, Fixtures.PASSWORD)).isTrue();
        Browser onSecond = onFirst.sameCookiesOn(port(second));
        HttpResponse<String> dashboard = onSecond.get("/");
        assertThat(dashboard.statusCode()).as("signed in on the second instance").isEqualTo(200);
        assertThat(dashboard.body()).contains("Signed in as Two");

        String step = "/assessments/" + assessment.id() + "/steps/EXTENT";
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> saves = new ArrayList<>();
        for (Browser browser : List.of(onFirst, onSecond)) {
            String level = browser == onFirst ? "2" : "3";
            saves.add(pool.submit(() -> {
                go.await();
                return browser.submit(step, step, Map.of("current", level, "target", "4", "version", "1",
                        "action", "stay")).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> save : saves) {
            statuses.add(save.get());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        var stored = second.getBean(AssessmentService.class).get(assessment.id()).rating("EXTENT");
        assertThat(stored.version()).isEqualTo(2L);
        assertThat(stored.current()).isIn(2, 3);

        // Signing out on the second instance ends the session on the first too, also for a browser
        // that still sends the session's cookies while the first holds a copy of it.
        assertThat(onFirst.get("/").statusCode()).isEqualTo(200);
        assertThat(onFirst.get("/").statusCode()).isEqualTo(200);
        List<java.net.HttpCookie> kept = List.copyOf(onFirst.cookies().getCookieStore().getCookies());
        onSecond.submit("/", "/logout", Map.of());
        kept.forEach(cookie -> onFirst.cookies().getCookieStore().add(java.net.URI.create("http://localhost"), cookie));
        assertThat(statusOnceEnded(() -> onFirst.get("/").statusCode())).isEqualTo(302);
    }

    /**
     * Each instance keeps the sessions it served in memory (StoredSessions); what happens on one is
     * still seen by the other at its next request: the message after a save, an account disabled.
     */
    @Test
    void aMessageFromOneInstanceShowsOnTheOtherAndADisabledAccountIsSignedOutOfBoth() throws Exception {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        String username = "kept." + System.nanoTime();
        AccountService accounts = first.getBean(AccountService.class);
        UserView user = accounts.create(new UserForm(username, "Kept", Fixtures.PASSWORD, "CONSULTANT", List.of(), true));
        long organisation = first.getBean(dev.mpem.portal.organisation.OrganisationService.class)
                .create(new dev.mpem.portal.organisation.OrganisationForm(Fixtures.unique("Kept"), null, null, null)).id();
        AssessmentView assessment = first.getBean(AssessmentService.class).create(organisation,
                new dev.mpem.portal.assessment.AssessmentForm("Kept sessions", "2026-05-14", null, null, List.of()));
        Browser onFirst = new Browser(port(first));
        assertThat(onFirst.signIn(username, Fixtures.PASSWORD)).isTrue();
        Browser onSecond = onFirst.sameCookiesOn(port(second));
        String step = "/assessments/" + assessment.id() + "/steps/SCOPE";
        assertThat(onSecond.get(step).statusCode()).isEqualTo(200);
        assertThat(onFirst.get(step).statusCode()).isEqualTo(200);

        HttpResponse<String> saved = onFirst.submit(step, step, Map.of("current", "2", "target", "4", "version", "",
                "action", "stay"));
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> next = onSecond.get(step);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("Scope saved: current 2 Foundational, target 4 Mature.");
        assertThat(onFirst.get(step).body()).doesNotContain("Scope saved");

        boolean postgres = "postgres".equals(System.getProperty("portal.test.database"));
        assertThat(onFirst.cookies().getCookieStore().getCookies()).as("the session's version travels with the browser "
                + "only where instances can tell each other of changes (PostgreSQL)")
                .filteredOn(cookie -> cookie.getName().equals("MPEM_SESSION_VERSION")).hasSize(postgres ? 1 : 0);

        // The second instance serves the next pages from its copy of the session (the browser's
        // version is the one it holds); the account is then disabled through the first.
        Thread.sleep(200);
        assertThat(onSecond.get(step).statusCode()).isEqualTo(200);
        assertThat(onSecond.get(step).statusCode()).isEqualTo(200);
        accounts.update(user.id(), new UserForm(username, "Kept", null, "CONSULTANT", List.of(), false), "an-admin");

        assertThat(statusOnceEnded(() -> onSecond.get("/").statusCode())).as("signed out on the instance that served last")
                .isEqualTo(302);
        assertThat(statusOnceEnded(() -> onFirst.get("/").statusCode())).isEqualTo(302);
    }

    /**
     * What {@code request} answers once the session it is made with has ended elsewhere. On the
     * embedded database, at once. On PostgreSQL an instance serving the session from its copy hears
     * of the end by NOTIFY a moment after it commits: it must answer 302 within two seconds, well
     * before its copy would be read again anyway (StoredSessions.TRUSTED_FOR, five seconds).
     */
    static int statusOnceEnded(java.util.concurrent.Callable<Integer> request) throws Exception {
        int status = request.call();
        if (!"postgres".equals(System.getProperty("portal.test.database"))) {
            return status;
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos();
        while (status != 302 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = request.call();
        }
        return status;
    }

    /**
     * A workshop's events reach pages connected to the other instance: on PostgreSQL they travel
     * through NOTIFY/LISTEN (the embedded database has a single instance, and this test is skipped there).
     */
    @Test
    void aWorkshopEventOnOneInstanceReachesPagesOnTheOther() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("postgres".equals(System.getProperty("portal.test.database")),
                "events between instances go through PostgreSQL");
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        long organisation = first.getBean(dev.mpem.portal.organisation.OrganisationService.class)
                .create(new dev.mpem.portal.organisation.OrganisationForm(Fixtures.unique("Live"), null, null, null)).id();
        AssessmentView assessment = first.getBean(AssessmentService.class).create(organisation,
                new dev.mpem.portal.assessment.AssessmentForm("Live on two", "2026-05-14", null, null, List.of()));
        var workshops = first.getBean(dev.mpem.portal.workshop.WorkshopService.class);
        var workshop = workshops.open(assessment.id(), true);

        try (dev.mpem.portal.support.EventStream onSecond = new Browser(port(second)).events("/w/" + workshop.joinCode() + "/events");
                dev.mpem.portal.support.EventStream onFirst = new Browser(port(first)).events("/w/" + workshop.joinCode() + "/events")) {
            onSecond.next("ready", java.time.Duration.ofSeconds(5));
            onFirst.next("ready", java.time.Duration.ofSeconds(5));
            // A vote through the first instance's API...
            HttpResponse<String> joined = new Browser(port(first)).send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port(first) + "/api/workshops/" + workshop.joinCode() + "/votes"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"participant\":\"Ana\",\"dimension\":\"EXTENT\",\"current\":2,\"target\":3}")).build());
            assertThat(joined.statusCode()).isEqualTo(200);
            // ... is heard on both, within a second.
            assertThat(onSecond.next("voted", java.time.Duration.ofSeconds(1)).data()).contains("\"voted\":1");
            assertThat(onFirst.next("voted", java.time.Duration.ofSeconds(1)).data()).contains("\"voted\":1");
            // And a move made on the second is heard on the first.
            second.getBean(dev.mpem.portal.workshop.WorkshopService.class).moveTo(workshop.id(), "SCOPE");
            assertThat(onFirst.next("moved", java.time.Duration.ofSeconds(1)).data()).isEqualTo("{\"dimension\":\"SCOPE\"}");
        }
    }
}
