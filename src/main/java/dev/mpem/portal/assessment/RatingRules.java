package dev.mpem.portal.assessment;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;

import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.Violations;

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
            problems.add(new FieldProblem("current", "Choose the current level (1 to 5).", null));
            problems.add(new FieldProblem("target", "Choose the target level (1 to 5).", null));
        }
        else if (current == null && target != null && command.levelsRequired()) {
            problems.add(new FieldProblem("current", "Choose the current level too: a dimension is rated with"
                    + " both where the organisation is today and where it wants to be.", null));
        }
        else if (current != null && target == null) {
            problems.add(new FieldProblem("target", "Choose the target level too: a dimension is rated with"
                    + " both where the organisation is today and where it wants to be.", null));
        }
        else if (currentValid && targetValid && current != null && target < current) {
            problems.add(new FieldProblem("target", "The target level (" + mpem.level(target).label()
                    + ") is below the current level (" + mpem.level(current).label() + "). The target is where"
                    + " the organisation wants to get to from where it is today, so it cannot be lower: choose "
                    + mpem.level(current).label() + " or higher, or correct the current level.", target));
        }
        String notes = command.notes();
        if (notes != null && notes.length() > MAX_NOTES) {
            problems.add(new FieldProblem("notes", "Notes can be at most 4,000 characters; these are "
                    + String.format("%,d", notes.length()) + ". Shorten them and save again.", null));
        }
        return problems;
    }

}
