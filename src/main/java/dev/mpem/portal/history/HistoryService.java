package dev.mpem.portal.history;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.mpem.portal.assessment.AssessmentNotFoundException;
import dev.mpem.portal.action.ActionService;
import dev.mpem.portal.action.PlanProgress;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.report.Progress;
import dev.mpem.portal.report.ReportService;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Words;

/**
 * An organisation's assessments over time: the timeline and planned versus actual between two of
 * them. The trend chart ({@link HistoryTrend}), the CSV ({@link HistoryCsv}) and the calendar file
 * ({@link ReassessmentCalendar}) have their own classes.
 */
@Service
public class HistoryService {

    private final AssessmentService assessments;
    private final ReportService reports;
    private final ActionService actions;

    HistoryService(AssessmentService assessments, ReportService reports, ActionService actions) {
        this.assessments = assessments;
        this.reports = reports;
        this.actions = actions;
    }

    /** What became of the earlier assessment's action plan by the later one. */
    public PlanProgress planProgress(Progress progress) {
        return actions.progress(progress.from(), progress.to());
    }

    /** Every assessment of the organisation, oldest first, with its overall averages. */
    public List<TimelineEntry> timeline(long organisationId) {
        return assessments.historyOf(organisationId).stream()
                .map(assessment -> new TimelineEntry(assessment, reports.of(assessment).overall())).toList();
    }

    /**
     * Planned versus actual between two assessments of the organisation, by default the latest
     * against the one before. Empty when the organisation has fewer than two assessments.
     */
    public Optional<Progress> compare(long organisationId, Long fromId, Long toId) {
        List<AssessmentView> all = assessments.historyOf(organisationId);
        if (fromId == null && toId == null) {
            return all.size() < 2 ? Optional.empty()
                    : Optional.of(reports.progress(all.get(all.size() - 2), all.get(all.size() - 1)));
        }
        if (fromId == null || toId == null) {
            throw new InvalidInputException(fromId == null ? "from" : "to",
                    Words.say("compare.both"), null);
        }
        if (fromId.equals(toId)) {
            throw new InvalidInputException("to", Words.say("compare.different"), toId);
        }
        AssessmentView from = find(all, fromId);
        AssessmentView to = find(all, toId);
        if (all.indexOf(from) > all.indexOf(to)) {
            throw new InvalidInputException("from", Words.say("compare.backwards", from.title(),
                    from.assessedOn().toString(), to.title(), to.assessedOn().toString()), fromId);
        }
        return Optional.of(reports.progress(from, to));
    }

    /** Assessments dated after today: allowed (a workshop planned ahead), but worth a word wherever dates are compared. */
    public List<String> futureDateWarnings(List<AssessmentView> assessments) {
        return assessments.stream().filter(a -> this.assessments.inTheFuture(a.assessedOn()))
                .map(a -> Words.say("compare.future", a.title(), a.assessedOn().toString()))
                .toList();
    }

    private static AssessmentView find(List<AssessmentView> all, long id) {
        return all.stream().filter(a -> a.id() == id).findFirst().orElseThrow(() -> new AssessmentNotFoundException(id));
    }

}
