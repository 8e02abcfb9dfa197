package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

public class AssessmentCompletedException extends ConflictException {

    AssessmentCompletedException(Long id) {
        super("ASSESSMENT_COMPLETED", null, Words.say("assessment.readOnly.refused", id));
    }
}
