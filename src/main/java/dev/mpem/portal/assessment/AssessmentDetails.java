package dev.mpem.portal.assessment;

import java.time.LocalDate;
import java.util.List;

/** The details of an assessment as the service takes them, already checked. */
record AssessmentDetails(String title, LocalDate assessedOn, String assessor, String participants,
        List<String> focusOutcomes) {
}
