package dev.mpem.portal.organisation;

import java.util.Map;

import dev.mpem.portal.shared.ConflictException;
import dev.mpem.portal.shared.Words;

/** The organisation was changed by someone else after the form was opened. */
public class StaleOrganisationException extends ConflictException {

    private final OrganisationView stored;

    StaleOrganisationException(OrganisationView stored) {
        super("STALE_ORGANISATION", "version", Words.say("organisation.stale.refused"));
        this.stored = stored;
    }

    public OrganisationView stored() {
        return stored;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("stored", stored);
    }
}
