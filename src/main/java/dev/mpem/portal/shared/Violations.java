package dev.mpem.portal.shared;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** A command's constraint violations as the field problems pages and the API show. */
public final class Violations {

    private Violations() {
    }

    public static List<FieldProblem> of(Validator validator, Object command) {
        return validator.validate(command).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue()))
                .toList();
    }
}
