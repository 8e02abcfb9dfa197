package dev.mpem.portal.history;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.CalendarScale;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import dev.mpem.portal.organisation.OrganisationService;
import dev.mpem.portal.organisation.OrganisationView;
import dev.mpem.portal.shared.Text;

/**
 * The next assessment of an organisation as an all-day iCalendar event on its due date, written by
 * biweekly (RFC 5545 escaping and line folding).
 */
@Component
public class ReassessmentCalendar {

    private final OrganisationService organisations;
    private final MessageSource messages;
    private final Clock clock;

    ReassessmentCalendar(OrganisationService organisations, MessageSource messages, Clock clock) {
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    /** The calendar file; empty before the organisation has a completed assessment. */
    public Optional<String> of(long organisationId, String organisationUrl) {
        OrganisationView organisation = organisations.get(organisationId);
        LocalDate due = organisation.nextAssessmentDue();
        if (due == null) {
            return Optional.empty();
        }
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//MPEM portal//Re-assessment//EN");
        calendar.setCalendarScale(CalendarScale.gregorian());
        calendar.setMethod(Method.publish());
        VEvent event = new VEvent();
        event.setUid("mpem-next-assessment-" + organisation.id() + "-" + due + "@mpem-portal");
        event.setDateTimeStamp(Date.from(clock.instant()));
        event.setDateStart(new DateStart(dev.mpem.portal.shared.CalendarDays.allDay(due)));
        event.setDateEnd(new DateEnd(dev.mpem.portal.shared.CalendarDays.allDay(due.plusDays(1))));
        event.setSummary(message("calendar.summary", organisation.name()));
        event.setDescription(description(message("calendar.description", organisation.name(),
                organisation.reassessMonths(), organisation.lastCompletedOn(), organisationUrl)));
        event.setUrl(organisationUrl);
        calendar.addEvent(event);
        return Optional.of(Biweekly.write(calendar).go());
    }

    /** Every kind of line break as a plain one, which the calendar format escapes. */
    static String description(String text) {
        return Text.LINE_BREAK.matcher(text).replaceAll("\n");
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

}
