package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

public class AssessmentNotCompletedException extends ConflictException {

    /** @param action what was refused, e.g. "reopened" or "re-assessed" */
    AssessmentNotCompletedException(Long id, String action) {
        super("NOT_COMPLETED", null, Words.say("assessment.draft." + action, id));
    }
}
