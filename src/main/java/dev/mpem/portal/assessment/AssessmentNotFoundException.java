package dev.mpem.portal.assessment;

import dev.mpem.portal.shared.NotFoundException;

public class AssessmentNotFoundException extends NotFoundException {

    public AssessmentNotFoundException(Object id) {
        super("There is no assessment " + id + ".", "assessmentId");
    }
}
