package dev.mpem.portal.share;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.report.ReportRenderer;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.Words;

/** Consultants make and revoke read-only links; anyone holding a valid link sees that report and its PDF. */
@Controller
class ShareController {

    private final ShareService shares;
    private final AssessmentService assessments;
    private final ReportRenderer renderer;
    private final java.time.Clock clock;
    private final MessageSource messages;

    /** How long a new link is valid, as the form sends it. */
    record ShareForm(Integer expiresInDays) {
    }

    ShareController(ShareService shares, AssessmentService assessments, ReportRenderer renderer, java.time.Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.shares = shares;
        this.assessments = assessments;
        this.renderer = renderer;
        this.clock = clock;
    }

    @GetMapping("/assessments/{id}/shares")
    String list(@PathVariable long id, Model model) {
        model.addAttribute("assessment", assessments.get(id));
        model.addAttribute("links", shares.of(id));
        model.addAttribute("now", clock.instant());
        model.addAttribute("defaultDays", ShareService.DEFAULT_DAYS);
        return "share/shares";
    }

    @PostMapping("/assessments/{id}/shares")
    String create(@PathVariable long id, @ModelAttribute("share") ShareForm form, BindingResult result,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return FormSubmission.of(result, messages, response, problem -> {
            model.addAttribute("daysProblem", problem);
            model.addAttribute("days", result.getFieldValue("expiresInDays"));
            return list(id, model);
        }).submit(() -> {
            ShareService.CreatedShare created = shares.create(id, form.expiresInDays());
            redirect.addFlashAttribute("newLink", url(created.token()));
            Flash.success(redirect, Words.say("share.created"));
            return "redirect:/assessments/" + id + "/shares";
        });
    }

    @PostMapping("/assessments/{id}/shares/{shareId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long shareId, RedirectAttributes redirect) {
        shares.revoke(id, shareId);
        Flash.success(redirect, Words.say("share.revoked.flash"));
        return "redirect:/assessments/" + id + "/shares";
    }

    @GetMapping("/share/{token}")
    View shared(@PathVariable String token, Model model) throws Exception {
        ShareView link = shares.use(token);
        model.addAttribute("shared", true);
        model.addAttribute("share", link);
        model.addAttribute("summaryUrl", "/share/" + token + "/summary");
        return renderer.page(model, link.assessmentId(), "/share/" + token + "/report.pdf", null);
    }

    /** The executive summary of the shared report: the same aggregates an executive reads. */
    @GetMapping("/share/{token}/summary")
    View sharedSummary(@PathVariable String token, Model model) throws Exception {
        ShareView link = shares.use(token);
        model.addAttribute("shared", true);
        model.addAttribute("share", link);
        return renderer.summaryPage(model, link.assessmentId(), "/share/" + token + "/summary.pdf", "/share/" + token);
    }

    @GetMapping("/share/{token}/summary.pdf")
    ResponseEntity<byte[]> sharedSummaryPdf(@PathVariable String token, Locale locale) {
        ShareView link = shares.use(token);
        return renderer.summaryPdf(link.assessmentId(), locale);
    }

    @GetMapping("/share/{token}/report.pdf")
    ResponseEntity<byte[]> sharedPdf(@PathVariable String token, Locale locale) {
        ShareView link = shares.use(token);
        return renderer.pdf(link.assessmentId(), locale);
    }

    @ExceptionHandler(ShareGoneException.class)
    ModelAndView gone(ShareGoneException e) {
        ModelAndView page = new ModelAndView("share/gone", HttpStatus.GONE);
        page.addObject("revoked", e.revoked());
        page.addObject("link", e.link());
        return page;
    }

    private static String url(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/share/" + token).build().toUriString();
    }
}
