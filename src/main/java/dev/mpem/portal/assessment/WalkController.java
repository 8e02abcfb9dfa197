package dev.mpem.portal.assessment;

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

import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.Words;

/**
 * The walk through the model: one page per dimension, in the model's order. Every button saves
 * the step before it moves on, so nothing typed is lost by navigating.
 */
@Controller
class WalkController {

    private static final String STEP = "assessment/walk-step";

    private final AssessmentService assessments;
    private final ModelService modelService;
    private final CurrentUser currentUser;

    WalkController(AssessmentService assessments, ModelService modelService, CurrentUser currentUser) {
        this.assessments = assessments;
        this.modelService = modelService;
        this.currentUser = currentUser;
    }

    /** Resumes the walk at the first unrated step (or the overview when every step is rated). */
    @GetMapping("/assessments/{id}/walk")
    String resume(@PathVariable long id) {
        AssessmentView assessment = assessments.get(id);
        if (assessment.completed()) {
            return "redirect:/assessments/" + id;
        }
        return assessment.firstUnrated().map(code -> "redirect:/assessments/" + id + "/steps/" + code)
                .orElse("redirect:/assessments/" + id);
    }

    @GetMapping("/assessments/{id}/steps/{code}")
    String step(@PathVariable long id, @PathVariable String code, Model model) {
        AssessmentView assessment = assessments.get(id);
        Dimension dimension = dimension(code);
        RatingView stored = assessment.rating(dimension.code());
        model.addAttribute("form", RatingForm.of(stored));
        return render(model, assessment, dimension);
    }

    @PostMapping("/assessments/{id}/steps/{code}")
    String save(@PathVariable long id, @PathVariable String code, @ModelAttribute("form") RatingForm form,
            BindingResult result, @RequestParam(name = "action", defaultValue = "next") String action, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        AssessmentView assessment = assessments.get(id);
        Dimension dimension = dimension(code);
        if (result.hasErrors()) {
            // With a refused field the model holds no form: show the one bound (or what was), with its errors.
            model.addAttribute("form", form != null ? form : RatingForm.of(result));
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        if (assessment.completed()) {
            result.reject("walk.completed.refused");
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(model, assessment, dimension);
        }
        return FormSubmission.of(result, response, () -> render(model, assessments.get(id), dimension))
                .on(StaleRatingException.class, HttpStatus.CONFLICT, e -> {
                    model.addAttribute("stale", e.stored());
                    model.addAttribute("form", form.withVersion(e.stored().version()));
                })
                .on(AssessmentCompletedException.class, HttpStatus.CONFLICT)
                .submit(() -> next(id, dimension, assessments.saveRating(id, dimension.code(),
                        form.toCommand(currentUser.username())), action, redirect));
    }

    private String next(long id, Dimension dimension, RatingView saved, String action, RedirectAttributes redirect) {
        Mpem mpem = modelService.model();
        String savedWhat = saved.rated()
                ? Words.say("walk.saved", dimension.name(), mpem.level(saved.current()).label(),
                        mpem.level(saved.target()).label())
                : saved.notes() != null ? Words.say("walk.notesSaved", dimension.name())
                : Words.say("walk.notRated", dimension.name());
        Flash.success(redirect, savedWhat);
        List<Dimension> all = mpem.dimensions();
        int index = all.indexOf(dimension);
        String target = switch (action) {
            case "back" -> index > 0 ? all.get(index - 1).code() : null;
            case "stay" -> dimension.code();
            default -> index < all.size() - 1 ? all.get(index + 1).code() : null;
        };
        return target == null ? "redirect:/assessments/" + id : "redirect:/assessments/" + id + "/steps/" + target;
    }

    private String render(Model model, AssessmentView assessment, Dimension dimension) {
        model.addAttribute("assessment", assessment);
        model.addAttribute("step", WalkStep.of(modelService.model(), assessment, dimension));
        model.addAttribute("stored", assessment.rating(dimension.code()));
        model.addAttribute("lastTime", assessments.lastTime(assessment, dimension.code()).orElse(null));
        return STEP;
    }

    private Dimension dimension(String code) {
        return modelService.model().findDimension(code).orElseThrow(() -> new DimensionNotFoundException(code));
    }
}
