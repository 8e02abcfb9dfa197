package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.support.Browser;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.Html;
import dev.mpem.portal.support.PortalTest;

/**
 * One browser, many requests at once (tabs, double clicks): every save lands and shows its
 * message. Sessions live in the database, where two requests of one session adding the same
 * attribute used to collide and answer 500 after the save.
 */
@PortalTest
class SameSessionConcurrencyTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Test
    void simultaneousSavesFromOneSessionAllSucceedAndAreAllStored() throws Exception {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(fixtures.user(Role.CONSULTANT).username(), Fixtures.PASSWORD)).isTrue();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(Fixtures.DIMENSIONS.size());
        try {
            for (int round = 0; round < 3; round++) {
                AssessmentView draft = fixtures.assessment();
                List<String> forms = new ArrayList<>();
                for (String code : Fixtures.DIMENSIONS) {
                    forms.add(Html.of(browser.get("/assessments/" + draft.id() + "/steps/" + code).body())
                            .selectFirst("input[name=_csrf]").val());
                }
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<HttpResponse<String>>> saves = new ArrayList<>();
                for (int i = 0; i < Fixtures.DIMENSIONS.size(); i++) {
                    String step = "/assessments/" + draft.id() + "/steps/" + Fixtures.DIMENSIONS.get(i);
                    String csrf = forms.get(i);
                    saves.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return browser.post(step, Map.of("current", "2", "target", "4", "notes", "Round " + step,
                                "version", "", "action", "stay", "_csrf", csrf));
                    }, pool));
                }
                start.countDown();

                for (int i = 0; i < saves.size(); i++) {
                    HttpResponse<String> response = saves.get(i).get(30, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).as(Fixtures.DIMENSIONS.get(i)).isEqualTo(302);
                }
                AssessmentView stored = assessments.get(draft.id());
                assertThat(stored.ratings()).hasSize(11).allSatisfy(rating -> {
                    assertThat(rating.current()).isEqualTo(2);
                    assertThat(rating.target()).isEqualTo(4);
                });
                // Simultaneous flash messages of one session may replace one another; the session
                // itself stays usable and the next save shows its message.
                String culture = "/assessments/" + draft.id() + "/steps/CULTURE";
                Document step = Html.of(browser.get(culture).body());
                HttpResponse<String> next = browser.post(culture, Map.of("current", "3", "target", "4",
                        "notes", "After the rush", "version", step.selectFirst("input[name=version]").val(),
                        "action", "stay", "_csrf", step.selectFirst("input[name=_csrf]").val()));
                assertThat(next.statusCode()).isEqualTo(302);
                assertThat(Html.of(browser.get(culture).body()).select(".flash").text()).contains("saved");
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
