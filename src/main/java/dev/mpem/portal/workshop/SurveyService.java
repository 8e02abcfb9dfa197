package dev.mpem.portal.workshop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Times;
import dev.mpem.portal.shared.Words;

/**
 * Rating from afar: a survey is a workshop whose participants are invited (name, optional e-mail)
 * and rate the 11 dimensions in their own time through a personal link, until it closes. The same
 * silent rules hold (one vote per person and dimension, changeable until the reveal or the close);
 * the consultant reveals and agrees each dimension on the workshop's own page.
 */
@Service
@Transactional(readOnly = true)
public class SurveyService {

    /** Most invitees of one survey. */
    static final int MAX_INVITEES = 200;

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)<([^<>]*)>\\s*$");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+");

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final VoteRepository votes;
    private final WorkshopService workshopService;
    private final AssessmentService assessments;
    private final ModelService modelService;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Times times;

    SurveyService(WorkshopRepository workshops, ParticipantRepository participants, VoteRepository votes,
            WorkshopService workshopService, AssessmentService assessments, ModelService modelService,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock, Times times) {
        this.workshops = workshops;
        this.participants = participants;
        this.votes = votes;
        this.workshopService = workshopService;
        this.assessments = assessments;
        this.modelService = modelService;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.times = times;
    }

    /** What a consultant types to open a survey: the last day to answer, and one invitee per line. */
    public record SurveyForm(String closesOn, String invitees, boolean anonymous) {
    }

    record Invitee(String name, String email) {
    }

    /**
     * Opens a survey of a draft assessment, closing at the end of {@code closesOn} where the
     * consultant is; refused (with every problem of the form) for a date not after today, no
     * invitee, a name given twice or an address that is not one. Refused like a workshop while
     * another workshop or survey of the assessment is open.
     */
    @Transactional
    public WorkshopView open(long assessmentId, SurveyForm form) {
        AssessmentView assessment = assessments.get(assessmentId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(times.readerZone()));
        LocalDate closesOn = null;
        String typedDate = Text.singleLine(form.closesOn());
        if (typedDate == null) {
            problems.add(new FieldProblem("closesOn", Words.say("survey.closesOn.required"), null));
        }
        else {
            try {
                closesOn = LocalDate.parse(typedDate);
                if (!closesOn.isAfter(today)) {
                    problems.add(new FieldProblem("closesOn", Words.say("survey.closesOn.past", typedDate), typedDate));
                }
                else if (closesOn.isAfter(today.plusYears(1))) {
                    problems.add(new FieldProblem("closesOn", Words.say("survey.closesOn.far", typedDate), typedDate));
                }
            }
            catch (DateTimeParseException e) {
                problems.add(new FieldProblem("closesOn", Words.say("survey.closesOn.invalid", typedDate), typedDate));
            }
        }
        List<Invitee> invitees = invitees(form.invitees(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Refused like a second workshop while one is open: the same rule, in one place.
        String first = workshopService.checkCanOpen(assessment);
        Instant closesAt = closesOn.plusDays(1).atStartOfDay(times.readerZone()).toInstant();
        Workshop survey = workshops.saveAndFlush(Workshop.survey(assessmentId, workshopService.newCode(),
                form.anonymous(), first, currentUser.username(), clock.instant(), closesAt));
        for (Invitee invitee : invitees) {
            participants.save(Participant.invitee(survey.id(), invitee.name(), invitee.email(),
                    ParticipantService.newParticipantKey(), clock.instant()));
        }
        participants.flush();
        events.publishEvent(new WorkshopEvents.SurveyOpened(assessment.organisationId(), assessmentId,
                survey.joinCode(), invitees.size(), closesOn));
        return WorkshopView.of(survey);
    }

    /** One invitee per line: "Name", "Name, e-mail" or "Name <e-mail>"; problems named by line. */
    private static List<Invitee> invitees(String typed, List<FieldProblem> problems) {
        List<Invitee> invitees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = typed == null ? new String[0] : Text.LINE_BREAK.split(typed);
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String name = line;
            String email = null;
            Matcher bracketed = BRACKETED.matcher(line);
            if (bracketed.matches()) {
                name = bracketed.group(1).strip();
                email = bracketed.group(2).strip();
            }
            else if (line.lastIndexOf(',') > 0 && line.substring(line.lastIndexOf(',') + 1).contains("@")) {
                name = line.substring(0, line.lastIndexOf(',')).strip();
                email = line.substring(line.lastIndexOf(',') + 1).strip();
            }
            List<FieldProblem> own = new ArrayList<>();
            String checked = ParticipantService.checkedNameOrProblem(name, own);
            if (!own.isEmpty()) {
                problems.add(new FieldProblem("invitees", Words.say("survey.invitee.line", number, own.get(0).message()),
                        line));
                continue;
            }
            if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
                problems.add(new FieldProblem("invitees", Words.say("survey.invitee.email", number, email), line));
                continue;
            }
            if (!names.add(Participant.keyOf(checked))) {
                problems.add(new FieldProblem("invitees", Words.say("survey.invitee.twice", number, checked), line));
                continue;
            }
            invitees.add(new Invitee(checked, email));
        }
        if (invitees.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("invitees", Words.say("survey.invitees.required"), null));
        }
        if (invitees.size() > MAX_INVITEES) {
            problems.add(new FieldProblem("invitees", Words.say("survey.invitees.many", MAX_INVITEES), null));
        }
        return invitees;
    }

    /** An invitee of a survey with their personal key and how many dimensions they have rated. */
    public record InviteeView(String name, String email, String key, long rated) {
    }

    /** The invitees of a survey, for its consultant (their links included). */
    public List<InviteeView> invitees(long workshopId) {
        WorkshopView survey = workshopService.get(workshopId);
        Map<Long, Long> rated = votes.findByWorkshopIdIn(List.of(survey.id())).stream()
                .collect(Collectors.groupingBy(Vote::participantId, Collectors.counting()));
        return participants.findByWorkshopId(survey.id()).stream()
                .map(p -> new InviteeView(p.displayName(), p.email(), p.browserKey(), rated.getOrDefault(p.id(), 0L)))
                .toList();
    }

    /** What an invitee's link opens: their survey, their name and their votes so far (by dimension). */
    public record Response(WorkshopView survey, String invitee, Map<String, ParticipantService.OwnVote> votes,
            boolean takesVotes) {

        public ParticipantService.OwnVote vote(String dimension) {
            return votes.get(dimension);
        }
    }

    /** The survey behind a personal link; empty when the link is unknown (or not a survey's). */
    public Optional<Response> byKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return participants.findByBrowserKey(key.strip()).flatMap(invitee -> workshops.findById(invitee.workshopId())
                .filter(w -> w.kind() == Workshop.Kind.SURVEY)
                .map(survey -> {
                    Map<String, ParticipantService.OwnVote> own = new LinkedHashMap<>();
                    votes.findByWorkshopIdIn(List.of(survey.id())).stream()
                            .filter(v -> v.participantId() == invitee.id())
                            .forEach(v -> own.put(v.dimensionCode(),
                                    new ParticipantService.OwnVote(v.current(), v.target(), v.reason())));
                    return new Response(WorkshopView.of(survey), invitee.displayName(), own,
                            survey.takesVotes(clock.instant()));
                }));
    }

    /** The model's first dimension this invitee has not rated yet, if any. */
    public Optional<String> nextUnrated(Response response) {
        return modelService.model().dimensions().stream().map(d -> d.code())
                .filter(code -> response.vote(code) == null).findFirst();
    }
}
