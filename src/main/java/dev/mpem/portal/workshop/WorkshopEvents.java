package dev.mpem.portal.workshop;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;

/** What happens to workshops, published for whoever records it (the audit trail). */
public final class WorkshopEvents {

    private WorkshopEvents() {
    }

    public record WorkshopOpened(Long organisationId, Long assessmentId, String joinCode, boolean anonymous)
            implements Audited {
        public String action() { return "WORKSHOP_OPENED"; }
        public Phrase details() {
            return Phrase.of(anonymous ? "audit.WORKSHOP_OPENED.anonymous" : "audit.WORKSHOP_OPENED.named", joinCode);
        }
    }

    /** A survey for rating from afar, with its invitees and its last day. */
    public record SurveyOpened(Long organisationId, Long assessmentId, String joinCode, int invitees,
            java.time.LocalDate closesOn) implements Audited {
        public String action() { return "WORKSHOP_OPENED"; }
        public Phrase details() { return Phrase.of("audit.SURVEY_OPENED", invitees, closesOn); }
    }

    public record WorkshopClosed(Long assessmentId, String joinCode) implements Audited {
        public String action() { return "WORKSHOP_CLOSED"; }
        public Phrase details() { return Phrase.of("audit.WORKSHOP_CLOSED", joinCode); }
    }
}
