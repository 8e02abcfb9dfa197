package dev.mpem.portal.system;

import static dev.mpem.portal.support.Requests.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.workshop.VoteCommand;
import dev.mpem.portal.workshop.WorkshopService;
import dev.mpem.portal.support.PortalTest;

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
}
