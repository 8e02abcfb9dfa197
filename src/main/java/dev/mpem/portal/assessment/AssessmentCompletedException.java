package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.ConflictException;

public class AssessmentCompletedException extends ConflictException {

    AssessmentCompletedException(Long id) {
        super("ASSESSMENT_COMPLETED", null, "Assessment " + id + " is completed and therefore read-only."
                + " Reopen it to change it.");
    }
}
