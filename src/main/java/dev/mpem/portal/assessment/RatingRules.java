package dev.mpem.portal.assessment;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;

import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.Violations;
import dev.mpem.portal.shared.Words;

/** What makes a rating valid, in words a consultant can act on in front of the client. */
final class RatingRules {

    static final int MAX_NOTES = 4000;

    private RatingRules() {
    }

    static List<FieldProblem> check(RatingCommand command, Mpem mpem, Validator validator) {
        List<FieldProblem> problems = new ArrayList<>(Violations.of(validator, command));
        Integer current = command.current();
        Integer target = command.target();
        boolean currentValid = problems.stream().noneMatch(p -> p.field().equals("current"));
        boolean targetValid = problems.stream().noneMatch(p -> p.field().equals("target"));
        if (current == null && target == null && command.levelsRequired()) {
            problems.add(new FieldProblem("current", Words.say("rating.current.required"), null));
            problems.add(new FieldProblem("target", Words.say("rating.target.required"), null));
        }
        else if (current == null && target != null && command.levelsRequired()) {
            problems.add(new FieldProblem("current", Words.say("rating.current.too"), null));
        }
        else if (current != null && target == null) {
            problems.add(new FieldProblem("target", Words.say("rating.target.too"), null));
        }
        else if (currentValid && targetValid && current != null && target < current) {
            problems.add(new FieldProblem("target", Words.say("rating.target.belowCurrent", mpem.level(target).label(),
                    mpem.level(current).label()), target));
        }
        String notes = command.notes();
        if (notes != null && notes.length() > MAX_NOTES) {
            problems.add(new FieldProblem("notes", Words.say("rating.notes.size", notes.length()), null));
        }
        return problems;
    }

}
