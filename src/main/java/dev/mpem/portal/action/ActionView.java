package dev.mpem.portal.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item as readers see it. {@code overdue}: open, not carried on, and its due date has
 * passed where the reader is. {@code carriedFrom} / {@code carriedTo}: the item it continues from an
 * earlier assessment's plan, and its continuation in a later one (it is then read-only).
 * {@code ownerName} is the display name of the {@code ownerAccount}.
 */
public record ActionView(long id, long assessmentId, String dimension, String title, String description, String owner,
        String ownerAccount, String ownerName, LocalDate dueOn, ActionStatus status, Integer targetLevel, Long carriedFrom, Long carriedTo,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version, boolean overdue) {

    /**
     * Who owns it, in words for a report: the owner as typed, else the owner's account by its display
     * name (a username is for sign-in, not for readers of a report), else null.
     */
    public String ownerLabel() {
        return owner != null ? owner : ownerName;
    }

    public boolean open() {
        return status.open();
    }

    /** Whether it can still be changed here (not carried into a later assessment). */
    public boolean editable() {
        return carriedTo == null;
    }
}
