package dev.mpem.portal.workshop;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
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
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.NotFoundException;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.report.Tally;
import dev.mpem.portal.shared.Words;

/**
 * Workshops, the facilitator's side: the facilitator opens one for a draft assessment, moves the
 * room from dimension to dimension, reveals each dimension's votes and records the agreed rating.
 * Participants join and vote through {@link ParticipantService}.
 */
@Service
@Transactional(readOnly = true)
public class WorkshopService {

    static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkshopRepository workshops;
    private final WorkshopReads reads;
    private final ParticipantRepository participants;
    private final VoteRepository votes;
    private final AssessmentService assessments;
    private final ModelService modelService;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    WorkshopService(WorkshopRepository workshops, WorkshopReads reads, ParticipantRepository participants, VoteRepository votes,
            AssessmentService assessments, ModelService modelService, ApplicationEventPublisher events, CurrentUser currentUser,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.workshops = workshops;
        this.reads = reads;
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
        String first = checkCanOpen(assessment);
        Workshop workshop = workshops.saveAndFlush(new Workshop(assessmentId, newCode(), anonymous, first,
                currentUser.username(), clock.instant()));
        events.publishEvent(new WorkshopEvents.WorkshopOpened(assessment.organisationId(), assessmentId,
                workshop.joinCode(), anonymous));
        return WorkshopView.of(workshop);
    }

    /**
     * Refuses a workshop or survey for a completed assessment, or while another one of it is open;
     * otherwise answers the dimension to start at (the first unrated one).
     */
    String checkCanOpen(AssessmentView assessment) {
        if (assessment.completed()) {
            throw new WorkshopNotOpenException("ASSESSMENT_COMPLETED", Words.say("workshop.assessmentCompleted"), Map.of());
        }
        Optional<Workshop> running = workshops.findByAssessmentIdOrderByOpenedAtDesc(assessment.id()).stream()
                .filter(Workshop::open).findFirst();
        if (running.isPresent()) {
            throw new WorkshopNotOpenException("WORKSHOP_ALREADY_OPEN", Words.say("workshop.alreadyOpen"),
                    Map.of("id", running.get().id(), "joinCode", running.get().joinCode()));
        }
        return assessment.firstUnrated().orElse(modelService.model().dimensions().get(0).code());
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
        workshop.moveTo(reads.dimension(dimensionCode).code());
        events.publishEvent(LiveSignal.of(id, "moved", "dimension", workshop.currentDimension()));
        return WorkshopView.of(workshop);
    }

    /** Reveals a dimension's votes: from now on they are final. Revealing again shows the same. */
    @Transactional
    public Tally reveal(long id, String dimensionCode) {
        Workshop workshop = lockForChange(id);
        Dimension dimension = reads.dimension(dimensionCode);
        if (!workshop.revealed(dimension.code())) {
            RatingView rating = assessments.get(workshop.assessmentId()).rating(dimension.code());
            workshop.reveal(dimension.code(), rating.version(), clock.instant());
            events.publishEvent(LiveSignal.of(id, "revealed", "dimension", dimension.code()));
        }
        return reads.tally(workshop, dimension.code());
    }

    /**
     * Records the agreed levels of a revealed dimension as its rating, with the room's confidence.
     * The save names the rating version seen at the reveal (or {@code version} when given), so a
     * change made elsewhere since then is not overwritten.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public RatingView agree(long id, String dimensionCode, Integer current, Integer target, String reason, Long version) {
        Dimension dimension = reads.dimension(dimensionCode);
        List<FieldProblem> problems = new ArrayList<>();
        String why = Text.singleLine(reason);
        if (why == null) {
            problems.add(new FieldProblem("reason", Words.say("agree.reason.required"), null));
        }
        else if (why.length() > 500) {
            problems.add(new FieldProblem("reason", Words.say("agree.reason.size"), null));
        }
        if (current == null || target == null) {
            problems.add(new FieldProblem(current == null ? "current" : "target", Words.say("agree.levels.required"),
                    null));
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
                throw new WorkshopNotOpenException("WORKSHOP_CLOSED", Words.say("workshop.isClosed"), Map.of());
            }
            if (!workshop.revealed(dimension.code())) {
                throw new WorkshopNotOpenException("NOT_REVEALED", Words.say("agree.notRevealed", dimension.name()),
                        Map.of());
            }
            return new Revealed(workshop.assessmentId(), workshop.revealOf(dimension.code()).ratingVersion(),
                    reads.tally(workshop, dimension.code()));
        });
        Tally tally = revealed.tally();
        Long expected = version != null ? version : revealed.ratingVersion();
        RatingView rating = assessments.saveRating(revealed.assessmentId(), dimension.code(),
                RatingCommand.agreed(current, target, expected, new Agreement(why, tally.confidence()),
                        currentUser.username()));
        events.publishEvent(LiveSignal.of(id, "agreed", "dimension", dimension.code(), "current", rating.current(),
                "target", rating.target()));
        return rating;
    }

    @Transactional
    public WorkshopView close(long id) {
        Workshop workshop = lockForChange(id);
        if (workshop.open()) {
            workshop.close(currentUser.username(), clock.instant());
            events.publishEvent(new WorkshopEvents.WorkshopClosed(workshop.assessmentId(), workshop.joinCode()));
            events.publishEvent(LiveSignal.of(id, "closed"));
        }
        return WorkshopView.of(workshop);
    }

    /** The projector's view of one dimension: how many voted, and after the reveal what. */
    public DimensionState state(long id, String dimensionCode) {
        Workshop workshop = find(id);
        Dimension dimension = reads.dimension(dimensionCode);
        long voted = votes.countByWorkshopIdAndDimensionCode(workshop.id(), dimension.code());
        long joined = participants.countByWorkshopId(workshop.id());
        Tally tally = workshop.revealed(dimension.code()) ? reads.tally(workshop, dimension.code()) : null;
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

    public record DimensionState(WorkshopView workshop, Dimension dimension, long voted, long joined, Tally tally) {
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Workshop find(long id) {
        Workshop workshop = workshops.findById(id).orElseThrow(() -> new WorkshopNotFoundException(id));
        assessments.get(workshop.assessmentId());
        return workshop;
    }

    private Workshop lockForChange(long id) {
        find(id);
        Workshop workshop = workshops.findForChange(id).orElseThrow(() -> new WorkshopNotFoundException(id));
        if (!workshop.open()) {
            throw new WorkshopNotOpenException("WORKSHOP_CLOSED", Words.say("workshop.isClosed"), Map.of());
        }
        return workshop;
    }

    static String normalise(String joinCode) {
        return joinCode == null ? "" : joinCode.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    String newCode() {
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

    static class WorkshopNotFoundException extends NotFoundException {
        WorkshopNotFoundException(long id) {
            super(Words.say("workshop.notFound", id), "workshopId");
        }
    }

}
