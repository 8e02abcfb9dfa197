package dev.mpem.portal.action;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.FormErrors;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Words;

/**
 * The action plan pages: the plan of an assessment with the suggestions drawn from the paper, and
 * the form for one item. Executives read the plan; consultants and admins change it. A form is
 * checked by the service alone (not on binding), so every problem is shown at once.
 */
@Controller
class ActionController {

    static final String PLAN = "action/plan";
    static final String FORM = "action/action-form";

    private final ActionService actions;
    private final AssessmentService assessments;

    ActionController(ActionService actions, AssessmentService assessments) {
        this.actions = actions;
        this.assessments = assessments;
    }

    @GetMapping("/assessments/{id}/actions")
    String plan(@PathVariable long id, @RequestParam(name = "dismissed", required = false) String dismissed,
            Model model) {
        AssessmentView assessment = assessments.get(id);
        List<ActionView> plan = actions.planOf(assessment);
        model.addAttribute("assessment", assessment);
        model.addAttribute("plan", plan);
        model.addAttribute("planByDimension", plan.stream().collect(java.util.stream.Collectors.groupingBy(ActionView::dimension)));
        model.addAttribute("counts", ActionService.counts(plan));
        model.addAttribute("suggestions", actions.suggestions(assessment, false));
        List<Suggestion> dismissedOnes = actions.suggestions(assessment, true);
        model.addAttribute("dismissedCount", dismissedOnes.size());
        model.addAttribute("dismissed", dismissed != null ? dismissedOnes : List.of());
        model.addAttribute("showDismissed", dismissed != null);
        model.addAttribute("statuses", ActionStatus.values());
        return PLAN;
    }

    /** Where an item lives: its plan, at the item (a continuation is linked to from the item it continues). */
    @GetMapping("/actions/{actionId}")
    String show(@PathVariable long actionId) {
        ActionView item = actions.get(actionId);
        return "redirect:/assessments/" + item.assessmentId() + "/actions#action-" + actionId;
    }

    @GetMapping("/assessments/{id}/actions/new")
    String newForm(@PathVariable long id, @RequestParam(name = "dimension", required = false) String dimension,
            @RequestParam(name = "level", required = false) Integer level, Model model) {
        AssessmentView assessment = assessments.get(id);
        ActionForm form = ActionForm.planned(dimension, null, null, level);
        if (dimension != null && level != null) {
            try {
                form = actions.suggestion(id, dimension, level).form();
            }
            catch (InvalidInputException e) {
                // A suggestion no longer offered (already planned): start from the dimension and level alone.
            }
        }
        else if (dimension != null) {
            Integer target = assessment.ratings().stream().filter(r -> r.dimension().equals(dimension))
                    .map(r -> r.target()).findFirst().orElse(null);
            form = ActionForm.planned(dimension, null, null, target);
        }
        return form(model, assessment, null, form);
    }

    @PostMapping("/assessments/{id}/actions")
    String create(@PathVariable long id, @ModelAttribute("form") ActionForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        AssessmentView assessment = assessments.get(id);
        ActionForm typed = typed(form, result);
        form(model, assessment, null, typed);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return FormSubmission.of(result, response, () -> FORM).submit(() -> {
            ActionView created = actions.create(id, typed);
            Flash.success(redirect, Words.say("action.created", created.title()));
            return "redirect:/assessments/" + id + "/actions#action-" + created.id();
        });
    }

    @GetMapping("/actions/{actionId}/edit")
    String editForm(@PathVariable long actionId, Model model) {
        ActionView item = actions.get(actionId);
        return form(model, assessments.get(item.assessmentId()), item, ActionForm.of(item));
    }

    @PostMapping("/actions/{actionId}")
    String update(@PathVariable long actionId, @ModelAttribute("form") ActionForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ActionView item = actions.get(actionId);
        ActionForm typed = typed(form, result);
        form(model, assessments.get(item.assessmentId()), item, typed);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return FormSubmission.of(result, response, () -> FORM)
                .on(StaleActionException.class, HttpStatus.CONFLICT, e -> {
                    model.addAttribute("stale", e.stored());
                    model.addAttribute("form", typed.withVersion(e.stored().version()));
                })
                .on(ActionCarriedException.class, HttpStatus.CONFLICT)
                .submit(() -> {
                    ActionView saved = actions.update(actionId, typed);
                    Flash.success(redirect, Words.say("action.saved", saved.title()));
                    return "redirect:/assessments/" + saved.assessmentId() + "/actions#action-" + actionId;
                });
    }

    /** The plan's quick control: a new status for one item. */
    @PostMapping("/actions/{actionId}/status")
    String status(@PathVariable long actionId, @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "version", required = false) Long version, RedirectAttributes redirect) {
        ActionView item = actions.get(actionId);
        try {
            ActionView saved = actions.changeStatus(actionId, status, version);
            Flash.success(redirect, Words.say("action.statusSaved", saved.title(),
                    Words.say("action.status." + saved.status())));
        }
        catch (StaleActionException e) {
            Flash.error(redirect, Words.say("action.stale.status", e.stored().title(),
                    Words.say("action.status." + e.stored().status())));
        }
        catch (ActionCarriedException | InvalidInputException e) {
            Flash.error(redirect, e.getMessage());
        }
        return "redirect:/assessments/" + item.assessmentId() + "/actions#action-" + actionId;
    }

    /** Deleting asks first: a plan agreed with a client is not lost to a slip of the mouse. */
    @GetMapping("/actions/{actionId}/delete")
    String confirmDelete(@PathVariable long actionId, Model model) {
        ActionView item = actions.get(actionId);
        model.addAttribute("item", item);
        model.addAttribute("assessment", assessments.get(item.assessmentId()));
        return "action/delete";
    }

    @PostMapping("/actions/{actionId}/delete")
    String delete(@PathVariable long actionId, RedirectAttributes redirect) {
        ActionView item = actions.get(actionId);
        try {
            actions.delete(actionId);
            Flash.success(redirect, Words.say("action.deleted", item.title()));
        }
        catch (ActionCarriedException | ContinuationDeleteException e) {
            Flash.error(redirect, e.getMessage());
            return "redirect:/actions/" + actionId + "/edit";
        }
        return "redirect:/assessments/" + item.assessmentId() + "/actions";
    }

    @PostMapping("/assessments/{id}/suggestions/accept")
    String accept(@PathVariable long id, @RequestParam("dimension") String dimension,
            @RequestParam(name = "level", required = false) Integer level, RedirectAttributes redirect) {
        try {
            ActionView created = actions.accept(id, dimension, level);
            Flash.success(redirect, Words.say("action.accepted", created.title()));
            return "redirect:/assessments/" + id + "/actions#action-" + created.id();
        }
        catch (InvalidInputException e) {
            Flash.error(redirect, Words.say("action.suggestion.gone"));
            return "redirect:/assessments/" + id + "/actions";
        }
    }

    @PostMapping("/assessments/{id}/suggestions/dismiss")
    String dismiss(@PathVariable long id, @RequestParam("dimension") String dimension,
            @RequestParam(name = "level", required = false) Integer level, RedirectAttributes redirect) {
        try {
            actions.dismiss(id, dimension, level);
            Flash.info(redirect, Words.say("action.dismissed"));
        }
        catch (InvalidInputException e) {
            Flash.error(redirect, Words.say("action.suggestion.gone"));
        }
        return "redirect:/assessments/" + id + "/actions#suggestions";
    }

    @PostMapping("/assessments/{id}/suggestions/restore")
    String restore(@PathVariable long id, @RequestParam("dimension") String dimension,
            @RequestParam(name = "level", required = false) Integer level, RedirectAttributes redirect) {
        actions.restore(id, dimension, level);
        Flash.info(redirect, Words.say("action.restored"));
        return "redirect:/assessments/" + id + "/actions#suggestions";
    }

    private String form(Model model, AssessmentView assessment, ActionView item, ActionForm form) {
        model.addAttribute("assessment", assessment);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("owners", actions.possibleOwners(assessment.organisationId()));
        return FORM;
    }

    /** The form as typed; when binding refused a field the form was not created, so it is rebuilt from what did bind. */
    private static ActionForm typed(ActionForm form, BindingResult result) {
        if (form != null) {
            return form;
        }
        return new ActionForm(FormErrors.bound(result, "dimension", String.class),
                FormErrors.bound(result, "title", String.class), FormErrors.bound(result, "description", String.class),
                FormErrors.bound(result, "owner", String.class), FormErrors.bound(result, "ownerAccount", String.class),
                FormErrors.bound(result, "dueOn", String.class), FormErrors.bound(result, "status", String.class),
                FormErrors.bound(result, "targetLevel", Integer.class), FormErrors.bound(result, "version", Long.class));
    }
}
