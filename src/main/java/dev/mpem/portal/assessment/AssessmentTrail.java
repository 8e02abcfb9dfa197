package dev.mpem.portal.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What happened to an assessment, newest first, with its details in words, as its page lists it.
 * The audit trail provides it (it depends on assessments, not the other way round).
 */
public interface AssessmentTrail {

    List<Entry> of(long assessmentId, Locale locale);

    record Entry(Instant occurredAt, String actor, String action, String summary) {
    }
}
