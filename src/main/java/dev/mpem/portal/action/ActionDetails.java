package dev.mpem.portal.action;

import java.time.LocalDate;

/** An action item's content once checked: a known dimension and status, a date, a level 1-5 or none. */
record ActionDetails(String dimension, String title, String description, String owner, String ownerAccount,
        LocalDate dueOn, ActionStatus status, Integer targetLevel) {
}
