package dev.mpem.portal.assessment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A completed assessment was opened again for changes: who did it, when and why. */
@Entity
@Table(name = "assessment_reopenings")
class Reopening {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "reopened_at")
    private Instant reopenedAt;

    @Column(name = "reopened_by")
    private String reopenedBy;

    private String reason;

    protected Reopening() {
    }

    Reopening(String reopenedBy, String reason, Instant reopenedAt) {
        this.reopenedBy = reopenedBy;
        this.reason = reason;
        this.reopenedAt = reopenedAt;
    }

    ReopeningView view() {
        return new ReopeningView(reopenedAt, reopenedBy, reason);
    }
}
