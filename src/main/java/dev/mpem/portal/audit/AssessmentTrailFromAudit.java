package dev.mpem.portal.audit;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.mpem.portal.assessment.AssessmentTrail;

/** An assessment's page lists its audit entries. */
@Component
class AssessmentTrailFromAudit implements AssessmentTrail {

    private final AuditService audit;

    AssessmentTrailFromAudit(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public List<Entry> of(long assessmentId, Locale locale) {
        return audit.ofAssessment(assessmentId, locale).stream()
                .map(e -> new Entry(e.occurredAt(), e.actor(), e.action(), e.summary())).toList();
    }
}
