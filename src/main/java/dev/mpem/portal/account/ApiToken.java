package dev.mpem.portal.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal API token: a script calls the API as the token's owner. Only the SHA-256 of the token
 * is stored, with its first characters as a hint for telling tokens apart.
 */
@Entity
@Table(name = "api_tokens")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    private String name;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "token_hint")
    private String tokenHint;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "use_count")
    private long useCount;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiToken() {
    }

    ApiToken(long userId, String name, String tokenHash, String tokenHint, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Revoked once; revoking again changes nothing. */
    boolean revoke(String by, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedBy = by;
        return true;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String name() {
        return name;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    ApiTokenView view(Instant now) {
        ApiTokenView.Status status = revokedAt != null ? ApiTokenView.Status.REVOKED
                : now.isBefore(expiresAt) ? ApiTokenView.Status.ACTIVE : ApiTokenView.Status.EXPIRED;
        return new ApiTokenView(id, name, tokenHint, createdAt, expiresAt, lastUsedAt, useCount, revokedAt, revokedBy,
                status);
    }
}
