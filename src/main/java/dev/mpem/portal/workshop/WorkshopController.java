package dev.mpem.portal.workshop;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.StaleRatingException;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.FormErrors;
import dev.mpem.portal.report.Tally;
import dev.mpem.portal.shared.Words;

/** The facilitator's side of a workshop: open it, move the room, reveal, agree, close. */
@Controller
class WorkshopController {

    private static final String PROJECTOR = "workshop/projector";

    private final WorkshopService workshops;
    private final AssessmentService assessments;
    private final LiveEvents live;
    private final SurveyService surveys;

    private final dev.mpem.portal.model.ModelService models;
    private final MessageSource messages;

    WorkshopController(WorkshopService workshops, AssessmentService assessments,
            dev.mpem.portal.model.ModelService models, MessageSource messages, LiveEvents live, SurveyService surveys) {
        this.live = live;
        this.surveys = surveys;
        this.messages = messages;
        this.models = models;
        this.workshops = workshops;
        this.assessments = assessments;
    }

    @GetMapping("/assessments/{id}/workshops")
    String list(@PathVariable long id, Model model) {
        model.addAttribute("assessment", assessments.get(id));
        model.addAttribute("workshops", workshops.of(id));
        return "workshop/workshops";
    }

    @PostMapping("/assessments/{id}/workshops")
    String open(@PathVariable long id, @RequestParam(name = "anonymous", defaultValue = "false") boolean anonymous,
            RedirectAttributes redirect) {
        try {
            WorkshopView workshop = workshops.open(id, anonymous);
            Flash.success(redirect, Words.say("workshop.opened.flash"));
            return "redirect:/workshops/" + workshop.id();
        }
        catch (ConflictException e) {
            Flash.error(redirect, e.getMessage());
            Object running = e.details().get("id");
            return running != null ? "redirect:/workshops/" + running : "redirect:/assessments/" + id + "/workshops";
        }
    }

    @GetMapping("/workshops/{id}")
    String projector(@PathVariable long id, Model model) {
        WorkshopView workshop = workshops.get(id);
        return render(model, workshop, null, null);
    }

    /**
     * The presentation for the projector: no portal chrome, the dimension, its five descriptors, the
     * vote count and after the reveal the distribution with the reasons given; the join code and its
     * QR code until the room has voted, and on demand ({@code ?join}) after. Keys drive it (see present.js).
     */
    @GetMapping("/workshops/{id}/present")
    String present(@PathVariable long id, @RequestParam(name = "join", required = false) String join, Model model) {
        WorkshopView workshop = workshops.get(id);
        if (workshop.survey()) {
            // A survey's invitees have their own links: no join code or QR code goes on a wall.
            return "redirect:/workshops/" + id;
        }
        render(model, workshop, null, null);
        boolean anyVote = !workshops.voteCounts(id).isEmpty();
        model.addAttribute("showJoin", workshop.open() && (join != null || !anyVote));
        model.addAttribute("qr", QrCode.of((String) model.getAttribute("joinUrl")));
        return "workshop/present";
    }

    /** Where a control sends the facilitator back to: the presentation when pressed there, else the controls. */
    private static String back(long id, String from) {
        return "redirect:/workshops/" + id + ("present".equals(from) ? "/present" : "");
    }

    @PostMapping("/workshops/{id}/move")
    String move(@PathVariable long id, @RequestParam("dimension") String dimension,
            @RequestParam(name = "from", required = false) String from) {
        workshops.moveTo(id, dimension);
        return back(id, from);
    }

    @PostMapping("/workshops/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(name = "from", required = false) String from) {
        WorkshopView workshop = workshops.get(id);
        workshops.reveal(id, workshop.currentDimension());
        return back(id, from);
    }

    @PostMapping("/workshops/{id}/agree")
    String agree(@PathVariable long id, @ModelAttribute("agree") AgreeForm form, BindingResult result, Model model,
            @RequestParam(name = "from", required = false) String from, HttpServletResponse response,
            RedirectAttributes redirect) {
        WorkshopView workshop = workshops.get(id);
        AgreeForm typed = form != null ? form : new AgreeForm(FormErrors.bound(result, "current", Integer.class),
                FormErrors.bound(result, "target", Integer.class), FormErrors.bound(result, "reason", String.class),
                FormErrors.bound(result, "version", Long.class));
        return FormSubmission.of(result, messages, response, problem -> render(model, workshop, typed, problem))
                .on(StaleRatingException.class, HttpStatus.CONFLICT, e -> model.addAttribute("stale", e.stored()))
                .on(ConflictException.class, HttpStatus.CONFLICT)
                .submit(() -> {
                    workshops.agree(id, workshop.currentDimension(), form.current(), form.target(), form.reason(),
                            form.version());
                    Flash.success(redirect, Words.say("workshop.agreed"));
                    return back(id, from);
                });
    }

    /** Closing cannot be undone: the facilitator first sees what the room has not agreed on yet. */
    @GetMapping("/workshops/{id}/close")
    String confirmClose(@PathVariable long id, Model model) {
        WorkshopView workshop = workshops.get(id);
        if (!workshop.open()) {
            return "redirect:/assessments/" + workshop.assessmentId();
        }
        AssessmentView assessment = assessments.get(workshop.assessmentId());
        var dimensions = models.model().dimensions();
        model.addAttribute("workshop", workshop);
        model.addAttribute("unrecorded", dimensions.stream().filter(d -> workshop.revealed(d.code())
                && assessment.rating(d.code()).confidence() == null).map(d -> d.name()).toList());
        model.addAttribute("unrevealed", dimensions.stream().filter(d -> !workshop.revealed(d.code())).count());
        return "workshop/close";
    }

    @PostMapping("/workshops/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        WorkshopView workshop = workshops.close(id);
        Flash.success(redirect, Words.say("workshop.closed.flash"));
        return "redirect:/assessments/" + workshop.assessmentId();
    }

    /** The workshop's events as they happen (joined, voted, revealed, agreed, moved, closed), for the consultant's pages. */
    @GetMapping(path = "/workshops/{id}/events", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(@PathVariable long id,
            HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        return live.subscribe(workshops.get(id).id());
    }

    /** What the projector's script compares to know when to reload (browsers without server-sent events). */
    @GetMapping("/workshops/{id}/state")
    @ResponseBody
    Map<String, Object> state(@PathVariable long id) {
        WorkshopView workshop = workshops.get(id);
        var state = workshops.state(id, workshop.currentDimension());
        return Map.of("stamp", workshop.status() + ":" + workshop.currentDimension() + ":" + state.voted() + ":"
                + state.joined() + ":" + workshop.revealed(workshop.currentDimension()));
    }

    /** What the room agreed, as the facilitator's form sends it; {@code version} is the rating's when a conflict was shown. */
    record AgreeForm(Integer current, Integer target, String reason, Long version) {
    }

    private String render(Model model, WorkshopView workshop, AgreeForm form, String problem) {
        AssessmentView assessment = assessments.get(workshop.assessmentId());
        var state = workshops.state(workshop.id(), workshop.currentDimension());
        model.addAttribute("workshop", workshop);
        model.addAttribute("assessment", assessment);
        model.addAttribute("state", state);
        model.addAttribute("counts", workshops.voteCounts(workshop.id()));
        model.addAttribute("rating", assessment.rating(workshop.currentDimension()));
        model.addAttribute("joinUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/join/"
                + workshop.joinCode()).toUriString());
        model.addAttribute("joinPage", ServletUriComponentsBuilder.fromCurrentContextPath().path("/join").toUriString());
        if (workshop.survey()) {
            model.addAttribute("invitees", surveys.invitees(workshop.id()));
            model.addAttribute("surveyBase", ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/").toUriString());
        }
        if (state.tally() != null) {
            model.addAttribute("chart", VoteChart.of(state.tally()));
            model.addAttribute("agree", form != null ? form : new AgreeForm(
                    suggestion(state.tally().medianCurrent()), suggestion(state.tally().medianTarget()), null, null));
        }
        model.addAttribute("problem", problem);
        return PROJECTOR;
    }

    private static Integer suggestion(java.math.BigDecimal median) {
        return median == null ? null : Tally.suggestion(median);
    }
}
