package dev.mpem.portal.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.support.Fixtures;
import dev.mpem.portal.support.PortalTest;

/** Without spring.mail.host (the default) the daily job sends nothing and claims no day. */
@PortalTest
class RemindersWithoutMailTests {

    @Autowired
    Reminders reminders;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void nothingIsSentWhenMailIsNotSetUp() {
        LocalDate today = LocalDate.of(2300, 6, 1);
        OrganisationView due = fixtures.organisation();
        jdbc.update("update organisations set contact_email = 'someone@client.example', next_assessment_due = ?"
                + " where id = ?", java.sql.Date.valueOf(today), due.id());
        // The reminder is due ...
        assertThat(reminders.due(today)).anyMatch(reminder -> reminder.subjectId() == due.id()
                && reminder.occasion() == Reminder.Occasion.DUE);

        Reminders.Outcome outcome = reminders.run(today);

        // ... but there is no mail server to send it with.
        assertThat(outcome.mailConfigured()).isFalse();
        assertThat(outcome.ran()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from job_runs where run_on = ?", Integer.class,
                java.sql.Date.valueOf(today))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from reminders_sent where subject_id = ?", Integer.class,
                due.id())).isZero();
    }

    @Test
    void eachDueDateHasItsRemindersOnTheirDays() {
        LocalDate due = LocalDate.of(2030, 3, 31);
        // Re-assessments: 30 days before (for a week), on the day (for a week), then weekly, three times.
        assertThat(Reminders.occasion(due.minusDays(31), due, 30, 3)).isNull();
        assertThat(Reminders.occasion(due.minusDays(30), due, 30, 3)).isEqualTo(Reminder.Occasion.SOON);
        assertThat(Reminders.occasion(due.minusDays(24), due, 30, 3)).isEqualTo(Reminder.Occasion.SOON);
        assertThat(Reminders.occasion(due.minusDays(23), due, 30, 3)).isNull();
        assertThat(Reminders.occasion(due, due, 30, 3)).isEqualTo(Reminder.Occasion.DUE);
        assertThat(Reminders.occasion(due.plusDays(7), due, 30, 3)).isEqualTo(Reminder.Occasion.OVERDUE_1);
        assertThat(Reminders.occasion(due.plusDays(14), due, 30, 3)).isEqualTo(Reminder.Occasion.OVERDUE_2);
        assertThat(Reminders.occasion(due.plusDays(27), due, 30, 3)).isEqualTo(Reminder.Occasion.OVERDUE_3);
        assertThat(Reminders.occasion(due.plusDays(28), due, 30, 3)).isNull();
        // Actions: 7 days before, and the day after (nothing on the day itself).
        assertThat(Reminders.occasion(due.minusDays(7), due, 7, 1)).isEqualTo(Reminder.Occasion.SOON);
        assertThat(Reminders.occasion(due, due, 7, 1)).isNull();
        assertThat(Reminders.occasion(due.plusDays(1), due, 7, 1)).isEqualTo(Reminder.Occasion.OVERDUE_1);
        assertThat(Reminders.occasion(due.plusDays(8), due, 7, 1)).isNull();
    }
}
