package dev.mpem.portal.organisation;

import java.util.Map;

import dev.mpem.portal.shared.ConflictException;

/** The organisation was changed by someone else after the form was opened. */
public class StaleOrganisationException extends ConflictException {

    private final OrganisationView stored;

    StaleOrganisationException(OrganisationView stored) {
        super("STALE_ORGANISATION", "version", "Someone else changed this organisation after you opened it."
                + " What is stored now is shown; your changes are kept in the form. Save again to replace it.");
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
