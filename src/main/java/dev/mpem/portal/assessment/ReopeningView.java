package dev.mpem.portal.assessment;

import java.time.Instant;

public record ReopeningView(Instant reopenedAt, String reopenedBy, String reason) {
}
