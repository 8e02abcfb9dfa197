package dev.mpem.portal.account;

import java.time.Instant;

/** A personal API token as its owner sees it in the list: never the token itself. */
public record ApiTokenView(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        long useCount, Instant revokedAt, String revokedBy, Status status) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
