package dev.mpem.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Organisations that had completed assessments before due dates existed get theirs when migrating. */
class DueDateMigrationTests {

    @Test
    void theMigrationFillsDueDatesFromTheLatestCompletedAssessment() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:due-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("5").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into organisations (id, name, name_key, created_at, updated_at, version)"
                + " values (1, 'A', 'a', current_timestamp, current_timestamp, 0),"
                + " (2, 'B', 'b', current_timestamp, current_timestamp, 0)");
        jdbc.update("insert into assessments (organisation_id, title, assessed_on, status, created_at, updated_at, version)"
                + " values (1, 'old', date '2025-02-28', 'COMPLETED', current_timestamp, current_timestamp, 0),"
                + " (1, 'latest', date '2025-08-31', 'COMPLETED', current_timestamp, current_timestamp, 0),"
                + " (1, 'draft', date '2025-10-01', 'DRAFT', current_timestamp, current_timestamp, 0),"
                + " (2, 'draft only', date '2025-10-01', 'DRAFT', current_timestamp, current_timestamp, 0)");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForObject("select next_assessment_due from organisations where id = 1", LocalDate.class))
                .isEqualTo("2026-02-28");
        assertThat(jdbc.queryForObject("select last_completed_on from organisations where id = 1", LocalDate.class))
                .isEqualTo("2025-08-31");
        assertThat(jdbc.queryForObject("select next_assessment_due from organisations where id = 2", LocalDate.class))
                .isNull();
    }
}
