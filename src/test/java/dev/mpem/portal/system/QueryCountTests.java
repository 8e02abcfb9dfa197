package dev.mpem.portal.system;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mpem.portal.account.Role;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.workshop.VoteCommand;
import dev.mpem.portal.workshop.WorkshopService;
import dev.mpem.portal.support.PortalTest;
import dev.mpem.portal.support.Statements;

/**
 * The busiest pages issue a small, fixed number of SQL statements whatever the amount of data:
 * more organisations, assessments, ratings, workshops or votes do not add queries (no N+1).
 */
@PortalTest
class QueryCountTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    WorkshopService workshops;

    @Autowired
    dev.mpem.portal.workshop.ParticipantService participants;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    long statements(String page, UserView user) throws Exception {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        mvc.perform(get(page).with(signedInAs(user))).andExpect(status().isOk());
        long statements = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);
        return statements;
    }

    void organisationsWithAssessments(int count) {
        for (int i = 0; i < count; i++) {
            OrganisationView organisation = fixtures.organisation();
            AssessmentView assessment = fixtures.assessment(organisation.id(), "2026-05-14");
            fixtures.rate(assessment.id(), "EXTENT", 1, 2, "SCOPE", 2, 3);
            fixtures.assessment(organisation.id(), "2026-06-14");
        }
    }

    @Test
    void theDashboardCostsTheSameWithTwiceTheOrganisations() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        organisationsWithAssessments(30);
        long before = statements("/", consultant);

        organisationsWithAssessments(30);
        long after = statements("/", consultant);

        assertThat(after).isEqualTo(before).isLessThanOrEqualTo(6);
    }

    @Test
    void aWalkStepCostsTheSameWithMoreRatingsAndMoreHistory() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        OrganisationView organisation = fixtures.organisation();
        AssessmentView baseline = fixtures.assessment(organisation.id(), "2025-11-14");
        fixtures.rateAll(baseline.id(), 2, 3);
        fixtures.complete(baseline.id());
        AssessmentView next = assessments.reassess(baseline.id(), new AssessmentForm("Next", "2026-05-14", null, null,
                List.of("SELL_MORE")));
        String step = "/assessments/" + next.id() + "/steps/SCOPE";
        long before = statements(step, consultant);

        for (int i = 0; i < 5; i++) {
            AssessmentView older = fixtures.assessment(organisation.id(), "2024-0" + (i + 1) + "-01");
            fixtures.rateAll(older.id(), 1, 2);
            fixtures.complete(older.id());
        }
        // (A re-assessment's ratings exist from the start, holding the planned targets: version 1.)
        assessments.saveRating(next.id(), "CULTURE", dev.mpem.portal.assessment.RatingCommand.of(1, 3, null, 1L, "pat"));
        long after = statements(step, consultant);

        assertThat(after).isEqualTo(before).isLessThanOrEqualTo(16);
    }

    @Test
    void theReportCostsTheSameWithMoreHistoryWorkshopsAndVotes() throws Exception {
        UserView consultant = fixtures.user(Role.CONSULTANT);
        OrganisationView organisation = fixtures.organisation();
        AssessmentView earlier = fixtures.assessment(organisation.id(), "2025-11-14");
        fixtures.rateAll(earlier.id(), 2, 3);
        fixtures.complete(earlier.id());
        AssessmentView latest = fixtures.assessment(organisation.id(), "2026-05-14");
        voteAndReveal(latest, 2);
        String report = "/assessments/" + latest.id() + "/report";
        long before = statements(report, consultant);

        for (int i = 0; i < 4; i++) {
            AssessmentView older = fixtures.assessment(organisation.id(), "2024-0" + (i + 1) + "-01");
            fixtures.rateAll(older.id(), 1, 2);
            fixtures.complete(older.id());
        }
        voteAndReveal(latest, 12);
        long after = statements(report, consultant);

        assertThat(after).isEqualTo(before).isLessThanOrEqualTo(24);
    }

    private void voteAndReveal(AssessmentView assessment, int voters) {
        var workshop = workshops.open(assessment.id(), false);
        for (int i = 0; i < voters; i++) {
            var joined = participants.vote(workshop.joinCode(), VoteCommand.byName("Voter " + i, "EXTENT", 1 + i % 3, 4,
                    null));
            // The same voter's next vote carries the key the first one answered with.
            participants.vote(workshop.joinCode(), new VoteCommand(null, joined.participantKey(), "SCOPE", 2, 3, null));
        }
        workshops.reveal(workshop.id(), "EXTENT");
        workshops.reveal(workshop.id(), "SCOPE");
        workshops.close(workshop.id());
    }

    // Issue 21: the five pages that must stay fast however large the portal grows, with every statement
    // counted (JPA, JdbcClient and the session store alike), first views (nothing cached for what
    // they show) and repeat views apart: a few organisations of two assessments each against many more
    // of five.

    @Test
    void theFivePagesSendAsManyStatementsWhenThePortalGrows() throws Exception {
        UserView admin = fixtures.user(Role.ADMIN);
        // Whatever is read once per portal (the model, the first session) is read before counting.
        Latest warm = organisationWith(2, 0);
        views(admin, warm);

        organisationWith(2, 1);
        Latest small = organisationWith(2, 2);
        Map<String, List<String>> before = views(admin, small);

        for (int n = 0; n < 8; n++) {
            organisationWith(5, n);
        }
        Latest large = organisationWith(5, 3);
        Map<String, List<String>> after = views(admin, large);

        assertThat(before.keySet()).containsExactlyElementsOf(after.keySet());
        before.forEach((view, statements) -> {
            assertThat(statements).as("statements of %s", view).isNotEmpty();
            assertThat(after.get(view)).as("statements of %s with more organisations and assessments (before: %s)",
                    view, statements).hasSameSizeAs(statements);
        });
        // Repeat views read less than first views, or no more: what was worked out is kept.
        assertThat(after.get("report (repeat view)")).hasSizeLessThanOrEqualTo(after.get("report (first view)").size());
    }

    /** The statements of each page, first viewed, then viewed again, for this organisation and its latest assessment. */
    private Map<String, List<String>> views(UserView admin, Latest latest) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("organisation", "/organisations/" + latest.organisationId());
        pages.put("history", "/organisations/" + latest.organisationId() + "/history");
        pages.put("report", "/assessments/" + latest.assessmentId() + "/report");
        pages.put("portfolio", "/portfolio");
        Map<String, List<String>> statements = new LinkedHashMap<>();
        for (String kind : List.of("first view", "repeat view")) {
            for (var page : pages.entrySet()) {
                statements.put(page.getKey() + " (" + kind + ")", Statements.of(() -> mvc
                        .perform(get(page.getValue()).with(signedInAs(admin))).andExpect(status().isOk())));
            }
        }
        return statements;
    }

    private record Latest(long organisationId, long assessmentId) {
    }

    /** A new organisation with {@code count} completed assessments six months apart, each a re-assessment of the last. */
    private Latest organisationWith(int count, int variant) {
        LocalDate day = LocalDate.of(2021, 1, 11);
        AssessmentView assessment = fixtures.assessment(fixtures.organisation().id(), day.toString(), "SELL_MORE");
        for (int n = 0; ; n++) {
            // A re-assessment starts from the targets it takes over (each rating at its first version).
            for (String code : Fixtures.DIMENSIONS) {
                assessments.saveRating(assessment.id(), code, RatingCommand.of(1 + (n + variant) % 3, 4 + n % 2, null,
                        n == 0 ? null : 1L, "test"));
            }
            fixtures.complete(assessment.id());
            if (n == count - 1) {
                return new Latest(assessment.organisationId(), assessment.id());
            }
            day = day.plusMonths(6);
            assessment = assessments.reassess(assessment.id(), new AssessmentForm(Fixtures.unique("Re-assessment"),
                    day.toString(), "Pat Consultant", "CMO", List.of("SELL_MORE")));
        }
    }
}
