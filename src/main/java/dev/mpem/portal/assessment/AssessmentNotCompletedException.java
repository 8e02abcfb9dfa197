package dev.mpem.portal.assessment;

import dev.mpem.portal.system.ConflictException;

public class AssessmentNotCompletedException extends ConflictException {

    AssessmentNotCompletedException(Long id) {
        super("NOT_COMPLETED", null, "Assessment " + id + " is a draft: only a completed assessment can be reopened.");
    }
}
