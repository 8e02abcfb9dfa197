package dev.mpem.portal.shared;

import java.util.List;

/**
 * Input that passed the form's own checks but breaks a rule only the service can see (a name that
 * is already taken). Pages show each problem at its field; the API answers 400.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message, Object rejectedValue) {
        this(List.of(new FieldProblem(field, message, rejectedValue)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
