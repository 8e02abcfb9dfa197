package dev.mpem.portal.assessment;

import java.time.LocalDate;

/** An assessment as lists show it: no ratings, just how far it got. */
public record AssessmentSummary(long id, long organisationId, String title, LocalDate assessedOn,
        AssessmentStatus status, long ratedCount) {

    public boolean completed() {
        return status == AssessmentStatus.COMPLETED;
    }
}
