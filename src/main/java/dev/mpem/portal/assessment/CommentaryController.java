package dev.mpem.portal.assessment;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.Words;

/** The consultant's commentary for executives, written on its own page and shown at the top of the executive summary. */
@Controller
class CommentaryController {

    private static final String FORM = "assessment/commentary";

    private final AssessmentService assessments;

    CommentaryController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/assessments/{id}/commentary")
    String form(@PathVariable long id, Model model) {
        AssessmentView assessment = assessments.get(id);
        model.addAttribute("assessment", assessment);
        model.addAttribute("commentary", assessment.commentary());
        model.addAttribute("max", AssessmentService.COMMENTARY_MAX);
        return FORM;
    }

    @PostMapping("/assessments/{id}/commentary")
    String save(@PathVariable long id, @RequestParam(name = "commentary", required = false) String commentary,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        AssessmentView assessment = assessments.get(id);
        model.addAttribute("assessment", assessment);
        model.addAttribute("commentary", commentary);
        model.addAttribute("max", AssessmentService.COMMENTARY_MAX);
        return FormSubmission.of(response, problem -> {
            model.addAttribute("problem", problem);
            return FORM;
        }).submit(() -> {
            AssessmentView saved = assessments.saveCommentary(id, commentary);
            Flash.success(redirect, Words.say(saved.commentary() == null ? "commentary.removed" : "commentary.saved"));
            return "redirect:/assessments/" + id + "/summary";
        });
    }
}
