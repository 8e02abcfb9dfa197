package dev.mpem.portal.workshop;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Validator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.report.Tally;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Violations;
import dev.mpem.portal.shared.Words;

/**
 * The participants' side of a workshop: joining with its code (from a browser or through the API),
 * the page that follows the room, and silent votes.
 */
@Service
@Transactional(readOnly = true)
public class ParticipantService {

    static final int MAX_NAME = 60;
    static final int MAX_REASON = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final VoteRepository votes;
    private final WorkshopReads reads;
    private final ModelService modelService;
    private final Clock clock;
    private final Validator validator;
    private final TransactionTemplate writing;
    private final org.springframework.context.ApplicationEventPublisher events;

    ParticipantService(WorkshopRepository workshops, ParticipantRepository participants, VoteRepository votes,
            WorkshopReads reads, ModelService modelService, Clock clock, Validator validator,
            PlatformTransactionManager transactionManager, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.validator = validator;
        this.workshops = workshops;
        this.participants = participants;
        this.votes = votes;
        this.reads = reads;
        this.modelService = modelService;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactionManager);
    }

    /** The open workshop of a join code; a closed or unknown code finds nothing. */
    public WorkshopView byCode(String joinCode) {
        return WorkshopView.of(reads.openByCode(joinCode));
    }

    /** Joins a participant from a browser; the key goes into that browser's cookie. */
    @Transactional
    public Joined join(String joinCode, String name) {
        Workshop workshop = reads.openByCode(joinCode);
        String displayName = checkedName(name);
        if (participants.findByWorkshopIdAndNameKey(workshop.id(), Participant.keyOf(displayName)).isPresent()) {
            throw new InvalidInputException("name", Words.say("workshop.name.taken", displayName), name);
        }
        String key = newParticipantKey();
        try {
            participants.saveAndFlush(new Participant(workshop.id(), displayName, key, clock.instant()));
        }
        catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("name", Words.say("workshop.name.justTaken", displayName), name);
        }
        events.publishEvent(LiveSignal.of(workshop.id(), "joined", "joined", participants.countByWorkshopId(workshop.id())));
        return new Joined(WorkshopView.of(workshop), displayName, key);
    }

    public record Joined(WorkshopView workshop, String displayName, String browserKey) {
    }

    /**
     * Joins again from another device as the participant this key was given to: the name must be
     * theirs, so a key alone (seen over a shoulder) does not make anyone someone else.
     */
    public Joined rejoin(String joinCode, String name, String key) {
        Workshop workshop = reads.openByCode(joinCode);
        String displayName = checkedName(name);
        Participant participant = participants.findByWorkshopIdAndBrowserKey(workshop.id(), key == null ? "" : key.strip())
                .filter(p -> p.nameKey().equals(Participant.keyOf(displayName)))
                .orElseThrow(() -> new InvalidInputException("key", Words.say("join.key.wrong", displayName), null));
        return new Joined(WorkshopView.of(workshop), participant.displayName(), participant.browserKey());
    }

    /** Joins a participant through the API: the answer's key is what later votes of theirs must carry. */
    @Transactional
    public JoinedByApi joinByApi(String joinCode, String name) {
        Joined joined = join(joinCode, name);
        Participant participant = participants.findByWorkshopIdAndBrowserKey(joined.workshop().id(), joined.browserKey())
                .orElseThrow();
        return new JoinedByApi(participant.id(), joined.browserKey(), joined.displayName());
    }

    public record JoinedByApi(long participantId, String participantKey, String name) {
    }

    /** A participant's secret: it lives in their browser's cookie, or with the integration that joined them. */
    static String newParticipantKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The participant a browser key stands for in the workshop of this code. */
    public Optional<String> participantName(String joinCode, String browserKey) {
        Workshop workshop = reads.openByCode(joinCode);
        if (browserKey == null) {
            return Optional.empty();
        }
        return participants.findByWorkshopIdAndBrowserKey(workshop.id(), browserKey).map(Participant::displayName);
    }

    /**
     * The participant a browser key stands for in a workshop of this code that has closed since they
     * joined: they are told it closed, while the code itself opens nothing to anyone else.
     */
    @Transactional(readOnly = true)
    public Optional<String> closedFor(String joinCode, String browserKey) {
        if (browserKey == null) {
            return Optional.empty();
        }
        return workshops.findByJoinCode(WorkshopService.normalise(joinCode)).filter(w -> !w.open())
                .flatMap(w -> participants.findByWorkshopIdAndBrowserKey(w.id(), browserKey))
                .map(Participant::displayName);
    }

    /**
     * What a participant's page compares to know that the room moved on (votes stay silent): the
     * dimension and whether it is revealed, or "CLOSED" for someone who joined a workshop since closed.
     * One read of the workshop, since every participant's page asks every few seconds.
     */
    @Transactional(readOnly = true)
    public String participantStamp(String joinCode, String browserKey) {
        Workshop workshop = workshops.findByJoinCode(WorkshopService.normalise(joinCode))
                .orElseThrow(() -> new WorkshopClosedException(joinCode));
        if (workshop.open()) {
            return workshop.status() + ":" + workshop.currentDimension() + ":"
                    + workshop.revealed(workshop.currentDimension());
        }
        if (browserKey != null && participants.findByWorkshopIdAndBrowserKey(workshop.id(), browserKey).isPresent()) {
            return "CLOSED";
        }
        throw new WorkshopClosedException(joinCode);
    }

    /** What a participant's page shows: the room's dimension, their own vote, and the votes once revealed. */
    public ParticipantState participantState(String joinCode, String browserKey) {
        Workshop workshop = reads.openByCode(joinCode);
        Participant participant = participants.findByWorkshopIdAndBrowserKey(workshop.id(), browserKey)
                .orElseThrow(() -> new NotAParticipantException());
        Dimension dimension = reads.dimension(workshop.currentDimension());
        Optional<Vote> own = votes.findByWorkshopIdAndParticipantIdAndDimensionCode(workshop.id(), participant.id(),
                dimension.code());
        Tally tally = workshop.revealed(dimension.code()) ? reads.tally(workshop, dimension.code()) : null;
        return new ParticipantState(WorkshopView.of(workshop), participant.displayName(), dimension,
                own.map(v -> new OwnVote(v.current(), v.target(), v.reason())).orElse(null), tally);
    }

    /**
     * Casts or replaces a vote. One vote per participant and dimension; refused once the dimension
     * is revealed (409) and for a closed or unknown code (404).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public OwnVote vote(String joinCode, VoteCommand command) {
        Mpem mpem = modelService.model();
        List<FieldProblem> problems = new ArrayList<>();
        Dimension dimension = mpem.findDimension(command.dimension()).orElse(null);
        if (dimension == null) {
            problems.add(new FieldProblem("dimension", Words.say("vote.dimension.unknown", command.dimension()),
                    command.dimension()));
        }
        problems.addAll(Violations.of(validator, command));
        if (command.current() == null) {
            problems.add(new FieldProblem("current", Words.say("rating.current.required"), null));
        }
        if (command.target() == null) {
            problems.add(new FieldProblem("target", Words.say("rating.target.required"), null));
        }
        if (problems.isEmpty() && command.target() < command.current()) {
            problems.add(new FieldProblem("target", Words.say("vote.target.belowCurrent",
                    mpem.level(command.current()).label()), command.target()));
        }
        String reason = Text.singleLine(command.reason());
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", Words.say("vote.reason.size", MAX_REASON), null));
        }
        String apiName = command.browserKey() == null ? checkedNameOrProblem(command.participant(), problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return writing.execute(status -> castVote(joinCode, command, dimension, reason, apiName));
        }
        catch (DataIntegrityViolationException e) {
            // The same participant's two votes (or first appearances) crossed: the second one replaces.
            return writing.execute(status -> castVote(joinCode, command, dimension, reason, apiName));
        }
    }

    private OwnVote castVote(String joinCode, VoteCommand command, Dimension dimension, String reason, String apiName) {
        Workshop workshop = workshops.findForVote(WorkshopService.normalise(joinCode))
                .filter(w -> w.takesVotes(clock.instant()))
                .orElseThrow(() -> new WorkshopClosedException(joinCode));
        // A vote for a participant who is there already needs their key; a new name joins with a new key
        // (not in a survey: its participants are invited, nobody joins it by its code).
        String newKey = null;
        Participant participant;
        if (command.browserKey() == null && workshop.kind() == Workshop.Kind.SURVEY) {
            throw new WorkshopClosedException(joinCode);
        }
        if (command.browserKey() != null) {
            participant = participants.findByWorkshopIdAndBrowserKey(workshop.id(), command.browserKey())
                    .orElseThrow(WrongParticipantKeyException::new);
        }
        else if (participants.findByWorkshopIdAndNameKey(workshop.id(), Participant.keyOf(apiName)).isPresent()) {
            throw new NameTakenException(apiName);
        }
        else {
            newKey = newParticipantKey();
            participant = participants.saveAndFlush(new Participant(workshop.id(), apiName, newKey, clock.instant()));
        }
        if (workshop.revealed(dimension.code())) {
            throw new WorkshopNotOpenException("VOTES_REVEALED", Words.say("vote.revealed", dimension.name()),
                    Map.of("dimension", dimension.code()));
        }
        Vote vote = votes.findByWorkshopIdAndParticipantIdAndDimensionCode(workshop.id(), participant.id(),
                dimension.code()).orElseGet(() -> new Vote(workshop.id(), participant.id(), dimension.code()));
        vote.cast(command.current(), command.target(), reason, clock.instant());
        votes.saveAndFlush(vote);
        long joined = participants.countByWorkshopId(workshop.id());
        if (newKey != null) {
            events.publishEvent(LiveSignal.of(workshop.id(), "joined", "joined", joined));
        }
        // Before the reveal the room learns how many voted, never what.
        events.publishEvent(LiveSignal.of(workshop.id(), "voted", "dimension", dimension.code(), "voted",
                votes.countByWorkshopIdAndDimensionCode(workshop.id(), dimension.code()), "joined", joined));
        return new OwnVote(vote.current(), vote.target(), vote.reason(), participant.id(), newKey);
    }

    /**
     * A participant's vote on the room's dimension; {@code participantKey} is set only in the answer to
     * the vote that made them a participant.
     */
    public record OwnVote(int current, int target, String reason, Long participantId, String participantKey) {

        OwnVote(int current, int target, String reason) {
            this(current, target, reason, null, null);
        }
    }

    public record ParticipantState(WorkshopView workshop, String participant, Dimension dimension, OwnVote vote,
            Tally tally) {
    }

    private static String checkedName(String name) {
        List<FieldProblem> problems = new ArrayList<>();
        String checked = checkedNameOrProblem(name, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    static String checkedNameOrProblem(String name, List<FieldProblem> problems) {
        String displayName = Text.singleLine(name);
        if (displayName == null) {
            problems.add(new FieldProblem("participant", Words.say("workshop.name.required"), name));
        }
        else if (displayName.length() > MAX_NAME) {
            problems.add(new FieldProblem("participant", Words.say("workshop.name.size", MAX_NAME), name));
        }
        else if (Text.firstDisguise(displayName) >= 0) {
            problems.add(new FieldProblem("participant", Text.disguiseMessage("The name",
                    Text.firstDisguise(displayName)), null));
        }
        return displayName;
    }


    /** A participant key that belongs to nobody in this workshop. */
    static class WrongParticipantKeyException extends dev.mpem.portal.shared.ConflictException {
        WrongParticipantKeyException() {
            super("PARTICIPANT_KEY_INVALID", "participantKey", Words.say("vote.key.unknown"));
        }
    }

    /** A keyless vote naming someone who is there already: it may not replace their vote. */
    static class NameTakenException extends dev.mpem.portal.shared.ConflictException {
        NameTakenException(String name) {
            super("PARTICIPANT_KEY_REQUIRED", "participantKey", Words.say("vote.key.required", Text.abbreviate(name, 60)));
        }
    }

    static class NotAParticipantException extends NotFoundException {
        NotAParticipantException() {
            super(Words.say("workshop.notJoined"), "participant");
        }
    }
}
