package dev.mpem.portal.workshop;

import java.time.Instant;
import java.util.Set;

public record WorkshopView(long id, long assessmentId, String joinCode, boolean anonymous, String status,
        String currentDimension, String openedBy, Instant openedAt, Set<String> revealed) {

    static WorkshopView of(Workshop workshop) {
        return new WorkshopView(workshop.id(), workshop.assessmentId(), workshop.joinCode(), workshop.anonymous(),
                workshop.status().name(), workshop.currentDimension(), workshop.openedBy(), workshop.openedAt(),
                Set.copyOf(workshop.reveals().keySet()));
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean revealed(String dimension) {
        return revealed.contains(dimension);
    }
}
