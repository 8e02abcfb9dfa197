package dev.mpem.portal.assessment;

import java.util.List;
import java.util.Map;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

/** Completion was asked for while some dimensions are unrated; {@link #missing()} names them. */
public class IncompleteAssessmentException extends ConflictException {

    private final List<String> missing;

    IncompleteAssessmentException(Long id, List<String> missing) {
        super("INCOMPLETE", "ratings", Words.say("assessment.incomplete.refused", id, missing.size(), String.join(", ", missing)));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("missing", missing);
    }
}
