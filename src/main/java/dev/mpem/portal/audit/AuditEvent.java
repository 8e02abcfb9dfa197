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

    /** The sentence of an entry written before codes were stored; null since. */
    private String summary;

    /** The message code of the details, with {@link #arguments} as a JSON array. */
    private String code;

    private String arguments;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, String action, Long organisationId, Long assessmentId, String code,
            String arguments) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.organisationId = organisationId;
        this.assessmentId = assessmentId;
        this.code = code;
        this.arguments = arguments;
    }

    /** The entry with its details in words: rendered from the code, or the sentence stored before codes were. */
    AuditEntry view(AuditDetails details, java.util.Locale locale) {
        String words = code == null ? summary : details.render(code, arguments, locale);
        return new AuditEntry(id, occurredAt, actor, action, organisationId, assessmentId, words);
    }
}
