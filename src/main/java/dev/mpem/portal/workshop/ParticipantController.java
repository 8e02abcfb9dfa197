package dev.mpem.portal.workshop;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
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
import org.springframework.web.util.WebUtils;

import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.FormErrors;

/**
 * The participants' side: join with the code and a name, then vote from a phone or laptop. No
 * account and no session: the browser keeps its participant key in a cookie of this workshop.
 */
@Controller
class ParticipantController {

    static final String COOKIE_PREFIX = "mpem_w_";

    private final ParticipantService participants;
    private final MessageSource messages;
    private final LiveEvents live;

    ParticipantController(ParticipantService participants, MessageSource messages, LiveEvents live) {
        this.live = live;
        this.participants = participants;
        this.messages = messages;
    }

    @GetMapping("/join")
    String joinForm(@RequestParam(name = "code", required = false) String code, Model model) {
        model.addAttribute("code", code);
        return "workshop/join";
    }

    @GetMapping("/join/{code}")
    String joinWithCode(@PathVariable String code, Model model) {
        WorkshopView workshop = participants.byCode(code);
        model.addAttribute("code", workshop.joinCode());
        model.addAttribute("known", true);
        return "workshop/join";
    }

    @PostMapping("/join")
    String join(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "key", required = false) String key, Model model, HttpServletResponse response) {
        return FormSubmission.of(response, problem -> {
            model.addAttribute("code", code);
            model.addAttribute("name", name);
            model.addAttribute("key", key);
            model.addAttribute("problem", problem);
            return "workshop/join";
        }).on(WorkshopClosedException.class, HttpStatus.NOT_FOUND).submit(() -> {
            ParticipantService.Joined joined = key == null || key.isBlank() ? participants.join(code, name)
                    : participants.rejoin(code, name, key);
            String joinCode = joined.workshop().joinCode();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE_PREFIX + joinCode, joined.browserKey())
                    .path("/").httpOnly(true).sameSite("Lax").maxAge(Duration.ofHours(12)).build().toString());
            return "redirect:/w/" + joinCode;
        });
    }

    @GetMapping("/w/{code}")
    String vote(@PathVariable String code, HttpServletRequest request, Model model) {
        String joinCode = WorkshopService.normalise(code);
        String key = key(request, joinCode);
        Optional<String> closed = participants.closedFor(joinCode, key);
        if (closed.isPresent()) {
            return closed(model, joinCode, closed.get());
        }
        if (participants.participantName(joinCode, key).isEmpty()) {
            return "redirect:/join/" + joinCode;
        }
        model.addAttribute("rejoinKey", key);
        return render(model, participants.participantState(joinCode, key), null, null);
    }

    @PostMapping("/w/{code}/vote")
    String cast(@PathVariable String code, @ModelAttribute("form") VoteForm form, BindingResult result,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        String joinCode = WorkshopService.normalise(code);
        String key = key(request, joinCode);
        Optional<String> closed = participants.closedFor(joinCode, key);
        if (closed.isPresent()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return closed(model, joinCode, closed.get());
        }
        if (participants.participantName(joinCode, key).isEmpty()) {
            return "redirect:/join/" + joinCode;
        }
        model.addAttribute("rejoinKey", key);
        VoteForm typed = form != null ? form : new VoteForm(FormErrors.bound(result, "dimension", String.class),
                FormErrors.bound(result, "current", Integer.class), FormErrors.bound(result, "target", Integer.class),
                FormErrors.bound(result, "reason", String.class));
        return FormSubmission.of(result, messages, response,
                problem -> render(model, participants.participantState(joinCode, key), typed, problem))
                .answer(ConflictException.class, e -> {
                    // Refused (the votes are revealed): the page shows the vote as it stands.
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return render(model, participants.participantState(joinCode, key), null, e.getMessage());
                })
                .submit(() -> {
                    participants.vote(joinCode, new VoteCommand(null, key, form.dimension(), form.current(),
                            form.target(), form.reason()));
                    return "redirect:/w/" + joinCode + "?voted";
                });
    }

    /** What a participant's script compares to know when the room moved on (votes stay silent). */
    /** The workshop's events for a participant's page: counts and moves only, never a vote before the reveal. */
    @GetMapping(path = "/w/{code}/events", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(@PathVariable String code,
            HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        return live.subscribe(participants.byCode(code).id());
    }

    @GetMapping("/w/{code}/state")
    @ResponseBody
    Map<String, Object> state(@PathVariable String code, HttpServletRequest request) {
        String joinCode = WorkshopService.normalise(code);
        return Map.of("stamp", participants.participantStamp(joinCode, key(request, joinCode)));
    }

    record VoteForm(String dimension, Integer current, Integer target, String reason) {
    }

    private String render(Model model, ParticipantService.ParticipantState state, VoteForm form, String problem) {
        model.addAttribute("state", state);
        model.addAttribute("joinPage", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/join/" + state.workshop().joinCode()).toUriString());
        model.addAttribute("form", form != null ? form : state.vote() == null
                ? new VoteForm(state.dimension().code(), null, null, null)
                : new VoteForm(state.dimension().code(), state.vote().current(), state.vote().target(),
                        state.vote().reason()));
        model.addAttribute("problem", problem);
        if (state.tally() != null) {
            model.addAttribute("chart", VoteChart.of(state.tally()));
        }
        return "workshop/participant";
    }

    /** A participant's page once the facilitator closed the workshop: no vote form, no promise of changes. */
    private static String closed(Model model, String joinCode, String participant) {
        model.addAttribute("joinCode", joinCode);
        model.addAttribute("participant", participant);
        return "workshop/participant-closed";
    }

    private static String key(HttpServletRequest request, String joinCode) {
        var cookie = WebUtils.getCookie(request, COOKIE_PREFIX + joinCode);
        return cookie == null ? null : cookie.getValue();
    }
}
