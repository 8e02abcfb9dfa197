package dev.mpem.portal.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.mpem.portal.account.CurrentUser;
import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Text;

/**
 * Records who did what. The features publish {@link Audited} events; each is written here, as it
 * is published, in the transaction of the change it records (or in one of its own when there is
 * none, as for a sign-in), so there is never a change without its record nor a record of a change
 * that was rolled back.
 */
@Service
public class AuditService {

    private final AuditRepository events;
    private final AuditDetails details;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditService(AuditRepository events, AuditDetails details, CurrentUser currentUser, Clock clock) {
        this.events = events;
        this.details = details;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records an event, by the signed-in user (or the system when nobody is signed in) unless it names its actor. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Audited event) {
        AuditAction action = AuditAction.valueOf(event.action());
        String actor = event.actor() != null ? event.actor() : currentUser.username();
        String who = Text.abbreviate(Text.clean(actor), 100);
        events.save(new AuditEvent(clock.instant(), who, action.name(), event.organisationId(), event.assessmentId(),
                event.details().code(), details.write(event.details().arguments())));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofAssessment(long assessmentId, Locale locale) {
        return events.findByAssessmentIdOrderByOccurredAtDescIdDesc(assessmentId).stream()
                .map(event -> event.view(details, locale)).toList();
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> page(AuditAction action, int page, int size, Locale locale) {
        PageRequest request = PageRequest.of(Math.max(page, 0), size);
        return (action == null ? events.findAllByOrderByOccurredAtDescIdDesc(request)
                : events.findByActionOrderByOccurredAtDescIdDesc(action.name(), request))
                .map(event -> event.view(details, locale));
    }
}
