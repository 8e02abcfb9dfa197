package dev.mpem.portal.reminder;

import java.time.LocalDate;

/**
 * One reminder due today: about an organisation's re-assessment or one of its actions
 * ({@code subjectId} is the organisation's or the action's id), for one {@code occasion} of it.
 */
record Reminder(Kind kind, long subjectId, Occasion occasion, LocalDate dueOn, long organisationId,
        String organisationName, String actionTitle, String contactEmail) {

    enum Kind { REASSESSMENT, ACTION }

    /** Which of a due date's reminders: before it, on the day, or after it. */
    enum Occasion { SOON, DUE, OVERDUE_1, OVERDUE_2, OVERDUE_3 }
}
