package dev.mpem.portal.workshop;

import java.time.Instant;
import java.util.Set;

public record WorkshopView(long id, long assessmentId, String joinCode, boolean anonymous, String status,
        String currentDimension, String openedBy, Instant openedAt, Set<String> revealed, String kind, Instant closesAt) {

    static WorkshopView of(Workshop workshop) {
        return new WorkshopView(workshop.id(), workshop.assessmentId(), workshop.joinCode(), workshop.anonymous(),
                workshop.status().name(), workshop.currentDimension(), workshop.openedBy(), workshop.openedAt(),
                Set.copyOf(workshop.reveals().keySet()), workshop.kind().name(), workshop.closesAt());
    }

    /** A survey: invitees rate from afar until {@code closesAt}. */
    public boolean survey() {
        return "SURVEY".equals(kind);
    }

    /** Whether a survey's closing time has passed (a live workshop never expires). */
    public boolean expired(Instant now) {
        return closesAt != null && !now.isBefore(closesAt);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean revealed(String dimension) {
        return revealed.contains(dimension);
    }
}
