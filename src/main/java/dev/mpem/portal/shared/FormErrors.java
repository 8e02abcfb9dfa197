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

    /**
     * A field's value as it was bound, when it is of the type: what a form comes back with when
     * binding refused another of its fields (the form object itself is then not created).
     */
    public static <T> T bound(BindingResult result, String field, Class<T> type) {
        Object value = result.getFieldValue(field);
        return type.isInstance(value) ? type.cast(value) : null;
    }

    private static boolean isFormField(BindingResult result, String field) {
        Object form = result.getTarget();
        return field != null && form != null && form.getClass().isRecord()
                && Arrays.stream(form.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
    }
}
