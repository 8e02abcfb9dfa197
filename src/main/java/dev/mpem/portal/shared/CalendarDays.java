package dev.mpem.portal.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import biweekly.util.ICalDate;

/** Dates for the portal's calendar files (biweekly). */
public final class CalendarDays {

    private CalendarDays() {
    }

    /** An all-day date; biweekly writes dates without a time in the JVM's default zone. */
    public static ICalDate allDay(LocalDate date) {
        return new ICalDate(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
    }
}
