package dev.mpem.portal.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item as readers see it. {@code overdue}: open, not carried on, and its due date has
 * passed where the reader is. {@code carriedFrom} / {@code carriedTo}: the item it continues from an
 * earlier assessment's plan, and its continuation in a later one (it is then read-only).
 */
public record ActionView(long id, long assessmentId, String dimension, String title, String description, String owner,
        String ownerAccount, LocalDate dueOn, ActionStatus status, Integer targetLevel, Long carriedFrom, Long carriedTo,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version, boolean overdue) {

    public boolean open() {
        return status.open();
    }

    /** Whether it can still be changed here (not carried into a later assessment). */
    public boolean editable() {
        return carriedTo == null;
    }
}
