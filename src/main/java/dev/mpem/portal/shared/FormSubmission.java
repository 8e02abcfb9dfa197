package dev.mpem.portal.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

/**
 * How every page form is submitted, in one place. A form that did not bind or validate is shown
 * again with 400; otherwise the action runs, and when a service refuses it the form is shown again:
 * with the problems on their fields (400) for invalid input, or with the status and model a named
 * refusal calls for (e.g. 409 with what is stored now). What was typed stays on the page.
 *
 * <p>A form with a binding result shows problems on its fields; a small form without one (a join
 * code, a file) shows one message, which its page takes as the argument of {@code again}.
 *
 * <pre>
 * return FormSubmission.of(result, response, () -&gt; FORM)
 *         .on(StaleOrganisationException.class, HttpStatus.CONFLICT, e -&gt; model.addAttribute("stale", e.stored()))
 *         .submit(() -&gt; { organisations.update(id, form, version); return "redirect:/organisations/" + id; });
 * </pre>
 */
public final class FormSubmission {

    private final BindingResult result;
    private final HttpServletResponse response;
    private final Function<String, String> again;
    private final List<Refusal<?>> refusals = new ArrayList<>();

    /** What to do when the action throws {@code type}: {@code answer} gives the view to answer with. */
    private record Refusal<E extends RuntimeException>(Class<E> type, Function<E, String> answer) {

        String handle(RuntimeException e) {
            return answer.apply(type.cast(e));
        }
    }

    /** The first binding error of a form that shows one message, said in words; null when it bound. */
    private String bindingProblem;

    private FormSubmission(BindingResult result, HttpServletResponse response, Function<String, String> again) {
        this.result = result;
        this.response = response;
        this.again = again;
    }

    private FormSubmission refusedBinding(BindingResult bound, MessageSource messages) {
        if (bound.hasErrors()) {
            bindingProblem = messages.getMessage(bound.getAllErrors().get(0), LocaleContextHolder.getLocale());
        }
        return this;
    }

    /** A form bound into {@code result}; {@code again} shows it again (its problems are on its fields). */
    public static FormSubmission of(BindingResult result, HttpServletResponse response, Supplier<String> again) {
        return new FormSubmission(result, response, problem -> again.get());
    }

    /** A form without a binding result; {@code again} shows it again saying what the problem is. */
    public static FormSubmission of(HttpServletResponse response, Function<String, String> again) {
        return new FormSubmission(null, response, again);
    }

    /**
     * A small form bound into {@code result} whose page shows one message: a field binding refused
     * is said in the words of its {@code typeMismatch.*} text.
     */
    public static FormSubmission of(BindingResult result, MessageSource messages, HttpServletResponse response,
            Function<String, String> again) {
        return new FormSubmission(null, response, again).refusedBinding(result, messages);
    }

    /** When the action throws {@code type}: answer {@code status} and show the form again with the refusal's message. */
    public <E extends RuntimeException> FormSubmission on(Class<E> type, HttpStatus status) {
        return on(type, status, e -> {
            if (result != null) {
                result.reject(type.getSimpleName(), e.getMessage());
            }
        });
    }

    /**
     * When the action throws {@code type}: answer {@code status}, let {@code then} fill in the model,
     * and show the form again (a form without a binding result says the refusal's message).
     */
    public <E extends RuntimeException> FormSubmission on(Class<E> type, HttpStatus status, Consumer<E> then) {
        refusals.add(new Refusal<>(type, e -> {
            response.setStatus(status.value());
            then.accept(e);
            return again.apply(e.getMessage());
        }));
        return this;
    }

    /** When the action throws {@code type}: answer with the view {@code answer} gives (e.g. a redirect). */
    public <E extends RuntimeException> FormSubmission answer(Class<E> type, Function<E, String> answer) {
        refusals.add(new Refusal<>(type, answer));
        return this;
    }

    /** Runs {@code action} (which answers where to go next) unless the form is refused already. */
    public String submit(Supplier<String> action) {
        if (result != null && result.hasErrors() || bindingProblem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return again.apply(bindingProblem);
        }
        try {
            return action.get();
        }
        catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            if (result != null) {
                FormErrors.reject(result, e);
                return again.apply(null);
            }
            return again.apply(e.problems().stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
        }
        catch (RuntimeException e) {
            for (Refusal<?> refusal : refusals) {
                if (refusal.type().isInstance(e)) {
                    return refusal.handle(e);
                }
            }
            throw e;
        }
    }
}
