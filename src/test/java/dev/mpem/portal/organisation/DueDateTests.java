package dev.mpem.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The next assessment is due the organisation's interval after its latest completed assessment. */
class DueDateTests {

    Organisation organisation(Integer months) {
        return new Organisation(new OrganisationForm("Org", null, null, null, months), Instant.now());
    }

    LocalDate dueAfter(String completed, Integer months) {
        Organisation organisation = organisation(months);
        organisation.latestCompletedOn(LocalDate.parse(completed));
        return organisation.nextAssessmentDue();
    }

    @Test
    void sixMonthsByDefault() {
        assertThat(dueAfter("2026-05-14", null)).isEqualTo("2026-11-14");
        assertThat(organisation(null).reassessMonths()).isEqualTo(6);
    }

    @Test
    void monthEndsFallOnTheLastDayOfShorterMonths() {
        assertThat(dueAfter("2025-08-31", 6)).isEqualTo("2026-02-28");
        assertThat(dueAfter("2026-03-31", 6)).isEqualTo("2026-09-30");
        assertThat(dueAfter("2026-05-31", 1)).isEqualTo("2026-06-30");
    }

    @Test
    void leapYearsAreHonoured() {
        assertThat(dueAfter("2023-08-31", 6)).isEqualTo("2024-02-29");
        assertThat(dueAfter("2024-02-29", 12)).isEqualTo("2025-02-28");
        assertThat(dueAfter("2024-02-29", 6)).isEqualTo("2024-08-29");
        assertThat(dueAfter("2027-08-29", 6)).isEqualTo("2028-02-29");
    }

    @Test
    void nothingIsDueBeforeAnAssessmentIsCompletedOrAfterTheLastOneIsReopened() {
        Organisation organisation = organisation(6);
        assertThat(organisation.nextAssessmentDue()).isNull();

        organisation.latestCompletedOn(LocalDate.parse("2026-05-14"));
        organisation.latestCompletedOn(null);

        assertThat(organisation.nextAssessmentDue()).isNull();
    }

    @Test
    void changingTheIntervalMovesTheDueDate() {
        Organisation organisation = organisation(6);
        organisation.latestCompletedOn(LocalDate.parse("2026-05-14"));

        organisation.update(new OrganisationForm("Org", null, null, null, 3), Instant.now());

        assertThat(organisation.nextAssessmentDue()).isEqualTo("2026-08-14");
    }

    @Test
    void overdueAndDueSoonAreJudgedAgainstToday() {
        OrganisationView view = new OrganisationView(1, "Org", null, null, null, null, Instant.now(), Instant.now(), 0, 6,
                LocalDate.parse("2026-05-14"), LocalDate.parse("2026-11-14"), null);

        assertThat(view.overdue(LocalDate.parse("2026-11-15"))).isTrue();
        assertThat(view.overdue(LocalDate.parse("2026-11-14"))).isFalse();
        assertThat(view.dueSoon(LocalDate.parse("2026-10-15"))).isTrue();
        assertThat(view.dueSoon(LocalDate.parse("2026-10-14"))).isFalse();
        assertThat(view.daysUntilDue(LocalDate.parse("2026-11-04"))).isEqualTo(10);
    }
}
