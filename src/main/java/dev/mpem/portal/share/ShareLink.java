package dev.mpem.portal.share;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A read-only link to one assessment's report. Only the SHA-256 of its token is stored, with the
 * token's first characters as a hint for telling links apart.
 */
@Entity
@Table(name = "share_links")
class ShareLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "token_hint")
    private String tokenHint;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "use_count")
    private long useCount;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ShareLink() {
    }

    ShareLink(long assessmentId, String tokenHash, String tokenHint, String createdBy, Instant createdAt,
            Instant expiresAt) {
        this.assessmentId = assessmentId;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    ShareView view() {
        return new ShareView(id, assessmentId, tokenHint, createdBy, createdAt, expiresAt, revokedAt, revokedBy,
                useCount, lastUsedAt);
    }

    long assessmentId() {
        return assessmentId;
    }
}
