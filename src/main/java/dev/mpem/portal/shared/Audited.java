package dev.mpem.portal.shared;

/**
 * A domain event that the audit trail records. A feature publishes it (with Spring's
 * {@code ApplicationEventPublisher}) inside the transaction of the change it describes; the audit
 * trail listens synchronously in that same transaction, so a change is never saved without its
 * entry. Features know this interface, never the audit module.
 */
public interface Audited {

    /** What happened: one of the audit trail's actions, e.g. {@code RATING_CHANGED}. */
    String action();

    /** The details, as a message code and arguments. */
    Phrase details();

    default Long organisationId() {
        return null;
    }

    default Long assessmentId() {
        return null;
    }

    /** Who did it, when that is not the signed-in user: someone signing in, or the system. */
    default String actor() {
        return null;
    }
}
