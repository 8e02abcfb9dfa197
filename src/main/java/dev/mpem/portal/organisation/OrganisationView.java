package dev.mpem.portal.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An organisation. {@code nextAssessmentDue} is {@code reassessMonths} after the date of its latest
 * completed assessment, null before any assessment is completed. {@code industryOther} is what was
 * typed for an industry outside the list ({@code industry} is then OTHER). {@code contactEmail} is where
 * reminders for the organisation go (besides its consultants); null when none is given.
 */
public record OrganisationView(long id, String name, Industry industry, String industryOther, String contact, String notes,
        Instant createdAt, Instant updatedAt, long version, int reassessMonths, LocalDate lastCompletedOn,
        LocalDate nextAssessmentDue, String contactEmail) {

    /** The industry as a reader names it: the words typed for OTHER, otherwise its name; null when none is set. */
    public String industryLabel() {
        return Industry.label(industry, industryOther);
    }

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
