package dev.mpem.portal.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An organisation. {@code nextAssessmentDue} is {@code reassessMonths} after the date of its latest
 * completed assessment, null before any assessment is completed.
 */
public record OrganisationView(long id, String name, String industry, String contact, String notes,
        Instant createdAt, Instant updatedAt, long version, int reassessMonths, LocalDate lastCompletedOn,
        LocalDate nextAssessmentDue) {

    /** Days until the next assessment is due (negative when overdue), or null when nothing is due. */
    public Long daysUntilDue(LocalDate today) {
        return nextAssessmentDue == null ? null : ChronoUnit.DAYS.between(today, nextAssessmentDue);
    }

    public boolean overdue(LocalDate today) {
        return nextAssessmentDue != null && nextAssessmentDue.isBefore(today);
    }

    /** Due within the next 30 days (and not overdue). */
    public boolean dueSoon(LocalDate today) {
        return nextAssessmentDue != null && !overdue(today) && !nextAssessmentDue.isAfter(today.plusDays(30));
    }
}
