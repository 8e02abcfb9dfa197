package dev.mpem.portal.workshop;

import java.util.List;
import java.util.Optional;

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
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Flash;
import dev.mpem.portal.shared.FormErrors;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Words;

/**
 * Rating from afar: the consultant opens a survey; each invitee rates through their personal link
 * ({@code /s/{key}}), a dimension at a time, until the survey closes.
 */
@Controller
class SurveyController {

    private final SurveyService surveys;
    private final WorkshopService workshops;
    private final ParticipantService participants;
    private final AssessmentService assessments;
    private final ModelService modelService;
    private final org.springframework.context.MessageSource messages;

    SurveyController(SurveyService surveys, WorkshopService workshops, ParticipantService participants,
            AssessmentService assessments, ModelService modelService, org.springframework.context.MessageSource messages) {
        this.surveys = surveys;
        this.workshops = workshops;
        this.participants = participants;
        this.assessments = assessments;
        this.modelService = modelService;
        this.messages = messages;
    }

    @PostMapping("/assessments/{id}/surveys")
    String open(@PathVariable long id, @RequestParam(name = "closesOn", required = false) String closesOn,
            @RequestParam(name = "invitees", required = false) String invitees,
            @RequestParam(name = "anonymous", defaultValue = "false") boolean anonymous, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SurveyService.SurveyForm form = new SurveyService.SurveyForm(closesOn, invitees, anonymous);
        try {
            WorkshopView survey = surveys.open(id, form);
            Flash.success(redirect, Words.say("survey.opened"));
            return "redirect:/workshops/" + survey.id();
        }
        catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("surveyProblems", e.problems());
        }
        catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("surveyProblems", List.of(new dev.mpem.portal.shared.FieldProblem(null, e.getMessage(), null)));
        }
        model.addAttribute("survey", form);
        model.addAttribute("assessment", assessments.get(id));
        model.addAttribute("workshops", workshops.of(id));
        return "workshop/workshops";
    }

    /** The invitee's overview: the 11 dimensions, which are rated, and where to go on. */
    @GetMapping("/s/{key}")
    String overview(@PathVariable String key, Model model, HttpServletResponse response) {
        Optional<SurveyService.Response> found = surveys.byKey(key);
        if (found.isEmpty() || !found.get().takesVotes()) {
            return gone(found, model, response);
        }
        model.addAttribute("survey", found.get());
        model.addAttribute("key", key);
        model.addAttribute("next", surveys.nextUnrated(found.get()).orElse(null));
        return "workshop/survey";
    }

    @GetMapping("/s/{key}/{dimension}")
    String step(@PathVariable String key, @PathVariable String dimension, Model model, HttpServletResponse response) {
        Optional<SurveyService.Response> found = surveys.byKey(key);
        if (found.isEmpty() || !found.get().takesVotes()) {
            return gone(found, model, response);
        }
        ParticipantService.OwnVote vote = found.get().vote(dimension);
        return step(model, found.get(), key, dimension(dimension),
                vote == null ? new ParticipantController.VoteForm(dimension, null, null, null)
                        : new ParticipantController.VoteForm(dimension, vote.current(), vote.target(), vote.reason()),
                null);
    }

    @PostMapping("/s/{key}/{dimension}")
    String rate(@PathVariable String key, @PathVariable String dimension,
            @ModelAttribute("form") ParticipantController.VoteForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Optional<SurveyService.Response> found = surveys.byKey(key);
        if (found.isEmpty() || !found.get().takesVotes()) {
            return gone(found, model, response);
        }
        SurveyService.Response survey = found.get();
        Dimension rated = dimension(dimension);
        ParticipantController.VoteForm typed = form != null ? form : new ParticipantController.VoteForm(dimension,
                FormErrors.bound(result, "current", Integer.class), FormErrors.bound(result, "target", Integer.class),
                FormErrors.bound(result, "reason", String.class));
        return FormSubmission.of(result, messages, response, problem -> step(model, survey, key, rated, typed, problem))
                .on(ConflictException.class, HttpStatus.CONFLICT)
                .on(WorkshopClosedException.class, HttpStatus.GONE)
                .submit(() -> {
                    participants.vote(survey.survey().joinCode(), new VoteCommand(null, key, rated.code(),
                            typed.current(), typed.target(), typed.reason()));
                    Flash.success(redirect, Words.say("survey.saved", rated.name()));
                    SurveyService.Response now = surveys.byKey(key).orElseThrow();
                    return surveys.nextUnrated(now).map(next -> "redirect:/s/" + key + "/" + next)
                            .orElse("redirect:/s/" + key);
                });
    }

    private String step(Model model, SurveyService.Response survey, String key, Dimension dimension,
            ParticipantController.VoteForm form, String problem) {
        model.addAttribute("survey", survey);
        model.addAttribute("key", key);
        model.addAttribute("dimension", dimension);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("revealed", survey.survey().revealed(dimension.code()));
        return "workshop/survey-step";
    }

    /** An unknown link (404) or a survey that is closed or past its last day (410), said plainly. */
    private String gone(Optional<SurveyService.Response> found, Model model, HttpServletResponse response) {
        response.setStatus(found.isEmpty() ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("survey", found.orElse(null));
        return "workshop/survey-gone";
    }

    private Dimension dimension(String code) {
        return modelService.model().findDimension(code)
                .orElseThrow(() -> new dev.mpem.portal.assessment.DimensionNotFoundException(code));
    }
}
