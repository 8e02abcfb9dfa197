package dev.mpem.portal.history;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.mpem.portal.assessment.AssessmentNotFoundException;
import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.assessment.RatingView;
import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.model.Mpem;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.report.GapReport;
import dev.mpem.portal.report.Progress;
import dev.mpem.portal.report.ReportService;
import dev.mpem.portal.shared.Csv;
import dev.mpem.portal.shared.InvalidInputException;
import dev.mpem.portal.shared.Text;

/** An organisation's assessments over time: timeline, planned versus actual, trend and exports. */
@Service
public class HistoryService {

    private final AssessmentService assessments;
    private final OrganisationService organisations;
    private final ReportService reports;
    private final ModelService modelService;
    private final Clock clock;

    HistoryService(AssessmentService assessments, OrganisationService organisations, ReportService reports,
            ModelService modelService, Clock clock) {
        this.assessments = assessments;
        this.organisations = organisations;
        this.reports = reports;
        this.modelService = modelService;
        this.clock = clock;
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
                    "Name both assessments to compare, 'from' and 'to', or neither for the latest two.", null);
        }
        if (fromId.equals(toId)) {
            throw new InvalidInputException("to", "Choose two different assessments to compare.", toId);
        }
        AssessmentView from = find(all, fromId);
        AssessmentView to = find(all, toId);
        if (all.indexOf(from) > all.indexOf(to)) {
            throw new InvalidInputException("from", "The earlier assessment (\u201c" + from.title() + "\u201d of "
                    + from.assessedOn() + ") comes after the later one (\u201c" + to.title() + "\u201d of "
                    + to.assessedOn() + "). Choose the older assessment under \u201cfrom\u201d, or swap the two.",
                    fromId);
        }
        return Optional.of(reports.progress(from, to));
    }

    /** Assessments dated after today: allowed (a workshop planned ahead), but worth a word wherever dates are compared. */
    public List<String> futureDateWarnings(List<AssessmentView> assessments) {
        return assessments.stream().filter(a -> this.assessments.inTheFuture(a.assessedOn()))
                .map(a -> "\u201c" + a.title() + "\u201d is dated " + a.assessedOn() + ", which lies in the future."
                        + " Comparisons, trends and the next due date count from that date; if it was a typing"
                        + " mistake, the assessment\u2019s details can be corrected.")
                .toList();
    }

    private static AssessmentView find(List<AssessmentView> all, long id) {
        return all.stream().filter(a -> a.id() == id).findFirst().orElseThrow(() -> new AssessmentNotFoundException(id));
    }

    /** Category and overall averages (current) over the completed assessments; one dimension on demand. */
    public String trendChart(long organisationId, String dimensionCode) {
        Mpem mpem = modelService.model();
        List<GapReport> completed = assessments.historyOf(organisationId).stream().filter(AssessmentView::completed)
                .map(reports::of).toList();
        List<String> labels = completed.stream().map(r -> r.assessment().assessedOn().toString()).toList();
        List<TrendChart.Series> series = new ArrayList<>();
        for (int c = 0; c < mpem.categories().size(); c++) {
            int category = c;
            series.add(new TrendChart.Series(mpem.categories().get(c).shortName(),
                    completed.stream().map(r -> r.categories().get(category).averages().current()).toList(), false));
        }
        series.add(new TrendChart.Series("Overall", completed.stream().map(r -> r.overall().current()).toList(), false));
        mpem.findDimension(dimensionCode).ifPresent(dimension -> {
            series.add(new TrendChart.Series(dimension.name() + " (current)",
                    completed.stream().map(r -> level(r.dimension(dimension.code()).current())).toList(), false));
            series.add(new TrendChart.Series(dimension.name() + " (target)",
                    completed.stream().map(r -> level(r.dimension(dimension.code()).target())).toList(), true));
        });
        return completed.isEmpty() ? null : TrendChart.draw(labels, series, "trend");
    }

    private static BigDecimal level(Integer level) {
        return level == null ? null : BigDecimal.valueOf(level);
    }

    /** One row per assessment and dimension, oldest assessment first. */
    public String csv(long organisationId) {
        OrganisationView organisation = organisations.get(organisationId);
        Csv csv = new Csv().row("organisation", "assessment_id", "assessment_title", "assessed_on", "status",
                "dimension", "dimension_name", "category", "current", "target", "gap", "confidence", "notes");
        for (AssessmentView assessment : assessments.historyOf(organisationId)) {
            for (Dimension dimension : modelService.model().dimensions()) {
                RatingView rating = assessment.rating(dimension.code());
                csv.row(organisation.name(), assessment.id(), assessment.title(), assessment.assessedOn(),
                        assessment.status(), dimension.code(), dimension.name(), dimension.categoryCode(),
                        rating.current(), rating.target(), rating.gap(), rating.confidence(), rating.notes());
            }
        }
        return csv.toString();
    }

    /**
     * The next assessment as an all-day iCalendar event on its due date; empty before the
     * organisation has a completed assessment.
     */
    public Optional<String> nextAssessmentCalendar(long organisationId, String organisationUrl) {
        OrganisationView organisation = organisations.get(organisationId);
        if (organisation.nextAssessmentDue() == null) {
            return Optional.empty();
        }
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now(clock));
        String summary = "MPEM re-assessment: " + organisation.name();
        String description = "Next MPEM assessment of " + organisation.name() + ", due "
                + organisation.reassessMonths() + " months after the assessment of " + organisation.lastCompletedOn()
                + ". " + organisationUrl;
        List<String> lines = List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MPEM portal//Re-assessment//EN",
                "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
                "UID:mpem-next-assessment-" + organisation.id() + "-" + organisation.nextAssessmentDue() + "@mpem-portal",
                "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + day.format(organisation.nextAssessmentDue()),
                "DTEND;VALUE=DATE:" + day.format(organisation.nextAssessmentDue().plusDays(1)),
                "SUMMARY:" + icsText(summary), "DESCRIPTION:" + icsText(description), "URL:" + organisationUrl,
                "END:VEVENT", "END:VCALENDAR");
        StringBuilder ics = new StringBuilder();
        lines.forEach(line -> ics.append(fold(line)).append("\r\n"));
        return Optional.of(ics.toString());
    }

    /** RFC 5545 text: backslash, semicolon, comma escaped; every kind of line break (a lone CR too) as \\n. */
    static String icsText(String text) {
        String escaped = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,");
        return Text.LINE_BREAK.matcher(escaped).replaceAll("\\\\n");
    }

    /** RFC 5545 folds lines longer than 75 octets; continuation lines start with a space. */
    static String fold(String line) {
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            return line;
        }
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length();) {
            int codePoint = line.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                folded.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            folded.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}
