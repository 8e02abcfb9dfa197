package dev.mpem.portal.action;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.CalendarScale;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.mpem.portal.assessment.AssessmentService;
import dev.mpem.portal.assessment.AssessmentView;
import dev.mpem.portal.model.ModelService;
import dev.mpem.portal.shared.Csv;
import dev.mpem.portal.shared.Downloads;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Words;

/**
 * An action plan for the tools people already run: a CSV a work tracker imports (Jira, Azure
 * Boards, Trello: Summary, Description, Assignee, Due date, Status, Labels) and an iCalendar file with
 * one all-day event per open item's due date.
 */
@Controller
class ActionExports {

    private final ActionService actions;
    private final AssessmentService assessments;
    private final ModelService modelService;
    private final Clock clock;

    ActionExports(ActionService actions, AssessmentService assessments, ModelService modelService, Clock clock) {
        this.actions = actions;
        this.assessments = assessments;
        this.modelService = modelService;
        this.clock = clock;
    }

    @GetMapping("/assessments/{id}/actions.csv")
    ResponseEntity<String> csv(@PathVariable long id) {
        AssessmentView assessment = assessments.get(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName(assessment, "csv")))
                .body(csv(actions.planOf(id)));
    }

    /**
     * The columns a tracker maps on import, then what a reader of the file alone needs. Assignee is
     * the owner's portal account (a username a tracker can match), left empty without one; the owner as
     * typed is in Owner. Labels is the dimension code.
     */
    String csv(List<ActionView> plan) {
        Csv csv = new Csv().row("Summary", "Description", "Assignee", "Due date", "Status", "Labels", "Owner",
                "Dimension", "Target level", "Overdue", "Id");
        for (ActionView item : plan) {
            csv.row(item.title(), item.description(), item.ownerAccount(),
                    item.dueOn(), Words.say("action.status." + item.status()), item.dimension(), item.owner(),
                    modelService.model().dimension(item.dimension()).name(), item.targetLevel(),
                    item.overdue() ? "yes" : "no", item.id());
        }
        return csv.toString();
    }

    @GetMapping("/assessments/{id}/actions.ics")
    ResponseEntity<String> calendar(@PathVariable long id) {
        AssessmentView assessment = assessments.get(id);
        String planUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/assessments/" + id + "/actions")
                .build().toUriString();
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//MPEM portal//Action plan//EN");
        calendar.setCalendarScale(CalendarScale.gregorian());
        calendar.setMethod(Method.publish());
        for (ActionView item : ActionService.dueNext(actions.planOf(id))) {
            VEvent event = new VEvent();
            event.setUid("mpem-action-" + item.id() + "@mpem-portal");
            event.setDateTimeStamp(Date.from(clock.instant()));
            event.setDateStart(new DateStart(dev.mpem.portal.shared.CalendarDays.allDay(item.dueOn())));
            event.setDateEnd(new DateEnd(dev.mpem.portal.shared.CalendarDays.allDay(item.dueOn().plusDays(1))));
            event.setSummary(Words.say("action.calendar.summary", item.title()));
            String owner = item.ownerLabel() != null ? item.ownerLabel() : Words.say("action.owner.none");
            event.setDescription(Text.LINE_BREAK.matcher(Words.say("action.calendar.description",
                    assessment.organisationName(), modelService.model().dimension(item.dimension()).name(), owner,
                    Words.say("action.status." + item.status()), item.description() == null ? "" : item.description(),
                    planUrl)).replaceAll("\n"));
            event.setUrl(planUrl);
            calendar.addEvent(event);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName(assessment, "ics")))
                .body(Biweekly.write(calendar).go());
    }

    private static String fileName(AssessmentView assessment, String extension) {
        return "MPEM action plan - " + assessment.organisationName() + " - " + assessment.assessedOn() + "." + extension;
    }

}
