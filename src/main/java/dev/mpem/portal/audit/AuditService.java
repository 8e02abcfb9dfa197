package dev.mpem.portal.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.security.CurrentUser;
import dev.mpem.portal.system.Text;

/**
 * Records who did what. An event is written in the transaction of the change it records, so there
 * is never a change without its record nor a record of a change that was rolled back.
 */
@Service
public class AuditService {

    private static final int MAX_SUMMARY = 4000;

    private final AuditRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditService(AuditRepository events, CurrentUser currentUser, Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records an action of the signed-in user (or of the system when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, Long organisationId, Long assessmentId, String summary) {
        recordAs(currentUser.username(), action, organisationId, assessmentId, summary);
    }

    /** Records an action of a named actor, in a transaction of its own (sign-ins happen outside any). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, AuditAction action, Long organisationId, Long assessmentId, String summary) {
        String text = summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "\u2026" : summary;
        String cleaned = Text.clean(actor);
        String who = cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
        events.save(new AuditEvent(clock.instant(), who, action.name(), organisationId, assessmentId, text));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofAssessment(long assessmentId) {
        return events.findByAssessmentIdOrderByOccurredAtDescIdDesc(assessmentId).stream().map(AuditEvent::view).toList();
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> page(AuditAction action, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), size);
        return (action == null ? events.findAllByOrderByOccurredAtDescIdDesc(request)
                : events.findByActionOrderByOccurredAtDescIdDesc(action.name(), request)).map(AuditEvent::view);
    }
}
