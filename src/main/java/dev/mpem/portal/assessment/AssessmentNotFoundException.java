package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Words;

public class AssessmentNotFoundException extends NotFoundException {

    public AssessmentNotFoundException(Object id) {
        super(Words.say("assessment.notFound", id), "assessmentId");
    }
}
