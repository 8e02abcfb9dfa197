package dev.mpem.portal.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/** Two people saving the same dimension at the same moment: exactly one wins, nothing is lost silently. */
@PortalTest
class ConcurrentRatingTests {

    @Autowired
    AssessmentService assessments;

    @Autowired
    Fixtures fixtures;

    @Test
    void ofSimultaneousSavesFromTheSameVersionExactlyOneWins() throws Exception {
        AssessmentView assessment = fixtures.assessment();
        fixtures.rate(assessment.id(), "STRATEGY", 1, 2);

        List<String> outcomes = race(8, i -> () -> {
            try {
                assessments.saveRating(assessment.id(), "STRATEGY", RatingCommand.of(2, 3 + (i % 3), "tab " + i, 1L, "u" + i));
                return "saved " + i;
            }
            catch (StaleRatingException e) {
                return "stale";
            }
        });

        assertThat(outcomes).filteredOn(o -> o.startsWith("saved")).hasSize(1);
        assertThat(outcomes).filteredOn("stale"::equals).hasSize(7);
        String winner = outcomes.stream().filter(o -> o.startsWith("saved")).findFirst().orElseThrow().substring(6);
        RatingView stored = assessments.get(assessment.id()).rating("STRATEGY");
        assertThat(stored.notes()).isEqualTo("tab " + winner);
        assertThat(stored.version()).isEqualTo(2L);
    }

    @Test
    void simultaneousFirstRatingsOfOneDimensionAlsoLetOnlyOneWin() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        List<String> outcomes = race(6, i -> () -> {
            try {
                assessments.saveRating(assessment.id(), "CULTURE", RatingCommand.of(1, 2 + (i % 4), "first " + i, null, "u"));
                return "saved";
            }
            catch (StaleRatingException e) {
                return "stale";
            }
        });

        assertThat(outcomes).filteredOn("saved"::equals).hasSize(1);
        assertThat(assessments.get(assessment.id()).rating("CULTURE").version()).isEqualTo(1L);
    }

    @Test
    void simultaneousSavesOfDifferentDimensionsAllSucceed() throws Exception {
        AssessmentView assessment = fixtures.assessment();

        List<String> outcomes = race(Fixtures.DIMENSIONS.size(), i -> () -> {
            assessments.saveRating(assessment.id(), Fixtures.DIMENSIONS.get(i), RatingCommand.of(2, 4, null, null, "u"));
            return "saved";
        });

        assertThat(outcomes).containsOnly("saved");
        assertThat(assessments.get(assessment.id()).allRated()).isTrue();
    }

    private static List<String> race(int n, java.util.function.IntFunction<Callable<String>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<String> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
