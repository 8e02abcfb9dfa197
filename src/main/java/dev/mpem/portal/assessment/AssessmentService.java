package dev.mpem.portal.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.account.OrganisationAccess;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Words;

@Service
@Transactional(readOnly = true)
public class AssessmentService {

    private final AssessmentRepository assessments;
    private final RatingRepository ratings;
    private final OrganisationService organisations;
    private final ModelService modelService;
    private final OrganisationAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final JdbcClient jdbc;
    private final dev.mpem.portal.shared.Times times;
    private final jakarta.validation.Validator validator;

    AssessmentService(AssessmentRepository assessments, RatingRepository ratings, OrganisationService organisations,
            ModelService modelService, OrganisationAccess access, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager, JdbcClient jdbc, dev.mpem.portal.shared.Times times, jakarta.validation.Validator validator) {
        this.jdbc = jdbc;
        this.times = times;
        this.assessments = assessments;
        this.ratings = ratings;
        this.organisations = organisations;
        this.modelService = modelService;
        this.access = access;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactionManager);
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
    }

    @Transactional
    public AssessmentView create(long organisationId, AssessmentForm form) {
        OrganisationView organisation = organisations.get(organisationId);
        AssessmentDetails details = form.toDetails(modelService.model(), today());
        Assessment assessment = assessments.save(new Assessment(organisation.id(), details, clock.instant()));
        events.publishEvent(new AssessmentEvents.AssessmentStarted(organisation.id(), assessment.id(), details.title(),
                details.assessedOn()));
        return view(assessment, organisation, List.of());
    }

    @Transactional
    public AssessmentView updateDetails(long id, AssessmentForm form) {
        Assessment assessment = find(id);
        AssessmentDetails details = form.toDetails(modelService.model(), today());
        assessment.updateDetails(details, clock.instant());
        assessments.flush();
        events.publishEvent(new AssessmentEvents.AssessmentDetailsChanged(assessment.organisationId(), id, details.title(),
                details.assessedOn(), List.copyOf(details.focusOutcomes())));
        return view(assessment);
    }

    public AssessmentView get(long id) {
        return view(find(id));
    }

    public List<AssessmentSummary> summariesOf(long organisationId) {
        organisations.get(organisationId);
        return assessments.summariesOf(organisationId);
    }

    /** The latest assessment of each of the organisations that has one, by organisation id. */
    public Map<Long, AssessmentSummary> latestOf(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return assessments.latestOf(organisationIds).stream()
                .collect(Collectors.toMap(AssessmentSummary::organisationId, Function.identity()));
    }

    /**
     * Saves one dimension's rating unless someone else saved it since the client loaded it: the
     * command names the version it was made from, and a save from any other version is refused
     * with what is stored now. A save that changes nothing is not a conflict and keeps the version.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public RatingView saveRating(long assessmentId, String dimensionCode, RatingCommand command) {
        Mpem mpem = modelService.model();
        Dimension dimension = mpem.findDimension(dimensionCode)
                .orElseThrow(() -> new DimensionNotFoundException(dimensionCode));
        List<FieldProblem> problems = RatingRules.check(command, mpem, validator);
        try {
            return writing.execute(status -> {
                Assessment assessment = assessments.findForRatingSave(assessmentId)
                        .filter(a -> access.canSee(a.organisationId()))
                        .orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
                if (!problems.isEmpty()) {
                    throw new InvalidInputException(problems);
                }
                assessment.ensureEditable();
                return store(assessment, dimension, command);
            });
        }
        catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException | OptimisticLockException e) {
            // Another save of the same dimension committed between our read and our write.
            throw new StaleRatingException(storedRating(assessmentId, dimension.code()));
        }
    }

    private RatingView store(Assessment assessment, Dimension dimension, RatingCommand command) {
        long assessmentId = assessment.id();
        String dimensionCode = dimension.code();
        Optional<Rating> existing = ratings.findByAssessmentIdAndDimensionCode(assessmentId, dimensionCode);
        if (existing.isEmpty()) {
            if (command.current() == null && command.target() == null && command.notes() == null) {
                return RatingView.unrated(dimensionCode);
            }
            if (command.expectedVersion() != null) {
                throw new StaleRatingException(RatingView.unrated(dimensionCode));
            }
            Rating rating = new Rating(assessmentId, dimensionCode);
            RatingView before = RatingView.unrated(dimensionCode);
            apply(rating, command);
            RatingView after = ratings.saveAndFlush(rating).view();
            recordChange(assessment, dimension, before, after, command.agreement() != null);
            return after;
        }
        Rating rating = existing.get();
        String notes = command.agreement() == null ? command.notes() : rating.notes();
        if (!rating.differsFrom(command.current(), command.target(), notes) && rating.sameAgreement(command.agreement())) {
            return rating.view();
        }
        if (command.expectedVersion() == null || command.expectedVersion() != rating.version()) {
            throw new StaleRatingException(rating.view());
        }
        RatingView before = rating.view();
        apply(rating, command);
        RatingView after = ratings.saveAndFlush(rating).view();
        recordChange(assessment, dimension, before, after, command.agreement() != null);
        return after;
    }

    private void apply(Rating rating, RatingCommand command) {
        if (command.agreement() != null) {
            rating.agree(command.current(), command.target(), command.agreement(), command.actor(), clock.instant());
        }
        else {
            rating.change(command.current(), command.target(), command.notes(), command.actor(), clock.instant());
        }
    }

    private void recordChange(Assessment assessment, Dimension dimension, RatingView before, RatingView after,
            boolean agreedInWorkshop) {
        events.publishEvent(new AssessmentEvents.RatingChanged(assessment.organisationId(), assessment.id(),
                dimension.name(), before, after, agreedInWorkshop));
    }

    private RatingView storedRating(long assessmentId, String dimensionCode) {
        return reading.execute(status -> ratings.findByAssessmentIdAndDimensionCode(assessmentId, dimensionCode)
                .map(Rating::view).orElse(RatingView.unrated(dimensionCode)));
    }

    @Transactional
    public AssessmentView complete(long id, String actor) {
        Assessment assessment = assessments.findForStatusChange(id)
                .filter(a -> access.canSee(a.organisationId())).orElseThrow(() -> new AssessmentNotFoundException(id));
        List<String> rated = ratings.findByAssessmentId(id).stream().filter(Rating::rated)
                .map(Rating::dimensionCode).toList();
        List<String> dimensionCodes = modelService.model().dimensions().stream().map(Dimension::code).toList();
        boolean wasCompleted = assessment.status() == AssessmentStatus.COMPLETED;
        assessment.complete(dimensionCodes, rated, actor, clock.instant());
        assessments.flush();
        if (!wasCompleted) {
            events.publishEvent(new AssessmentEvents.AssessmentCompleted(assessment.organisationId(), id));
            dueDateMayHaveMoved(assessment.organisationId());
        }
        return view(assessment);
    }

    @Transactional
    public AssessmentView reopen(long id, String actor, String reason) {
        Assessment assessment = assessments.findForStatusChange(id)
                .filter(a -> access.canSee(a.organisationId())).orElseThrow(() -> new AssessmentNotFoundException(id));
        assessment.reopen(actor, reason, clock.instant());
        assessments.flush();
        events.publishEvent(new AssessmentEvents.AssessmentReopened(assessment.organisationId(), id, reason));
        dueDateMayHaveMoved(assessment.organisationId());
        return view(assessment);
    }

    private void dueDateMayHaveMoved(long organisationId) {
        organisations.latestCompletedChanged(organisationId,
                assessments.latestDate(organisationId, AssessmentStatus.COMPLETED));
    }

    /**
     * Starts the next assessment after a completed one: it takes over the focus outcomes (unless the
     * form names others) and the previous targets as planned targets; current levels are left for
     * the room to rate afresh.
     */
    @Transactional
    public AssessmentView reassess(long previousId, AssessmentForm form) {
        Assessment previous = find(previousId);
        if (previous.status() != AssessmentStatus.COMPLETED) {
            throw new AssessmentNotCompletedException(previousId, "re-assessed");
        }
        AssessmentDetails details = form.toDetails(modelService.model(), today());
        Assessment next = assessments.save(new Assessment(previous.organisationId(), previousId, details, clock.instant()));
        assessments.flush();
        List<Rating> planned = ratings.findByAssessmentId(previousId).stream().filter(r -> r.target() != null)
                .map(r -> {
                    Rating rating = new Rating(next.id(), r.dimensionCode());
                    rating.change(null, r.target(), null, null, clock.instant());
                    return rating;
                }).toList();
        ratings.saveAllAndFlush(planned);
        events.publishEvent(new AssessmentEvents.ReassessmentStarted(next.organisationId(), next.id(), details.title(),
                details.assessedOn(), previousId, previous.title(), previous.assessedOn(), planned.size()));
        return view(next);
    }

    /** The longest commentary kept, in characters. */
    public static final int COMMENTARY_MAX = 4000;

    /**
     * Sets the consultant's commentary (blank removes it). It may change after completion: it speaks
     * about the report to executives and changes no rating.
     */
    @Transactional
    public AssessmentView saveCommentary(long id, String commentary) {
        String text = dev.mpem.portal.shared.Text.multiLine(commentary);
        if (text != null && text.isBlank()) {
            text = null;
        }
        if (text != null && text.length() > COMMENTARY_MAX) {
            throw new InvalidInputException("commentary", Words.say("commentary.size", COMMENTARY_MAX, text.length()), null);
        }
        Assessment assessment = find(id);
        if (!java.util.Objects.equals(assessment.commentary(), text)) {
            assessment.changeCommentary(text, clock.instant());
            assessments.flush();
            events.publishEvent(new AssessmentEvents.CommentaryChanged(assessment.organisationId(), id,
                    text == null ? 0 : text.length()));
        }
        return view(assessment);
    }

    /** A form for the re-assessment of a completed assessment: today, same focus outcomes. */
    public AssessmentForm reassessmentForm(long previousId, String assessor) {
        AssessmentView previous = get(previousId);
        return new AssessmentForm(Words.say("assessment.reassess.title", today().toString()), today().toString(), assessor, previous.participants(),
                previous.focusOutcomes());
    }

    /** Every assessment of the organisation with its ratings, oldest first, in two queries. */
    public List<AssessmentView> historyOf(long organisationId) {
        OrganisationView organisation = organisations.get(organisationId);
        List<Assessment> all = assessments.findByOrganisationIdOrderByAssessedOnAscIdAsc(organisationId);
        Map<Long, List<Rating>> byAssessment = all.isEmpty() ? Map.of()
                : ratings.findByAssessmentIdIn(all.stream().map(Assessment::id).toList()).stream()
                        .collect(Collectors.groupingBy(Rating::assessmentId));
        return all.stream().map(a -> view(a, organisation, byAssessment.getOrDefault(a.id(), List.of()))).toList();
    }

    /**
     * The fingerprint of an assessment's report, in one query: a rendered report is reusable for
     * as long as it stays the same. "Not found" as for {@link #get} when the user may not see it.
     */
    public ReportFingerprint fingerprint(long id) {
        ReportFingerprint fingerprint = jdbc.sql("""
                select a.organisation_id,
                       a.version
                       || ':' || (select count(*) || ':' || coalesce(sum(x.version), 0) from assessments x
                                  where x.organisation_id = a.organisation_id)
                       || ':' || (select count(*) || ':' || coalesce(sum(r.version), 0) from ratings r
                                  join assessments y on y.id = r.assessment_id
                                  where y.organisation_id = a.organisation_id)
                from assessments a
                where a.id = ?""")
                .param(id)
                .query((rs, n) -> new ReportFingerprint(id, rs.getLong(1), rs.getString(2)))
                .optional()
                .filter(found -> access.canSee(found.organisationId()))
                .orElseThrow(() -> new AssessmentNotFoundException(id));
        return new ReportFingerprint(id, fingerprint.organisationId(),
                organisations.version(fingerprint.organisationId()) + ":" + fingerprint.value());
    }

    /**
     * One dimension as it was "last time" (see {@link #previousOf}), for a walk step: the date and
     * the rating, in three small queries instead of the whole earlier assessment.
     */
    public Optional<LastTime> lastTime(AssessmentView assessment, String dimensionCode) {
        return previousId(assessment).flatMap(id -> assessments.assessedOn(id).map(assessedOn -> new LastTime(
                assessedOn, ratings.findByAssessmentIdAndDimensionCode(id, dimensionCode).map(Rating::view)
                        .orElse(RatingView.unrated(dimensionCode)))));
    }

    /** A dimension's rating in the earlier assessment, and the day that was assessed. */
    public record LastTime(LocalDate assessedOn, RatingView rating) {
    }

    /** The assessment "last time" was: the one it re-assesses, else the latest completed one before it. */
    public Optional<AssessmentView> previousOf(AssessmentView assessment) {
        return previousId(assessment).map(this::get);
    }

    /** The id of the assessment "last time" was: the one it re-assesses, else the latest completed one before it. */
    private Optional<Long> previousId(AssessmentView assessment) {
        if (assessment.previousAssessmentId() != null) {
            return Optional.of(assessment.previousAssessmentId());
        }
        return assessments.completedBefore(assessment.organisationId(), assessment.assessedOn(), assessment.id(),
                AssessmentStatus.COMPLETED, org.springframework.data.domain.Limit.of(1)).stream().findFirst();
    }

    /** The assessment, if the current user may see its organisation; otherwise it is "not found". */
    private Assessment find(long id) {
        return assessments.findById(id).filter(assessment -> access.canSee(assessment.organisationId()))
                .orElseThrow(() -> new AssessmentNotFoundException(id));
    }

    private AssessmentView view(Assessment assessment) {
        return view(assessment, organisations.get(assessment.organisationId()),
                ratings.findByAssessmentId(assessment.id()));
    }

    private AssessmentView view(Assessment assessment, OrganisationView organisation, List<Rating> stored) {
        Mpem mpem = modelService.model();
        Map<String, RatingView> byDimension = stored.stream().map(Rating::view)
                .collect(Collectors.toMap(RatingView::dimension, Function.identity()));
        List<RatingView> allRatings = mpem.dimensions().stream()
                .map(d -> byDimension.getOrDefault(d.code(), RatingView.unrated(d.code())))
                .toList();
        List<String> focus = mpem.outcomes().stream().map(o -> o.code())
                .filter(assessment.focusOutcomes()::contains).toList();
        return new AssessmentView(assessment.id(), organisation.id(), organisation.name(), assessment.title(),
                assessment.assessedOn(), assessment.assessor(), assessment.participants(), assessment.status(),
                assessment.createdAt(), assessment.completedAt(), assessment.completedBy(), focus, allRatings,
                assessment.reopenings().stream().map(Reopening::view).toList(), assessment.previousAssessmentId(),
                assessment.commentary());
    }

    /** Today where the person at work is (their time zone, else the portal's). */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(times.readerZone()));
    }

    /** Whether an assessment date lies after today, for a word of warning where it is saved. */
    public boolean inTheFuture(LocalDate assessedOn) {
        return assessedOn.isAfter(today());
    }
}
