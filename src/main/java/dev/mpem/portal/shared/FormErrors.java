package dev.mpem.portal.shared;

import java.util.Arrays;

import org.springframework.validation.BindingResult;

/** Puts problems found by a service on the form's fields, so the page shows them in place. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, InvalidInputException e) {
        e.problems().forEach(problem -> reject(result, problem));
    }

    public static void reject(BindingResult result, FieldProblem problem) {
        if (isFormField(result, problem.field())) {
            result.rejectValue(problem.field(), "invalid", problem.message());
        }
        else {
            result.reject("invalid", problem.message());
        }
    }

    private static boolean isFormField(BindingResult result, String field) {
        Object form = result.getTarget();
        return field != null && form != null && form.getClass().isRecord()
                && Arrays.stream(form.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
    }
}
