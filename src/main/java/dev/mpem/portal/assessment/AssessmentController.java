package dev.mpem.portal.assessment;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
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

import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.Text;

@Controller
class AssessmentController {

    private static final String FORM = "assessment/assessment-form";
    private static final String OVERVIEW = "assessment/assessment";

    private final AssessmentService assessments;
    private final OrganisationService organisations;
    private final AssessmentTrail trail;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final dev.mpem.portal.shared.Times times;

    AssessmentController(AssessmentService assessments, OrganisationService organisations, AssessmentTrail trail,
            CurrentUser currentUser, Clock clock, dev.mpem.portal.shared.Times times) {
        this.times = times;
        this.assessments = assessments;
        this.organisations = organisations;
        this.trail = trail;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/organisations/{organisationId}/assessments/new")
    String newForm(@PathVariable long organisationId, Model model) {
        model.addAttribute("organisation", organisations.get(organisationId));
        model.addAttribute("form", AssessmentForm.startingOn(LocalDate.now(clock.withZone(times.readerZone())),
                currentUser.displayName()));
        return FORM;
    }

    @PostMapping("/organisations/{organisationId}/assessments")
    String create(@PathVariable long organisationId, @Valid @ModelAttribute("form") AssessmentForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("organisation", organisations.get(organisationId));
        return FormSubmission.of(result, response, () -> FORM).submit(() -> {
            AssessmentView created = assessments.create(organisationId, form);
            Flash.success(redirect, "Assessment \u201c" + created.title() + "\u201d started. Walk the room through"
                    + " the 11 dimensions; every step is saved as you go." + futureDateNote(created));
            return "redirect:/assessments/" + created.id() + "/walk";
        });
    }

    /** Re-assess: the next assessment after a completed one, with its focus outcomes and targets. */
    @GetMapping("/assessments/{id}/reassess")
    String reassessForm(@PathVariable long id, Model model) {
        model.addAttribute("previous", assessments.get(id));
        model.addAttribute("form", assessments.reassessmentForm(id, currentUser.displayName()));
        return FORM;
    }

    @PostMapping("/assessments/{id}/reassess")
    String reassess(@PathVariable long id, @Valid @ModelAttribute("form") AssessmentForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("previous", assessments.get(id));
        return FormSubmission.of(result, response, () -> FORM)
                .on(AssessmentNotCompletedException.class, HttpStatus.CONFLICT, e -> result.reject("draft",
                        "Only a completed assessment can be re-assessed; complete this one first."))
                .submit(() -> {
                    AssessmentView created = assessments.reassess(id, form);
                    Flash.success(redirect, "Re-assessment started. The targets set last time are filled in; the room"
                            + " rates the current level of each dimension afresh." + futureDateNote(created));
                    return "redirect:/assessments/" + created.id() + "/walk";
                });
    }

    @GetMapping("/assessments/{id}")
    String show(@PathVariable long id, Model model) {
        return overview(model, assessments.get(id));
    }

    private String overview(Model model, AssessmentView assessment) {
        model.addAttribute("assessment", assessment);
        model.addAttribute("history", trail.of(assessment.id(), LocaleContextHolder.getLocale()));
        return OVERVIEW;
    }

    @GetMapping("/assessments/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        AssessmentView assessment = assessments.get(id);
        model.addAttribute("assessment", assessment);
        model.addAttribute("form", AssessmentForm.of(assessment));
        return FORM;
    }

    @PostMapping("/assessments/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AssessmentForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        AssessmentView assessment = assessments.get(id);
        model.addAttribute("assessment", assessment);
        return FormSubmission.of(result, response, () -> FORM)
                .on(AssessmentCompletedException.class, HttpStatus.CONFLICT)
                .submit(() -> {
                    AssessmentView saved = assessments.updateDetails(id, form);
                    Flash.success(redirect, "Assessment details saved." + futureDateNote(saved));
                    return "redirect:/assessments/" + id;
                });
    }

    @PostMapping("/assessments/{id}/complete")
    String complete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            assessments.complete(id, currentUser.username());
            Flash.success(redirect, "Assessment completed. It is now read-only; reopen it if something must change.");
            return "redirect:/assessments/" + id;
        }
        catch (IncompleteAssessmentException e) {
            model.addAttribute("missing", e.missing());
            response.setStatus(HttpStatus.CONFLICT.value());
            return overview(model, assessments.get(id));
        }
    }

    /** Reopening is recorded with the signed-in user, the time and the reason given. */
    @PostMapping("/assessments/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String why = Text.multiLine(reason);
        if (why != null && why.length() > 1000) {
            model.addAttribute("reopenProblem", "The reason can be at most 1,000 characters.");
            model.addAttribute("reason", reason);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return overview(model, assessments.get(id));
        }
        try {
            assessments.reopen(id, currentUser.username(), why);
            Flash.success(redirect, "Assessment reopened by " + currentUser.displayName()
                    + ". Its ratings can be changed again.");
        }
        catch (AssessmentNotCompletedException e) {
            Flash.info(redirect, "This assessment is already a draft.");
        }
        return "redirect:/assessments/" + id;
    }

    /** A date after today is allowed (a workshop planned ahead) but said, in case it was mistyped. */
    private String futureDateNote(AssessmentView assessment) {
        return assessments.inTheFuture(assessment.assessedOn()) ? " Note: its date, " + assessment.assessedOn()
                + ", lies in the future; correct it under Edit details if that was a typing mistake." : "";
    }
}
