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
import dev.mpem.portal.shared.Words;

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
            Flash.success(redirect, Words.say("assessment.started", created.title()) + futureDateNote(created));
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
                        Words.say("assessment.reassess.draft")))
                .submit(() -> {
                    AssessmentView created = assessments.reassess(id, form);
                    Flash.success(redirect, Words.say("assessment.reassess.started") + futureDateNote(created));
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
                    Flash.success(redirect, Words.say("assessment.saved") + futureDateNote(saved));
                    return "redirect:/assessments/" + id;
                });
    }

    @PostMapping("/assessments/{id}/complete")
    String complete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            assessments.complete(id, currentUser.username());
            Flash.success(redirect, Words.say("assessment.completed"));
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
            model.addAttribute("reopenProblem", Words.say("assessment.reopen.reason.size"));
            model.addAttribute("reason", reason);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return overview(model, assessments.get(id));
        }
        try {
            assessments.reopen(id, currentUser.username(), why);
            Flash.success(redirect, Words.say("assessment.reopened", currentUser.displayName()));
        }
        catch (AssessmentNotCompletedException e) {
            Flash.info(redirect, Words.say("assessment.alreadyDraft"));
        }
        return "redirect:/assessments/" + id;
    }

    /** A date after today is allowed (a workshop planned ahead) but said, in case it was mistyped. */
    private String futureDateNote(AssessmentView assessment) {
        return assessments.inTheFuture(assessment.assessedOn())
                ? " " + Words.say("assessment.futureDate", assessment.assessedOn().toString()) : "";
    }
}
