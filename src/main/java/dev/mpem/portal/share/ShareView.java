package dev.mpem.portal.share;

import java.time.Instant;

public record ShareView(long id, long assessmentId, String tokenHint, String createdBy, Instant createdAt,
        Instant expiresAt, Instant revokedAt, String revokedBy, long useCount, Instant lastUsedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public boolean validAt(Instant now) {
        return !revoked() && !expiredAt(now);
    }
}
