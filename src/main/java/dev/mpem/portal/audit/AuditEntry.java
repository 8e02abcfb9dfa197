package dev.mpem.portal.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant occurredAt, String actor, String action, Long organisationId,
        Long assessmentId, String summary) {
}
