package dev.mpem.portal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * After the migrations ran on one connection and it was closed, other connections can still write
 * rows that satisfy the text check constraints, and rows that break them are still refused. (H2
 * 2.4.240 failed the first half; the portal pins a release that does not.)
 */
class H2CheckConstraintTests {

    @Test
    void textCheckConstraintsWorkOnConnectionsOpenedAfterTheMigration() {
        // Every JdbcTemplate call below opens and closes its own connection.
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:check-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into organisations (id, name, name_key, created_at, updated_at, version)"
                + " values (1, 'A', 'a', current_timestamp, current_timestamp, 0)");

        jdbc.update("insert into assessments (organisation_id, title, assessed_on, status, created_at, updated_at, version)"
                + " values (1, 'ok', date '2026-05-14', 'DRAFT', current_timestamp, current_timestamp, 0)");
        jdbc.update("insert into users (username, display_name, password_hash, role, enabled, failed_attempts,"
                + " created_at, updated_at, version) values ('u', 'U', 'x', 'CONSULTANT', true, 0, current_timestamp,"
                + " current_timestamp, 0)");

        assertThat(jdbc.queryForObject("select count(*) from assessments", Integer.class)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("insert into assessments (organisation_id, title, assessed_on, status,"
                + " created_at, updated_at, version) values (1, 'bad', date '2026-05-14', 'LOST', current_timestamp,"
                + " current_timestamp, 0)")).isInstanceOf(DataIntegrityViolationException.class);
    }
}
