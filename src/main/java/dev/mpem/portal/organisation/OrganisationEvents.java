package dev.mpem.portal.organisation;

import java.util.List;

import dev.mpem.portal.shared.Audited;
import dev.mpem.portal.shared.Phrase;

/** What happens to organisations, published for whoever records it (the audit trail). */
public final class OrganisationEvents {

    private OrganisationEvents() {
    }

    public record OrganisationCreated(Long organisationId, String name) implements Audited {
        public String action() { return "ORGANISATION_CREATED"; }
        public Phrase details() { return Phrase.of("audit.ORGANISATION_CREATED", name); }
    }

    /** Changed details, each a {@code audit.change.*} phrase. */
    public record OrganisationChanged(Long organisationId, List<Phrase> changes) implements Audited {
        public String action() { return "ORGANISATION_CHANGED"; }
        public Phrase details() {
            return Phrase.of("audit.ORGANISATION_CHANGED", changes.isEmpty() ? Phrase.of("audit.nothing") : changes);
        }
    }
}
