package dev.mpem.portal.history;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.shared.FormSubmission;
import dev.mpem.portal.shared.NotFoundException;

/** An organisation's history: timeline, planned versus actual, trend; and its CSV and calendar exports. */
@Controller
class HistoryController {

    private final HistoryService history;
    private final HistoryTrend trend;
    private final HistoryCsv csv;
    private final ReassessmentCalendar calendar;
    private final OrganisationService organisations;

    HistoryController(HistoryService history, HistoryTrend trend, HistoryCsv csv, ReassessmentCalendar calendar,
            OrganisationService organisations) {
        this.history = history;
        this.trend = trend;
        this.csv = csv;
        this.calendar = calendar;
        this.organisations = organisations;
    }

    @GetMapping("/organisations/{id}/history")
    String page(@PathVariable long id, @RequestParam(name = "from", required = false) Long from,
            @RequestParam(name = "to", required = false) Long to,
            @RequestParam(name = "dimension", required = false) String dimension, Model model,
            HttpServletResponse response) {
        OrganisationView organisation = organisations.get(id);
        List<TimelineEntry> timeline = history.timeline(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("timeline", TimelineEntry.newestFirst(timeline));
        model.addAttribute("trend", trend.chart(id, dimension));
        model.addAttribute("dimension", dimension);
        model.addAttribute("dateWarnings",
                history.futureDateWarnings(timeline.stream().map(TimelineEntry::assessment).toList()));
        // The choices stay as chosen, also when they are refused.
        model.addAttribute("selectedFrom", from);
        model.addAttribute("selectedTo", to);
        return FormSubmission.of(response, problem -> {
            model.addAttribute("compareProblem", problem);
            return "history/history";
        }).submit(() -> {
            history.compare(id, from, to).ifPresent(progress -> {
                model.addAttribute("progress", progress);
                model.addAttribute("previousPlan", history.planProgress(progress));
                model.addAttribute("selectedFrom", progress.from().id());
                model.addAttribute("selectedTo", progress.to().id());
            });
            return "history/history";
        });
    }

    @GetMapping("/organisations/{id}/history.csv")
    ResponseEntity<String> csv(@PathVariable long id) {
        OrganisationView organisation = organisations.get(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("MPEM history - " + organisation.name() + ".csv"))
                .body(csv.of(id));
    }

    @GetMapping("/organisations/{id}/next-assessment.ics")
    ResponseEntity<String> calendar(@PathVariable long id) {
        OrganisationView organisation = organisations.get(id);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/organisations/" + id).toUriString();
        String ics = calendar.of(id, url).orElseThrow(() -> new NoDueDateException(organisation));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("MPEM re-assessment - " + organisation.name() + ".ics"))
                .body(ics);
    }


    static String attachment(String name) {
        return dev.mpem.portal.shared.Downloads.attachment(name);
    }

    static class NoDueDateException extends NotFoundException {
        NoDueDateException(OrganisationView organisation) {
            super(organisation.name() + " has no completed assessment yet, so no next assessment is due.",
                    "organisationId");
        }
    }
}
