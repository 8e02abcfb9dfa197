package dev.mpem.portal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.mpem.portal.assessment.AssessmentForm;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.TestModel;
import dev.mpem.portal.organisation.OrganisationForm;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/**
 * The portfolio's read model follows every change that can move it, row for row what rebuilding
 * it from the assessments gives; the migration fills it the same way.
 */
@PortalTest
class PortfolioProjectionTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssessmentService assessments;

    @Autowired
    OrganisationService organisations;

    @Autowired
    PortfolioProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    List<Map<String, Object>> entries(JdbcTemplate jdbc) {
        return jdbc.queryForList("select * from portfolio_entries order by organisation_id");
    }

    Map<String, Object> entry(long organisationId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from portfolio_entries where organisation_id = ?",
                organisationId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void everyChangeThatMovesAnOrganisationMovesItsRowAsARebuildWould() {
        AssessmentView first = fixtures.assessment();
        long organisation = first.organisationId();
        fixtures.rateAll(first.id(), 2, 4);
        assertThat(entry(organisation)).isNull();
        long version = projection.version();

        fixtures.complete(first.id());
        assertThat(entry(organisation)).containsEntry("ASSESSMENT_ID", first.id()).containsEntry("EXTENT_CURRENT", 2)
                .containsEntry("EXTENT_TARGET", 4).containsEntry("INDUSTRY", "RETAIL")
                .containsEntry("FUNCTIONAL_AVERAGE", 2.0).containsEntry("OVERALL_AVERAGE", 2.0);
        assertThat(projection.version()).isGreaterThan(version);

        // A later completed assessment takes over; renaming the organisation follows.
        AssessmentView next = assessments.reassess(first.id(), new AssessmentForm("Six months on", "2026-11-14", "Pat",
                null, List.of()));
        for (String code : Fixtures.DIMENSIONS) {
            assessments.saveRating(next.id(), code, dev.mpem.portal.assessment.RatingCommand.of(3, 4, null,
                    assessments.get(next.id()).rating(code).version(), "test"));
        }
        fixtures.complete(next.id());
        assertThat(entry(organisation)).containsEntry("ASSESSMENT_ID", next.id()).containsEntry("EXTENT_CURRENT", 3);
        OrganisationView stored = organisations.get(organisation);
        organisations.update(organisation, new OrganisationForm("Renamed " + stored.name(), "Wholesale", null, null), null);
        assertThat(entry(organisation)).containsEntry("NAME", "Renamed " + stored.name())
                .containsEntry("INDUSTRY", "OTHER").containsEntry("INDUSTRY_OTHER", "Wholesale")
                .containsEntry("TITLE", "Six months on");

        // Reopened, the earlier one counts again; reopening that too leaves no row.
        assessments.reopen(next.id(), "test", "A second look");
        assertThat(entry(organisation)).containsEntry("ASSESSMENT_ID", first.id());
        assessments.reopen(first.id(), "test", "And this one");
        assertThat(entry(organisation)).isNull();
        fixtures.complete(first.id());

        List<Map<String, Object>> maintained = entries(jdbc);
        transactions.executeWithoutResult(status -> projection.rebuild());
        assertThat(entries(jdbc)).isEqualTo(maintained);
    }

    @Test
    void theMigrationFillsTheTableAsTheProjectionDoes() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:portfolio-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("13").load().migrate();
        JdbcTemplate old = new JdbcTemplate(dataSource);
        old.update("insert into organisations (id, name, name_key, industry, created_at, updated_at, version)"
                + " values (1, 'A', 'a', 'RETAIL', current_timestamp, current_timestamp, 0),"
                + " (2, 'B', 'b', null, current_timestamp, current_timestamp, 0),"
                + " (3, 'C', 'c', 'OTHER', current_timestamp, current_timestamp, 0)");
        old.update("insert into assessments (id, organisation_id, title, assessed_on, status, created_at, updated_at, version)"
                + " values (1, 1, 'old', date '2025-02-28', 'COMPLETED', current_timestamp, current_timestamp, 0),"
                + " (2, 1, 'latest', date '2025-08-31', 'COMPLETED', current_timestamp, current_timestamp, 0),"
                + " (3, 1, 'same day, later', date '2025-08-31', 'COMPLETED', current_timestamp, current_timestamp, 0),"
                + " (4, 1, 'draft', date '2025-10-01', 'DRAFT', current_timestamp, current_timestamp, 0),"
                + " (5, 2, 'only', date '2025-05-01', 'COMPLETED', current_timestamp, current_timestamp, 0),"
                + " (6, 3, 'draft only', date '2025-05-01', 'DRAFT', current_timestamp, current_timestamp, 0)");
        int level = 0;
        for (int assessment = 1; assessment <= 6; assessment++) {
            for (String dimension : Fixtures.DIMENSIONS) {
                int current = 1 + level++ % 4;
                old.update("insert into ratings (assessment_id, dimension_code, current_level, target_level, version,"
                        + " updated_at) values (?, ?, ?, ?, 0, current_timestamp)", assessment, dimension, current, current + 1);
            }
        }

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        List<Map<String, Object>> migrated = entries(old);
        assertThat(migrated).extracting(row -> row.get("ORGANISATION_ID") + ":" + row.get("ASSESSMENT_ID"))
                .containsExactly("1:3", "2:5");
        old.update("delete from portfolio_entries");
        old.update(PortfolioProjection.fill(TestModel.mpem(), false));
        assertThat(entries(old)).isEqualTo(migrated);
    }
}
