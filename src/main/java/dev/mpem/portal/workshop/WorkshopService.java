package dev.mpem.portal.workshop;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mpem.portal.assessment.Agreement;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingCommand;
import dev.mpem.portal.assessment.RatingView;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.report.Tally;

/**
 * Workshops: the facilitator opens one for a draft assessment; participants join with its code and
 * vote silently; the facilitator reveals each dimension's votes and records the agreed rating.
 */
@Service
@Transactional(readOnly = true)
public class WorkshopService {

    static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 8;
    static final int MAX_NAME = 60;
    static final int MAX_REASON = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkshopRepository workshops;
    private final ParticipantRepository participants;
    private final VoteRepository votes;
    private final AssessmentService assessments;
    private final ModelService modelService;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    WorkshopService(WorkshopRepository workshops, ParticipantRepository participants, VoteRepository votes,
            AssessmentService assessments, ModelService modelService, ApplicationEventPublisher events, CurrentUser currentUser,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.workshops = workshops;
        this.participants = participants;
        this.votes = votes;
        this.assessments = assessments;
        this.modelService = modelService;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactionManager);
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
    }

    // --- the facilitator -------------------------------------------------------------------------

    /** Opens a workshop for a draft assessment; refused while another one of it is open. */
    @Transactional
    public WorkshopView open(long assessmentId, boolean anonymous) {
        AssessmentView assessment = assessments.get(assessmentId);
        if (assessment.completed()) {
            throw new WorkshopNotOpenException("ASSESSMENT_COMPLETED", "The assessment is completed: reopen it before"
                    + " running a workshop on it.", Map.of());
        }
        Optional<Workshop> running = workshops.findByAssessmentIdOrderByOpenedAtDesc(assessmentId).stream()
                .filter(Workshop::open).findFirst();
        if (running.isPresent()) {
            throw new WorkshopNotOpenException("WORKSHOP_ALREADY_OPEN", "A workshop is already open for this"
                    + " assessment; close it first or carry on with it.",
                    Map.of("id", running.get().id(), "joinCode", running.get().joinCode()));
        }
        String first = assessment.firstUnrated().orElse(modelService.model().dimensions().get(0).code());
        Workshop workshop = workshops.saveAndFlush(new Workshop(assessmentId, newCode(), anonymous, first,
                currentUser.username(), clock.instant()));
        events.publishEvent(new WorkshopEvents.WorkshopOpened(assessment.organisationId(), assessmentId,
                workshop.joinCode(), anonymous));
        return WorkshopView.of(workshop);
    }

    public WorkshopView get(long id) {
        return WorkshopView.of(find(id));
    }

    public List<WorkshopView> of(long assessmentId) {
        assessments.get(assessmentId);
        return workshops.findByAssessmentIdOrderByOpenedAtDesc(assessmentId).stream().map(WorkshopView::of).toList();
    }

    /** Moves the room (the projector and every participant's page) to another dimension. */
    @Transactional
    public WorkshopView moveTo(long id, String dimensionCode) {
        Workshop workshop = lockForChange(id);
        workshop.moveTo(dimension(dimensionCode).code());
        return WorkshopView.of(workshop);
    }

    /** Reveals a dimension's votes: from now on they are final. Revealing again shows the same. */
    @Transactional
    public Tally reveal(long id, String dimensionCode) {
        Workshop workshop = lockForChange(id);
        Dimension dimension = dimension(dimensionCode);
        if (!workshop.revealed(dimension.code())) {
            RatingView rating = assessments.get(workshop.assessmentId()).rating(dimension.code());
            workshop.reveal(dimension.code(), rating.version(), clock.instant());
        }
        return tally(workshop, dimension.code());
    }

    /**
     * Records the agreed levels of a revealed dimension as its rating, with the room's confidence.
     * The save names the rating version seen at the reveal (or {@code version} when given), so a
     * change made elsewhere since then is not overwritten.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public RatingView agree(long id, String dimensionCode, Integer current, Integer target, String reason, Long version) {
        Dimension dimension = dimension(dimensionCode);
        List<FieldProblem> problems = new ArrayList<>();
        String why = Text.singleLine(reason);
        if (why == null) {
            problems.add(new FieldProblem("reason", "Give the reason the room agreed on these levels.", null));
        }
        else if (why.length() > 500) {
            problems.add(new FieldProblem("reason", "The reason can be at most 500 characters.", null));
        }
        if (current == null || target == null) {
            problems.add(new FieldProblem(current == null ? "current" : "target", "Choose the agreed current and target"
                    + " levels (1 to 5).", null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Read the reveal in a transaction of its own: the rating save below runs in its own, too.
        record Revealed(long assessmentId, Long ratingVersion, Tally tally) {
        }
        Revealed revealed = reading.execute(status -> {
            Workshop workshop = find(id);
            if (!workshop.open()) {
                throw new WorkshopNotOpenException("WORKSHOP_CLOSED", "This workshop is closed.", Map.of());
            }
            if (!workshop.revealed(dimension.code())) {
                throw new WorkshopNotOpenException("NOT_REVEALED", "Reveal the votes on " + dimension.name()
                        + " before recording what the room agreed.", Map.of());
            }
            return new Revealed(workshop.assessmentId(), workshop.revealOf(dimension.code()).ratingVersion(),
                    tally(workshop, dimension.code()));
        });
        Tally tally = revealed.tally();
        Long expected = version != null ? version : revealed.ratingVersion();
        RatingView rating = assessments.saveRating(revealed.assessmentId(), dimension.code(),
                RatingCommand.agreed(current, target, expected, new Agreement(why, tally.confidence()),
                        currentUser.username()));
        return rating;
    }

    @Transactional
    public WorkshopView close(long id) {
        Workshop workshop = lockForChange(id);
        if (workshop.open()) {
            workshop.close(currentUser.username(), clock.instant());
            events.publishEvent(new WorkshopEvents.WorkshopClosed(workshop.assessmentId(), workshop.joinCode()));
        }
        return WorkshopView.of(workshop);
    }

    /** The projector's view of one dimension: how many voted, and after the reveal what. */
    public DimensionState state(long id, String dimensionCode) {
        Workshop workshop = find(id);
        Dimension dimension = dimension(dimensionCode);
        long voted = votes.countByWorkshopIdAndDimensionCode(workshop.id(), dimension.code());
        long joined = participants.countByWorkshopId(workshop.id());
        Tally tally = workshop.revealed(dimension.code()) ? tally(workshop, dimension.code()) : null;
        return new DimensionState(WorkshopView.of(workshop), dimension, voted, joined, tally);
    }

    /** Votes per dimension of every revealed dimension, per workshop, for the workshops' overview. */
    public Map<String, Long> voteCounts(long id) {
        return votes.findByWorkshopIdIn(List.of(find(id).id())).stream()
                .collect(Collectors.groupingBy(Vote::dimensionCode, Collectors.counting()));
    }

    /**
     * The revealed votes on each dimension of an assessment (the latest workshop that revealed it),
     * kept with the assessment for its report.
     */
    public Map<String, Tally> revealedVotes(long assessmentId) {
        List<Workshop> all = workshops.findByAssessmentIdOrderByOpenedAtDesc(assessmentId);
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Vote>> byWorkshop = votes.findByWorkshopIdIn(all.stream().map(Workshop::id).toList()).stream()
                .collect(Collectors.groupingBy(Vote::workshopId));
        Map<Long, String> names = names(all);
        Map<String, Tally> result = new HashMap<>();
        for (Workshop workshop : all) {
            for (String dimension : workshop.reveals().keySet()) {
                result.computeIfAbsent(dimension, d -> Tally.of(byWorkshop.getOrDefault(workshop.id(), List.of()).stream()
                        .filter(v -> v.dimensionCode().equals(d))
                        .map(v -> new Tally.Ballot(names.get(v.participantId()), v.current(), v.target(), v.reason()))
                        .toList(), workshop.anonymous()));
            }
        }
        return result;
    }

    private Map<Long, String> names(List<Workshop> all) {
        return participants.findByWorkshopIdIn(all.stream().map(Workshop::id).toList()).stream()
                .collect(Collectors.toMap(Participant::id, Participant::displayName));
    }

    // --- participants ------------------------------------------------------------------------------

    /** The open workshop of a join code; a closed or unknown code finds nothing. */
    public WorkshopView byCode(String joinCode) {
        return WorkshopView.of(openByCode(joinCode));
    }

    /** Joins a participant from a browser; the key goes into that browser's cookie. */
    @Transactional
    public Joined join(String joinCode, String name) {
        Workshop workshop = openByCode(joinCode);
        String displayName = checkedName(name);
        if (participants.findByWorkshopIdAndNameKey(workshop.id(), Participant.keyOf(displayName)).isPresent()) {
            throw new InvalidInputException("name", "Someone in this workshop already uses the name \u201c"
                    + displayName + "\u201d. Add an initial or use another name.", name);
        }
        String key = newParticipantKey();
        try {
            participants.saveAndFlush(new Participant(workshop.id(), displayName, key, clock.instant()));
        }
        catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("name", "Someone just joined as \u201c" + displayName
                    + "\u201d. Add an initial or use another name.", name);
        }
        return new Joined(WorkshopView.of(workshop), displayName, key);
    }

    public record Joined(WorkshopView workshop, String displayName, String browserKey) {
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
    private static String newParticipantKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The participant a browser key stands for in the workshop of this code. */
    public Optional<String> participantName(String joinCode, String browserKey) {
        Workshop workshop = openByCode(joinCode);
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
        return workshops.findByJoinCode(normalise(joinCode)).filter(w -> !w.open())
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
        Workshop workshop = workshops.findByJoinCode(normalise(joinCode))
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
        Workshop workshop = openByCode(joinCode);
        Participant participant = participants.findByWorkshopIdAndBrowserKey(workshop.id(), browserKey)
                .orElseThrow(() -> new NotAParticipantException());
        Dimension dimension = dimension(workshop.currentDimension());
        Optional<Vote> own = votes.findByWorkshopIdAndParticipantIdAndDimensionCode(workshop.id(), participant.id(),
                dimension.code());
        Tally tally = workshop.revealed(dimension.code()) ? tally(workshop, dimension.code()) : null;
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
            problems.add(new FieldProblem("dimension", "Unknown dimension \u201c" + command.dimension() + "\u201d.",
                    command.dimension()));
        }
        checkLevel("current", command.current(), problems);
        checkLevel("target", command.target(), problems);
        if (problems.isEmpty() && command.target() < command.current()) {
            problems.add(new FieldProblem("target", "The target cannot be below the current level: choose "
                    + mpem.level(command.current()).label() + " or higher.", command.target()));
        }
        String reason = Text.singleLine(command.reason());
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "Keep the reason to one line of at most " + MAX_REASON
                    + " characters.", null));
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
        Workshop workshop = workshops.findForVote(normalise(joinCode)).filter(Workshop::open)
                .orElseThrow(() -> new WorkshopClosedException(joinCode));
        // A vote for a participant who is there already needs their key; a new name joins with a new key.
        String newKey = null;
        Participant participant;
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
            throw new WorkshopNotOpenException("VOTES_REVEALED", "The votes on " + dimension.name() + " are already"
                    + " revealed, so votes on it can no longer change.", Map.of("dimension", dimension.code()));
        }
        Vote vote = votes.findByWorkshopIdAndParticipantIdAndDimensionCode(workshop.id(), participant.id(),
                dimension.code()).orElseGet(() -> new Vote(workshop.id(), participant.id(), dimension.code()));
        vote.cast(command.current(), command.target(), reason, clock.instant());
        votes.saveAndFlush(vote);
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

    public record DimensionState(WorkshopView workshop, Dimension dimension, long voted, long joined, Tally tally) {
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Tally tally(Workshop workshop, String dimensionCode) {
        Map<Long, String> names = participants.findByWorkshopId(workshop.id()).stream()
                .collect(Collectors.toMap(Participant::id, Participant::displayName));
        return Tally.of(votes.findByWorkshopIdAndDimensionCode(workshop.id(), dimensionCode).stream()
                .map(v -> new Tally.Ballot(names.get(v.participantId()), v.current(), v.target(), v.reason()))
                .toList(), workshop.anonymous());
    }

    private Workshop find(long id) {
        Workshop workshop = workshops.findById(id).orElseThrow(() -> new WorkshopNotFoundException(id));
        assessments.get(workshop.assessmentId());
        return workshop;
    }

    private Workshop lockForChange(long id) {
        find(id);
        Workshop workshop = workshops.findForChange(id).orElseThrow(() -> new WorkshopNotFoundException(id));
        if (!workshop.open()) {
            throw new WorkshopNotOpenException("WORKSHOP_CLOSED", "This workshop is closed.", Map.of());
        }
        return workshop;
    }

    private Workshop openByCode(String joinCode) {
        return workshops.findByJoinCode(normalise(joinCode)).filter(Workshop::open)
                .orElseThrow(() -> new WorkshopClosedException(joinCode));
    }

    static String normalise(String joinCode) {
        return joinCode == null ? "" : joinCode.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private Dimension dimension(String code) {
        return modelService.model().findDimension(code)
                .orElseThrow(() -> new dev.mpem.portal.assessment.DimensionNotFoundException(code));
    }

    private String newCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            if (workshops.findByJoinCode(code.toString()).isEmpty()) {
                return code.toString();
            }
        }
        throw new IllegalStateException("No free join code found");
    }

    private static String checkedName(String name) {
        List<FieldProblem> problems = new ArrayList<>();
        String checked = checkedNameOrProblem(name, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    private static String checkedNameOrProblem(String name, List<FieldProblem> problems) {
        String displayName = Text.singleLine(name);
        if (displayName == null) {
            problems.add(new FieldProblem("participant", "Enter the name to show for you in this workshop.", name));
        }
        else if (displayName.length() > MAX_NAME) {
            problems.add(new FieldProblem("participant", "Keep the name to at most " + MAX_NAME + " characters.", name));
        }
        else if (Text.firstDisguise(displayName) >= 0) {
            problems.add(new FieldProblem("participant", Text.disguiseMessage("The name",
                    Text.firstDisguise(displayName)), null));
        }
        return displayName;
    }

    private static void checkLevel(String field, Integer level, List<FieldProblem> problems) {
        if (level == null) {
            problems.add(new FieldProblem(field, "Choose the " + field + " level (1 to 5).", null));
        }
        else if (level < 1 || level > 5) {
            problems.add(new FieldProblem(field, "Levels run from 1 (Basic) to 5 (Leader); " + level + " is not one.",
                    level));
        }
    }

    static class WorkshopNotFoundException extends NotFoundException {
        WorkshopNotFoundException(long id) {
            super("There is no workshop " + id + ".", "workshopId");
        }
    }

    /** A participant key that belongs to nobody in this workshop. */
    static class WrongParticipantKeyException extends dev.mpem.portal.shared.ConflictException {
        WrongParticipantKeyException() {
            super("PARTICIPANT_KEY_INVALID", "participantKey", "This participant key belongs to nobody in this workshop."
                    + " Use the key the join (or your first vote) answered with.");
        }
    }

    /** A keyless vote naming someone who is there already: it may not replace their vote. */
    static class NameTakenException extends dev.mpem.portal.shared.ConflictException {
        NameTakenException(String name) {
            super("PARTICIPANT_KEY_REQUIRED", "participantKey", "\u201c" + Text.abbreviate(name, 60) + "\u201d has"
                    + " joined this workshop already. Send their participantKey to change their vote, or vote under"
                    + " another name.");
        }
    }

    static class NotAParticipantException extends NotFoundException {
        NotAParticipantException() {
            super("Join the workshop first: this browser has not joined it.", "participant");
        }
    }
}
