package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.ConflictException;

public class AssessmentNotCompletedException extends ConflictException {

    /** @param action what was refused, e.g. "reopened" or "re-assessed" */
    AssessmentNotCompletedException(Long id, String action) {
        super("NOT_COMPLETED", null, "Assessment " + id + " is a draft: only a completed assessment can be " + action
                + ". Complete it first.");
    }
}
