package dev.mpem.portal.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/** The entities against the migrated schema (Hibernate validates it on start) and its constraints. */
@DataJpaTest
class AssessmentRepositoryTests {

    @Autowired
    AssessmentRepository assessments;

    @Autowired
    RatingRepository ratings;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    /** A new organisation; unique, because the PostgreSQL test database keeps what earlier runs wrote. */
    long organisationId() {
        String key = "org " + java.util.UUID.randomUUID();
        jdbc.update("insert into organisations (name, name_key, created_at, updated_at, version)"
                + " values (?, ?, current_timestamp, current_timestamp, 0)", key, key);
        return jdbc.queryForObject("select id from organisations where name_key = ?", Long.class, key);
    }

    Assessment newAssessment(long organisationId, String date, List<String> focus) {
        return assessments.saveAndFlush(new Assessment(organisationId,
                new AssessmentDetails("Review", LocalDate.parse(date), "Pat", "CMO", focus), Instant.now()));
    }

    @Test
    void assessmentKeepsItsDetailsFocusOutcomesAndReopenings() {
        Assessment saved = newAssessment(organisationId(), "2026-05-14", List.of("SELL_MORE", "WIDEN_REACH"));
        saved.complete(List.of(), List.of(), "pat", Instant.now());
        saved.reopen("Pat", "typo", Instant.now());
        assessments.saveAndFlush(saved);
        entityManager.clear();

        Assessment loaded = assessments.findById(saved.id()).orElseThrow();
        assertThat(loaded.title()).isEqualTo("Review");
        assertThat(loaded.assessedOn()).isEqualTo(LocalDate.of(2026, 5, 14));
        assertThat(loaded.focusOutcomes()).containsExactlyInAnyOrder("SELL_MORE", "WIDEN_REACH");
        assertThat(loaded.status()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(loaded.reopenings()).extracting(r -> r.view().reopenedBy()).containsExactly("Pat");
    }

    @Test
    void ratingVersionStartsAtOneAndGrowsWithEachChange() {
        Assessment assessment = newAssessment(organisationId(), "2026-05-14", List.of());
        Rating rating = new Rating(assessment.id(), "EXTENT");
        rating.change(2, 3, "n", "pat", Instant.now());
        ratings.saveAndFlush(rating);
        assertThat(rating.version()).isEqualTo(1);

        rating.change(3, 4, "n", "pat", Instant.now());
        ratings.saveAndFlush(rating);
        assertThat(rating.version()).isEqualTo(2);
        entityManager.clear();
        assertThat(ratings.findByAssessmentIdAndDimensionCode(assessment.id(), "EXTENT")).get()
                .satisfies(r -> assertThat(r.view()).extracting(RatingView::current, RatingView::target, RatingView::version)
                        .containsExactly(3, 4, 2L));
    }

    @Test
    void theDatabaseItselfRefusesASecondRatingOfADimensionAndLevelsOutOfOrder() {
        Assessment assessment = newAssessment(organisationId(), "2026-05-14", List.of());
        Rating first = new Rating(assessment.id(), "SCOPE");
        first.change(1, 2, null, null, Instant.now());
        ratings.saveAndFlush(first);

        Rating second = new Rating(assessment.id(), "SCOPE");
        second.change(2, 2, null, null, Instant.now());
        assertThatThrownBy(() -> ratings.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);
    }

    /** Without the test's transaction: on PostgreSQL a refused statement would abort the rest of it. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void checkConstraintsGuardLevelsEvenAgainstDirectSql() {
        Assessment assessment = newAssessment(organisationId(), "2026-05-14", List.of());
        String insert = "insert into ratings (assessment_id, dimension_code, current_level, target_level, version, updated_at)"
                + " values (?, ?, ?, ?, 1, current_timestamp)";
        assertThatThrownBy(() -> jdbc.update(insert, assessment.id(), "EXTENT", 3, 2))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(insert, assessment.id(), "EXTENT", 0, 2))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(insert, assessment.id(), "EXTENT", 2, null))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(insert, assessment.id(), "NOT_A_DIMENSION", 2, 3))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void completionIsRefusedWhileADimensionIsUnrated() {
        Assessment assessment = newAssessment(organisationId(), "2026-05-14", List.of());

        assertThatThrownBy(() -> assessment.complete(List.of("EXTENT", "SCOPE"), List.of("EXTENT"), "pat", Instant.now()))
                .isInstanceOfSatisfying(IncompleteAssessmentException.class,
                        e -> assertThat(e.missing()).containsExactly("SCOPE"));
        assertThat(assessment.status()).isEqualTo(AssessmentStatus.DRAFT);
    }

    @Test
    void summariesCountRatedDimensionsAndLatestPicksTheNewestDateThenTheNewestRecord() {
        long organisation = organisationId();
        Assessment older = newAssessment(organisation, "2025-11-01", List.of());
        Assessment sameDayFirst = newAssessment(organisation, "2026-05-14", List.of());
        Assessment sameDaySecond = newAssessment(organisation, "2026-05-14", List.of());
        Rating rating = new Rating(older.id(), "EXTENT");
        rating.change(1, 2, null, null, Instant.now());
        ratings.saveAndFlush(rating);
        Rating notesOnly = new Rating(older.id(), "SCOPE");
        notesOnly.change(null, null, "notes", null, Instant.now());
        ratings.saveAndFlush(notesOnly);

        assertThat(assessments.summariesOf(organisation)).extracting(AssessmentSummary::id)
                .containsExactly(sameDaySecond.id(), sameDayFirst.id(), older.id());
        assertThat(assessments.summariesOf(organisation).get(2).ratedCount()).isEqualTo(1);
        assertThat(assessments.latestOf(List.of(organisation))).extracting(AssessmentSummary::id)
                .containsExactly(sameDaySecond.id());
    }
}
