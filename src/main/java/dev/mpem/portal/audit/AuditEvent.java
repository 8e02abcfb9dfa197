package dev.mpem.portal.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** Who did what and when. Written once, never changed. */
@Entity
@Immutable
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    private String action;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "assessment_id")
    private Long assessmentId;

    private String summary;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, Long organisationId, Long assessmentId, String summary) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.organisationId = organisationId;
        this.assessmentId = assessmentId;
        this.summary = summary;
    }

    AuditEntry view() {
        return new AuditEntry(id, occurredAt, actor, action, organisationId, assessmentId, summary);
    }
}
