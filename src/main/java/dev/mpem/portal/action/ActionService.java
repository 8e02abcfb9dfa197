package dev.mpem.portal.action;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.account.AccountService;
import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.account.UserView;
import dev.mpem.portal.assessment.AssessmentEvents;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentSummary;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingView;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.shared.FieldProblem;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Times;
import dev.mpem.portal.shared.Violations;
import dev.mpem.portal.shared.Words;

/**
 * Action plans: the items of an assessment's plan, the suggestions drawn from the paper, the carry
 * into a re-assessment and what became of a plan by a later assessment. Whoever may see an
 * assessment reads its plan; the web layer lets only consultants and admins change it.
 */
@Service
@Transactional(readOnly = true)
public class ActionService {

    private final ActionRepository items;
    private final AssessmentService assessments;
    private final ModelService modelService;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Times times;

    ActionService(ActionRepository items, AssessmentService assessments, ModelService modelService,
            AccountService accounts, CurrentUser currentUser, ApplicationEventPublisher events, Validator validator,
            JdbcClient jdbc, Clock clock, Times times) {
        this.items = items;
        this.assessments = assessments;
        this.modelService = modelService;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.validator = validator;
        this.jdbc = jdbc;
        this.clock = clock;
        this.times = times;
    }

    /** The plan of an assessment, oldest item first ("not found" when the reader may not see the assessment). */
    public List<ActionView> planOf(long assessmentId) {
        return planOf(assessments.get(assessmentId));
    }

    /** The plan of an assessment already read (and so checked) by the caller. */
    public List<ActionView> planOf(AssessmentView assessment) {
        LocalDate today = today();
        List<ActionItem> plan = items.findByAssessmentIdOrderByIdAsc(assessment.id());
        Map<String, String> names = ownerNames(plan);
        return plan.stream().map(item -> item.view(today, names)).toList();
    }

    /** Display names of the accounts owning these items, by username (no statement when none is owned by an account). */
    private Map<String, String> ownerNames(List<ActionItem> plan) {
        return accounts.displayNames(plan.stream().map(ActionItem::ownerAccount).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    }

    public ActionView get(long actionId) {
        return view(find(actionId));
    }

    private ActionView view(ActionItem item) {
        return item.view(today(), ownerNames(List.of(item)));
    }

    @Transactional
    public ActionView create(long assessmentId, ActionForm form) {
        AssessmentView assessment = assessments.get(assessmentId);
        ActionDetails details = check(form, ActionStatus.PLANNED);
        ActionItem item = items.saveAndFlush(new ActionItem(assessmentId, details, currentUser.username(), clock.instant()));
        events.publishEvent(new ActionEvents.ActionCreated(assessment.organisationId(), assessmentId,
                dimensionName(details.dimension()), details.title()));
        return view(item);
    }

    /**
     * Saves a change made from {@code form.version()}; refused with what is stored now when someone
     * saved since. A form without a status keeps the stored one.
     */
    @Transactional
    public ActionView update(long actionId, ActionForm form) {
        ActionItem item = findForChange(actionId);
        if (item.carriedOn()) {
            throw new ActionCarriedException(view(item));
        }
        ActionDetails details = check(form, item.status());
        if (details.equals(item.details())) {
            return view(item);
        }
        if (form.version() == null || form.version() != item.version()) {
            throw new StaleActionException(view(item));
        }
        ActionDetails before = item.details();
        item.change(details, currentUser.username(), clock.instant());
        items.saveAndFlush(item);
        AssessmentView assessment = assessments.get(item.assessmentId());
        events.publishEvent(new ActionEvents.ActionChanged(assessment.organisationId(), item.assessmentId(),
                dimensionName(details.dimension()), details.title(), before.status(), details.status(),
                changedFields(before, details)));
        return view(item);
    }

    /** Sets only the status, as a plan's quick control does; the version guards it as any change. */
    @Transactional
    public ActionView changeStatus(long actionId, String status, Long version) {
        ActionView stored = get(actionId);
        ActionForm form = ActionForm.of(stored);
        return update(actionId, new ActionForm(form.dimension(), form.title(), form.description(), form.owner(),
                form.ownerAccount(), form.dueOn(), status, form.targetLevel(), version));
    }

    /**
     * Deletes an item of the plan. Refused for an item carried on (its continuation is worked on) and
     * for a continuation (deleting it would cut the chain the comparison follows: drop it instead).
     */
    @Transactional
    public void delete(long actionId) {
        ActionItem item = findForChange(actionId);
        if (item.carriedOn()) {
            throw new ActionCarriedException(view(item));
        }
        if (item.carriedFrom() != null) {
            throw new ContinuationDeleteException();
        }
        AssessmentView assessment = assessments.get(item.assessmentId());
        items.delete(item);
        items.flush();
        events.publishEvent(new ActionEvents.ActionDeleted(assessment.organisationId(), item.assessmentId(),
                dimensionName(item.dimensionCode()), item.title()));
    }

    // ---- suggestions

    /**
     * For each dimension with a gap, one draft per level between the current (exclusive) and the
     * target (inclusive), in the paper's words, unless the consultant dismissed it or the plan already
     * has an item for that dimension aiming at that level.
     */
    public List<Suggestion> suggestionsFor(long assessmentId) {
        return suggestions(assessments.get(assessmentId), false);
    }

    /** The suggestions the consultant dismissed, to bring back. */
    public List<Suggestion> dismissedFor(long assessmentId) {
        return suggestions(assessments.get(assessmentId), true);
    }

    /** The suggestions of an assessment already read by the caller: offered ones, or ({@code dismissedOnes}) dismissed ones. */
    public List<Suggestion> suggestions(AssessmentView assessment, boolean dismissedOnes) {
        long assessmentId = assessment.id();
        Mpem mpem = modelService.model();
        Set<String> dismissed = Set.copyOf(jdbc.sql(
                "select dimension_code || ':' || level_number from action_dismissals where assessment_id = ?")
                .param(assessmentId).query(String.class).list());
        Set<String> planned = items.findByAssessmentIdOrderByIdAsc(assessmentId).stream()
                .filter(item -> item.targetLevel() != null)
                .map(item -> item.dimensionCode() + ":" + item.targetLevel()).collect(Collectors.toSet());
        List<Suggestion> suggestions = new ArrayList<>();
        for (Dimension dimension : mpem.dimensions()) {
            RatingView rating = assessment.rating(dimension.code());
            if (!rating.rated() || rating.target() <= rating.current()) {
                continue;
            }
            for (int level = rating.current() + 1; level <= rating.target(); level++) {
                String key = dimension.code() + ":" + level;
                if (planned.contains(key) || dismissed.contains(key) != dismissedOnes) {
                    continue;
                }
                suggestions.add(Suggestion.of(dimension, mpem.level(level), rating.current(), rating.target()));
            }
        }
        return suggestions;
    }

    /** Takes a suggestion into the plan as it stands (planned, no owner or date yet). */
    @Transactional
    public ActionView accept(long assessmentId, String dimensionCode, Integer level) {
        Suggestion suggestion = suggestion(assessmentId, dimensionCode, level);
        return create(assessmentId, suggestion.form());
    }

    /** The suggestion for a dimension and level, dismissed or not, as a form to edit before it is added. */
    public Suggestion suggestion(long assessmentId, String dimensionCode, Integer level) {
        AssessmentView assessment = assessments.get(assessmentId);
        List<Suggestion> all = new ArrayList<>(suggestions(assessment, false));
        all.addAll(suggestions(assessment, true));
        return all.stream().filter(s -> s.dimension().code().equals(dimensionCode) && Objects.equals(s.level().number(), level))
                .findFirst().orElseThrow(() -> new InvalidInputException("suggestion",
                        Words.say("action.suggestion.gone"), dimensionCode + ":" + level));
    }

    @Transactional
    public void dismiss(long assessmentId, String dimensionCode, Integer level) {
        Suggestion suggestion = suggestion(assessmentId, dimensionCode, level);
        AssessmentView assessment = assessments.get(assessmentId);
        int added = jdbc.sql("""
                insert into action_dismissals (assessment_id, dimension_code, level_number, dismissed_at, dismissed_by)
                select ?, ?, ?, ?, ? where not exists (select 1 from action_dismissals
                    where assessment_id = ? and dimension_code = ? and level_number = ?)""")
                .params(assessmentId, dimensionCode, level, java.sql.Timestamp.from(clock.instant()),
                        currentUser.username(), assessmentId, dimensionCode, level)
                .update();
        if (added > 0) {
            events.publishEvent(new ActionEvents.SuggestionDismissed(assessment.organisationId(), assessmentId,
                    suggestion.dimension().name(), suggestion.level().label()));
        }
    }

    @Transactional
    public void restore(long assessmentId, String dimensionCode, Integer level) {
        assessments.get(assessmentId);
        jdbc.sql("delete from action_dismissals where assessment_id = ? and dimension_code = ? and level_number = ?")
                .params(assessmentId, dimensionCode, level).update();
    }

    // ---- re-assessment

    /**
     * A re-assessment started: every open item of the plan before it continues in the new plan. The
     * earlier item stays as it was and is read-only from now on; the continuation is worked on.
     */
    @EventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void carryOpenItems(AssessmentEvents.ReassessmentStarted started) {
        List<ActionItem> open = items.findForCarry(started.previousAssessmentId()).stream()
                .filter(item -> item.status().open() && !item.carriedOn()).toList();
        if (open.isEmpty()) {
            return;
        }
        String by = currentUser.username();
        items.saveAllAndFlush(open.stream()
                .map(item -> ActionItem.continuationOf(item, started.assessmentId(), by, clock.instant())).toList());
        events.publishEvent(new ActionEvents.ActionsCarried(started.organisationId(), started.assessmentId(),
                open.size(), started.previousTitle()));
    }

    /**
     * What became of the plan of {@code from} by the later assessment {@code to}: each item of the
     * earlier plan is followed along its continuations (one chain counts once) up to {@code to}, and
     * counted by where it ended: done, still open (and overdue among those), or dropped.
     */
    public PlanProgress progress(AssessmentView from, AssessmentView to) {
        Map<Long, AssessmentSummary> byId = assessments.summariesOf(from.organisationId()).stream()
                .collect(Collectors.toMap(AssessmentSummary::id, s -> s));
        List<ActionItem> all = items.findByAssessmentIdInOrderByIdAsc(byId.keySet());
        Map<Long, ActionItem> byIdOfItem = all.stream().collect(Collectors.toMap(ActionItem::id, item -> item));
        LocalDate today = today();
        Map<String, PlanProgress.Counts> byDimension = new LinkedHashMap<>();
        modelService.model().dimensions().forEach(d -> byDimension.put(d.code(), PlanProgress.Counts.NONE));
        for (ActionItem item : all) {
            if (item.assessmentId() != from.id()) {
                continue;
            }
            ActionItem end = item;
            while (end.carriedTo() != null && end.assessmentId() != to.id()) {
                ActionItem next = byIdOfItem.get(end.carriedTo());
                AssessmentSummary nextAssessment = next == null ? null : byId.get(next.assessmentId());
                if (nextAssessment == null || after(nextAssessment, to)) {
                    break;
                }
                end = next;
            }
            byDimension.merge(item.dimensionCode(), PlanProgress.Counts.of(end.status(), end.overdue(today)),
                    PlanProgress.Counts::plus);
        }
        PlanProgress.Counts total = byDimension.values().stream().reduce(PlanProgress.Counts.NONE, PlanProgress.Counts::plus);
        return new PlanProgress(byDimension, total);
    }

    /** Whether an assessment comes after another in the organisation's history (by date, then as created). */
    private static boolean after(AssessmentSummary assessment, AssessmentView other) {
        return assessment.assessedOn().isAfter(other.assessedOn())
                || assessment.assessedOn().equals(other.assessedOn()) && assessment.id() > other.id();
    }

    // ---- reading

    /** Counts by status of a plan, and how many open items are overdue. */
    public static Map<String, Integer> counts(List<ActionView> plan) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ActionStatus status : ActionStatus.values()) {
            counts.put(status.name(), (int) plan.stream().filter(item -> item.status() == status).count());
        }
        counts.put("OVERDUE", (int) plan.stream().filter(ActionView::overdue).count());
        return counts;
    }

    /** The open items with a due date (carried ones excluded), soonest first. */
    public static List<ActionView> dueNext(List<ActionView> plan) {
        return plan.stream().filter(item -> item.open() && item.editable() && item.dueOn() != null)
                .sorted(Comparator.comparing(ActionView::dueOn).thenComparing(ActionView::id)).toList();
    }

    /**
     * A value that changes whenever anything a report shows of action plans changes: every plan of
     * the organisation (the report compares with the plan before), the owners' names, and the day
     * (items fall overdue). It checks no access: the report's own key does that first.
     */
    public String version(long assessmentId) {
        String plans = jdbc.sql("""
                select count(*) || ':' || coalesce(sum(i.version), 0) || ':' || coalesce(max(i.id), 0)
                from action_items i join assessments a on a.id = i.assessment_id
                where a.organisation_id = (select organisation_id from assessments where id = ?)""")
                .param(assessmentId).query(String.class).single();
        return plans + ":" + today();
    }

    /**
     * Accounts that may own an item of an organisation's plan, for the owner field's choices: the
     * consultants and admins, and the executives granted that organisation (no other client's).
     */
    public List<UserView> possibleOwners(long organisationId) {
        return accounts.all().stream().filter(UserView::enabled)
                .filter(u -> u.role() != dev.mpem.portal.account.Role.EXECUTIVE || u.organisations().contains(organisationId))
                .toList();
    }

    // ---- checks

    /** The form checked against the model, the calendar and the accounts; {@code status} when it names none. */
    private ActionDetails check(ActionForm form, ActionStatus defaultStatus) {
        Mpem mpem = modelService.model();
        List<FieldProblem> problems = new ArrayList<>(Violations.of(validator, form));
        if (form.dimension() == null) {
            problems.add(new FieldProblem("dimension", Words.say("action.dimension.required"), null));
        }
        else if (mpem.findDimension(form.dimension()).isEmpty()) {
            problems.add(new FieldProblem("dimension", Words.say("action.dimension.unknown", form.dimension()),
                    form.dimension()));
        }
        ActionStatus status = defaultStatus;
        if (form.status() != null) {
            Optional<ActionStatus> known = java.util.Arrays.stream(ActionStatus.values())
                    .filter(s -> s.name().equalsIgnoreCase(form.status())).findFirst();
            if (known.isEmpty()) {
                problems.add(new FieldProblem("status", Words.say("action.status.unknown", form.status()), form.status()));
            }
            else {
                status = known.get();
            }
        }
        LocalDate dueOn = null;
        if (form.dueOn() != null) {
            try {
                dueOn = LocalDate.parse(form.dueOn());
                if (dueOn.getYear() < 2000 || dueOn.getYear() > 2200) {
                    problems.add(new FieldProblem("dueOn", Words.say("action.dueOn.range", form.dueOn()), form.dueOn()));
                }
            }
            catch (DateTimeParseException e) {
                problems.add(new FieldProblem("dueOn", Words.say("action.dueOn.invalid", form.dueOn()), form.dueOn()));
            }
        }
        String ownerAccount = null;
        if (form.ownerAccount() != null && form.ownerAccount().length() <= 100) {
            Optional<UserView> account = accounts.find(form.ownerAccount());
            if (account.isEmpty()) {
                problems.add(new FieldProblem("ownerAccount", Words.say("action.ownerAccount.unknown", form.ownerAccount()),
                        form.ownerAccount()));
            }
            else {
                ownerAccount = account.get().username();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(dedupe(problems));
        }
        return new ActionDetails(form.dimension(), form.title(), form.description(), form.owner(), ownerAccount, dueOn,
                status, form.targetLevel());
    }

    private static List<FieldProblem> dedupe(List<FieldProblem> problems) {
        Map<String, FieldProblem> first = new LinkedHashMap<>();
        problems.forEach(problem -> first.putIfAbsent(problem.field() + "\u0000" + problem.message(), problem));
        return List.copyOf(first.values());
    }

    private static List<String> changedFields(ActionDetails before, ActionDetails after) {
        Map<String, Boolean> changed = new LinkedHashMap<>();
        changed.put("dimension", !Objects.equals(before.dimension(), after.dimension()));
        changed.put("title", !Objects.equals(before.title(), after.title()));
        changed.put("description", !Objects.equals(before.description(), after.description()));
        changed.put("owner", !Objects.equals(before.owner(), after.owner())
                || !Objects.equals(before.ownerAccount(), after.ownerAccount()));
        changed.put("dueOn", !Objects.equals(before.dueOn(), after.dueOn()));
        changed.put("targetLevel", !Objects.equals(before.targetLevel(), after.targetLevel()));
        return changed.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    private String dimensionName(String code) {
        return modelService.model().findDimension(code).map(Dimension::name).orElse(code);
    }

    /** The item, if the reader may see its assessment; otherwise it is "not found". */
    private ActionItem find(long actionId) {
        return visible(items.findById(actionId), actionId);
    }

    /** The item locked for a change (see {@link ActionRepository#findForChange}), if the reader may see it. */
    private ActionItem findForChange(long actionId) {
        return visible(items.findForChange(actionId), actionId);
    }

    private ActionItem visible(Optional<ActionItem> found, long actionId) {
        ActionItem item = found.orElseThrow(() -> new ActionNotFoundException(actionId));
        try {
            assessments.get(item.assessmentId());
        }
        catch (dev.mpem.portal.shared.NotFoundException e) {
            throw new ActionNotFoundException(actionId);
        }
        return item;
    }

    /** Today where the reader is (their time zone, else the portal's). */
    LocalDate today() {
        return LocalDate.now(clock.withZone(times.readerZone()));
    }

}
